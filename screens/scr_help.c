/* scr_help.c — the help screen, generated from the key table (keys.h), so every key
 * shown works and every action is shown. */
#include <stdio.h>

#include "screens.h"
#include "text.h"

struct h_state {
	struct textview tv;
	int width, height;
	bool built;
};

static void build(struct app *app, struct h_state *hs)
{
	struct textview *tv = &hs->tv;

	tv_clear(tv);
	tv_add(tv, 0, 0, app->th.head, "openweigh: closed API or open weights, and how to serve them");
	tv_add(tv, 0, 0, 0, "Every change re-evaluates the answers against the catalog; the panels show "
	       "what the core computed. Token estimates from a sample file count about 4 characters "
	       "per token. [+] in the title: answers changed since they were loaded or saved. The "
	       "session is saved on exit and on hang-up, and resumed on the next start.");
	for (int scope = 0; scope < SC_SCOPE_COUNT; scope++) {
		tv_add(tv, 0, 0, 0, "%s", "");
		tv_add(tv, 0, 0, app->th.head, "%s", scope_names[scope]);
		for (int a = 0; a < ACT_COUNT; a++)
			if (keydefs[a].scope == scope)
				tv_add(tv, 2, 16, 0, "%-13s %s", keydefs[a].shown, keydefs[a].help);
	}
	tv_wrap(tv, hs->width);
	hs->built = true;
}

static void h_fini(void *state)
{
	struct h_state *hs = state;

	tv_clear(&hs->tv);
}

static void h_layout(struct app *app, void *state)
{
	struct h_state *hs = state;

	getmaxyx(app->wmain, hs->height, hs->width);
	hs->width -= 2;
	hs->built = false;
}

static void h_draw(struct app *app, void *state, WINDOW *w)
{
	struct h_state *hs = state;

	if (!hs->built)
		build(app, hs);
	tv_draw(&hs->tv, w, 0, 1, hs->height);
	if (hs->tv.top + hs->height < hs->tv.n_lines)
		text_put(w, hs->height - 1, hs->width + 1, 1, "v");
}

static int h_key(struct app *app, void *state, const struct keyev *ev)
{
	struct h_state *hs = state;

	if (ev->act == ACT_BACK) {
		app_switch(app, app->prev_screen);
		return HANDLED;
	}
	(void)app;
	return tv_key(&hs->tv, ev->act, hs->height);
}

const struct screen_ops help_screen = {
	.name = "Help",
	.hints = "Up/Down scroll  ? or Esc close  q quit",
	.state_size = sizeof(struct h_state),
	.fini = h_fini,
	.layout = h_layout,
	.draw = h_draw,
	.key = h_key,
};
