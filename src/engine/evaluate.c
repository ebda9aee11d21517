/* evaluate.c — (catalog, answers) → verdict in one pass: size the candidates, decide,
 * fill the tables, curves, crossovers, flips and notes, then drop the candidates.
 * Pure: no I/O, no globals, no curses. */
#include "evaluate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "details.h"
#include "engine.h"
#include "pick.h"
#include "util.h"

void engine_init(struct engine *e, const struct catalog *c, const struct answers *a)
{
	e->c = c;
	e->what_if = (struct what_if){ .gpu_price = 1, .token_price = 1, .hidden = 1, .peak = 1 };
	e->shape = candidates_shape_of(c, a);
	candidates_build(c, &e->shape, &e->cands);
	for (int b = 0; b < BASIS_COUNT; b++)
		e->train_gpu[b] = finetune_gpu(c, b);
}

void engine_free(struct engine *e)
{
	candidates_free(&e->cands);
}

/* The footprint to show: the recommended option's, or the cheaper self-hosted one. */
static void evaluate_footprint(const struct engine *e, struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;
	bool alternative = o->gpu == NULL;

	if (alternative) {
		const struct plan *a = &v->scores[ARCH_SELF_SINGLE].best, *b = &v->scores[ARCH_SELF_MULTI].best;
		o = a->feasible && (!b->feasible || a->cost.total <= b->cost.total) ? a : b;
	}
	if (!o->feasible || o->gpu == NULL)
		return;
	candidate_footprint(e->c, &e->shape, o->model, o->gpu, o->precision, o->tensor_parallel, &v->footprint);
	v->footprint_present = true;
	v->footprint_alternative = alternative;
}

/* The footprint model on every GPU at every precision, with its fleet where it runs
 * on a priced GPU (the footprint screen lets the user change both): the narrowest
 * replica, but the footprint's own GPU and precision keep its replica. */
static void evaluate_footprint_options(const struct engine *e, struct verdict *v)
{
	const struct catalog *c = e->c;
	struct fleet_rates rates = fleet_rates_of(e, &v->answers);

	if (!v->footprint_present)
		return;
	v->footprint_options = xcalloc((size_t)c->n_gpus * PREC_COUNT, sizeof *v->footprint_options);
	for (int g = 0; g < c->n_gpus; g++)
		for (int p = 0; p < PREC_COUNT; p++) {
			struct footprint_option *o = &v->footprint_options[v->n_footprint_options++];
			struct candidate cd = { .model = v->footprint.model, .gpu = &c->gpus[g], .precision = (enum precision)p };
			bool shown = cd.gpu == v->footprint.gpu && cd.precision == v->footprint.precision;
			o->gpu = cd.gpu;
			o->precision = cd.precision;
			candidate_footprint(c, &e->shape, cd.model, cd.gpu, cd.precision,
					    shown ? v->footprint.tensor_parallel : 1, &o->f);
			cd.gpu_count = o->f.gpu_count;
			cd.tensor_parallel = o->f.tensor_parallel;
			cd.sec_per_request = footprint_seconds_per_request(&o->f);
			cd.user_tokens_per_s = o->f.tokens_per_s_per_user;
			cd.batch = o->f.batch;
			cd.ttft_ms = o->f.ttft_ms;
			cd.size = size_class_of(&c->cost, (double)cd.model->shape.params);
			cd.active_params = (double)cd.model->shape.active_params;
			cd.replica_rate = 3600.0 / cd.sec_per_request;
			candidate_price(c, &cd);
			o->priced = o->f.feasible && isfinite(cd.sec_per_request) && cd.sec_per_request > 0 &&
				    !isnan(cd.replica_usd_per_hour[rates.basis]);
			if (!o->priced)
				continue;
			fleet_cost(&rates, &cd, (double)v->answers.requests_per_month, &o->fleet);
			o->fleet.arch = o->f.gpu_count == 1 ? ARCH_SELF_SINGLE : ARCH_SELF_MULTI;
		}
}

/* The cheapest plan of any architecture, feasible or not (on-device only with an edge
 * need: without one its cost is no yardstick), among those whose model meets the task
 * when any does (a cheaper option that fails the task is no alternative); and what the
 * recommendation costs beyond it: the price of control. */
static void evaluate_cheapest(const struct catalog *c, struct verdict *v)
{
	for (int pass = 0; pass < 2 && !v->has_cheapest; pass++)
		for (int k = 0; k < ARCH_COUNT; k++) {
			const struct plan *o = &v->scores[k].best;
			const struct model *m = o->api_model ? o->api_model : o->model;
			bool meets = m != NULL && pick_model_shortfall(c, v->answers.task, m) == 0;
			if (!o->feasible || (k == ARCH_ON_DEVICE && v->answers.edge == EDGE_NONE) ||
			    (pass == 0 && !meets) ||
			    (v->has_cheapest && o->cost.total >= v->scores[v->cheapest_arch].best.cost.total))
				continue;
			v->cheapest_arch = (enum arch)k;
			v->has_cheapest = true;
		}
	/* Negative when the recommendation is cheaper for falling short of the task. */
	if (v->has_cheapest && v->feasible_any)
		v->premium_usd = v->scores[v->recommended].best.cost.total - v->scores[v->cheapest_arch].best.cost.total;
}

/* Whether anything is feasible, and how close the top two are. */
static void evaluate_ranking(struct verdict *v)
{
	const struct arch_score *first = &v->scores[v->order[0]], *second = &v->scores[v->order[1]];

	v->feasible_any = first->feasible;
	v->margin = second->feasible ? first->score - second->score : INFINITY;
	v->close_call = v->feasible_any && second->feasible && v->margin < 1;
}

static void evaluate_twelve_months(const struct engine *e, struct verdict *v)
{
	double grown = (double)v->answers.requests_per_month * (1 + v->answers.growth_per_year);

	for (int k = 0; k < ARCH_COUNT; k++)
		v->scores[k].cost_in_12_months = plan_cost_at(e, &v->answers, &v->scores[k].best, grown);
}

struct verdict *evaluate(const struct catalog *c, const struct answers *a)
{
	struct verdict *v = xcalloc(1, sizeof *v);
	struct decision d;
	struct engine e;

	engine_init(&e, c, a);
	v->catalog = c;
	v->answers = *a;
	v->ttft_ms_target = e.shape.ttft_ms;
	v->tokens_per_s_target = e.shape.tokens_per_s_per_user;
	score_decide(&e, a, &d, true);
	memcpy(v->scores, d.scores, sizeof v->scores);
	memcpy(v->order, d.order, sizeof v->order);
	v->recommended = d.recommended;
	memcpy(v->contradicted, d.contradicted, sizeof v->contradicted);
	v->n_contradicted = d.n_contradicted;
	evaluate_ranking(v);
	evaluate_cheapest(c, v);
	tables_fill(&e, v, &d);
	if (v->feasible_any)
		evaluate_footprint(&e, v);
	evaluate_footprint_options(&e, v);
	evaluate_twelve_months(&e, v);
	finetune_estimate(c, a, v->scores[v->recommended].best.model, &v->finetune);
	crossovers_curves(&e, v);
	crossovers_find(&e, v);
	claims_seed_crossovers(&e, v);
	flips_find(&e, v);
	sensitivity_find(&e, v);
	advice_find(&e, v);
	claims_check(c, v);
	notes_add(v, &d);
	details_fill(&e, v);
	engine_free(&e);
	return v;
}
