/* scr_verdict.c — screen 5: the recommendation; what would flip it (Enter on a line
 * applies that change, u undoes it); with a baseline pinned, what changed and why;
 * the architectures ranked with every rule that fired; what the cost depends on;
 * the risks of the choice; warnings and caveats. */
#include <math.h>
#include <stdio.h>

#include "memo.h"
#include "screens.h"
#include "text.h"
#include "util.h"

/* Paragraph tags: which change Enter applies (a flip, or what makes one feasible). */
enum { TAG_NONE, TAG_FLIP_UP, TAG_FLIP_DOWN, TAG_RELAX = 10, TAG_FLIP_ANSWER = 100 };

struct v_state {
	struct textview tv;
	unsigned gen;
	int width, height;
	int arch_para[ARCH_COUNT];    /* where each architecture's section starts */
};

/* A choice answer's value (as an answers file names it: "true") in the question's
 * words ("yes"), as the question shows it. */
static void verdict_choice_words(const struct verdict *v, int key, const char *value, char *buf, size_t size)
{
	struct answers a = v->answers;

	answers_set(&a, key, question_parse_choice(key, value));
	question_value(&a, key, buf, size);
}

/* Nothing feasible: say so, and each single change that would make something so. */
static void verdict_nothing(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	char now[64], then[64];

	tv_add(tv, 0, 2, app->th.warn, "Nothing is feasible with these answers: every architecture is excluded.");
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "What would make one feasible (Enter on a line applies it; u undoes)");
	for (int i = 0; i < v->n_relax; i++) {
		question_value(&v->answers, v->relax[i].key, now, sizeof now);
		verdict_choice_words(v, v->relax[i].key, v->relax[i].value, then, sizeof then);
		tv_add(tv, 2, 4, 0, "- %s: %s instead of %s would make %s feasible.", question_label(v->relax[i].key),
		       then, now, arch_id_or_none(v->relax[i].arch));
		tv_tag(tv, TAG_RELAX + i);
	}
	if (v->n_relax == 0)
		tv_add(tv, 2, 4, 0, "- No single answer changed alone makes any architecture feasible.");
}

/* What the recommendation costs beyond the cheapest option (the price of control), and
 * whether the ranking was close. */
static void verdict_premium(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	const struct arch_score *second = &v->scores[v->order[1]];
	char text[400];

	if (memo_premium(text, sizeof text, v))   /* as the memo says it */
		tv_add(tv, 2, 2, 0, "%s", text);
	if (v->close_call && v->margin < 0.05)
		tv_add(tv, 2, 2, app->th.warn, "A close call: %s and %s are level on points.", arch_ids[v->recommended],
		       arch_ids[second->arch]);
	else if (v->close_call)
		tv_add(tv, 2, 2, app->th.warn, "A close call: %s leads %s by %.1f points.", arch_ids[v->recommended],
		       arch_ids[second->arch], v->margin);
}

static void verdict_recommendation(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	const struct plan *p = &v->scores[v->recommended].best;
	char label[200], m[32], vol[32], fleet[120];

	if (!v->feasible_any) {
		verdict_nothing(app, tv);
		return;
	}
	words_label(p, label, sizeof label);
	words_money(m, sizeof m, p->cost.total);
	fmt_int(vol, sizeof vol, (double)v->answers.requests_per_month);
	tv_add(tv, 0, 2, app->th.good, "Recommended: %s", app->cat->arch[v->recommended].name);
	tv_add(tv, 2, 2, A_BOLD, "%s, %s a month at %s requests/month", label, m, vol);
	if (p->gpu) {
		words_fleet(p, fleet, sizeof fleet);
		if (p->arch == ARCH_ON_DEVICE)
			tv_add(tv, 2, 2, 0, "Fleet: %s; %s in %s", fleet, p->model->id, precision_names[p->precision]);
		else
			tv_add(tv, 2, 2, 0, "Fleet: %s; %s in %s; GPUs %s", fleet, p->model->id,
			       precision_names[p->precision], price_basis_names[p->basis]);
	}
	verdict_premium(app, tv);
}

/* "hybrid would win", or when the change leaves nothing feasible, that. */
static const char *verdict_outcome(int winner, char *buf, size_t size)
{
	if (winner >= 0 && winner < ARCH_COUNT)
		snprintf(buf, size, "%s would win", arch_ids[winner]);
	else
		snprintf(buf, size, "nothing would be feasible");
	return buf;
}

static void verdict_flips(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	char now[64], then[64], out[120];

	if (!v->feasible_any)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "What would flip it (Enter on a line applies it; u undoes)");
	for (int up = 1; up >= 0; up--) {
		const struct volume_flip *f = up ? &v->flip_volume_up : &v->flip_volume_down;
		char range[96], beyond[64];
		if (!f->found)
			continue;
		memo_flip_range(range, sizeof range, f, up, false);
		memo_flip_beyond(beyond, sizeof beyond, f, up, v->recommended);   /* as the memo says it */
		tv_add(tv, 2, 4, 0, "- %s, %s%s.", range, verdict_outcome(f->winner, out, sizeof out), beyond);
		tv_tag(tv, up ? TAG_FLIP_UP : TAG_FLIP_DOWN);
	}
	for (int i = 0; i < v->n_flips; i++) {
		int key = v->flips[i].key;
		question_value(&v->answers, key, now, sizeof now);
		verdict_choice_words(v, key, v->flips[i].value, then, sizeof then);
		tv_add(tv, 2, 4, 0, "- %s: %s instead of %s: %s.", question_label(key), then, now,
		       verdict_outcome(v->flips[i].winner, out, sizeof out));
		tv_tag(tv, TAG_FLIP_ANSWER + i);
	}
	if (!v->flip_volume_up.found && !v->flip_volume_down.found && v->n_flips == 0)
		tv_add(tv, 2, 4, 0, "- No single answer or volume change would change the recommendation.");
}

/* ---- what the cost depends on ---------------------------------------------------------- */

static const char *const verdict_assumption_words[ASSUME_COUNT] = {
	[ASSUME_GPU_PRICE] = "GPU prices", [ASSUME_TOKEN_PRICE] = "Per-token prices",
	[ASSUME_VOLUME] = "The volume", [ASSUME_OUTPUT] = "Output length", [ASSUME_PEAK] = "The traffic's peak",
	[ASSUME_HIDDEN] = "Hidden costs", [ASSUME_CACHE] = "Prompt-cache share", [ASSUME_GROWTH] = "A year's growth",
};

/* Each assumption's range, the recommendation's cost at both ends, and where it flips. */
static void verdict_sensitivity(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	char lo[16], hi[16], a[32], b[32], at[16], out[120];

	if (!v->feasible_any || v->n_sensitivity == 0)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "What the cost depends on (each assumption at the ends of its range)");
	for (int i = 0; i < v->n_sensitivity; i++) {
		const struct sensitivity *s = &v->sensitivity[i];
		memo_assumption_value(lo, sizeof lo, s, s->low);
		memo_assumption_value(hi, sizeof hi, s, s->high);
		words_money(a, sizeof a, s->cost_low);
		words_money(b, sizeof b, s->cost_high);
		memo_sensitivity_flip(at, sizeof at, s);
		tv_add(tv, 2, 4, 0, "- %s %s to %s: %s to %s a month%s%s%s%s", verdict_assumption_words[s->assumption], lo,
		       hi, a, b, s->flips ? "; at " : "", s->flips ? at : "", s->flips ? ", " : "",
		       s->flips ? verdict_outcome(s->flips_to, out, sizeof out) : "");
	}
}

/* ---- the baseline ---------------------------------------------------------------------- */

static void verdict_diff_answers(struct textview *tv, const struct verdict_diff *d)
{
	struct answers a[SIDE_COUNT];
	char x[64], y[64];

	if (d->n_answers == 0)
		tv_add(tv, 2, 4, 0, "- No answer differs from the baseline.");
	answers_default(&a[0]);
	a[1] = a[0];
	for (int i = 0; i < d->n_answers; i++) {
		int key = d->answers[i].key;
		answers_set(&a[0], key, d->answers[i].value[SIDE_BEFORE]);
		answers_set(&a[1], key, d->answers[i].value[SIDE_AFTER]);
		question_value(&a[0], key, x, sizeof x);
		question_value(&a[1], key, y, sizeof y);
		tv_add(tv, 2, 4, 0, "- %s: %s -> %s", question_label(key), x, y);
	}
}

static void verdict_diff_recommendation(struct app *app, struct textview *tv, const struct verdict_diff *d)
{
	char label[2][200], m[2][32], fleet[2][120];

	for (int s = 0; s < SIDE_COUNT; s++) {
		words_label(&d->recommended[s], label[s], sizeof label[s]);
		words_money(m[s], sizeof m[s], d->recommended[s].cost.total);
		words_fleet(&d->recommended[s], fleet[s], sizeof fleet[s]);
	}
	if (d->recommendation_moved)
		tv_add(tv, 2, 4, app->th.good, "- The recommendation moved: %s (%s) -> %s (%s).", label[0], m[0],
		       label[1], m[1]);
	else
		tv_add(tv, 2, 4, 0, "- The recommendation stays %s: %s -> %s a month.", label[1], m[0], m[1]);
	if (d->fleet_moved)
		tv_add(tv, 2, 4, 0, "- Fleet: %s -> %s.", fleet[0], fleet[1]);
}

/* One side's cost in the comparison, marked when the rules exclude it (as compare's
 * table); "excluded" alone when it has no plan either. */
static const char *verdict_diff_side(char *buf, size_t size, double usd, bool feasible)
{
	char m[32];

	words_money(m, sizeof m, usd);
	if (feasible)
		snprintf(buf, size, "%s", m);
	else
		snprintf(buf, size, isnan(usd) ? "excluded" : "%s (excluded)", m);
	return buf;
}

static void verdict_diff_costs(struct textview *tv, const struct verdict_diff *d)
{
	char a[48], b[48], delta[32];

	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct diff_arch *x = &d->archs[i];
		verdict_diff_side(a, sizeof a, x->cost[SIDE_BEFORE], x->feasible[SIDE_BEFORE]);
		verdict_diff_side(b, sizeof b, x->cost[SIDE_AFTER], x->feasible[SIDE_AFTER]);
		words_money(delta, sizeof delta, fabs(x->cost[SIDE_AFTER] - x->cost[SIDE_BEFORE]));
		tv_add(tv, 2, 4, 0, "- %s: %s -> %s%s%s%s", arch_ids[x->arch], a, b,
		       x->feasible[0] && x->feasible[1] ? (x->cost[1] >= x->cost[0] ? " (+" : " (-") : "",
		       x->feasible[0] && x->feasible[1] ? delta : "", x->feasible[0] && x->feasible[1] ? ")" : "");
	}
	for (int i = 0; i < d->n_lines; i++) {
		words_money(a, sizeof a, d->lines[i].usd[SIDE_BEFORE]);
		words_money(b, sizeof b, d->lines[i].usd[SIDE_AFTER]);
		tv_add(tv, 2, 4, 0, "- The recommendation's %s: %s -> %s", cost_line_names[d->lines[i].line], a, b);
	}
}

static void verdict_diff_reasons(struct textview *tv, const struct verdict_diff *d)
{
	char text[400];

	for (int i = 0; i < d->n_reasons; i++) {
		const struct diff_reason *r = &d->reasons[i];
		words_seed(r->text, text, sizeof text);
		if (!r->fired[SIDE_BEFORE])
			tv_add(tv, 2, 4, 0, "- %s, new: %s %s", arch_ids[r->arch],
			       r->excludes[1] ? "excl." : "", text);
		else if (!r->fired[SIDE_AFTER])
			tv_add(tv, 2, 4, 0, "- %s, no longer: %s", arch_ids[r->arch], text);
		else
			tv_add(tv, 2, 4, 0, "- %s, %+.1f -> %+.1f: %s", arch_ids[r->arch], r->points[0], r->points[1], text);
	}
}

static void verdict_baseline(struct app *app, struct textview *tv)
{
	const struct verdict_diff *d = &app->base.diff;

	if (!app->base.pinned)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Compared with the baseline (b pins again, B drops it)");
	verdict_diff_answers(tv, d);
	verdict_diff_recommendation(app, tv, d);
	tv_add(tv, 1, 1, A_BOLD, "Monthly cost, baseline -> now");
	verdict_diff_costs(tv, d);
	if (d->n_reasons > 0)
		tv_add(tv, 1, 1, A_BOLD, "Rules that moved");
	verdict_diff_reasons(tv, d);
}

/* ---- the ranking ------------------------------------------------------------------------ */

static void verdict_arch(struct app *app, struct v_state *vs, int rank)
{
	const struct arch_score *s = &app->v->scores[app->v->order[rank]];
	struct textview *tv = &vs->tv;
	char label[200], m[32], m12[32], text[400];

	vs->arch_para[s->arch] = tv->n_paras;
	words_label(&s->best, label, sizeof label);
	words_money(m, sizeof m, s->best.cost.total);
	words_money(m12, sizeof m12, s->cost_in_12_months);
	if (s->feasible)
		tv_add(tv, 0, 4, rank == 0 ? app->th.good : A_BOLD, "%d. %s  score %.1f  %s a month, %s in 12 months",
		       rank + 1, label, s->score, m, m12);
	else
		tv_add(tv, 0, 4, app->th.warn, "%d. %s  EXCLUDED", rank + 1, arch_ids[s->arch]);
	for (int i = 0; i < s->n_reasons; i++) {
		const struct reason *r = &s->reasons[i];
		words_seed(r->text, text, sizeof text);
		if (r->excludes)
			tv_add(tv, 4, 10, app->th.warn, "%5s %s", "excl.", text);
		else
			tv_add(tv, 4, 10, 0, "%+5.1f %s", r->points, text);
	}
}

static void verdict_notes(struct app *app, struct textview *tv, const char *title, char **items, int n, attr_t a)
{
	if (n == 0)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "%s", title);
	for (int i = 0; i < n; i++)
		tv_add(tv, 2, 4, a, "- %s", items[i]);
}

static void verdict_risks(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;

	if (v->n_risks == 0)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Risks of this choice");
	for (int i = 0; i < v->n_risks; i++)
		tv_add(tv, 2, 4, 0, "- %s", v->risks[i].text);
}

static void verdict_build(struct app *app, struct v_state *vs)
{
	struct textview *tv = &vs->tv;
	struct tv_place place = tv_place_save(tv);

	tv_clear(tv);
	verdict_recommendation(app, tv);
	verdict_flips(app, tv);
	verdict_baseline(app, tv);
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Ranking, with every rule that fired");
	tv_add(tv, 1, 1, A_DIM, "(+n points for, -n against; excl. = a hard exclusion)");
	for (int i = 0; i < ARCH_COUNT; i++)
		verdict_arch(app, vs, i);
	tv_add(tv, 1, 1, A_DIM, "%s", SEED_FOOTNOTE);
	verdict_sensitivity(app, tv);
	verdict_risks(app, tv);
	verdict_notes(app, tv, "Warnings", app->v->warnings, app->v->n_warnings, app->th.warn);
	verdict_notes(app, tv, "Caveats", app->v->caveats, app->v->n_caveats, 0);
	tv_wrap(tv, vs->width);
	tv_place_restore(tv, &place);
	vs->gen = app->gen;
}

static void verdict_init(struct app *app, void *state)
{
	struct v_state *vs = state;

	(void)app;
	vs->tv.cursor = true;
}

static void verdict_fini(void *state)
{
	struct v_state *vs = state;

	tv_clear(&vs->tv);
}

static void verdict_layout(struct app *app, void *state)
{
	struct v_state *vs = state;

	getmaxyx(app->wmain, vs->height, vs->width);
	vs->width -= 2;    /* a margin each side; the right one holds the scroll marks */
	vs->tv.height = vs->height;
	vs->gen = app->gen - 1;   /* rebuild at the new width */
}

static void verdict_draw(struct app *app, void *state, WINDOW *w)
{
	struct v_state *vs = state;

	if (vs->gen != app->gen)
		verdict_build(app, vs);
	tv_draw(&vs->tv, w, 0, 1, vs->height, app->th.sel);
}

/* ---- acting on a flip ----------------------------------------------------------------- */

static int verdict_apply(struct app *app, int tag)
{
	const struct verdict *v = app->v;
	char what[200], now[64];
	int key = AK_REQUESTS;
	double value;

	if (tag == TAG_FLIP_UP || tag == TAG_FLIP_DOWN) {
		value = (tag == TAG_FLIP_UP ? v->flip_volume_up : v->flip_volume_down).requests_per_month;
	} else if (tag < TAG_FLIP_ANSWER) {
		key = v->relax[tag - TAG_RELAX].key;
		value = question_parse_choice(key, v->relax[tag - TAG_RELAX].value);
	} else {
		key = v->flips[tag - TAG_FLIP_ANSWER].key;
		value = question_parse_choice(key, v->flips[tag - TAG_FLIP_ANSWER].value);
	}
	question_value(&v->answers, key, now, sizeof now);
	if (app_set_answer(app, key, value) != 0)
		return HANDLED;
	question_value(&app->answers, key, what, sizeof what);
	app_message(app, false, "Applied: %s %s -> %s (u undoes)", question_label(key), now, what);
	return HANDLED | REDRAW;
}

static int verdict_key(struct app *app, void *state, const struct keyev *ev)
{
	struct v_state *vs = state;
	int tag;

	app_evaluate(app);        /* keys typed ahead act on what the next draw shows */
	if (vs->gen != app->gen)
		verdict_build(app, vs);
	if (ev->act != ACT_CHOOSE)
		return tv_key(&vs->tv, ev->act);
	if ((tag = tv_cur_tag(&vs->tv)) == TAG_NONE) {
		app_message(app, false, "Enter applies a line of \"What would flip it\"");
		return HANDLED;
	}
	return verdict_apply(app, tag);
}

/* A line pressed gets the cursor; pressed again, it acts as Enter. */
static int verdict_click(struct app *app, void *state, int y, int x)
{
	struct v_state *vs = state;
	struct keyev enter = { '\n', ACT_CHOOSE };

	(void)x;
	if (vs->tv.top + y == vs->tv.cur)
		return verdict_key(app, state, &enter);
	return tv_click(&vs->tv, y);
}

static struct textview *verdict_text(struct app *app, void *state)
{
	struct v_state *vs = state;

	if (vs->gen != app->gen)
		verdict_build(app, vs);
	return &vs->tv;
}

void verdict_show_arch(struct app *app, int arch)
{
	struct v_state *vs = app->state[SCR_VERDICT];

	app_open(app, SCR_VERDICT);   /* over the questions: Esc or q goes back to them */
	app_evaluate(app);
	if (vs->gen != app->gen)
		verdict_build(app, vs);
	for (int i = 0; i < vs->tv.n_lines; i++)
		if (vs->tv.lines[i].para == vs->arch_para[arch]) {
			tv_show_line(&vs->tv, i);
			break;
		}
	app->dirty |= DIRTY_MAIN;
}

const struct screen_ops verdict_screen = {
	.name = "Verdict",
	.hints = "Up/Down line  Enter apply a flip  / search  u undo  b baseline  ? help",
	.scopes = SCOPE_BIT(SC_TEXT),
	.state_size = sizeof(struct v_state),
	.init = verdict_init,
	.fini = verdict_fini,
	.layout = verdict_layout,
	.draw = verdict_draw,
	.key = verdict_key,
	.click = verdict_click,
	.text = verdict_text,
};
