/* scr_verdict.c — screen 5: the architectures ranked with every rule that fired,
 * the hard exclusions, what would flip the recommendation, warnings and caveats. */
#include <stdio.h>

#include "screens.h"
#include "text.h"
#include "util.h"

struct v_state {
	struct textview tv;
	unsigned gen;
	int width, height;
	int arch_para[ARCH_COUNT];    /* where each architecture's section starts */
};

static void recommendation(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	const struct plan *p = &v->scores[v->recommended].best;
	char label[200], m[32], vol[32];

	if (!v->feasible_any) {   /* nothing to recommend: say so, and what one answer would change */
		tv_add(tv, 0, 2, app->th.warn, "%s", "Nothing is feasible with these answers: every architecture is excluded.");
		for (int i = 0; i < v->n_relax; i++)
			tv_add(tv, 2, 4, 0, "- %s: %s would make %s feasible.", question_label(v->relax[i].key),
			       v->relax[i].value, arch_ids[v->relax[i].arch]);
		tv_add(tv, 0, 0, 0, "%s", "");
		return;
	}
	plan_label(p, label, sizeof label);
	money(m, sizeof m, p->cost.total);
	fmt_int(vol, sizeof vol, (double)v->answers.requests_per_month);
	tv_add(tv, 0, 2, app->th.good, "Recommended: %s", app->cat->arch[v->recommended].name);
	tv_add(tv, 2, 2, A_BOLD, "%s, %s a month at %s requests/month", label, m, vol);
	if (v->has_cheapest && v->premium_usd >= 0.5) {
		money(m, sizeof m, v->premium_usd);
		tv_add(tv, 2, 2, 0, "It costs %s a month more than the cheapest option (%s): the price of control.", m,
		       arch_ids[v->cheapest_arch]);
	}
	if (v->close_call)
		tv_add(tv, 2, 2, app->th.warn, "A close call: %s is within %.1f points.", arch_ids[v->order[1]], v->margin);
	tv_add(tv, 0, 0, 0, "%s", "");
}

static void one_arch(struct app *app, struct v_state *vs, int rank)
{
	const struct arch_score *s = &app->v->scores[app->v->order[rank]];
	struct textview *tv = &vs->tv;
	char label[200], m[32], m12[32];

	vs->arch_para[s->arch] = tv->n_paras;
	plan_label(&s->best, label, sizeof label);
	money(m, sizeof m, s->best.cost.total);
	money(m12, sizeof m12, s->cost_in_12_months);
	if (s->feasible)
		tv_add(tv, 0, 4, rank == 0 ? app->th.good : A_BOLD, "%d. %s  score %.1f  %s a month, %s in 12 months",
		       rank + 1, label, s->score, m, m12);
	else
		tv_add(tv, 0, 4, app->th.warn, "%d. %s  EXCLUDED", rank + 1, arch_ids[s->arch]);
	for (int i = 0; i < s->n_reasons; i++) {
		const struct reason *r = &s->reasons[i];
		if (r->excludes)
			tv_add(tv, 4, 10, app->th.warn, "%5s %s", "excl.", r->text);
		else
			tv_add(tv, 4, 10, 0, "%+5.1f %s", r->points, r->text);
	}
}

static void flips(struct app *app, struct textview *tv)
{
	const struct verdict *v = app->v;
	char n[32];

	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "What would flip it");
	if (v->flip_volume_up.found) {
		fmt_int(n, sizeof n, v->flip_volume_up.requests_per_month);
		tv_add(tv, 2, 4, 0, "- At %s requests/month or more, %s would win.", n, arch_id_or_none(v->flip_volume_up.winner));
	}
	if (v->flip_volume_down.found) {
		fmt_int(n, sizeof n, v->flip_volume_down.requests_per_month);
		tv_add(tv, 2, 4, 0, "- At %s requests/month or fewer, %s would win.", n, arch_id_or_none(v->flip_volume_down.winner));
	}
	for (int i = 0; i < v->n_flips; i++)
		tv_add(tv, 2, 4, 0, "- %s: %s instead would make %s win.", answer_fields[v->flips[i].key].key,
		       v->flips[i].value, arch_id_or_none(v->flips[i].winner));
	if (!v->flip_volume_up.found && !v->flip_volume_down.found && v->n_flips == 0)
		tv_add(tv, 2, 4, 0, "- No single answer or volume change would change the recommendation.");
}

static void notes(struct app *app, struct textview *tv, const char *title, char **items, int n, attr_t a)
{
	if (n == 0)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "%s", title);
	for (int i = 0; i < n; i++)
		tv_add(tv, 2, 4, a, "- %s", items[i]);
}

static void build(struct app *app, struct v_state *vs)
{
	struct textview *tv = &vs->tv;
	int top = tv->top;

	tv_clear(tv);
	recommendation(app, tv);
	tv_add(tv, 0, 0, app->th.head, "Ranking, with every rule that fired");
	tv_add(tv, 1, 1, A_DIM, "(+n points for, -n against; excl. = a hard exclusion)");
	for (int i = 0; i < ARCH_COUNT; i++)
		one_arch(app, vs, i);
	flips(app, tv);
	notes(app, tv, "Warnings", app->v->warnings, app->v->n_warnings, app->th.warn);
	notes(app, tv, "Caveats", app->v->caveats, app->v->n_caveats, 0);
	tv_wrap(tv, vs->width);
	tv->top = top < tv->n_lines ? top : 0;
	vs->gen = app->gen;
}

static void v_fini(void *state)
{
	struct v_state *vs = state;

	tv_clear(&vs->tv);
}

static void v_layout(struct app *app, void *state)
{
	struct v_state *vs = state;

	getmaxyx(app->wmain, vs->height, vs->width);
	vs->width -= 2;    /* a margin each side; the right one holds the scroll marks */
	vs->gen = app->gen - 1;   /* rebuild at the new width */
}

static void v_draw(struct app *app, void *state, WINDOW *w)
{
	struct v_state *vs = state;

	if (vs->gen != app->gen)
		build(app, vs);
	tv_draw(&vs->tv, w, 0, 1, vs->height);
	if (vs->tv.top + vs->height < vs->tv.n_lines)
		text_put(w, vs->height - 1, vs->width + 1, 1, "v");
	if (vs->tv.top > 0)
		text_put(w, 0, vs->width + 1, 1, "^");
}

static int v_key(struct app *app, void *state, const struct keyev *ev)
{
	struct v_state *vs = state;

	(void)app;
	return tv_key(&vs->tv, ev->act, vs->height);
}

void verdict_show_arch(struct app *app, int arch)
{
	struct v_state *vs = app->state[SCR_VERDICT];

	app_switch(app, SCR_VERDICT);
	app_evaluate(app);
	if (vs->gen != app->gen)
		build(app, vs);
	for (int i = 0; i < vs->tv.n_lines; i++)
		if (vs->tv.lines[i].para == vs->arch_para[arch]) {
			vs->tv.top = i;
			break;
		}
	app->dirty |= DIRTY_MAIN;
}

const struct screen_ops verdict_screen = {
	.name = "Verdict",
	.hints = "Up/Down scroll  ^F/^B page  Home/End  +/- volume  1-5 screens  e export  ? help",
	.state_size = sizeof(struct v_state),
	.fini = v_fini,
	.layout = v_layout,
	.draw = v_draw,
	.key = v_key,
};
