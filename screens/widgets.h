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

/* A list of paragraphs wrapped to a width and scrolled (verdict, help and detail
 * views). With `cursor` set, Up/Down move a highlighted line (tig's views) and the
 * view scrolls to keep it in sight; else they scroll. A search hit is highlighted. */
struct tv_para {
	char *text;
	int indent;            /* first line */
	int hang;              /* following lines */
	attr_t attr;
	int tag;               /* the screen's meaning of the paragraph (0: none) */
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
	int height;            /* rows shown, as last drawn */
	bool cursor;
	int cur;               /* the highlighted line: the cursor, or the last search hit (-1) */
};
void tv_clear(struct textview *tv);
void tv_add(struct textview *tv, int indent, int hang, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The tag of the paragraph added last (call right after tv_add). */
void tv_tag(struct textview *tv, int tag);
/* Wrap to width (call after adding, and when the width changes). */
void tv_wrap(struct textview *tv, int width);
/* Draw height rows; the scroll marks go in the column after the text. */
void tv_draw(struct textview *tv, WINDOW *w, int y, int x, int height, attr_t hl);
/* Scroll or cursor keys; returns loop flags (0: not a view key). */
int tv_key(struct textview *tv, enum action act);
/* A view's top line and cursor in terms that survive rebuilding its paragraphs and
 * wrapping them at another width: each one's paragraph, and how far into its text
 * the line begins (a resize keeps the cursor on the item it was on). */
struct tv_place {
	int top, cur;                  /* the line indices, where the paragraphs are gone */
	int top_para, cur_para;        /* -1: no such line */
	size_t top_offset, cur_offset;
};
struct tv_place tv_place_save(const struct textview *tv);
void tv_place_restore(struct textview *tv, const struct tv_place *p);
/* The tag of the paragraph under the cursor; 0 if none. */
int tv_cur_tag(const struct textview *tv);
/* Put line at the top of the view (and the cursor on it). */
void tv_show_line(struct textview *tv, int line);
/* The next line from the cursor (dir 1) or the previous (-1) holding needle, case
 * ignored, wrapping round; shown and highlighted. False when there is none. */
bool tv_search(struct textview *tv, const char *needle, int dir);
/* A click on row `row` of the view: the cursor there; returns loop flags. */
int tv_click(struct textview *tv, int row);

#endif
