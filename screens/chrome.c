/* chrome.c — the title row (screen tabs) and the status row (prompt, message or hints). */
#include <stdio.h>
#include <string.h>

#include "chrome.h"
#include "text.h"
#include "util.h"

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

void chrome_status(struct app *app)
{
	WINDOW *w = app->wstatus;
	const struct screen_ops *s = screen_of(app->screen);

	werase(w);
	if (app->prompt.active) {
		prompt_draw(app);
		return;
	}
	if (app->message[0]) {
		attr_t a = app->message_is_error ? app->th.warn : app->th.good;
		wattron(w, a);
		text_put(w, 0, 0, app->cols, app->message);
		wattroff(w, a);
		return;
	}
	const char *hints = text_width(s->hints) <= app->cols ? s->hints : "? help  1-5 screens  q quit";
	wattron(w, A_DIM);
	text_put(w, 0, 0, app->cols, app->mode == LAYOUT_TINY ? "q quit" : hints);
	wattroff(w, A_DIM);
}
