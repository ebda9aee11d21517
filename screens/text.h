/* text.h — measure columns, not bytes (STYLE.md #7): UTF-8 text from the catalog drawn
 * into a given width, spelled in ASCII when the locale is not UTF-8 (LANG=C). */
#ifndef OW_TEXT_H
#define OW_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

/* Decide once whether the locale can show UTF-8. */
void text_init(void);
bool text_utf8(void);

/* Columns the text takes on screen. */
int text_width(const char *s);
/* Draw s at (y, x) in at most width columns, cutting with "~" when it does not fit.
 * Returns the columns drawn. */
int text_put(WINDOW *w, int y, int x, int width, const char *s);
int text_putf(WINDOW *w, int y, int x, int width, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Draw right-aligned so the text ends at column x + width. */
int text_put_right(WINDOW *w, int y, int x, int width, const char *s);
/* Add part to the text in buf when the whole of it still fits in width columns (a
 * figure is dropped whole, never cut); false when it did not fit. */
bool text_append(char *buf, size_t size, int width, const char *part);
/* The bytes of s that fill one line of width columns, broken at a space when
 * possible; *next is where the following line starts. */
size_t text_line(const char *s, int width, const char **next);

#endif
