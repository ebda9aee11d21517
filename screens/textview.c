/* textview.c — paragraphs wrapped to the window and scrolled (see widgets.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"
#include "widgets.h"

void tv_clear(struct textview *tv)
{
	for (int i = 0; i < tv->n_paras; i++)
		free(tv->paras[i].text);
	free(tv->paras);
	free(tv->lines);
	tv->paras = NULL;
	tv->lines = NULL;
	tv->n_paras = tv->n_lines = 0;
	tv->width = 0;
}

void tv_add(struct textview *tv, int indent, int hang, attr_t attr, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tv->paras = xreallocarray(tv->paras, (size_t)tv->n_paras + 1, sizeof *tv->paras);
	tv->paras[tv->n_paras++] = (struct tv_para){ xstrdup(buf), indent, hang, attr };
	tv->width = 0;   /* needs wrapping */
}

static void add_line(struct textview *tv, int para, const char *start, size_t len, int indent)
{
	tv->lines = xreallocarray(tv->lines, (size_t)tv->n_lines + 1, sizeof *tv->lines);
	tv->lines[tv->n_lines++] = (struct tv_line){ para, start, len, indent };
}

void tv_wrap(struct textview *tv, int width)
{
	free(tv->lines);
	tv->lines = NULL;
	tv->n_lines = 0;
	for (int i = 0; i < tv->n_paras; i++) {
		const struct tv_para *p = &tv->paras[i];
		const char *s = p->text, *next;
		int indent = p->indent;
		do {
			int avail = width - indent > 8 ? width - indent : 8;
			size_t len = text_line(s, avail, &next);
			add_line(tv, i, s, len, indent);
			s = next;
			indent = p->hang;
		} while (*s);
	}
	tv->width = width;
	if (tv->top > tv->n_lines - 1)
		tv->top = tv->n_lines > 0 ? tv->n_lines - 1 : 0;
}

void tv_draw(struct textview *tv, WINDOW *w, int y, int x, int height)
{
	char buf[2048];

	for (int row = 0; row < height && tv->top + row < tv->n_lines; row++) {
		const struct tv_line *l = &tv->lines[tv->top + row];
		attr_t a = tv->paras[l->para].attr;
		snprintf(buf, sizeof buf, "%.*s", (int)l->len, l->start);
		wattron(w, a);
		text_put(w, y + row, x + l->indent, tv->width - l->indent, buf);
		wattroff(w, a);
	}
}

int tv_key(struct textview *tv, enum action act, int height)
{
	int max = tv->n_lines - height > 0 ? tv->n_lines - height : 0, top = tv->top;

	switch (act) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PAGE_UP: top -= height - 1; break;
	case ACT_PAGE_DOWN: top += height - 1; break;
	case ACT_HOME: top = 0; break;
	case ACT_END: top = max; break;
	default: return 0;
	}
	top = top < 0 ? 0 : top > max ? max : top;
	if (top == tv->top)
		return HANDLED;
	tv->top = top;
	return HANDLED | REDRAW;
}
