/* app.c — changing the answers and keeping the verdict current (see app.h). */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

const struct screen_ops *screen_of(int id)
{
	static const struct screen_ops *const all[SCR_COUNT] = {
		[SCR_QUESTIONS] = &questions_screen, [SCR_COSTS] = &costs_screen,
		[SCR_CHART] = &chart_screen, [SCR_FOOTPRINT] = &footprint_screen,
		[SCR_VERDICT] = &verdict_screen, [SCR_HELP] = &help_screen,
	};
	return all[id];
}

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

void screen_layout(struct app *app)
{
	screen_of(app->screen)->layout(app, app->state[app->screen]);
}

void screen_draw(struct app *app, WINDOW *w)
{
	screen_of(app->screen)->draw(app, app->state[app->screen], w);
}

int screen_key(struct app *app, const struct keyev *ev)
{
	return screen_of(app->screen)->key(app, app->state[app->screen], ev);
}

int app_set_answer(struct app *app, int key, double value)
{
	if (answers_get(&app->answers, key) == value)
		return 0;
	if (answers_set(&app->answers, key, value) != 0)
		return -1;
	app->stale = true;
	app->unsaved = true;
	app->dirty |= DIRTY_TITLE;   /* the "modified" mark */
	return 0;
}

void app_replace_answers(struct app *app, const struct answers *a)
{
	app->answers = *a;
	app->stale = true;
	app->unsaved = true;
	app->dirty |= DIRTY_TITLE;   /* the "modified" mark */
}

void app_evaluate(struct app *app)
{
	if (!app->stale && app->v != NULL)
		return;
	verdict_free(app->v);
	app->v = evaluate(app->cat, &app->answers);
	app->gen++;
	app->stale = false;
	app->dirty |= DIRTY_MAIN;
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

void app_switch(struct app *app, int screen)
{
	if (screen == app->screen)
		return;
	if (screen == SCR_HELP)
		app->prev_screen = app->screen;
	app->screen = screen;
	app->dirty = DIRTY_ALL;
	screen_layout(app);
}
