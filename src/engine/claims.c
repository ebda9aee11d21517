/* claims.c — the seed's "Self-Hosted (Open Model) Cost" GPU table, checked by the
 * footprint model rather than repeated. Rows transcribed from
 * shared/seed/open-vs-closed-decision-framework.txt. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

static const struct {
	const char *label, *model, *gpu;
	enum precision precision;
	int gpus;
} seed_rows[] = {
	{ .label = "7-8B (FP16) on 1x A10G (24GB)", .model = "llama-3.1-8b", .gpu = "a10g", .precision = PREC_FP16, .gpus = 1 },
	{ .label = "7-8B (INT4) on 1x T4 (16GB)", .model = "llama-3.1-8b", .gpu = "t4", .precision = PREC_INT4, .gpus = 1 },
	{ .label = "70B (FP16) on 4x A100 (80GB)", .model = "llama-3.1-70b", .gpu = "a100-80gb", .precision = PREC_FP16, .gpus = 4 },
	{ .label = "70B (INT4) on 1x A100 (80GB)", .model = "llama-3.1-70b", .gpu = "a100-80gb", .precision = PREC_INT4, .gpus = 1 },
	{ .label = "405B (FP16) on 8x A100 (80GB)", .model = "llama-3.1-405b", .gpu = "a100-80gb", .precision = PREC_FP16, .gpus = 8 },
	{ .label = "405B (INT4) on 2x A100 (80GB)", .model = "llama-3.1-405b", .gpu = "a100-80gb", .precision = PREC_INT4, .gpus = 2 },
};

/* The seed's "Cost Crossover Point" table: its scenarios and breakeven volumes. */
static const struct {
	const char *label, *self, *api;
	double seed_requests;
} seed_scenarios[] = {
	{ .label = "7-8B model vs GPT-4o-mini", .self = "llama-3.1-8b", .api = "gpt-4o-mini", .seed_requests = 50000 },
	{ .label = "70B model vs GPT-4o", .self = "llama-3.1-70b", .api = "gpt-4o", .seed_requests = 200000 },
	{ .label = "70B model vs Claude Sonnet 4", .self = "llama-3.1-70b", .api = "claude-sonnet-4", .seed_requests = 100000 },
	{ .label = "405B model vs GPT-4o", .self = "llama-3.1-405b", .api = "gpt-4o", .seed_requests = 500000 },
};

/* Recompute each at the answers' token mix, team and traffic, hidden costs included;
 * a scenario whose model the catalog lacks or cannot serve is left out. */
void claims_seed_crossovers(const struct engine *e, struct verdict *v)
{
	const struct catalog *c = e->c;

	for (size_t i = 0; i < sizeof seed_scenarios / sizeof seed_scenarios[0]; i++) {
		const struct model *sm = catalog_model(c, seed_scenarios[i].self);
		const struct model *am = catalog_model(c, seed_scenarios[i].api);
		struct plan self, api = { .arch = ARCH_DIRECT_API, .feasible = true, .model = am };
		struct seed_crossover *x;
		bool self_below = false;

		if (sm == NULL || am == NULL || !am->api.present || !window_holds(am, &v->answers))
			continue;   /* an API that cannot take the prompt has no crossover */
		plan_self_for_model(e, &v->answers, sm, (double)v->answers.requests_per_month, &self);
		if (!self.feasible)
			continue;
		x = &v->seed_crossovers[v->n_seed_crossovers++];
		snprintf(x->text, sizeof x->text, "%s", seed_scenarios[i].label);
		x->self_model = sm;
		x->api_model = am;
		x->seed_requests = seed_scenarios[i].seed_requests;
		x->requests = crossovers_first(e, &v->answers, &self, &api, &self_below);
		x->self_cheaper_above = !self_below;
	}
}

/* The seed's table assumes 1K input + 1K output tokens; one such request must fit. */
#define CLAIM_CONTEXT 2048

void claims_check(const struct catalog *c, struct verdict *v)
{
	for (size_t i = 0; i < sizeof seed_rows / sizeof seed_rows[0]; i++) {
		const struct model *m = catalog_model(c, seed_rows[i].model);
		const struct gpu *g = catalog_gpu(c, seed_rows[i].gpu);
		struct claim_check *k;
		struct footprint f;

		if (m == NULL || g == NULL || !m->shape.present)
			continue;
		footprint_compute(&c->cost, m, g, seed_rows[i].precision, 1, CLAIM_CONTEXT, &f);
		k = &v->claims[v->n_claims++];
		snprintf(k->text, sizeof k->text, "%s", seed_rows[i].label);
		k->model = m;
		k->gpu = g;
		k->precision = seed_rows[i].precision;
		k->claimed_gpus = seed_rows[i].gpus;
		k->needed_gpus = f.feasible ? f.gpu_count : 0;
		k->weights_bytes = f.weights_bytes;
		k->per_gpu_usable_bytes = f.gpu_usable_bytes;
		k->holds = f.feasible && f.gpu_count <= seed_rows[i].gpus;
	}
}

void claims_sentence(const struct claim_check *k, char *buf, size_t size)
{
	if (k->holds)
		snprintf(buf, size, "The seed's %s holds: %.1f GB of weights fit %lld x %s.", k->text,
			 k->weights_bytes / 1e9, (long long)k->needed_gpus, k->gpu->id);
	else if (k->needed_gpus > 0)
		snprintf(buf, size, "The seed's GPU table is wrong: %s cannot work; %.1f GB of weights need at least %lld x %s (%.1f GB usable each).",
			 k->text, k->weights_bytes / 1e9, (long long)k->needed_gpus, k->gpu->id,
			 k->per_gpu_usable_bytes / 1e9);
	else
		snprintf(buf, size, "The seed's GPU table is wrong: %s cannot work; %.1f GB of weights do not fit.",
			 k->text, k->weights_bytes / 1e9);
}
