/* loop.c — the one loop (htop's ScreenManager_run): read the keys waiting, dispatch
 * them, evaluate once, repaint the dirty windows, one doupdate(). */
#include <time.h>

#include "chrome.h"
#include "input.h"
#include "terminal.h"
#include "text.h"

#define WAIT_MS 500          /* wake to notice signal flags; a timeout repaints nothing */
#define RESIZE_SETTLE_MS 40  /* a burst of KEY_RESIZE within this becomes one relayout */
#define GONE_AFTER 20        /* instant ERRs in a row: the terminal has gone (EIO/EOF) */
#define BATCH_MAX 256        /* typeahead handled before the next repaint */

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int global_key(struct app *app, const struct keyev *ev)
{
	switch (ev->act) {
	case ACT_SCREEN1: case ACT_SCREEN2: case ACT_SCREEN3: case ACT_SCREEN4: case ACT_SCREEN5:
		app_switch(app, SCR_QUESTIONS + (ev->act - ACT_SCREEN1));
		return HANDLED;
	case ACT_HELP:
		app_switch(app, app->screen == SCR_HELP ? app->prev_screen : SCR_HELP);
		return HANDLED;
	case ACT_EXPORT: return export_start(app);
	case ACT_SAVE: return save_start(app, false);
	case ACT_QUIT: return quit_start(app);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app->dirty = DIRTY_ALL;
		return HANDLED;
	case ACT_VOL_UP: case ACT_VOL_DOWN: case ACT_VOL_X10: case ACT_VOL_D10:
		return volume_key(app, ev->act);
	default:
		return 0;
	}
}

static int dispatch(struct app *app, int ch)
{
	struct keyev ev = { ch, key_action(ch) };
	int f;

	if (ch == KEY_RESIZE)
		return RELAYOUT;
	if (app->prompt.active)
		return prompt_key(app, ch);
	if (app->message[0]) {
		app->message[0] = '\0';   /* a message lasts until the next key */
		app->dirty |= DIRTY_STATUS;
	}
	if (app->mode == LAYOUT_TINY)
		return ev.act == ACT_QUIT ? quit_start(app) : HANDLED;
	f = screen_key(app, &ev);
	return f & HANDLED ? f : global_key(app, &ev);
}

/* Block for one key, then take whatever else is already typed. */
static int read_batch(struct app *app, bool *gone)
{
	WINDOW *in = app->wstatus;
	long t0 = now_ms();
	int flags = 0, ch;

	wtimeout(in, WAIT_MS);
	if ((ch = wgetch(in)) == ERR) {
		app->instant_errs = now_ms() - t0 < WAIT_MS / 2 ? app->instant_errs + 1 : 0;
		*gone = app->instant_errs >= GONE_AFTER;
		return 0;
	}
	app->instant_errs = 0;
	for (int n = 0; ch != ERR && n < BATCH_MAX; n++) {
		flags |= dispatch(app, ch);
		if ((flags & QUIT) || term_stop_signal())
			break;
		wtimeout(in, flags & RELAYOUT ? RESIZE_SETTLE_MS : 0);
		ch = wgetch(in);
	}
	return flags;
}

static void too_small(struct app *app, WINDOW *w)
{
	int h, wd;

	getmaxyx(w, h, wd);
	text_put(w, h / 2 - 1, 1, wd - 2, "Terminal too small");
	text_putf(w, h / 2, 1, wd - 2, "%dx%d; need %dx%d", app->cols, app->rows, MIN_COLS, MIN_ROWS);
}

static void draw(struct app *app)
{
	if (app->dirty == 0)
		return;         /* a timeout or a key that changed nothing: send nothing */
	if ((app->dirty & DIRTY_TITLE) && app->wtitle) {
		if (app->mode == LAYOUT_TINY)
			werase(app->wtitle);
		else
			chrome_title(app);
		wnoutrefresh(app->wtitle);
	}
	if ((app->dirty & DIRTY_MAIN) && app->wmain) {
		werase(app->wmain);
		if (app->mode == LAYOUT_TINY)
			too_small(app, app->wmain);
		else
			screen_draw(app, app->wmain);
		wnoutrefresh(app->wmain);
	}
	if (app->dirty & DIRTY_STATUS)
		chrome_status(app);
	wnoutrefresh(app->wstatus);    /* last: it holds the prompt's cursor */
	app->dirty = 0;
	doupdate();
}

int loop_run(struct app *app, int *sig)
{
	int flags = RELAYOUT;
	bool gone = false;

	for (;;) {
		if (flags & RELAYOUT) {
			layout_apply(app);
			clearok(curscr, TRUE);   /* a full repaint only after a resize */
		}
		if (flags & REDRAW)
			app->dirty |= DIRTY_MAIN | DIRTY_STATUS;
		app_evaluate(app);
		if (flags & QUIT)
			return END_QUIT;
		draw(app);
		flags = read_batch(app, &gone);
		flags |= term_interrupt(app);
		if ((*sig = term_stop_signal()) != 0)
			return END_SIGNAL;
		if (gone)
			return END_GONE;
	}
}
