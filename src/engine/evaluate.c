/* evaluate.c — (catalog, answers) → verdict in one pass: size the candidates, decide,
 * fill the tables, curves, crossovers, flips and notes, then drop the candidates.
 * Pure: no I/O, no globals, no curses. */
#include "evaluate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util.h"

void engine_init(struct engine *e, const struct catalog *c, const struct answers *a)
{
	e->c = c;
	e->shape = candidates_shape_of(a);
	e->train_gpu = finetune_gpu(c);
	candidates_build(c, &e->shape, &e->cands);
}

void engine_free(struct engine *e)
{
	candidates_free(&e->cands);
}

/* The footprint to show: the recommended option's, or the cheaper self-hosted one. */
static void evaluate_footprint(const struct engine *e, struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;

	if (o->gpu == NULL) {
		const struct plan *a = &v->scores[ARCH_SELF_SINGLE].best, *b = &v->scores[ARCH_SELF_MULTI].best;
		o = a->feasible && (!b->feasible || a->cost.total <= b->cost.total) ? a : b;
	}
	if (!o->feasible || o->gpu == NULL)
		return;
	candidate_footprint(e->c, &e->shape, o->model, o->gpu, o->precision, &v->footprint);
	v->footprint_present = true;
}

/* The footprint model on every GPU at every precision, with its fleet where it runs
 * on a priced GPU (the footprint screen lets the user change both). */
static void evaluate_footprint_options(const struct engine *e, struct verdict *v)
{
	const struct catalog *c = e->c;

	if (!v->footprint_present)
		return;
	v->footprint_options = xcalloc((size_t)c->n_gpus * PREC_COUNT, sizeof *v->footprint_options);
	for (int g = 0; g < c->n_gpus; g++)
		for (int p = 0; p < PREC_COUNT; p++) {
			struct footprint_option *o = &v->footprint_options[v->n_footprint_options++];
			struct candidate cd = { .model = v->footprint.model, .gpu = &c->gpus[g], .precision = (enum precision)p };
			o->gpu = cd.gpu;
			o->precision = cd.precision;
			candidate_footprint(c, &e->shape, cd.model, cd.gpu, cd.precision, &o->f);
			cd.gpu_count = o->f.gpu_count;
			cd.sec_per_request = footprint_seconds_per_request(&o->f, (double)e->shape.input_tokens,
									   (double)e->shape.output_tokens);
			cd.user_tokens_per_s = o->f.decode_tokens_per_s_single;
			o->priced = o->f.feasible && cd.gpu->rates[RATE_ON_DEMAND].present &&
				   isfinite(cd.sec_per_request) && cd.sec_per_request > 0;
			if (!o->priced)
				continue;
			cd.size = size_class_of(&c->cost, (double)cd.model->shape.params);
			cd.active_params = (double)cd.model->shape.active_params;
			cd.replica_rate = 3600.0 / cd.sec_per_request;
			cd.replica_usd_per_hour = candidate_replica_usd_per_hour(&cd, RATE_ON_DEMAND);
			struct fleet_rates rates = fleet_rates_of(e, &v->answers);
			fleet_cost(&rates, &cd, (double)v->answers.requests_per_month, &o->fleet);
			o->fleet.arch = o->f.gpu_count == 1 ? ARCH_SELF_SINGLE : ARCH_SELF_MULTI;
		}
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
	score_decide(&e, a, &d, true);
	memcpy(v->scores, d.scores, sizeof v->scores);
	memcpy(v->order, d.order, sizeof v->order);
	v->recommended = d.recommended;
	tables_fill(&e, v, &d);
	evaluate_footprint(&e, v);
	evaluate_footprint_options(&e, v);
	evaluate_twelve_months(&e, v);
	finetune_estimate(c, a, v->scores[v->recommended].best.model, &v->finetune);
	crossovers_curves(&e, v);
	crossovers_find(&e, v);
	claims_seed_crossovers(&e, v);
	flips_find(&e, v);
	claims_check(c, v);
	notes_add(v, &d);
	engine_free(&e);
	return v;
}
