/* loop.c — the one loop (htop's ScreenManager_run): read the keys waiting, dispatch
 * them, evaluate once, repaint the dirty windows, one doupdate(). */
#include <time.h>

#include "chrome.h"
#include "input.h"
#include "screens.h"
#include "terminal.h"
#include "text.h"

#define WAIT_MS 500          /* wake to notice signal flags; a timeout repaints nothing */
#define RESIZE_SETTLE_MS 40  /* a burst of KEY_RESIZE within this becomes one relayout */
#define GONE_AFTER 20        /* instant ERRs in a row: the terminal has gone (EIO/EOF) */
#define BATCH_MAX 256        /* typeahead handled before the next repaint */
#define WHEEL_LINES 3        /* one notch of the mouse wheel */

static long loop_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* q and Esc close an overlay first; q quits only from a tab. */
static int loop_close_or_quit(struct app *app, enum action act)
{
	if (app_close(app))
		return HANDLED;
	return act == ACT_QUIT ? quit_start(app) : HANDLED;
}

static int loop_global_key(struct app *app, const struct keyev *ev)
{
	switch (ev->act) {
	case ACT_SCREEN1: case ACT_SCREEN2: case ACT_SCREEN3: case ACT_SCREEN4: case ACT_SCREEN5:
		app_switch(app, SCR_QUESTIONS + (ev->act - ACT_SCREEN1));
		return HANDLED;
	case ACT_HELP:
		if (app->screen == SCR_HELP)
			app_close(app);
		else
			app_open(app, SCR_HELP);
		return HANDLED;
	case ACT_QUIT: case ACT_BACK: return loop_close_or_quit(app, ev->act);
	case ACT_QUIT_NOW: return quit_start(app);
	case ACT_EXPORT: return export_start(app);
	case ACT_MEMO:
		if (app->screen != SCR_MEMO)
			app_open(app, SCR_MEMO);
		return HANDLED;
	case ACT_SAVE: return save_start(app, false);
	case ACT_UNDO: return app_undo(app);
	case ACT_REDO: return app_redo(app);
	case ACT_PIN: return app_pin(app);
	case ACT_SEARCH: return search_start(app);
	case ACT_NEXT: case ACT_PREV: return search_again(app, ev->act == ACT_NEXT ? 1 : -1);
	case ACT_UNPIN: return app_unpin(app);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app->dirty = DIRTY_ALL;
		return HANDLED;
	case ACT_VOL_UP: case ACT_VOL_DOWN:
		return input_volume_step(app, ev->act == ACT_VOL_UP ? 1 : -1);
	default:
		return 0;
	}
}

static int loop_key(struct app *app, int ch)
{
	struct keyev ev = { ch, keys_action(ch, screen_of(app->screen)->scopes) };
	int f = app_screen_key(app, &ev);

	return f & HANDLED ? f : loop_global_key(app, &ev);
}

/* A tab clicked in the title row: its number's position, as chrome.c draws them. */
static int loop_click_title(struct app *app, int x)
{
	int tab = chrome_tab_at(app, x);

	if (tab < 0)
		return HANDLED;
	app_switch(app, tab);
	return HANDLED;
}

/* The wheel scrolls (as Up/Down a few times); a press selects or acts where it lands. */
static int loop_mouse(struct app *app)
{
	const struct screen_ops *ops = screen_of(app->screen);
	MEVENT m;
	int y, x, f = 0;

	if (getmouse(&m) != OK)
		return HANDLED;
	if (m.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int key = m.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN;
		for (int i = 0; i < WHEEL_LINES; i++)
			f |= loop_key(app, key);
		return f | HANDLED;
	}
	if (!(m.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return HANDLED;
	if (app->wtitle && wenclose(app->wtitle, m.y, m.x))
		return loop_click_title(app, m.x);
	y = m.y;
	x = m.x;
	if (app->wmain && ops->click && wmouse_trafo(app->wmain, &y, &x, FALSE))
		return ops->click(app, app->state[app->screen], y, x) | HANDLED;
	return HANDLED;
}

static int loop_dispatch(struct app *app, int ch)
{
	if (ch == KEY_RESIZE)
		return RELAYOUT;
	if (app->prompt.active) {
		/* a terminal too small shows no prompt: nothing is typed blind, but it can
		 * be cancelled */
		if (ch == KEY_MOUSE || (app->mode == LAYOUT_TINY && !prompt_cancels(ch)))
			return HANDLED;
		return prompt_key(app, ch);
	}
	if (app->message[0]) {
		app->message[0] = '\0';   /* a message lasts until the next key */
		app->dirty |= DIRTY_STATUS;
	}
	if (app->mode == LAYOUT_TINY) {
		enum action a = keys_action(ch, 0);
		return a == ACT_QUIT || a == ACT_QUIT_NOW ? quit_start(app) : HANDLED;
	}
	if (ch == KEY_MOUSE)
		return loop_mouse(app);
	return loop_key(app, ch);
}

/* Block for one key, then take whatever else is already typed. */
static int loop_read_batch(struct app *app, bool *gone)
{
	WINDOW *in = app->wstatus;
	long t0 = loop_now_ms();
	int flags = 0, ch;

	wtimeout(in, WAIT_MS);
	if ((ch = wgetch(in)) == ERR) {
		app->instant_errs = loop_now_ms() - t0 < WAIT_MS / 2 ? app->instant_errs + 1 : 0;
		*gone = app->instant_errs >= GONE_AFTER;
		return 0;
	}
	app->instant_errs = 0;
	/* a key is read only when it will be handled: the rest of a long paste waits in
	 * the input queue for the next batch */
	for (int n = 1; ch != ERR; n++) {
		flags |= loop_dispatch(app, ch);
		if ((flags & QUIT) || term_stop_signal() || n >= BATCH_MAX)
			break;
		wtimeout(in, flags & RELAYOUT ? RESIZE_SETTLE_MS : 0);
		ch = wgetch(in);
	}
	return flags;
}

static void loop_too_small(struct app *app, WINDOW *w)
{
	int h, wd;

	getmaxyx(w, h, wd);
	text_put(w, h / 2 - 1, 1, wd - 2, "Terminal too small");
	text_putf(w, h / 2, 1, wd - 2, "%dx%d; need %dx%d", app->cols, app->rows, MIN_COLS, MIN_ROWS);
}

static void loop_draw(struct app *app)
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
	if ((app->dirty & DIRTY_COMPARE) && app->wcompare) {
		panel_compare_draw(app);
		wnoutrefresh(app->wcompare);
	}
	if ((app->dirty & DIRTY_MAIN) && app->wmain) {
		werase(app->wmain);
		if (app->mode == LAYOUT_TINY)
			loop_too_small(app, app->wmain);
		else
			app_screen_draw(app, app->wmain);
		wnoutrefresh(app->wmain);
	}
	if (app->dirty & DIRTY_STATUS)
		chrome_status(app);
	wnoutrefresh(app->wstatus);    /* last: it holds the prompt's cursor */
	app->dirty = 0;
	doupdate();
}

/* Mouse reports unless --no-mouse: presses (no click timing, so a press acts at once)
 * and the wheel. */
static void loop_mouse_start(struct app *app)
{
	if (app->opts->no_mouse)
		return;
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

int loop_run(struct app *app, int *sig)
{
	int flags = RELAYOUT;
	bool gone = false;

	loop_mouse_start(app);
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
		loop_draw(app);
		flags = loop_read_batch(app, &gone);
		flags |= term_interrupt(app);
		if ((*sig = term_stop_signal()) != 0)
			return END_SIGNAL;
		if (gone)
			return END_GONE;
	}
}
