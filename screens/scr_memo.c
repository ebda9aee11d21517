/* scr_memo.c — the memo overlay (m): the Markdown decision memo as `e` would export
 * it, wrapped to the window, scrolled and searched; live as the answers change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "screens.h"
#include "text.h"

struct m_state {
	struct textview tv;
	unsigned gen;
	int width, height;
};

static void memo_line(struct app *app, struct textview *tv, const char *line, size_t len)
{
	attr_t a = len > 0 && line[0] == '#' ? app->th.head : 0;
	int hang = len > 1 && line[0] == '-' && line[1] == ' ' ? 2 : 0;

	tv_add(tv, 0, hang, a, "%.*s", (int)len, line);
}

static void memo_build(struct app *app, struct m_state *ms)
{
	struct textview *tv = &ms->tv;
	int top = tv->top, cur = tv->cur;
	char when[32], *text;

	files_now_iso(when, sizeof when);
	text = memo_markdown(app->v, when);
	tv_clear(tv);
	for (const char *s = text; *s; ) {
		size_t len = strcspn(s, "\n");
		memo_line(app, tv, s, len);
		s += len + (s[len] == '\n');
	}
	free(text);
	tv_wrap(tv, ms->width);
	tv->top = top;
	tv->cur = cur;
	ms->gen = app->gen;
}

static void memo_init(struct app *app, void *state)
{
	struct m_state *ms = state;

	(void)app;
	ms->tv.cur = -1;
}

static void memo_fini(void *state)
{
	struct m_state *ms = state;

	tv_clear(&ms->tv);
}

static void memo_layout(struct app *app, void *state)
{
	struct m_state *ms = state;

	getmaxyx(app->wmain, ms->height, ms->width);
	ms->width -= 2;
	ms->tv.height = ms->height;
	ms->gen = app->gen - 1;    /* rewrap at the new width */
}

static void memo_draw(struct app *app, void *state, WINDOW *w)
{
	struct m_state *ms = state;

	if (ms->gen != app->gen)
		memo_build(app, ms);
	tv_draw(&ms->tv, w, 0, 1, ms->height, app->th.sel);
}

static int memo_key(struct app *app, void *state, const struct keyev *ev)
{
	struct m_state *ms = state;

	app_evaluate(app);
	if (ms->gen != app->gen)
		memo_build(app, ms);
	return tv_key(&ms->tv, ev->act);
}

static struct textview *memo_text(struct app *app, void *state)
{
	struct m_state *ms = state;

	if (ms->gen != app->gen)
		memo_build(app, ms);
	return &ms->tv;
}

const struct screen_ops memo_screen = {
	.name = "Memo",
	.hints = "Up/Down scroll  / search  e export  +/- volume  u undo  q or Esc close",
	.scopes = SCOPE_BIT(SC_TEXT),
	.state_size = sizeof(struct m_state),
	.init = memo_init,
	.fini = memo_fini,
	.layout = memo_layout,
	.draw = memo_draw,
	.key = memo_key,
	.text = memo_text,
};
