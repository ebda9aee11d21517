/* search.c — / n N: find text in the shown screen's text view (less's habit; the
 * verdict, help and detail views have one). */
#include <stdio.h>

#include "app.h"
#include "widgets.h"

static struct textview *search_view(struct app *app)
{
	const struct screen_ops *ops = screen_of(app->screen);

	if (ops->text == NULL)
		return NULL;
	app_evaluate(app);
	return ops->text(app, app->state[app->screen]);
}

static int search_find(struct app *app, int dir)
{
	struct textview *tv = search_view(app);

	if (tv == NULL)
		return HANDLED;
	if (!tv_search(tv, app->search, dir)) {
		app_message(app, true, "Not found: %s", app->search);
		return HANDLED | REDRAW;
	}
	app_message(app, false, "/%s  (n next, N previous)", app->search);
	return HANDLED | REDRAW;
}

/* Enter on an empty line searches for the last text again (less's habit). */
static int search_done(struct app *app, struct prompt *p, int choice)
{
	if (!choice || (!p->buf[0] && !app->search[0]))
		return HANDLED;
	if (p->buf[0])
		snprintf(app->search, sizeof app->search, "%.127s", p->buf);
	return search_find(app, 1);
}

int search_start(struct app *app)
{
	if (search_view(app) == NULL)
		return 0;
	return prompt_text(app, "Search for (Enter alone: the last search again):", "", search_done, 0);
}

int search_again(struct app *app, int dir)
{
	if (search_view(app) == NULL)
		return 0;
	if (!app->search[0])
		return search_start(app);
	return search_find(app, dir);
}
