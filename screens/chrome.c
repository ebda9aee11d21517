/* chrome.c — the title row (screen tabs) and the status row (prompt, message or hints). */
#include <stdio.h>
#include <string.h>

#include "chrome.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

#define TITLE_NAME "openweigh"

/* Two letters tell every screen apart ("Co"sts, "Ch"art); at that cut a tab drops its
 * trailing space, so it takes what one letter took ("2 C 3 C" at 40 columns). */
#define TAB_CUT_MIN 2

/* The tab text's columns besides the name: " 1 Name " (" 1 Na" at the shortest). */
static int chrome_tab_pad(int cut)
{
	return cut == TAB_CUT_MIN ? 3 : 4;
}

/* How short the tab names must be cut to fit room columns (0: whole). */
static int chrome_tab_cut(int room)
{
	for (int cut = 0;; cut = cut ? cut - 1 : 8) {
		int need = 0;
		for (int i = 0; i < SCR_TABS; i++) {
			int len = (int)strlen(screen_of(i)->name);
			need += chrome_tab_pad(cut) + (cut && len > cut ? cut : len);
		}
		if (need <= room || cut == TAB_CUT_MIN)
			return cut;
	}
}

static void chrome_tab_text(int i, int cut, char *buf, size_t size)
{
	snprintf(buf, size, cut == TAB_CUT_MIN ? " %d %.*s" : " %d %.*s ", i + 1, cut ? cut : 30, screen_of(i)->name);
}

/* The title's right end for `avail` columns after the name: "[+]" (answers changed
 * since they were loaded or saved, vi's mark) at any width, "? help" where the tabs
 * keep 40 columns. */
static const char *chrome_right(const struct app *app, int avail)
{
	if (app->unsaved)
		return avail - (int)strlen("[+]  ? help") - 1 >= 40 ? "[+]  ? help" : "[+]";
	return avail - (int)strlen("? help") - 1 >= 40 ? "? help" : "";
}

static int chrome_tabs_room(const struct app *app, int *x)
{
	const char *right;

	*x = 2 + (int)strlen(TITLE_NAME);
	right = chrome_right(app, app->cols - *x);
	return app->cols - *x - (*right ? (int)strlen(right) + 1 : 0);
}

/* Tabs in full ("1 Questions") or, when they do not fit, short ("1 Ques") form. */
static void chrome_tabs(struct app *app, WINDOW *w, int x, int room)
{
	int cut = chrome_tab_cut(room), end = x + room;

	for (int i = 0; i < SCR_TABS && x < end; i++) {
		char tab[40];
		chrome_tab_text(i, cut, tab, sizeof tab);
		if (i == app_tab(app))
			wattron(w, app->th.tab_on | A_REVERSE);
		x += text_put(w, 0, x, end - x, tab);
		wattroff(w, app->th.tab_on | A_REVERSE);
	}
}

int chrome_tab_at(struct app *app, int col)
{
	int x, room = chrome_tabs_room(app, &x), cut = chrome_tab_cut(room);

	for (int i = 0; i < SCR_TABS; i++) {
		char tab[40];
		chrome_tab_text(i, cut, tab, sizeof tab);
		int wd = text_width(tab);
		if (col >= x && col < x + wd)
			return i;
		x += wd;
	}
	return -1;
}

void chrome_title(struct app *app)
{
	WINDOW *w = app->wtitle;
	int x, room;

	if (w == NULL)
		return;
	wbkgdset(w, ' ' | app->th.title);
	werase(w);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, app->cols - 1, TITLE_NAME);
	wattroff(w, A_BOLD);
	room = chrome_tabs_room(app, &x);
	chrome_tabs(app, w, x, room);
	if (x + room < app->cols)
		text_put_right(w, 0, x + room, app->cols - x - room - 1, chrome_right(app, app->cols - x));
}

/* Take the overflow rows away, showing again the screen they covered. */
static void chrome_overflow_drop(struct app *app)
{
	if (app->woverflow == NULL)
		return;
	delwin(app->woverflow);
	app->woverflow = NULL;
	if (app->wmain) {
		touchwin(app->wmain);
		wnoutrefresh(app->wmain);
	}
}

/* Lines of text broken at spaces to the width, at most max of them (the last cut). */
static int chrome_message_lines(const char *text, int width, int max, const char **starts, size_t *lens)
{
	int n = 0;

	while (*text && n < max) {
		const char *next;
		starts[n] = text;
		lens[n] = text_line(text, width, &next);
		if (lens[n] == 0 && next == text)
			break;
		n++;
		text = next;
	}
	if (*text && n > 0)
		lens[n - 1] = strlen(starts[n - 1]);   /* what does not fit ends cut with "~" */
	return n;
}

/* A message, escaped (it may quote a file name or a catalog string), on as many rows
 * as it needs up to a third of the terminal: a reason at its end is never cut off. */
static void chrome_message(struct app *app, WINDOW *w)
{
	char shown[sizeof app->message * 4], line[sizeof shown];
	const char *starts[FULL_ROWS];
	size_t lens[FULL_ROWS];
	int max = app->rows / 3, n;
	attr_t a = app->message_is_error ? app->th.warn : app->th.good;

	sanitize_into(shown, sizeof shown, app->message, SAN_LINE);
	if (max > FULL_ROWS)
		max = FULL_ROWS;
	n = text_width(shown) <= app->cols || max < 2 ? 0 : chrome_message_lines(shown, app->cols, max, starts, lens);
	chrome_overflow_drop(app);
	if (n > 1)
		app->woverflow = newwin(n - 1, app->cols, app->rows - n, 0);
	if (app->woverflow == NULL) {
		wattron(w, a);
		text_put(w, 0, 0, app->cols, shown);
		wattroff(w, a);
		return;
	}
	wbkgdset(app->woverflow, ' ' | a);
	werase(app->woverflow);
	for (int i = 0; i < n; i++) {
		snprintf(line, sizeof line, "%.*s", (int)lens[i], starts[i]);
		if (i < n - 1)
			text_put(app->woverflow, i, 0, app->cols, line);
		else {
			wattron(w, a);
			text_put(w, 0, 0, app->cols, line);
			wattroff(w, a);
		}
	}
	wnoutrefresh(app->woverflow);
}

void chrome_status(struct app *app)
{
	WINDOW *w = app->wstatus;
	const char *hints = app_screen_hints(app);

	werase(w);
	if (app->prompt.active || !app->message[0])
		chrome_overflow_drop(app);
	if (app->prompt.active) {
		prompt_draw(app);
		return;
	}
	if (app->message[0]) {
		chrome_message(app, w);
		return;
	}
	if (text_width(hints) > app->cols)
		hints = "? help  1-5 screens  q quit";
	wattron(w, A_DIM);
	text_put(w, 0, 0, app->cols, app->mode == LAYOUT_TINY ? "q quit" : hints);
	wattroff(w, A_DIM);
}
