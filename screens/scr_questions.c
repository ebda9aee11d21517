/* scr_questions.c — screen 1: every key of the answers table as a question, with the
 * live panel beside it and, below, why the question and the chosen value matter. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "input.h"
#include "screens.h"
#include "text.h"
#include "util.h"

#define WHY_ROWS 3
#define PRESET_LABEL "Start from a preset"

struct q_state {
	struct rect list, panel, why;
	int top;              /* first row shown */
	bool panel_focus;     /* Tab: the panel's option list takes Up/Down/Enter */
	int panel_sel;        /* rank highlighted in the panel */
	int preset;           /* preset shown in the first row */
	bool preset_set;
};

static bool has_presets(const struct app *app)
{
	return app->cat->n_presets > 0;
}

static int n_rows(const struct app *app)
{
	return (has_presets(app) ? 1 : 0) + AK_COUNT;
}

/* The answers key of a row; -1 for the preset row. */
static int row_key(const struct app *app, int row)
{
	return row - (has_presets(app) ? 1 : 0);
}

/* The preset a --answers file is (by file name), so the first row agrees with it. */
static int preset_of(const struct app *app, const char *path)
{
	const char *base = path ? strrchr(path, '/') : NULL;

	base = base ? base + 1 : path;
	for (int i = 0; base && i < app->cat->n_presets; i++) {
		const char *p = strrchr(app->cat->presets[i].path, '/');
		if (strcmp(p ? p + 1 : app->cat->presets[i].path, base) == 0)
			return i;
	}
	return 0;
}

static void q_layout(struct app *app, void *state)
{
	struct q_state *qs = state;

	int h, w;

	getmaxyx(app->wmain, h, w);
	if (app->mode == LAYOUT_FULL) {
		int pw = w * 2 / 5 < 34 ? 34 : w * 2 / 5 > 52 ? 52 : w * 2 / 5;
		qs->list = (struct rect){ 0, 0, h - WHY_ROWS - 1, w - pw };
		qs->panel = (struct rect){ 0, w - pw, h - WHY_ROWS - 1, pw };
	} else {
		qs->list = (struct rect){ 3, 0, h - WHY_ROWS - 4, w };
		qs->panel = (struct rect){ 0, 0, h - WHY_ROWS - 1, w };
	}
	qs->why = (struct rect){ h - WHY_ROWS, 0, WHY_ROWS, w };
	if (!qs->preset_set)
		qs->preset = preset_of(app, app->opts->answers_path);
	qs->preset_set = true;
	if (app->q_row >= n_rows(app))
		app->q_row = 0;
}

/* The widest label, so the values line up just after it. */
static int label_cols(const struct app *app)
{
	int w = has_presets(app) ? text_width(PRESET_LABEL) : 0;

	for (int k = 0; k < AK_COUNT; k++)
		if (text_width(question_label(k)) > w)
			w = text_width(question_label(k));
	return w;
}

static void value_text(const struct app *app, int key, char *buf, size_t size)
{
	const struct answer_field *f = &answer_fields[key];
	double v = answers_get(&app->answers, key);
	char s[32];

	if (f->type == AT_ENUM || f->type == AT_BOOL) {
		answers_value_text(&app->answers, key, buf, size);
	} else if (key == AK_REQUESTS) {
		fmt_int(buf, size, v);
		fmt_short(s, sizeof s, v);
		if (v >= 1000)
			snprintf(buf + strlen(buf), size - strlen(buf), " (%s)", s);
	} else if (f->type == AT_INT) {
		fmt_int(buf, size, v);
	} else {
		snprintf(buf, size, "%+.0f %%", v * 100);
	}
}

static void row_draw(struct q_state *qs, struct app *app, WINDOW *w, int row, int y)
{
	int key = row_key(app, row), x = qs->list.x + 1, width = qs->list.w - 2;
	int lw = width / 2 < label_cols(app) ? width / 2 : label_cols(app);
	bool sel = row == app->q_row && !qs->panel_focus;
	char val[160];

	if (key < 0)
		snprintf(val, sizeof val, "%s", app->cat->presets[qs->preset].id);
	else
		value_text(app, key, val, sizeof val);
	if (sel) {
		wattron(w, app->th.sel);
		mvwhline(w, y, qs->list.x, ' ', qs->list.w - 1);
	}
	if (key >= 0 && answer_fields[key].optional)
		wattron(w, sel ? 0 : A_DIM);
	text_put(w, y, x, lw, key < 0 ? PRESET_LABEL : question_label(key));
	wattroff(w, A_DIM);
	selector_draw(app, w, y, x + lw + 1, width - lw - 1, val, sel);
	wattroff(w, app->th.sel);
}

static void list_draw(struct q_state *qs, struct app *app, WINDOW *w)
{
	int rows = qs->list.h;

	if (app->q_row < qs->top)
		qs->top = app->q_row;
	if (app->q_row >= qs->top + rows)
		qs->top = app->q_row - rows + 1;
	for (int i = 0; i < rows && qs->top + i < n_rows(app); i++)
		row_draw(qs, app, w, qs->top + i, qs->list.y + i);
	if (qs->top > 0)
		text_put(w, qs->list.y, qs->list.x + qs->list.w - 2, 1, "^");
	if (qs->top + rows < n_rows(app))
		text_put(w, qs->list.y + rows - 1, qs->list.x + qs->list.w - 2, 1, "v");
}

/* Up to n lines of text wrapped at width from row y; returns the rows used. */
static int wrapped(WINDOW *w, int y, int x, int width, int n, const char *s)
{
	char line[512];
	const char *next;
	int used = 0;

	while (*s && used < n) {
		size_t len = text_line(s, width, &next);
		snprintf(line, sizeof line, "%.*s", (int)len, s);
		text_put(w, y + used++, x, width, line);
		s = next;
	}
	return used;
}

static void why_draw(struct q_state *qs, struct app *app, WINDOW *w)
{
	int key = row_key(app, app->q_row), y = qs->why.y, width = qs->why.w - 2;
	const char *opt = NULL;

	hline_draw(app, w, y - 1, 0, qs->why.w);
	if (key < 0) {
		wrapped(w, y, 1, width, 2, app->cat->presets[qs->preset].title);
		text_put(w, y + 2, 1, width, "Enter loads it (replacing the answers); Left/Right picks another.");
		return;
	}
	if (answer_fields[key].type == AT_ENUM || answer_fields[key].type == AT_BOOL)
		opt = option_why(key, (int)answers_get(&app->answers, key));
	int used = wrapped(w, y, 1, width, opt ? WHY_ROWS - 1 : WHY_ROWS, question_why(key));
	if (opt) {
		wattron(w, A_BOLD);
		text_putf(w, y + used, 1, width, "> %s", opt);
		wattroff(w, A_BOLD);
	}
}

static void q_draw(struct app *app, void *state, WINDOW *w)
{
	struct q_state *qs = state;

	if (app->mode == LAYOUT_FULL) {
		list_draw(qs, app, w);
		panel_draw(app, w, qs->panel, qs->panel_focus ? qs->panel_sel : -1);
	} else if (qs->panel_focus) {
		panel_draw(app, w, qs->panel, qs->panel_sel);
	} else {
		panel_summary(app, w, 0, qs->list.w);
		hline_draw(app, w, 2, 0, qs->list.w);
		list_draw(qs, app, w);
	}
	why_draw(qs, app, w);
}

/* ---- keys -------------------------------------------------------------------------- */

static int load_preset(struct q_state *qs, struct app *app)
{
	const struct preset *p = &app->cat->presets[qs->preset];
	struct answers a;
	struct ow_error e;
	char msg[700];

	if (answers_load(p->path, &a, &e) != 0) {
		ow_error_format(&e, msg, sizeof msg);
		app_message(app, true, "%s", msg);
		return HANDLED;
	}
	app_replace_answers(app, &a);
	app_message(app, false, "Loaded the preset '%s'", p->id);
	return HANDLED | REDRAW;
}

/* Left/Right on a number: log steps (the context in powers of two, growth by 10 %). */
static double number_step(int key, double v, int dir)
{
	if (key == AK_CONTEXT)
		return dir > 0 ? v * 2 : floor(v / 2);
	if (answer_fields[key].type == AT_DOUBLE)
		return round((v + dir * 0.1) * 10) / 10;
	return volume_step(v, dir);
}

static int change(struct app *app, int key, int dir, bool wrap)
{
	const struct answer_field *f = &answer_fields[key];
	double v = answers_get(&app->answers, key), nv;

	if (f->type == AT_ENUM || f->type == AT_BOOL) {
		int n = f->type == AT_BOOL ? 2 : f->n_names;
		nv = v + dir;
		nv = wrap ? fmod(nv + n, n) : fmin(fmax(nv, 0), n - 1);
	} else {
		nv = fmin(fmax(number_step(key, v, dir), f->min), f->max);
	}
	if (nv == v)
		return HANDLED;
	app_set_answer(app, key, nv);
	return HANDLED | REDRAW;
}

static int select_row(struct app *app, int to)
{
	int n = n_rows(app);

	to = to < 0 ? 0 : to >= n ? n - 1 : to;
	if (to == app->q_row)
		return HANDLED;
	app->q_row = to;
	return HANDLED | REDRAW;
}

static int preset_key(struct q_state *qs, struct app *app, enum action act)
{
	int n = app->cat->n_presets;

	if (act == ACT_CHOOSE)
		return load_preset(qs, app);
	qs->preset = (qs->preset + (act == ACT_RIGHT ? 1 : n - 1)) % n;
	return HANDLED | REDRAW;
}

static int row_action(struct q_state *qs, struct app *app, enum action act)
{
	int key = row_key(app, app->q_row);
	enum answer_type t;

	if (key < 0)
		return preset_key(qs, app, act);
	t = answer_fields[key].type;
	if (act != ACT_CHOOSE)
		return change(app, key, act == ACT_RIGHT ? 1 : -1, false);
	if (t == AT_ENUM || t == AT_BOOL)
		return change(app, key, 1, true);
	return number_prompt(app, key);
}

static int panel_key(struct q_state *qs, struct app *app, enum action act)
{
	int sel = qs->panel_sel + (act == ACT_DOWN) - (act == ACT_UP);

	if (act == ACT_CHOOSE) {
		verdict_show_arch(app, app->v->order[qs->panel_sel]);
		return HANDLED;
	}
	if (act != ACT_UP && act != ACT_DOWN)
		return 0;
	qs->panel_sel = sel < 0 ? 0 : sel >= ARCH_COUNT ? ARCH_COUNT - 1 : sel;
	return HANDLED | REDRAW;
}

static int q_key(struct app *app, void *state, const struct keyev *ev)
{
	struct q_state *qs = state;

	if (ev->act == ACT_TAB) {
		qs->panel_focus = !qs->panel_focus;
		return HANDLED | REDRAW;
	}
	if (qs->panel_focus)
		return panel_key(qs, app, ev->act);
	switch (ev->act) {
	case ACT_UP: return select_row(app, app->q_row - 1);
	case ACT_DOWN: return select_row(app, app->q_row + 1);
	case ACT_HOME: return select_row(app, 0);
	case ACT_END: return select_row(app, n_rows(app) - 1);
	case ACT_LEFT: case ACT_RIGHT: case ACT_CHOOSE: return row_action(qs, app, ev->act);
	case ACT_USERS: return users_prompt(app);
	case ACT_ESTIMATE: return estimate_prompt(app, row_key(app, app->q_row));
	default: return 0;
	}
}

const struct screen_ops questions_screen = {
	.name = "Questions",
	.hints = "Left/Right change  Enter edit  +/- volume  Tab panel  e export  s save  ? help",
	.state_size = sizeof(struct q_state),
	.layout = q_layout,
	.draw = q_draw,
	.key = q_key,
};
