/* chrome.c — the title row (screen tabs) and the status row (prompt, message or hints). */
#include <stdio.h>
#include <string.h>

#include "chrome.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

/* The rows above the status line a long message takes while it is shown; NULL when
 * none. Its own window, so the screen below it is intact when it goes. */
static WINDOW *overflow;

/* Tabs in full ("1 Questions") or, when they do not fit, short ("1 Ques") form. */
static void draw_tabs(struct app *app, WINDOW *w, int x, int room)
{
	int n = SCR_HELP, cut = 0, need, end = x + room;

	do {
		need = 0;
		for (int i = 0; i < n; i++) {
			int len = (int)strlen(screen_of(i)->name);
			need += 4 + (cut && len > cut ? cut : len);   /* " 1 Name " */
		}
	} while (need > room && (cut = cut ? cut - 1 : 8) > 1);
	for (int i = 0; i < n && x < end; i++) {
		char tab[40];
		snprintf(tab, sizeof tab, " %d %.*s ", i + 1, cut ? cut : 30, screen_of(i)->name);
		if (i == app->screen)
			wattron(w, app->th.tab_on | A_REVERSE);
		x += text_put(w, 0, x, end - x, tab);
		wattroff(w, app->th.tab_on | A_REVERSE);
	}
}

void chrome_title(struct app *app)
{
	WINDOW *w = app->wtitle;
	const char *name = "openweigh";

	if (w == NULL)
		return;
	wbkgdset(w, ' ' | app->th.title);
	werase(w);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, app->cols - 1, name);
	wattroff(w, A_BOLD);
	/* "[+]": answers changed since they were loaded or saved (vi's mark). */
	const char *right = app->unsaved ? "[+]  ? help" : "? help";
	int x = 2 + (int)strlen(name), rw = (int)strlen(right) + 1;
	if (app->cols - x - rw < 40)
		rw = 0;
	draw_tabs(app, w, x, app->cols - x - rw);
	if (rw)
		text_put(w, 0, app->cols - rw, rw, right);
}

/* Take the overflow rows away, showing again the screen they covered. */
static void chrome_overflow_drop(struct app *app)
{
	if (overflow == NULL)
		return;
	delwin(overflow);
	overflow = NULL;
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
		overflow = newwin(n - 1, app->cols, app->rows - n, 0);
	if (overflow == NULL) {
		wattron(w, a);
		text_put(w, 0, 0, app->cols, shown);
		wattroff(w, a);
		return;
	}
	wbkgdset(overflow, ' ' | a);
	werase(overflow);
	for (int i = 0; i < n; i++) {
		snprintf(line, sizeof line, "%.*s", (int)lens[i], starts[i]);
		if (i < n - 1)
			text_put(overflow, i, 0, app->cols, line);
		else {
			wattron(w, a);
			text_put(w, 0, 0, app->cols, line);
			wattroff(w, a);
		}
	}
	wnoutrefresh(overflow);
}

void chrome_status(struct app *app)
{
	WINDOW *w = app->wstatus;
	const struct screen_ops *s = screen_of(app->screen);

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
	const char *hints = text_width(s->hints) <= app->cols ? s->hints : "? help  1-5 screens  q quit";
	wattron(w, A_DIM);
	text_put(w, 0, 0, app->cols, app->mode == LAYOUT_TINY ? "q quit" : hints);
	wattroff(w, A_DIM);
}
