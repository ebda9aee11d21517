/* widgets.h — drawing pieces shared by the screens: boxes, rules, bars and a
 * scrolling text view. Everything draws into a window; nothing refreshes. */
#ifndef OW_WIDGETS_H
#define OW_WIDGETS_H

#include "app.h"

struct rect {
	int y, x, h, w;
};

/* A frame with a title in its top edge. */
void box_draw(struct app *app, WINDOW *w, struct rect r, const char *title, bool focus);
void hline_draw(struct app *app, WINDOW *w, int y, int x, int n);
void vline_draw(struct app *app, WINDOW *w, int y, int x, int n);

/* One segment of a proportional bar. */
struct bar_part {
	double value;
	chtype fill;           /* a letter, so the bar reads without colour */
	attr_t attr;
};
/* Parts scaled so that total fills width; the rest drawn with rest_fill. */
void bar_draw(WINDOW *w, int y, int x, int width, const struct bar_part *parts, int n,
	      double total, chtype rest_fill);

/* "< value >" when selected, "  value  " otherwise. */
void selector_draw(struct app *app, WINDOW *w, int y, int x, int width, const char *value,
		   bool selected);

/* A list of paragraphs wrapped to a width and scrolled (verdict and help screens). */
struct tv_para {
	char *text;
	int indent;            /* first line */
	int hang;              /* following lines */
	attr_t attr;
};
struct tv_line {
	int para;
	const char *start;
	size_t len;
	int indent;
};
struct textview {
	struct tv_para *paras;
	int n_paras;
	struct tv_line *lines;
	int n_lines, width, top;
};
void tv_clear(struct textview *tv);
void tv_add(struct textview *tv, int indent, int hang, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Wrap to width (call after adding, and when the width changes). */
void tv_wrap(struct textview *tv, int width);
void tv_draw(struct textview *tv, WINDOW *w, int y, int x, int height);
/* Scroll keys; returns loop flags. */
int tv_key(struct textview *tv, enum action act, int height);

#endif
