/* scr_help.c — the help overlay, generated from the key table (keys.h), so every key
 * shown works and every action is shown; then a short glossary. */
#include <stdio.h>

#include "screens.h"
#include "text.h"

#define HELP_KEYS_WIDTH 18

struct h_state {
	struct textview tv;
	int width, height;
	bool built;
};

static const char *const help_words[] = {
	"tier: a model's quality class in the catalog, 1 the frontier to 4 small; each task "
	"needs a tier or better (extraction is served well by tier 3, reasoning wants tier 1).",
	"replica: one running copy of the model, on the GPUs it needs; a fleet is replicas "
	"of those GPUs (\"19 replicas of 1 x MI300X\").",
	"TP: tensor parallel, the GPUs one replica's layers are split across.",
	"TTFT: time to first token, what a user waits before the answer starts.",
	SEED_FOOTNOTE,
};

static void help_keys(struct app *app, struct textview *tv)
{
	for (int scope = 0; scope < SC_SCOPE_COUNT; scope++) {
		tv_add(tv, 0, 0, 0, "%s", "");
		tv_add(tv, 0, 0, app->th.head, "%s", scope_names[scope]);
		for (int a = 0; a < ACT_COUNT; a++)
			if (keydefs[a].scope == (enum key_scope)scope)
				tv_add(tv, 2, 2 + HELP_KEYS_WIDTH, 0, "%-*s%s", HELP_KEYS_WIDTH, keydefs[a].shown,
				       keydefs[a].help);
	}
}

static void help_build(struct app *app, struct h_state *hs)
{
	struct textview *tv = &hs->tv;

	tv_clear(tv);
	tv_add(tv, 0, 0, app->th.head, "openweigh: closed API or open weights, and how to serve them");
	tv_add(tv, 0, 0, 0, "Every change re-evaluates the answers against the catalog; the screens show "
	       "what the core computed. Screens: 1 to 5, or F2 to F6 from anywhere (on a number question "
	       "a digit starts typing the number instead). Lists of choices wrap round; numbers stop at "
	       "their limits. u undoes any change of the answers, a "
	       "preset loaded or a change applied from the verdict. [+] in the title: answers changed "
	       "since they were loaded or saved. The session is saved on exit and on hang-up, and "
	       "resumed on the next start; q then n quits without saving it.");
	help_keys(app, tv);
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Words");
	for (size_t i = 0; i < sizeof help_words / sizeof help_words[0]; i++)
		tv_add(tv, 2, 4, 0, "%s", help_words[i]);
	tv_wrap(tv, hs->width);
	hs->built = true;
}

static void help_init(struct app *app, void *state)
{
	struct h_state *hs = state;

	(void)app;
	hs->tv.cur = -1;
}

static void help_fini(void *state)
{
	struct h_state *hs = state;

	tv_clear(&hs->tv);
}

static void help_layout(struct app *app, void *state)
{
	struct h_state *hs = state;

	getmaxyx(app->wmain, hs->height, hs->width);
	hs->width -= 2;    /* a margin each side; the right one holds the scroll marks */
	hs->tv.height = hs->height;
	hs->built = false;
}

static void help_draw(struct app *app, void *state, WINDOW *w)
{
	struct h_state *hs = state;

	if (!hs->built)
		help_build(app, hs);
	tv_draw(&hs->tv, w, 0, 1, hs->height, app->th.sel);
}

static int help_key(struct app *app, void *state, const struct keyev *ev)
{
	struct h_state *hs = state;

	if (!hs->built)
		help_build(app, hs);
	return tv_key(&hs->tv, ev->act);
}

static struct textview *help_text(struct app *app, void *state)
{
	struct h_state *hs = state;

	if (!hs->built)
		help_build(app, hs);
	return &hs->tv;
}

const struct screen_ops help_screen = {
	.name = "Help",
	.hints = "Up/Down PgUp/PgDn scroll  / search  q or Esc close  F10 quit",
	.scopes = SCOPE_BIT(SC_TEXT),
	.state_size = sizeof(struct h_state),
	.init = help_init,
	.fini = help_fini,
	.layout = help_layout,
	.draw = help_draw,
	.key = help_key,
	.text = help_text,
};
