/* scr_memo.c — the memo overlay (m): the Markdown decision memo as `e` would export
 * it, wrapped to the window, scrolled and searched; live as the answers change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "screens.h"
#include "text.h"
#include "util.h"

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

/* What a memo line is to the reflow: the memo is wrapped at 80 columns for a file,
 * and the view wraps it again to the window, so a paragraph's or a list item's lines
 * are joined first; headings, tables and code blocks keep their lines. */
enum memo_kind { MK_KEEP, MK_PROSE, MK_ITEM, MK_MORE };

static enum memo_kind memo_kind_of(const char *s, size_t len, bool in_fence)
{
	if (in_fence || len == 0 || s[0] == '#' || s[0] == '|' || strncmp(s, "```", 3) == 0)
		return MK_KEEP;
	if (len > 1 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return MK_ITEM;
	if (len > 2 && s[0] == ' ' && s[1] == ' ')
		return MK_MORE;   /* a list item's next line */
	return MK_PROSE;
}

static void memo_flush(struct app *app, struct textview *tv, struct strbuf *para)
{
	if (para->len > 0)
		memo_line(app, tv, para->s, para->len);
	para->len = 0;   /* kept for the next paragraph */
}

static void memo_reflow(struct app *app, struct textview *tv, const char *text)
{
	struct strbuf para;
	enum memo_kind open = MK_KEEP;   /* what para holds */
	bool in_fence = false;

	sb_init(&para);
	for (const char *s = text; *s;) {
		size_t len = strcspn(s, "\n");
		enum memo_kind k = memo_kind_of(s, len, in_fence);
		bool fence = strncmp(s, "```", 3) == 0;
		if (k == MK_MORE && open == MK_ITEM) {
			sb_addf(&para, " %.*s", (int)(len - 2), s + 2);
		} else if (k == MK_PROSE && open == MK_PROSE) {
			sb_addf(&para, " %.*s", (int)len, s);
		} else {
			memo_flush(app, tv, &para);
			if (k == MK_KEEP || k == MK_MORE)
				memo_line(app, tv, s, len);
			else
				sb_addf(&para, "%.*s", (int)len, s);
			open = k == MK_MORE ? MK_KEEP : k;
		}
		in_fence ^= fence;
		s += len + (s[len] == '\n');
	}
	memo_flush(app, tv, &para);
	sb_free(&para);
}

static void memo_build(struct app *app, struct m_state *ms)
{
	struct textview *tv = &ms->tv;
	struct tv_place place = tv_place_save(tv);
	char when[32], *text;

	files_now_iso(when, sizeof when);
	text = memo_markdown(app->v, when);
	tv_clear(tv);
	memo_reflow(app, tv, text);
	free(text);
	tv_wrap(tv, ms->width);
	tv_place_restore(tv, &place);
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
