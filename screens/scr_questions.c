/* scr_questions.c — screen 1: every key of the answers table as a question, with the
 * live panel beside it and, below, why the question and the chosen value matter. The
 * first row loads a preset. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "screens.h"
#include "session.h"
#include "text.h"
#include "util.h"

#define WHY_ROWS 3
#define PRESET_LABEL "Start from a preset"
#define NO_PRESET "(none loaded)"

struct questions_state {
	struct rect list, panel, why;
	int row;              /* the selected row (the preset row first, when there are presets) */
	int top;              /* first row shown */
	bool panel_focus;     /* Tab: the panel's option list takes Up/Down/Enter */
	int panel_sel;        /* rank highlighted in the panel */
	int browse;           /* the preset shown while picking one; -1: none */
};

static bool questions_has_presets(const struct app *app)
{
	return app->cat->n_presets > 0;
}

static int questions_rows(const struct app *app)
{
	return (questions_has_presets(app) ? 1 : 0) + AK_COUNT;
}

/* The answers key of a row; -1 for the preset row. */
static int questions_row_key(const struct app *app, int row)
{
	return row - (questions_has_presets(app) ? 1 : 0);
}

static bool questions_is_number(int key)
{
	return key >= 0 && (answer_fields[key].type == AT_INT || answer_fields[key].type == AT_DOUBLE);
}

static void questions_init(struct app *app, void *state)
{
	struct questions_state *qs = state;

	qs->browse = -1;
	/* Started from a file: the first question, past the presets. */
	qs->row = app->opts->answers_path && questions_has_presets(app) ? 1 : 0;
}

static void questions_enter(struct app *app, void *state)
{
	struct questions_state *qs = state;

	(void)app;
	qs->panel_focus = false;    /* a screen switch always comes back to the questions */
	qs->browse = -1;
}

static void questions_layout(struct app *app, void *state)
{
	struct questions_state *qs = state;
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
	if (qs->row >= questions_rows(app))
		qs->row = 0;
}

/* ---- drawing ----------------------------------------------------------------------- */

/* The widest label, so the values line up just after it. */
static int questions_label_cols(const struct app *app)
{
	int w = questions_has_presets(app) ? text_width(PRESET_LABEL) : 0;

	for (int k = 0; k < AK_COUNT; k++)
		if (text_width(question_label(k)) > w)
			w = text_width(question_label(k));
	return w;
}

static void questions_preset_text(const struct app *app, const struct questions_state *qs, char *buf, size_t size)
{
	if (qs->browse >= 0)
		snprintf(buf, size, "%s", app->cat->presets[qs->browse].id);
	else if (app->preset >= 0)
		snprintf(buf, size, "%s", app->cat->presets[app->preset].id);
	else
		snprintf(buf, size, "%s", NO_PRESET);
}

static void questions_row_draw(struct app *app, struct questions_state *qs, WINDOW *w, int row, int y)
{
	int key = questions_row_key(app, row), x = qs->list.x + 1, width = qs->list.w - 2;
	int lw = width / 2 < questions_label_cols(app) ? width / 2 : questions_label_cols(app);
	bool here = row == qs->row, sel = here && !qs->panel_focus;
	char val[160];

	if (key < 0)
		questions_preset_text(app, qs, val, sizeof val);
	else
		question_value(&app->answers, key, val, sizeof val);
	if (sel) {
		wattron(w, app->th.sel);
		mvwhline(w, y, qs->list.x, ' ', qs->list.w - 1);
	} else if (here) {
		text_put(w, y, qs->list.x, 1, ">");    /* the place kept while the panel has the keys */
		wattron(w, A_BOLD);
	}
	if (key >= 0 && question_unused(&app->answers, key))
		wattron(w, sel ? 0 : A_DIM);
	text_put(w, y, x, lw, key < 0 ? PRESET_LABEL : question_label(key));
	wattroff(w, A_DIM);
	selector_draw(app, w, y, x + lw + 1, width - lw - 1, val, sel);
	wattroff(w, app->th.sel | A_BOLD);
}

static void questions_list_draw(struct app *app, struct questions_state *qs, WINDOW *w)
{
	int rows = qs->list.h;

	if (qs->top > questions_rows(app) - rows)
		qs->top = questions_rows(app) - rows > 0 ? questions_rows(app) - rows : 0;   /* the list fills the window */
	if (qs->row < qs->top)
		qs->top = qs->row;
	if (qs->row >= qs->top + rows)
		qs->top = qs->row - rows + 1;
	for (int i = 0; i < rows && qs->top + i < questions_rows(app); i++)
		questions_row_draw(app, qs, w, qs->top + i, qs->list.y + i);
	if (qs->top > 0)
		text_put(w, qs->list.y, qs->list.x + qs->list.w - 2, 1, "^");
	if (qs->top + rows < questions_rows(app))
		text_put(w, qs->list.y + rows - 1, qs->list.x + qs->list.w - 2, 1, "v");
}

/* Up to n lines of text wrapped at width from row y; returns the rows used. */
static int questions_wrapped(WINDOW *w, int y, int x, int width, int n, const char *s)
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

static void questions_why_preset(struct app *app, struct questions_state *qs, WINDOW *w, int y, int width)
{
	const struct preset *shown = qs->browse >= 0 ? &app->cat->presets[qs->browse]
				     : app->preset >= 0 ? &app->cat->presets[app->preset] : NULL;
	int used = 0;

	if (shown == NULL)
		used = questions_wrapped(w, y, 1, width, 2, "No preset loaded: the answers below are the defaults "
				 "or your own.");
	else
		used = questions_wrapped(w, y, 1, width, 2, shown->title);
	wattron(w, A_BOLD);
	questions_wrapped(w, y + used, 1, width, WHY_ROWS - used, qs->browse >= 0
		  ? "Enter loads it (u undoes); Left/Right picks another."
		  : "Left/Right picks a preset; Enter loads it (u undoes).");
	wattroff(w, A_BOLD);
}

static void questions_why_draw(struct app *app, struct questions_state *qs, WINDOW *w)
{
	int key = questions_row_key(app, qs->row), y = qs->why.y, width = qs->why.w - 2, used = 0;
	const char *opt = NULL, *unused;

	hline_draw(app, w, y - 1, 0, qs->why.w);
	if (qs->panel_focus) {
		questions_wrapped(w, y, 1, width, WHY_ROWS, "Up/Down picks an architecture; Enter opens its "
			  "reasons on the verdict. Tab goes back to the questions.");
		return;
	}
	if (key < 0) {
		questions_why_preset(app, qs, w, y, width);
		return;
	}
	if ((unused = question_unused(&app->answers, key)) != NULL) {
		wattron(w, A_BOLD);
		used = questions_wrapped(w, y, 1, width, 1, unused);
		wattroff(w, A_BOLD);
	} else if (answer_fields[key].type == AT_ENUM || answer_fields[key].type == AT_BOOL) {
		opt = question_option(key, (int)answers_get(&app->answers, key));
	}
	used += questions_wrapped(w, y + used, 1, width, WHY_ROWS - used - (opt ? 1 : 0), question_why(key));
	if (opt) {
		wattron(w, A_BOLD);
		text_putf(w, y + used, 1, width, "> %s", opt);
		wattroff(w, A_BOLD);
	}
}

static void questions_draw(struct app *app, void *state, WINDOW *w)
{
	struct questions_state *qs = state;

	if (app->mode == LAYOUT_FULL) {
		questions_list_draw(app, qs, w);
		panel_draw(app, w, qs->panel, qs->panel_focus ? qs->panel_sel : -1);
	} else if (qs->panel_focus) {
		panel_draw(app, w, qs->panel, qs->panel_sel);
	} else {
		panel_summary(app, w, 0, qs->list.w);
		hline_draw(app, w, 2, 0, qs->list.w);
		questions_list_draw(app, qs, w);
	}
	questions_why_draw(app, qs, w);
}

static const char *questions_status(struct app *app, void *state)
{
	struct questions_state *qs = state;

	(void)app;
	if (qs->panel_focus)
		return "Up/Down pick  Enter reasons  Tab questions  +/- volume  u undo  ? help";
	return "Left/Right change  Enter edit  +/- volume  Tab panel  u undo  e export  ? help";
}

/* ---- presets ------------------------------------------------------------------------- */

static int questions_load_preset(struct app *app, int i)
{
	const struct preset *p = &app->cat->presets[i];
	struct questions_state *qs = app->state[SCR_QUESTIONS];
	struct answers a;
	struct ow_error e;
	char msg[700];

	qs->browse = -1;
	if (answers_load(p->path, &a, &e) != 0) {
		ow_error_format(&e, msg, sizeof msg);
		app_message(app, true, "%s", msg);
		return HANDLED | REDRAW;
	}
	snprintf(msg, sizeof msg, "loading the preset '%s'", p->id);
	app_change(app, &a, i, msg);
	app_mark_saved(app);
	app_message(app, false, "Loaded the preset '%s' (u undoes)", p->id);
	return HANDLED | REDRAW;
}

static int questions_replace_done(struct app *app, struct prompt *p, int choice)
{
	if (choice != 'y') {
		app_message(app, false, "Kept your answers");
		return HANDLED;
	}
	return questions_load_preset(app, p->arg);
}

static int questions_preset_choose(struct app *app, struct questions_state *qs)
{
	char label[200];

	if (qs->browse < 0) {
		qs->browse = app->preset >= 0 ? app->preset : 0;
		return HANDLED | REDRAW;
	}
	if (!app->unsaved)
		return questions_load_preset(app, qs->browse);
	snprintf(label, sizeof label, "Replace your changed answers with preset '%s'? (y)es (n)o",
		 app->cat->presets[qs->browse].id);
	return prompt_choice(app, label, "yn", questions_replace_done, qs->browse);
}

static int questions_preset_key(struct app *app, struct questions_state *qs, enum action act)
{
	int n = app->cat->n_presets, from = qs->browse >= 0 ? qs->browse : app->preset;

	if (act == ACT_CHOOSE)
		return questions_preset_choose(app, qs);
	if (from < 0)
		qs->browse = act == ACT_RIGHT ? 0 : n - 1;
	else
		qs->browse = (from + (act == ACT_RIGHT ? 1 : n - 1)) % n;
	return HANDLED | REDRAW;
}

/* ---- answers ------------------------------------------------------------------------- */

/* Left/Right on a number: log steps (the context in powers of two, growth by 10 %,
 * spares one by one; a latency target steps down from 1 to 0, the latency's own). */
static double questions_number_step(int key, double v, int dir)
{
	if (key == AK_CONTEXT)
		return dir > 0 ? v * 2 : floor(v / 2);
	if (key == AK_SPARES)
		return v + dir;
	if (answer_fields[key].type == AT_DOUBLE)
		return round((v + dir * 0.1) * 10) / 10;
	return volume_step(v, dir);
}

/* Lists of choices wrap round; numbers stop at their limits. */
static int questions_change(struct app *app, int key, int dir)
{
	const struct answer_field *f = &answer_fields[key];
	double v = answers_get(&app->answers, key), nv;

	if (f->type == AT_ENUM || f->type == AT_BOOL) {
		int n = f->type == AT_BOOL ? 2 : f->n_names;
		nv = fmod(v + dir + n, n);
	} else {
		nv = fmin(fmax(questions_number_step(key, v, dir), f->min), f->max);
	}
	if (nv == v)
		return HANDLED;
	app_set_answer(app, key, nv);
	return HANDLED | REDRAW;
}

static int questions_select(struct app *app, struct questions_state *qs, int to)
{
	int n = questions_rows(app);

	to = to < 0 ? 0 : to >= n ? n - 1 : to;
	qs->browse = -1;
	if (to == qs->row)
		return HANDLED;
	qs->row = to;
	return HANDLED | REDRAW;
}

static int questions_row_action(struct app *app, struct questions_state *qs, enum action act)
{
	int key = questions_row_key(app, qs->row);

	if (key < 0)
		return questions_preset_key(app, qs, act);
	if (act != ACT_CHOOSE)
		return questions_change(app, key, act == ACT_RIGHT ? 1 : -1);
	if (!questions_is_number(key))
		return questions_change(app, key, 1);
	return input_number_prompt(app, key, NULL);
}

static int questions_panel_key(struct app *app, struct questions_state *qs, enum action act)
{
	int sel = qs->panel_sel;

	switch (act) {
	case ACT_CHOOSE:
		verdict_show_arch(app, app->v->order[qs->panel_sel]);
		return HANDLED;
	case ACT_UP: sel--; break;
	case ACT_DOWN: sel++; break;
	case ACT_HOME: case ACT_PAGE_UP: sel = 0; break;
	case ACT_END: case ACT_PAGE_DOWN: sel = ARCH_COUNT - 1; break;
	default: return 0;
	}
	qs->panel_sel = sel < 0 ? 0 : sel >= ARCH_COUNT ? ARCH_COUNT - 1 : sel;
	return HANDLED | REDRAW;
}

/* A digit (or a point) on a number question starts typing its new value. */
static bool questions_typed_digit(const struct app *app, const struct questions_state *qs, int ch)
{
	return !qs->panel_focus && ch < 0x80 && (isdigit(ch) || ch == '.') &&
	       questions_is_number(questions_row_key(app, qs->row));
}

static int questions_key(struct app *app, void *state, const struct keyev *ev)
{
	struct questions_state *qs = state;
	char typed[2] = { (char)ev->ch, '\0' };

	if (ev->act == ACT_TAB) {
		qs->panel_focus = !qs->panel_focus;
		return HANDLED | REDRAW;
	}
	if (questions_typed_digit(app, qs, ev->ch))
		return input_number_prompt(app, questions_row_key(app, qs->row), typed);
	if (qs->panel_focus)
		return questions_panel_key(app, qs, ev->act);
	switch (ev->act) {
	case ACT_UP: return questions_select(app, qs, qs->row - 1);
	case ACT_DOWN: return questions_select(app, qs, qs->row + 1);
	case ACT_PAGE_UP: return questions_select(app, qs, qs->row - qs->list.h);
	case ACT_PAGE_DOWN: return questions_select(app, qs, qs->row + qs->list.h);
	case ACT_HOME: return questions_select(app, qs, 0);
	case ACT_END: return questions_select(app, qs, questions_rows(app) - 1);
	case ACT_LEFT: case ACT_RIGHT: case ACT_CHOOSE: return questions_row_action(app, qs, ev->act);
	case ACT_ESTIMATE: return input_estimate_prompt(app, questions_row_key(app, qs->row));
	default: return 0;
	}
}

/* ---- mouse and session --------------------------------------------------------------- */

/* A row pressed is selected; pressed again (on the selected row) it acts as Enter. */
static int questions_click(struct app *app, void *state, int y, int x)
{
	struct questions_state *qs = state;
	int row = qs->top + y - qs->list.y;
	bool in_list = y >= qs->list.y && y < qs->list.y + qs->list.h && x < qs->list.x + qs->list.w;

	if (app->mode == LAYOUT_FULL && x >= qs->panel.x && y >= 7 && y < 7 + ARCH_COUNT) {
		qs->panel_focus = true;          /* the panel's cost lines start on its 8th row */
		qs->panel_sel = y - 7;
		return HANDLED | REDRAW;
	}
	if (!in_list || row >= questions_rows(app) || (qs->panel_focus && app->mode != LAYOUT_FULL))
		return HANDLED;
	qs->panel_focus = false;
	if (row == qs->row)
		return questions_row_action(app, qs, ACT_CHOOSE);
	return questions_select(app, qs, row);
}

static void questions_place_save(const struct app *app, const void *state, struct strbuf *sb)
{
	const struct questions_state *qs = state;

	(void)app;
	sb_addf(sb, " question %d", qs->row);
}

static void questions_place_load(struct app *app, void *state, const char *line)
{
	struct questions_state *qs = state;
	char word[32];

	if (session_word(line, "question", word, sizeof word) == 0 && atoi(word) >= 0 &&
	    atoi(word) < questions_rows(app))
		qs->row = atoi(word);
}

const struct screen_ops questions_screen = {
	.name = "Questions",
	.scopes = SCOPE_BIT(SC_QUESTIONS),
	.state_size = sizeof(struct questions_state),
	.init = questions_init,
	.enter = questions_enter,
	.layout = questions_layout,
	.draw = questions_draw,
	.key = questions_key,
	.click = questions_click,
	.status = questions_status,
	.place_save = questions_place_save,
	.place_load = questions_place_load,
};
