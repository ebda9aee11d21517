/* plans.c — the best plan of each architecture at a volume (an API model, a managed
 * offer, a self-hosted fleet, the hybrid of an API and a fleet, a device), every
 * choice made by pick.h's one rule; and a plan re-costed at another volume. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "pick.h"

static void plan_api(const struct engine *e, const struct answers *a, double requests, struct plan *o)
{
	const struct catalog *c = e->c;
	struct pick_key best = { 0 };
	const struct model *chosen = NULL;
	int tiered = 0;   /* API models with a tier: without one, never recommended */

	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		struct pick_key k;
		if (!m->api.present || m->quality_tier == TIER_UNKNOWN)
			continue;
		tiered++;
		if (!window_holds(m, a))
			continue;
		k = (struct pick_key){ pick_model_shortfall(c, a->task, m), api_cost(m, a, requests) * e->what_if.token_price,
				       0, i };
		if (chosen == NULL || pick_before(&k, &best)) {
			chosen = m;
			best = k;
		}
	}
	if (chosen == NULL) {
		snprintf(o->why_not, sizeof o->why_not, "%s", tiered ? "no API model in the catalog has a context window that long"
			 : "no API model in the catalog with a quality tier");
		return;
	}
	o->feasible = true;
	o->model = chosen;
	o->cost.api = best.cost;
	if (a->fine_tuning == FT_API)   /* the vendor tunes; preparing each update is still the team's work */
		o->cost.finetune_labour = finetune_labour_monthly(c, a);
	cost_sum(&o->cost);
}

/* The offer choice: every allowed offer of every active provider. */
static void plan_managed(const struct engine *e, const struct answers *a, double requests, const struct gates *g,
			 struct plan *o)
{
	const struct catalog *c = e->c;
	struct pick_key best = { 0 };
	struct cost_breakdown best_cost = { 0 };
	const struct candidate *best_config = NULL;
	struct fleet_rates rates = fleet_rates_of(e, a);
	int order = 0;

	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		for (int j = 0; j < p->n_offers; j++, order++) {
			const struct offer *of = &p->offers[j];
			const struct candidate *config;
			struct cost_breakdown b;
			struct pick_key k;
			if (!offer_allowed(p, of, a, g->mau) ||
			    isnan(offer_cost(e, a, &rates, p, of, order, requests, &b, &config)))
				continue;
			k = (struct pick_key){ pick_model_shortfall(c, a->task, of->model), b.total,
					       config ? config->user_tokens_per_s : 0, order };
			if (!o->feasible || pick_before(&k, &best)) {
				o->feasible = true;
				o->model = of->model;
				o->provider = p;
				best = k;
				best_cost = b;
				best_config = config;
			}
		}
	}
	if (!o->feasible) {
		snprintf(o->why_not, sizeof o->why_not, "no active provider offers an allowed model%s",
			 a->fine_tuning >= FT_LORA ? " with the fine-tuning asked and a price to serve it" : "");
		return;
	}
	o->cost = best_cost;
	offer_deployment(e, a, best_config, requests, o);
}

/* The fleet choice among cands[0..n), those allowed for the task under the gates,
 * into *chosen and *best (kept when none beats them). A fleet is costed only when
 * neither its shortfall, the rule's first test, nor its cost floor already loses. */
static void plan_pick_fleet(const struct fleet_rates *rates, int need, int task, const struct candidate *cands,
			    int n, const struct gates *g, double requests, const struct candidate **chosen,
			    struct pick_key *best)
{
	for (int i = 0; i < n; i++) {
		const struct candidate *cd = &cands[i];
		struct pick_key key = { pick_shortfall(cd->tier, need), 0, cd->user_tokens_per_s, cd->order };
		if ((*chosen != NULL && key.shortfall > best->shortfall) || !candidate_allowed(cd, task, g) ||
		    isnan(cd->replica_usd_per_hour[rates->basis]) ||
		    (*chosen != NULL && key.shortfall == best->shortfall && fleet_floor(rates, cd, requests) > best->cost))
			continue;
		key.cost = fleet_cost(rates, cd, requests, NULL);
		if (*chosen == NULL || pick_before(&key, best)) {
			*chosen = cd;
			*best = key;
		}
	}
}

/* The best fleet of a class serving the task; only_model limits it to one model's
 * candidates, ungated (a plan re-sized at another volume). */
static void plan_self(const struct engine *e, const struct answers *a, int task, double requests,
		      enum fleet_class k, const struct gates *g, const struct model *only_model, struct plan *o)
{
	static const struct gates open = { 0 };
	struct fleet_rates rates = fleet_rates_of(e, a);
	const struct candidate *chosen = NULL;
	struct pick_key best = { 0 };
	int need = e->c->policy.required_tier[task];

	for (int c = 0; c < CLASS_EDGE; c++) {
		const struct candidate_set *set = &e->cands.set[c];
		if (k != CLASS_ANY && k != (enum fleet_class)c)
			continue;
		if (only_model) {
			int n;
			const struct candidate *run = candidates_run(set, (int)(only_model - e->c->models), &n);
			plan_pick_fleet(&rates, need, task, run, n, &open, requests, &chosen, &best);
		} else
			plan_pick_fleet(&rates, need, task, set->c, set->n, g, requests, &chosen, &best);
	}
	if (chosen == NULL) {
		snprintf(o->why_not, sizeof o->why_not, "no allowed open model fits %s%s%s",
			 k == CLASS_SINGLE ? "one GPU" : "a multi-GPU replica of GPUs",
			 rates.basis == BASIS_ON_DEMAND ? " with a price" : " priced ",
			 rates.basis == BASIS_ON_DEMAND ? "" : price_basis_names[rates.basis]);
		return;
	}
	fleet_cost(&rates, chosen, requests, o);
}

/* Route by task: the hard share to the API, the simple rest to a smaller open model. */
static void plan_hybrid(const struct engine *e, const struct answers *a, double requests, const struct gates *g,
			struct plan *o)
{
	double share = e->c->cost.hybrid_api_share;
	struct plan api = { .arch = ARCH_DIRECT_API }, self = { .arch = ARCH_SELF_SINGLE };

	plan_api(e, a, requests * share, &api);
	plan_self(e, a, TASK_EXTRACTION, requests * (1 - share), CLASS_ANY, g, NULL, &self);
	if (!api.feasible || !self.feasible) {
		snprintf(o->why_not, sizeof o->why_not, "%s", !api.feasible ? api.why_not : self.why_not);
		return;
	}
	*o = self;
	o->arch = ARCH_HYBRID;
	o->api_model = api.model;
	o->cost.api = api.cost.total;
	cost_sum(&o->cost);
}

/* A device plan: each model on the device of least memory that holds it; across the
 * models the one rule, with the device's memory weighed right after the quality
 * shortfall: of two models that meet the task, the one an 8 GB device holds reaches
 * more users than one that needs 64 GB. Its cost is the team's, not the volume's:
 * every device serves its own user. */
static void plan_edge(const struct engine *e, const struct answers *a, const struct gates *g, struct plan *o)
{
	const struct catalog *c = e->c;
	const struct candidate *chosen = NULL;
	struct pick_key best = { 0 };
	struct fleet_rates rates = fleet_rates_of(e, a);
	const struct candidate_set *set = &e->cands.set[CLASS_EDGE];

	for (int mi = 0; mi < c->n_models; mi++) {
		int n;
		const struct candidate *run = candidates_run(set, mi, &n), *fit = NULL;
		for (int i = 0; i < n; i++) {
			const struct candidate *cd = &run[i];
			if (candidate_allowed(cd, a->task, g) &&
			    (fit == NULL || cd->gpu->memory_gb < fit->gpu->memory_gb ||
			     (cd->gpu->memory_gb == fit->gpu->memory_gb && cd->user_tokens_per_s > fit->user_tokens_per_s)))
				fit = cd;
		}
		if (fit == NULL)
			continue;
		struct pick_key k = { pick_model_shortfall(c, a->task, fit->model),
				      c->cost.edge_engineering[a->mlops] + rates.tune_usd_per_param * fit->active_params +
				      rates.tune_labour,
				      fit->user_tokens_per_s, fit->order };
		if (chosen == NULL || k.shortfall < best.shortfall ||
		    (k.shortfall == best.shortfall && (fit->gpu->memory_gb < chosen->gpu->memory_gb ||
		     (fit->gpu->memory_gb == chosen->gpu->memory_gb && pick_before(&k, &best))))) {
			chosen = fit;
			best = k;
		}
	}
	if (chosen == NULL) {   /* capacity stays 0: every device serves its own user */
		if (e->shape.ttft_ms > 0 || e->shape.tokens_per_s_per_user > 0)
			snprintf(o->why_not, sizeof o->why_not,
				 "no allowed open model of at most %.0fB fits an edge device and meets the latency targets (first token within %.0f ms, %.0f tokens/s)",
				 c->cost.edge_max_params_b, e->shape.ttft_ms, e->shape.tokens_per_s_per_user);
		else
			snprintf(o->why_not, sizeof o->why_not, "no allowed open model of at most %.0fB fits an edge device",
				 c->cost.edge_max_params_b);
		return;
	}
	o->feasible = true;
	candidate_replica(chosen, o);   /* a device: one GPU */
	o->cost.engineering = c->cost.edge_engineering[a->mlops];
	o->cost.finetune = rates.tune_usd_per_param * chosen->active_params;
	o->cost.finetune_labour = rates.tune_labour;
	cost_sum(&o->cost);
}

void plan_best(const struct engine *e, const struct answers *a, enum arch arch, double requests,
	       const struct gates *g, struct plan *o)
{
	memset(o, 0, sizeof *o);
	o->arch = arch;
	switch (arch) {
	case ARCH_DIRECT_API: plan_api(e, a, requests, o); break;
	case ARCH_MANAGED: plan_managed(e, a, requests, g, o); break;
	case ARCH_SELF_SINGLE: plan_self(e, a, a->task, requests, CLASS_SINGLE, g, NULL, o); break;
	case ARCH_SELF_MULTI: plan_self(e, a, a->task, requests, CLASS_MULTI, g, NULL, o); break;
	case ARCH_HYBRID: plan_hybrid(e, a, requests, g, o); break;
	case ARCH_ON_DEVICE: plan_edge(e, a, g, o); break;
	case ARCH_COUNT: break;
	}
	o->arch = arch;
}

/* One model's cheapest fleet of a class for a task at a volume; NAN if none. */
static double plan_self_cost_of(const struct engine *e, const struct answers *a, const struct model *m, int task,
				enum fleet_class k, double requests)
{
	struct plan p = { 0 };

	plan_self(e, a, task, requests, k, NULL, m, &p);
	return p.feasible ? p.cost.total : NAN;
}

/* A managed plan's offer (its provider's offer of its model) at another volume. */
static double plan_offer_cost_at(const struct engine *e, const struct answers *a, const struct plan *o,
				 double requests)
{
	const struct catalog *c = e->c;
	int order = 0;

	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++, order++)
			if (&c->providers[i] == o->provider && c->providers[i].offers[j].model == o->model) {
				struct cost_breakdown b;
				const struct candidate *config;
				struct fleet_rates rates = fleet_rates_of(e, a);
				return offer_cost(e, a, &rates, o->provider, &c->providers[i].offers[j], order, requests,
						  &b, &config);
			}
	return NAN;
}

double plan_cost_at(const struct engine *e, const struct answers *a, const struct plan *o, double requests)
{
	double share = e->c->cost.hybrid_api_share;

	if (!o->feasible)
		return NAN;
	switch (o->arch) {
	case ARCH_DIRECT_API:
		return api_cost(o->model, a, requests) * e->what_if.token_price + o->cost.finetune_labour;
	case ARCH_MANAGED:
		return plan_offer_cost_at(e, a, o, requests);
	case ARCH_SELF_SINGLE:
	case ARCH_SELF_MULTI:
		return plan_self_cost_of(e, a, o->model, a->task, o->arch == ARCH_SELF_MULTI ? CLASS_MULTI : CLASS_SINGLE,
					 requests);
	case ARCH_HYBRID:
		return plan_self_cost_of(e, a, o->model, TASK_EXTRACTION, CLASS_ANY, requests * (1 - share)) +
		       api_cost(o->api_model, a, requests * share) * e->what_if.token_price;
	case ARCH_ON_DEVICE:
	case ARCH_COUNT:
		break;
	}
	return o->cost.total;
}

void plan_self_for_model(const struct engine *e, const struct answers *a, const struct model *m,
			 double requests, struct plan *o)
{
	memset(o, 0, sizeof *o);
	plan_self(e, a, a->task, requests, CLASS_ANY, NULL, m, o);
	o->arch = o->feasible && o->gpu_count > 1 ? ARCH_SELF_MULTI : ARCH_SELF_SINGLE;
}

void plan_label(const struct plan *o, char *buf, size_t size)
{
	if (!o->feasible || o->model == NULL)
		snprintf(buf, size, "%s", arch_ids[o->arch]);
	else if (o->arch == ARCH_MANAGED)
		snprintf(buf, size, "%s (%s on %s)", arch_ids[o->arch], o->model->id, o->provider->id);
	else if (o->arch == ARCH_HYBRID)
		snprintf(buf, size, "%s (%s + %s)", arch_ids[o->arch], o->api_model->id, o->model->id);
	else
		snprintf(buf, size, "%s (%s)", arch_ids[o->arch], o->model->id);
}
