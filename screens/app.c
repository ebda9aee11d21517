/* app.c — the screens' framework (their state, tabs and overlays) and the answers:
 * every change recorded for undo, the verdict kept current, the baseline compared
 * (see app.h). */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "util.h"

#define HISTORY_MAX 500

const struct screen_ops *screen_of(int id)
{
	static const struct screen_ops *const all[SCR_COUNT] = {
		[SCR_QUESTIONS] = &questions_screen, [SCR_COSTS] = &costs_screen,
		[SCR_CHART] = &chart_screen, [SCR_FOOTPRINT] = &footprint_screen,
		[SCR_VERDICT] = &verdict_screen, [SCR_HELP] = &help_screen,
		[SCR_DETAIL] = &detail_screen, [SCR_MEMO] = &memo_screen,
	};
	return all[id];
}

/* ---- each screen's state ----------------------------------------------------------- */

void app_screens_init(struct app *app)
{
	for (int id = 0; id < SCR_COUNT; id++) {
		const struct screen_ops *ops = screen_of(id);
		app->state[id] = xcalloc(1, ops->state_size ? ops->state_size : 1);
		if (ops->init)
			ops->init(app, app->state[id]);
	}
}

void app_screens_free(struct app *app)
{
	for (int id = 0; id < SCR_COUNT; id++) {
		const struct screen_ops *ops = screen_of(id);
		if (app->state[id] && ops->fini)
			ops->fini(app->state[id]);
		free(app->state[id]);
		app->state[id] = NULL;
	}
}

void app_screen_layout(struct app *app)
{
	screen_of(app->screen)->layout(app, app->state[app->screen]);
}

void app_screen_draw(struct app *app, WINDOW *w)
{
	screen_of(app->screen)->draw(app, app->state[app->screen], w);
}

int app_screen_key(struct app *app, const struct keyev *ev)
{
	return screen_of(app->screen)->key(app, app->state[app->screen], ev);
}

const char *app_screen_hints(struct app *app)
{
	const struct screen_ops *ops = screen_of(app->screen);

	return ops->status ? ops->status(app, app->state[app->screen]) : ops->hints;
}

/* ---- tabs and overlays ---------------------------------------------------------------- */

static void app_show(struct app *app, int screen)
{
	const struct screen_ops *ops = screen_of(screen);

	app->screen = screen;
	app->dirty = DIRTY_ALL;
	if (ops->enter)
		ops->enter(app, app->state[screen]);
	if (app->wmain)
		app_screen_layout(app);
}

void app_switch(struct app *app, int screen)
{
	app->n_back = 0;
	if (screen != app->screen)
		app_show(app, screen);
}

void app_open(struct app *app, int overlay)
{
	if (overlay == app->screen)
		return;
	if (app->n_back == OVERLAY_DEPTH)
		app->n_back--;           /* the oldest way back is forgotten */
	app->back[app->n_back++] = app->screen;
	app_show(app, overlay);
}

bool app_close(struct app *app)
{
	if (app->n_back == 0)
		return false;
	app_show(app, app->back[--app->n_back]);
	return true;
}

int app_tab(const struct app *app)
{
	if (app->screen < SCR_TABS)   /* a tab opened over another (the panel's reasons) */
		return app->screen;
	return app->n_back > 0 ? app->back[0] : app->screen;
}

/* ---- the answers, undo and redo ----------------------------------------------------- */

static bool app_answers_same(const struct answers *a, const struct answers *b)
{
	for (int key = 0; key < AK_COUNT; key++)
		if (answers_get(a, key) != answers_get(b, key))
			return false;
	return true;
}

static void app_answers_now(struct app *app, const struct answers *a, int preset)
{
	app->answers = *a;
	app->preset = preset;
	app->stale = true;
	app->unsaved = !app_answers_same(&app->answers, &app->saved);
	app->dirty |= DIRTY_TITLE;   /* the "modified" mark */
}

/* "Requests per month 1,000,000 -> 2,000,000" when one answer changed. */
static void app_describe(const struct answers *a, const struct answers *b, char *buf, size_t size)
{
	int key = -1, n = 0;
	char x[64], y[64];

	for (int k = 0; k < AK_COUNT; k++)
		if (answers_get(a, k) != answers_get(b, k)) {
			key = k;
			n++;
		}
	if (n != 1) {
		snprintf(buf, size, "%d answers changed", n);
		return;
	}
	question_value(a, key, x, sizeof x);
	question_value(b, key, y, sizeof y);
	snprintf(buf, size, "%s %s -> %s", question_label(key), x, y);
}

static void app_history_push(struct history *h, const struct change *c)
{
	if (h->pos == HISTORY_MAX) {      /* the oldest change is forgotten */
		memmove(h->items, h->items + 1, (size_t)(HISTORY_MAX - 1) * sizeof *h->items);
		h->pos--;
	}
	if (h->items == NULL)
		h->items = xcalloc(HISTORY_MAX, sizeof *h->items);
	h->items[h->pos++] = *c;
	h->n = h->pos;                    /* a new change forgets what was undone */
}

void app_change(struct app *app, const struct answers *after, int preset, const char *what)
{
	struct change c = { .before = app->answers, .after = *after,
			    .preset_before = app->preset, .preset_after = preset };

	if (app_answers_same(&app->answers, after) && preset == app->preset)
		return;
	if (what)
		snprintf(c.what, sizeof c.what, "%s", what);
	else
		app_describe(&app->answers, after, c.what, sizeof c.what);
	app_history_push(&app->history, &c);
	app_answers_now(app, after, preset);
}

int app_set_answer(struct app *app, int key, double value)
{
	struct answers a = app->answers;

	if (answers_set(&a, key, value) != 0)
		return -1;
	app_change(app, &a, app->preset, NULL);
	return 0;
}

void app_mark_saved(struct app *app)
{
	app->saved = app->answers;
	app->unsaved = false;
	app->dirty |= DIRTY_TITLE;
}

int app_undo(struct app *app)
{
	struct history *h = &app->history;
	const struct change *c;

	if (h->pos == 0) {
		app_message(app, false, "Nothing to undo");
		return HANDLED;
	}
	c = &h->items[--h->pos];
	app_answers_now(app, &c->before, c->preset_before);
	app_message(app, false, "Undone: %s (^R redoes)", c->what);
	return HANDLED | REDRAW;
}

int app_redo(struct app *app)
{
	struct history *h = &app->history;
	const struct change *c;

	if (h->pos == h->n) {
		app_message(app, false, "Nothing to redo");
		return HANDLED;
	}
	c = &h->items[h->pos++];
	app_answers_now(app, &c->after, c->preset_after);
	app_message(app, false, "Redone: %s", c->what);
	return HANDLED | REDRAW;
}

/* ---- the baseline --------------------------------------------------------------------- */

int app_pin(struct app *app)
{
	struct baseline *b = &app->base;
	bool had = b->pinned;

	verdict_free(b->v);
	b->answers = app->answers;
	b->v = evaluate(app->cat, &b->answers);
	b->pinned = true;
	app->stale = true;             /* compare again */
	app_message(app, false, "Baseline pinned: every screen now shows the difference to it (B drops it)");
	return had ? HANDLED | REDRAW : HANDLED | RELAYOUT;
}

int app_unpin(struct app *app)
{
	struct baseline *b = &app->base;

	if (!b->pinned) {
		app_message(app, false, "No baseline pinned (b pins one)");
		return HANDLED;
	}
	verdict_free(b->v);
	memset(b, 0, sizeof *b);
	app->stale = true;
	app_message(app, false, "Baseline dropped");
	return HANDLED | RELAYOUT;
}

void app_evaluate(struct app *app)
{
	if (!app->stale && app->v != NULL)
		return;
	verdict_free(app->v);
	app->v = evaluate(app->cat, &app->answers);
	if (app->base.pinned)
		compare_verdicts(app->base.v, app->v, &app->base.diff);
	app->gen++;
	app->stale = false;
	app->dirty |= DIRTY_MAIN | DIRTY_COMPARE;
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_is_error = error;
	app->dirty |= DIRTY_STATUS;
}

void app_free(struct app *app)
{
	verdict_free(app->v);
	app->v = NULL;
	verdict_free(app->base.v);
	app->base.v = NULL;
	free(app->history.items);
	app->history.items = NULL;
}
