/* score.c — the decision rules applied: every rule that fires adds its weights and
 * exclusions with its `because`; then cost and quality add computed points. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "pick.h"
#include "util.h"

/* Each answer as a number, read once for all the rules' conditions. */
static void score_answer_values(const struct answers *a, double vals[AK_COUNT])
{
	for (int k = 0; k < AK_COUNT; k++)
		vals[k] = answers_get(a, k);
}

static bool score_conds_hold(const struct rule *r, const double vals[AK_COUNT])
{
	for (int i = 0; i < r->n_conds; i++) {
		const struct rule_cond *c = &r->conds[i];
		double v = vals[c->key];
		if (c->ranged ? !(v >= c->min && v < c->max) : !(c->values & 1u << (int)v))
			return false;
	}
	return true;
}

bool score_rule_fires(const struct rule *r, const struct answers *a)
{
	double vals[AK_COUNT];

	score_answer_values(a, vals);
	return score_conds_hold(r, vals);
}

struct gates score_gates(const struct catalog *c, const struct answers *a)
{
	double vals[AK_COUNT];
	struct gates g = { 0 };

	score_answer_values(a, vals);
	for (int i = 0; i < c->n_rules; i++)
		if (score_conds_hold(&c->rules[i], vals)) {
			g.mau |= c->rules[i].gate == GATE_MAU_LIMIT;
			g.noncommercial |= c->rules[i].gate == GATE_NON_COMMERCIAL;
		}
	return g;
}

static void score_add_reason(struct arch_score *sc, const struct rule *r, double points, bool excludes,
		       const char *text)
{
	struct reason *rs;

	if (sc->n_reasons >= MAX_REASONS || text == NULL)
		return;
	rs = &sc->reasons[sc->n_reasons++];
	rs->rule = r;
	rs->points = points;
	rs->excludes = excludes;
	snprintf(rs->text, sizeof rs->text, "%s", text);
}

/* One rule's effects on every architecture. */
static void score_apply(const struct rule *r, struct decision *d, bool explain)
{
	d->gates.mau |= r->gate == GATE_MAU_LIMIT;
	d->gates.noncommercial |= r->gate == GATE_NON_COMMERCIAL;
	for (int k = 0; k < ARCH_COUNT; k++) {
		struct arch_score *sc = &d->scores[k];
		if (r->exclude[k]) {
			sc->feasible = false;
			score_add_reason(sc, r, 0, true, explain ? r->because : NULL);
		} else if (r->weight[k] != 0) {
			sc->score += r->weight[k];
			score_add_reason(sc, r, r->weight[k], false, explain ? r->because : NULL);
		}
	}
}

/* The rules whose conditions hold; those with a cost claim wait for the plans
 * (score_claims). */
static void score_rules(const struct catalog *c, const struct answers *a, struct decision *d,
			bool explain)
{
	double vals[AK_COUNT];

	score_answer_values(a, vals);
	for (int i = 0; i < c->n_rules; i++) {
		const struct rule *r = &c->rules[i];
		if (!score_conds_hold(r, vals) || r->claim.cheaper)
			continue;
		score_apply(r, d, explain);
	}
}

/* The cheapest plan among the architectures of a set (bit per arch) the rules leave
 * open; INFINITY if none. */
static double score_cheapest_of(const struct decision *d, uint32_t set)
{
	double least = INFINITY;

	for (int k = 0; k < ARCH_COUNT; k++)
		if ((set & 1u << k) && d->scores[k].feasible && d->scores[k].best.feasible &&
		    d->scores[k].best.cost.total < least)
			least = d->scores[k].best.cost.total;
	return least;
}

/* The rules whose conditions hold and that claim one kind of option is cheaper: they
 * fire where the plans' costs at these answers agree, and otherwise are noted as
 * contradicted by the numbers (never given as a reason). */
static void score_claims(const struct catalog *c, const struct answers *a, struct decision *d, bool explain)
{
	double vals[AK_COUNT];

	score_answer_values(a, vals);
	for (int i = 0; i < c->n_rules; i++) {
		const struct rule *r = &c->rules[i];
		double cheaper, than;
		if (!r->claim.cheaper || !score_conds_hold(r, vals))
			continue;
		cheaper = score_cheapest_of(d, r->claim.cheaper);
		than = score_cheapest_of(d, r->claim.than);
		if (cheaper < than)
			score_apply(r, d, explain);
		else if (explain && d->n_contradicted < MAX_CONTRADICTED)
			d->contradicted[d->n_contradicted++] = (struct contradicted_rule){ r, cheaper, than };
	}
}

/* The plan's model (a hybrid: its API model, which takes the hard requests) is below
 * the tier the task needs. */
static bool score_falls_short(const struct catalog *c, const struct answers *a, const struct plan *o)
{
	const struct model *m = o->api_model ? o->api_model : o->model;

	return m != NULL && pick_model_shortfall(c, a->task, m) > 0;
}

/* Cost points in proportion to the money: cost_weight per 100 % above the cheapest
 * feasible option, capped (rules.yaml, scoring). On-device cost is the team's, not
 * serving cost: without an edge need it is no yardstick. */
static void score_cost_points(const struct catalog *c, const struct answers *a, struct decision *d,
			bool explain)
{
	double cheapest = INFINITY;
	int cheapest_arch = -1;
	char buf[300], a_usd[32], b_usd[64];

	for (int k = 0; k < ARCH_COUNT; k++)
		if (d->scores[k].feasible && d->scores[k].best.cost.total < cheapest &&
		    !(k == ARCH_ON_DEVICE && a->edge == EDGE_NONE)) {
			cheapest = d->scores[k].best.cost.total;
			cheapest_arch = k;
		}
	if (cheapest_arch < 0)
		return;
	/* the yardstick is any feasible option: say so where its model falls short of the
	 * task (the summary's "cheapest option" is one that meets it) */
	const char *short_of = score_falls_short(c, a, &d->scores[cheapest_arch].best) ? ", below the task's tier" : "";
	for (int k = 0; k < ARCH_COUNT; k++) {
		struct arch_score *sc = &d->scores[k];
		double ratio, pts;
		if (!sc->best.feasible)
			continue;
		/* +$1 keeps the ratio finite at zero volume. */
		ratio = (sc->best.cost.total + 1) / (cheapest + 1);
		pts = -c->policy.cost_weight * (ratio - 1);
		if (pts >= 0)   /* below the yardstick (on-device without an edge need): no bonus */
			pts = 0.0;     /* (and never a printed "-0.0") */
		if (pts < -c->policy.cost_cap)
			pts = -c->policy.cost_cap;
		sc->score += pts;
		if (!explain)
			continue;
		fmt_usd(a_usd, sizeof a_usd, sc->best.cost.total);
		fmt_usd(b_usd, sizeof b_usd, cheapest);
		snprintf(b_usd + strlen(b_usd), sizeof b_usd - strlen(b_usd), "%s", short_of);
		if (k == cheapest_arch)
			snprintf(buf, sizeof buf, "cheapest option at this volume: %s a month%s", a_usd, short_of);
		else if (ratio < 0.995 && k == ARCH_ON_DEVICE && a->edge == EDGE_NONE)   /* no yardstick then */
			snprintf(buf, sizeof buf, "costs %s a month, less than the cheapest server option (%s, %s), "
				 "but there is no edge need to weigh it against", a_usd, arch_ids[cheapest_arch], b_usd);
		else if (ratio < 0.995)   /* cheaper than every feasible option: the rules exclude it */
			snprintf(buf, sizeof buf, "costs %s a month, less than the cheapest feasible option (%s, %s), "
				 "but the rules exclude it", a_usd, arch_ids[cheapest_arch], b_usd);
		else if (ratio < 1.005)
			snprintf(buf, sizeof buf, "costs %s a month, as much as the cheapest (%s%s)", a_usd,
				 arch_ids[cheapest_arch], short_of);
		else if (cheapest < 0.5)   /* a ratio to nothing says nothing */
			snprintf(buf, sizeof buf, "costs %s a month, where the cheapest (%s%s) costs nothing at this volume",
				 a_usd, arch_ids[cheapest_arch], short_of);
		else
			snprintf(buf, sizeof buf, "costs %s a month, %.1fx the cheapest (%s, %s)", a_usd,
				 ratio, arch_ids[cheapest_arch], b_usd);
		score_add_reason(sc, NULL, pts, false, buf);
	}
}

static void score_quality_points(const struct catalog *c, const struct answers *a, struct decision *d,
			   bool explain)
{
	char buf[300];

	for (int k = 0; k < ARCH_COUNT; k++) {
		struct arch_score *sc = &d->scores[k];
		const struct model *m;
		int sf;
		if (!sc->best.feasible)
			continue;
		/* A hybrid sends the hard requests to its API model: that one must meet the need. */
		m = sc->best.api_model ? sc->best.api_model : sc->best.model;
		sf = pick_model_shortfall(c, a->task, m);
		if (sf == 0)
			continue;
		sc->score -= c->policy.quality_gap_weight * sf;
		if (!explain)
			continue;
		snprintf(buf, sizeof buf, "the best model it can serve (%s, tier %d) is below the tier %d %s needs",
			 m->id, m->quality_tier,
			 c->policy.required_tier[a->task], task_phrases[a->task]);
		score_add_reason(sc, NULL, -c->policy.quality_gap_weight * sf, false, buf);
	}
}

static void score_rank(struct decision *d)
{
	for (int k = 0; k < ARCH_COUNT; k++)
		d->order[k] = k;
	/* Insertion sort: feasible first, then score, then cheaper. Six items. */
	for (int i = 1; i < ARCH_COUNT; i++)
		for (int j = i; j > 0; j--) {
			const struct arch_score *x = &d->scores[d->order[j]], *y = &d->scores[d->order[j - 1]];
			/* scores a rounding apart (sums of the same points in another order) tie */
			bool tie = fabs(x->score - y->score) < 1e-9;
			bool swap = x->feasible != y->feasible ? x->feasible
				  : !tie                    ? x->score > y->score
							    : x->best.cost.total < y->best.cost.total;
			if (!swap)
				break;
			int t = d->order[j];
			d->order[j] = d->order[j - 1];
			d->order[j - 1] = t;
		}
	d->recommended = (enum arch)d->order[0];
}

static void score_start(const struct catalog *c, struct decision *d, bool explain)
{
	/* Clearing the reasons (kilobytes of text) only matters when they are kept. */
	if (explain) {
		memset(d, 0, sizeof *d);
	} else {
		d->gates = (struct gates){ 0 };
		d->n_contradicted = 0;
		for (int k = 0; k < ARCH_COUNT; k++)
			d->scores[k].n_reasons = 0;
	}
	for (int k = 0; k < ARCH_COUNT; k++) {
		d->scores[k].arch = (enum arch)k;
		d->scores[k].feasible = true;
		d->scores[k].score = c->arch[k].base_score;
	}
}

/* Each architecture's best plan at the volume asked. */
static void score_plans(const struct engine *e, const struct answers *a, struct decision *d, bool explain)
{
	for (int k = 0; k < ARCH_COUNT; k++) {
		struct arch_score *sc = &d->scores[k];
		/* Only the winner is wanted: an architecture the rules exclude can't be it. */
		if (!explain && !sc->feasible) {
			memset(&sc->best, 0, sizeof sc->best);
			sc->best.arch = (enum arch)k;
			continue;
		}
		plan_best(e, a, (enum arch)k, (double)a->requests_per_month, &d->gates, &sc->best);
		if (!sc->best.feasible) {
			sc->feasible = false;
			score_add_reason(sc, NULL, 0, true, explain ? sc->best.why_not : NULL);
		}
	}
}

void score_decide(const struct engine *e, const struct answers *a, struct decision *d, bool explain)
{
	score_start(e->c, d, explain);
	score_rules(e->c, a, d, explain);
	score_plans(e, a, d, explain);
	score_claims(e->c, a, d, explain);
	score_cost_points(e->c, a, d, explain);
	score_quality_points(e->c, a, d, explain);
	score_rank(d);
}
