/* widgets.c — boxes, rules, bars, selectors (see widgets.h). */
#include "widgets.h"

#include <math.h>

#include "text.h"

void hline_draw(struct app *app, WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwhline(w, y, x, app->gl.hline, n);
}

void vline_draw(struct app *app, WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwvline(w, y, x, app->gl.vline, n);
}

void box_draw(struct app *app, WINDOW *w, struct rect r, const char *title, bool focus)
{
	const struct glyphs *g = &app->gl;

	if (r.h < 2 || r.w < 2)
		return;
	mvwaddch(w, r.y, r.x, g->ul);
	hline_draw(app, w, r.y, r.x + 1, r.w - 2);
	mvwaddch(w, r.y, r.x + r.w - 1, g->ur);
	vline_draw(app, w, r.y + 1, r.x, r.h - 2);
	vline_draw(app, w, r.y + 1, r.x + r.w - 1, r.h - 2);
	mvwaddch(w, r.y + r.h - 1, r.x, g->ll);
	hline_draw(app, w, r.y + r.h - 1, r.x + 1, r.w - 2);
	mvwaddch(w, r.y + r.h - 1, r.x + r.w - 1, g->lr);
	if (title && r.w > 6) {
		wattron(w, focus ? app->th.sel : app->th.head);
		text_putf(w, r.y, r.x + 2, r.w - 4, " %s ", title);
		wattroff(w, focus ? app->th.sel : app->th.head);
	}
}

void bar_draw(WINDOW *w, int y, int x, int width, const struct bar_part *parts, int n,
	      double total, chtype rest_fill)
{
	double acc = 0;
	int col = 0;

	for (int i = 0; i < n && total > 0; i++) {
		acc += parts[i].value;
		int end = (int)lround(fmin(acc / total, 1.0) * width);
		wattron(w, parts[i].attr);
		for (; col < end; col++)
			mvwaddch(w, y, x + col, parts[i].fill);
		wattroff(w, parts[i].attr);
	}
	for (; col < width; col++)
		mvwaddch(w, y, x + col, rest_fill);
}

void selector_draw(struct app *app, WINDOW *w, int y, int x, int width, const char *value,
		   bool selected)
{
	int room = width - 2;    /* values start at x + 2, selected or not, so they line up */
	bool arrow = selected && text_width(value) + 2 <= room;   /* room for " >" too */

	(void)app;
	if (selected)
		mvwaddstr(w, y, x, "<");
	int used = text_put(w, y, x + 2, arrow ? room - 2 : room, value);
	if (arrow)
		mvwaddstr(w, y, x + 3 + used, ">");
}
