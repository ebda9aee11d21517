/* textview.c — paragraphs wrapped to the window, scrolled and searched (see widgets.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	tv->paras[tv->n_paras++] = (struct tv_para){ .text = xstrdup(buf), .indent = indent,
						     .hang = hang, .attr = attr };
	tv->width = 0;   /* needs wrapping */
}

void tv_tag(struct textview *tv, int tag)
{
	if (tv->n_paras > 0)
		tv->paras[tv->n_paras - 1].tag = tag;
}

static void tv_add_line(struct textview *tv, int para, const char *start, size_t len, int indent)
{
	tv->lines = xreallocarray(tv->lines, (size_t)tv->n_lines + 1, sizeof *tv->lines);
	tv->lines[tv->n_lines++] = (struct tv_line){ para, start, len, indent };
}

static int tv_max_top(const struct textview *tv)
{
	return tv->n_lines - tv->height > 0 ? tv->n_lines - tv->height : 0;
}

static void tv_clamp(struct textview *tv)
{
	if (tv->top > tv_max_top(tv))
		tv->top = tv_max_top(tv);
	if (tv->top < 0)
		tv->top = 0;
	if (tv->cur >= tv->n_lines)
		tv->cur = tv->n_lines - 1;
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
			tv_add_line(tv, i, s, len, indent);
			s = next;
			indent = p->hang;
		} while (*s);
	}
	tv->width = width;
	tv_clamp(tv);
}

/* Keep the cursor in the rows shown. */
static void tv_follow(struct textview *tv)
{
	if (tv->cur < tv->top)
		tv->top = tv->cur;
	if (tv->cur >= tv->top + tv->height)
		tv->top = tv->cur - tv->height + 1;
	tv_clamp(tv);
}

static void tv_mark(const struct textview *tv, int line, int *para, size_t *offset)
{
	*para = -1;
	*offset = 0;
	if (line < 0 || line >= tv->n_lines)
		return;
	*para = tv->lines[line].para;
	*offset = (size_t)(tv->lines[line].start - tv->paras[*para].text);
}

/* The line of paragraph `para` holding `offset` into its text; `fallback` when none. */
static int tv_line_at(const struct textview *tv, int para, size_t offset, int fallback)
{
	int found = -1;

	if (para < 0 || para >= tv->n_paras)
		return fallback;
	for (int i = 0; i < tv->n_lines; i++)
		if (tv->lines[i].para == para && (found < 0 || (size_t)(tv->lines[i].start - tv->paras[para].text) <= offset))
			found = i;
	return found >= 0 ? found : fallback;
}

struct tv_place tv_place_save(const struct textview *tv)
{
	struct tv_place p = { .top = tv->top, .cur = tv->cur };

	tv_mark(tv, tv->top, &p.top_para, &p.top_offset);
	tv_mark(tv, tv->cur, &p.cur_para, &p.cur_offset);
	return p;
}

void tv_place_restore(struct textview *tv, const struct tv_place *p)
{
	tv->top = tv_line_at(tv, p->top_para, p->top_offset, p->top);
	tv->cur = p->cur < 0 ? p->cur : tv_line_at(tv, p->cur_para, p->cur_offset, p->cur);
	if (tv->cursor && tv->cur >= 0)   /* narrower, the lines above it may push it out of view */
		tv_follow(tv);
	tv_clamp(tv);
}

void tv_draw(struct textview *tv, WINDOW *w, int y, int x, int height, attr_t hl)
{
	char buf[2048];

	tv->height = height;
	tv_clamp(tv);
	for (int row = 0; row < height && tv->top + row < tv->n_lines; row++) {
		const struct tv_line *l = &tv->lines[tv->top + row];
		attr_t a = tv->top + row == tv->cur ? hl : tv->paras[l->para].attr;
		snprintf(buf, sizeof buf, "%.*s", (int)l->len, l->start);
		if (tv->top + row == tv->cur && x > 0)
			mvwaddch(w, y + row, x - 1, '>');    /* the cursor, also without colour */
		wattron(w, a);
		if (a == hl)
			mvwhline(w, y + row, x, ' ', tv->width);
		text_put(w, y + row, x + l->indent, tv->width - l->indent, buf);
		wattroff(w, a);
	}
	if (tv->top + height < tv->n_lines)
		text_put(w, y + height - 1, x + tv->width, 1, "v");
	if (tv->top > 0)
		text_put(w, y, x + tv->width, 1, "^");
}

static int tv_cursor_key(struct textview *tv, enum action act)
{
	int page = tv->height > 1 ? tv->height - 1 : 1, cur = tv->cur < 0 ? tv->top : tv->cur;

	switch (act) {
	case ACT_UP: cur--; break;
	case ACT_DOWN: cur++; break;
	case ACT_PAGE_UP: cur -= page; tv->top -= page; break;
	case ACT_PAGE_DOWN: cur += page; tv->top += page; break;
	case ACT_HOME: cur = 0; break;
	case ACT_END: cur = tv->n_lines - 1; break;
	default: return 0;
	}
	tv->cur = cur < 0 ? 0 : cur >= tv->n_lines ? tv->n_lines - 1 : cur;
	tv_clamp(tv);
	tv_follow(tv);
	return HANDLED | REDRAW;
}

int tv_key(struct textview *tv, enum action act)
{
	int top = tv->top, page = tv->height > 1 ? tv->height - 1 : 1;

	if (tv->cursor)
		return tv_cursor_key(tv, act);
	switch (act) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PAGE_UP: top -= page; break;
	case ACT_PAGE_DOWN: top += page; break;
	case ACT_HOME: top = 0; break;
	case ACT_END: top = tv_max_top(tv); break;
	default: return 0;
	}
	top = top < 0 ? 0 : top > tv_max_top(tv) ? tv_max_top(tv) : top;
	if (top == tv->top)
		return HANDLED;
	tv->top = top;
	return HANDLED | REDRAW;
}

int tv_cur_tag(const struct textview *tv)
{
	if (tv->cur < 0 || tv->cur >= tv->n_lines)
		return 0;
	return tv->paras[tv->lines[tv->cur].para].tag;
}

void tv_show_line(struct textview *tv, int line)
{
	tv->cur = line;
	tv->top = line;
	tv_clamp(tv);
}

static bool tv_line_has(const struct tv_line *l, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n > 0 && i + n <= l->len; i++)
		if (strncasecmp(l->start + i, needle, n) == 0)
			return true;
	return false;
}

bool tv_search(struct textview *tv, const char *needle, int dir)
{
	int from = tv->cur >= 0 ? tv->cur : tv->top - dir;

	if (tv->n_lines == 0 || needle[0] == '\0')
		return false;
	for (int i = 1; i <= tv->n_lines; i++) {
		int line = ((from + dir * i) % tv->n_lines + tv->n_lines) % tv->n_lines;
		if (tv_line_has(&tv->lines[line], needle)) {
			tv->cur = line;
			if (line < tv->top || line >= tv->top + tv->height)
				tv->top = line - tv->height / 3;
			tv_clamp(tv);
			return true;
		}
	}
	return false;
}

int tv_click(struct textview *tv, int row)
{
	if (!tv->cursor || tv->top + row >= tv->n_lines || row < 0)
		return HANDLED;
	tv->cur = tv->top + row;
	return HANDLED | REDRAW;
}
