/* plans.c — the cheapest plan of each architecture at a volume: API models,
 * managed offers, self-hosted fleets, hybrid and on-device; and a plan re-costed
 * at another volume for the crossover and chart curves. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evalint.h"
#include "util.h"

static void price_api(const struct answers *a, const struct model *m, double requests,
		      struct plan *o)
{
	double in, out;

	api_effective_prices(&m->api, a, &in, &out);
	memset(&o->cost, 0, sizeof o->cost);
	o->cost.api = token_cost(in, out, a, requests);
	cost_total(&o->cost);
}

/* The plans' rule between two options: least tier shortfall, then least cost; the
 * held one (found first) keeps a tie. */
static bool beats(int sf, double cost, bool have, int held_sf, double held_cost)
{
	return !have || sf < held_sf || (sf == held_sf && cost < held_cost);
}

static void best_api(const struct eval_state *s, const struct answers *a, double requests,
		     struct plan *o)
{
	const struct model *best = NULL;
	double best_cost = 0, in, out;
	int best_sf = 0;

	for (int i = 0; i < s->n_api; i++) {
		const struct model *m = s->api[i];
		int sf = tier_shortfall(s->c, a, m);
		api_effective_prices(&m->api, a, &in, &out);
		double cost = token_cost(in, out, a, requests);
		if (beats(sf, cost, best != NULL, best_sf, best_cost)) {
			best = m;
			best_cost = cost;
			best_sf = sf;
		}
	}
	if (best == NULL) {
		snprintf(o->why_not, sizeof o->why_not, "no API model in the catalog");
		return;
	}
	o->feasible = true;
	o->model = best;
	price_api(a, best, requests, o);
}

static void price_managed(const struct eval_state *s, const struct answers *a, const struct offer *of,
			  double requests, struct plan *o)
{
	memset(&o->cost, 0, sizeof o->cost);
	o->cost.api = token_cost(of->input, of->output, a, requests);
	o->cost.finetune = model_finetune_usd(finetune_rate(s, a), of->model);
	cost_total(&o->cost);
}

/* price_managed's total without the plan: api + tuning (cost_total's other terms are zero). */
static double offer_cost(const struct answers *a, const struct offer *of, double ft_rate, double requests)
{
	return token_cost(of->input, of->output, a, requests) + model_finetune_usd(ft_rate, of->model);
}

/* The narrowed offers: allowed for these answers already, in catalog order. */
static void best_narrowed_offer(const struct eval_state *s, const struct answers *a, double requests,
				const struct offer **best, const struct provider **best_p)
{
	double best_cost = 0, ft = finetune_rate(s, a);

	for (int i = 0; i < s->n_offers; i++) {
		const struct offer *of = s->offers[i];
		double cost = offer_cost(a, of, ft, requests);
		if (*best == NULL || cost < best_cost) {   /* one shortfall: narrowing kept the least */
			*best = of;
			*best_p = s->offer_providers[i];
			best_cost = cost;
		}
	}
}

bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau)
{
	return p->status == PROV_ACTIVE && !of->retired && !model_gated(of->model, gate_mau, false, false) &&
	       !(a->fine_tuning == FT_LORA && p->finetune == FT_SUPPORT_NONE) &&
	       !(a->fine_tuning == FT_FULL && p->finetune != FT_SUPPORT_FULL);
}

static void best_managed(const struct eval_state *s, const struct answers *a, double requests,
			 bool gate_mau, struct plan *o)
{
	const struct provider *best_p = NULL;
	const struct offer *best = NULL;
	double best_cost = 0, ft = finetune_rate(s, a);
	int best_sf = 0;

	for (int i = 0; s->offers == NULL && i < s->c->n_providers; i++) {
		const struct provider *p = &s->c->providers[i];
		for (int j = 0; j < p->n_offers; j++) {
			const struct offer *of = &p->offers[j];
			if (!offer_allowed(p, of, a, gate_mau))
				continue;
			int sf = tier_shortfall(s->c, a, of->model);
			double cost = offer_cost(a, of, ft, requests);
			if (beats(sf, cost, best != NULL, best_sf, best_cost)) {
				best = of;
				best_p = p;
				best_cost = cost;
				best_sf = sf;
			}
		}
	}
	if (s->offers != NULL)
		best_narrowed_offer(s, a, requests, &best, &best_p);
	if (best == NULL) {
		snprintf(o->why_not, sizeof o->why_not, "no active provider offers an allowed model%s",
			 a->fine_tuning >= FT_LORA ? " with the fine-tuning asked" : "");
		return;
	}
	o->feasible = true;
	o->model = best->model;
	o->provider = best_p;
	price_managed(s, a, best, requests, o);
}

/* A self-hosted fleet of one candidate at a volume, with the seed's hidden costs. */
static void price_fleet(const struct eval_state *s, const struct answers *a, const struct candidate *cd,
			double requests, struct plan *o)
{
	struct hidden_costs h = hidden_costs_for(&s->c->cost, a->mlops, (double)cd->model->shape.params);

	memset(&o->cost, 0, sizeof o->cost);
	o->model = cd->model;
	o->gpu = cd->gpu;
	o->precision = cd->precision;
	o->feasible = true;
	struct footprint f = { .gpu = cd->gpu, .gpu_count = cd->gpu_count };   /* what fleet_size reads */
	fleet_size(&s->c->cost, &f, cd->sec_per_request, a->traffic, requests, o);
	o->cost.engineering = h.engineering;
	o->cost.orchestration = h.orchestration;
	o->cost.monitoring = h.monitoring;
	o->cost.finetune = model_finetune_usd(finetune_rate(s, a), cd->model);
	cost_total(&o->cost);
}

/* What a fleet's monthly cost reads from the answers, found once per choice. */
struct fleet_rates {
	const struct traffic_shape *t;
	const struct hidden_costs *hidden;   /* the ML-ops level's row, by size class */
	double ft_rate;                      /* finetune_rate's */
};

static struct fleet_rates fleet_rates_for(const struct eval_state *s, const struct answers *a)
{
	return (struct fleet_rates){ &s->c->cost.traffic[a->traffic], s->c->cost.hidden[a->mlops],
				     finetune_rate(s, a) };
}

/* The monthly total of a candidate's fleet at one volume, without building its plan
 * (the hot loop): the same sums as price_fleet's. */
static inline double fleet_total(const struct fleet_rates *r, double requests, double peak_rate,
				 const struct candidate *cd)
{
	const struct hidden_costs *h = &r->hidden[cd->size];
	double replicas, hours = replica_hours_at(r->t, requests, peak_rate, cd->replica_rate, &replicas);

	return hours * cd->replica_usd_per_hour + h->engineering + h->orchestration + h->monitoring +
	       model_finetune_usd(r->ft_rate, cd->model);
}

/* cd is of the class asked (multi 0 single-GPU, 1 multi-GPU, -1 either), at a precision
 * the task allows (bit per precision), and its licence is not gated. */
static inline bool may_pick(const struct candidate *cd, int multi, uint32_t allowed, bool gate_mau, bool gate_nc)
{
	return !((multi >= 0 && cd->single != (multi == 0)) || !(allowed & 1u << cd->precision) ||
		 (gate_mau && cd->mau_gated) || (gate_nc && cd->nc_gated));
}

/* The cheapest of cands[0..n) allowed for the answers, of one class (multi 0 single-GPU,
 * 1 multi-GPU, -1 either): least tier shortfall, then least cost, the first of equals.
 * NULL when none is allowed. The shortfall is settled first, so only the candidates
 * that can win are priced. */
static const struct candidate *pick_self(const struct eval_state *s, const struct answers *a,
					 const struct candidate *cands, int n, int multi, double requests,
					 bool gate_mau, bool gate_nc, double *cost_out)
{
	const struct candidate *best = NULL;
	double best_cost = 0;
	int least = INT32_MAX, need = s->c->policy.required_tier[a->task];
	uint32_t allowed = s->c->policy.precisions[a->task];
	struct fleet_rates r = fleet_rates_for(s, a);
	double peak_rate = requests / r.t->hours * r.t->peak;

	for (int i = 0; i < n; i++)
		if (may_pick(&cands[i], multi, allowed, gate_mau, gate_nc) && shortfall(cands[i].tier, need) < least)
			least = shortfall(cands[i].tier, need);
	for (int i = 0; i < n; i++) {
		const struct candidate *cd = &cands[i];
		if (!may_pick(cd, multi, allowed, gate_mau, gate_nc) || shortfall(cd->tier, need) != least)
			continue;
		double cost = fleet_total(&r, requests, peak_rate, cd);
		if (!best || cost < best_cost) {
			best = cd;
			best_cost = cost;
		}
	}
	*cost_out = best_cost;
	return best;
}

/* pick_self over every candidate, through the tier order: the first allowed candidate
 * there has the least shortfall, and only the tiers of that shortfall are priced.
 * Equal costs go to the first in catalog order, as pick_self's do. */
static const struct candidate *pick_self_by_tier(const struct eval_state *s, const struct answers *a, int multi,
						 double requests, bool gate_mau, bool gate_nc, double *cost_out)
{
	const struct candidate *cands = s->cands, *best = NULL;
	double best_cost = 0;
	int need = s->c->policy.required_tier[a->task], least = -1, from, to;
	uint32_t allowed = s->c->policy.precisions[a->task];
	struct fleet_rates r = fleet_rates_for(s, a);
	double peak_rate = requests / r.t->hours * r.t->peak;

	for (int p = 0; p < s->n_cands && least < 0; p++)
		if (may_pick(&cands[s->tier_order[p]], multi, allowed, gate_mau, gate_nc))
			least = shortfall(cands[s->tier_order[p]].tier, need);
	if (least < 0) {
		*cost_out = 0;
		return NULL;
	}
	/* tier_end[k]: where tier k's candidates end in tier_order (tier 0 is empty). */
	from = least == 0 ? 0 : s->tier_end[need + least - 1];
	to = s->tier_end[least == 0 ? (need < MAX_TIER ? need : MAX_TIER) : need + least];
	for (int p = from; p < to; p++) {
		const struct candidate *cd = &cands[s->tier_order[p]];
		if (!may_pick(cd, multi, allowed, gate_mau, gate_nc))
			continue;
		double cost = fleet_total(&r, requests, peak_rate, cd);
		if (!best || cost < best_cost || (cost == best_cost && cd < best)) {
			best = cd;
			best_cost = cost;
		}
	}
	*cost_out = best_cost;
	return best;
}

/* The candidates to choose among: one model's run, or those of a use (multi 0: the
 * task on single GPUs, 1: on multi-GPU replicas, -1: the hybrid's simple share). */
static const struct candidate *self_range(const struct eval_state *s, int multi, const struct model *only_model,
					  int task, int *n)
{
	int u = multi == 0 ? USE_SINGLE : multi == 1 ? USE_MULTI : USE_SIMPLE;

	if (only_model) {
		int mi = model_index(s->c, only_model);
		*n = s->count[mi];
		return s->cands + s->first[mi];
	}
	if (s->use_task[u] >= 0 && task != s->use_task[u]) {   /* lists made for another task */
		*n = s->n_cands;
		return s->cands;
	}
	*n = s->n_use[u];
	return s->use[u];
}

/* The cheapest self-hosted fleet: multi 0 single-GPU replicas, 1 multi-GPU, -1 either.
 * only_model restricts to one model's configurations (cost curves), ungated. */
static void best_self(const struct eval_state *s, const struct answers *a, double requests, int multi,
		      bool gate_mau, bool gate_nc, const struct model *only_model, struct plan *o)
{
	int n;
	const struct candidate *cands = self_range(s, multi, only_model, a->task, &n), *best;
	double cost;

	if (only_model)
		gate_mau = gate_nc = false;
	if (!only_model && cands == s->cands && s->tier_order)
		best = pick_self_by_tier(s, a, multi, requests, gate_mau, gate_nc, &cost);
	else
		best = pick_self(s, a, cands, n, multi, requests, gate_mau, gate_nc, &cost);
	if (best) {
		price_fleet(s, a, best, requests, o);
		if (only_model)   /* a twin's run is its original's */
			o->model = only_model;
	} else {
		snprintf(o->why_not, sizeof o->why_not, "no allowed open model fits %s",
			 multi == 0 ? "one priced GPU" : "a multi-GPU replica of a priced GPU");
	}
}

/* The monthly cost of one model's cheapest configuration of a class at a volume; NAN if none. */
static double self_cost_for_model(const struct eval_state *s, const struct answers *a,
				  const struct model *m, int multi, double requests)
{
	int n;
	const struct candidate *cands = self_range(s, multi, m, a->task, &n);
	double cost;

	return pick_self(s, a, cands, n, multi, requests, false, false, &cost) ? cost : NAN;
}

static bool edge_better(const struct catalog *c, const struct answers *a, const struct candidate *cd,
			const struct model *held, double held_speed)
{
	int sf = tier_shortfall(c, a, cd->model), osf = tier_shortfall(c, a, held);
	double mmlu = cd->model->bench.present ? cd->model->bench.mmlu : -1;
	double omm = held->bench.present ? held->bench.mmlu : -1;

	if (sf != osf)
		return sf < osf;
	if (cd->model->quality_tier != held->quality_tier)
		return cd->model->quality_tier < held->quality_tier;
	if (mmlu != omm)
		return mmlu > omm;
	return cd->decode_single > held_speed;
}

static void best_edge(const struct eval_state *s, const struct answers *a, bool gate_mau, bool gate_nc,
		      struct plan *o)
{
	const struct cost_model *cm = &s->c->cost;
	double best_speed = 0;

	for (int i = 0; i < s->n_edge; i++) {
		const struct candidate *cd = &s->edge[i];
		if (model_gated(cd->model, gate_mau, gate_nc, true))
			continue;
		/* On a device the cost is the team's, not the volume's: prefer the best model that
		 * fits (shortfall, tier, then MMLU), then speed. */
		if (o->feasible && !edge_better(s->c, a, cd, o->model, best_speed))
			continue;
		best_speed = cd->decode_single;
		memset(o, 0, sizeof *o);
		o->arch = ARCH_ON_DEVICE;
		o->feasible = true;
		o->model = cd->model;
		o->gpu = cd->gpu;
		o->precision = cd->precision;
		o->gpu_count = 1;
		o->cost.engineering = cm->edge_engineering[a->mlops];
		o->cost.finetune = model_finetune_usd(finetune_rate(s, a), cd->model);
		cost_total(&o->cost);
	}
	if (!o->feasible)   /* capacity stays 0: every device serves its own user */
		snprintf(o->why_not, sizeof o->why_not, "no allowed open model of at most %.0fB fits an edge device",
			 cm->edge_max_params_b);
}

static void best_hybrid(const struct eval_state *s, const struct answers *a, double requests,
			bool gate_mau, bool gate_nc, struct plan *o)
{
	double share = s->c->cost.hybrid_api_share;
	struct answers simple = *a;
	struct plan api = { .arch = ARCH_DIRECT_API }, self = { .arch = ARCH_SELF_SINGLE };

	/* Route by task: the hard share to the API, the simple rest to a smaller open model. */
	best_api(s, a, requests * share, &api);
	simple.task = TASK_EXTRACTION;
	best_self(s, &simple, requests * (1 - share), -1, gate_mau, gate_nc, NULL, &self);
	if (!api.feasible || !self.feasible) {
		snprintf(o->why_not, sizeof o->why_not, "%s", !api.feasible ? api.why_not : self.why_not);
		return;
	}
	*o = self;
	o->arch = ARCH_HYBRID;
	o->api_model = api.model;
	o->cost.api = api.cost.total;
	cost_total(&o->cost);
}

bool plan_inputs_equal(enum arch arch, const struct answers *x, const struct answers *y)
{
	/* What every plan reads: the volume and token mix (the candidates were sized for it). */
	bool base = x->requests_per_month == y->requests_per_month && x->input_tokens == y->input_tokens &&
		    x->output_tokens == y->output_tokens && x->context_tokens == y->context_tokens;
	/* The tuning compute and the providers' tuning support. */
	bool tuning = x->fine_tuning == y->fine_tuning && x->finetune_tokens == y->finetune_tokens &&
		      x->finetune_cycles_per_year == y->finetune_cycles_per_year;

	switch (arch) {
	case ARCH_DIRECT_API: return base && x->task == y->task && x->latency == y->latency;
	case ARCH_MANAGED: return base && x->task == y->task && tuning;
	case ARCH_SELF_SINGLE:
	case ARCH_SELF_MULTI: return base && x->task == y->task && x->mlops == y->mlops && x->traffic == y->traffic && tuning;
	case ARCH_HYBRID:   /* the API's share at the task; the open model's at mlops and traffic */
		return base && x->task == y->task && x->latency == y->latency && x->mlops == y->mlops &&
		       x->traffic == y->traffic && tuning;
	case ARCH_ON_DEVICE: return x->task == y->task && x->mlops == y->mlops && tuning;
	case ARCH_COUNT: break;
	}
	return false;
}

bool plan_gates_equal(enum arch arch, bool mau_x, bool nc_x, bool mau_y, bool nc_y)
{
	if (arch == ARCH_DIRECT_API)
		return true;
	if (arch == ARCH_MANAGED)   /* non-commercial licences gate self-hosting only */
		return mau_x == mau_y;
	return mau_x == mau_y && nc_x == nc_y;
}

void best_plan(const struct eval_state *s, const struct answers *a, enum arch arch,
		 double requests, bool gate_mau, bool gate_nc, struct plan *o)
{
	memset(o, 0, sizeof *o);
	o->arch = arch;
	switch (arch) {
	case ARCH_DIRECT_API: best_api(s, a, requests, o); break;
	case ARCH_MANAGED: best_managed(s, a, requests, gate_mau, o); break;
	case ARCH_SELF_SINGLE: best_self(s, a, requests, 0, gate_mau, gate_nc, NULL, o); break;
	case ARCH_SELF_MULTI: best_self(s, a, requests, 1, gate_mau, gate_nc, NULL, o); break;
	case ARCH_HYBRID: best_hybrid(s, a, requests, gate_mau, gate_nc, o); break;
	case ARCH_ON_DEVICE:
		if (s->edge_plan)
			*o = *s->edge_plan;
		else
			best_edge(s, a, gate_mau, gate_nc, o);
		break;
	case ARCH_COUNT: break;
	}
	o->arch = arch;
}

double plan_cost_at(const struct eval_state *s, const struct answers *a, const struct plan *o,
		      double requests)
{
	struct plan t = { .arch = o->arch };

	if (!o->feasible)
		return NAN;
	switch (o->arch) {
	case ARCH_DIRECT_API:
		price_api(a, o->model, requests, &t);
		return t.cost.total;
	case ARCH_MANAGED:
		for (int j = 0; j < o->provider->n_offers; j++)
			if (o->provider->offers[j].model == o->model)
				price_managed(s, a, &o->provider->offers[j], requests, &t);
		return t.cost.total;
	case ARCH_SELF_SINGLE:
	case ARCH_SELF_MULTI:
		return self_cost_for_model(s, a, o->model, o->arch == ARCH_SELF_MULTI, requests);
	case ARCH_HYBRID: {
		struct answers simple = *a;
		struct plan api = { .arch = ARCH_DIRECT_API };
		double share = s->c->cost.hybrid_api_share;
		simple.task = TASK_EXTRACTION;
		price_api(a, o->api_model, requests * share, &api);
		return self_cost_for_model(s, &simple, o->model, -1, requests * (1 - share)) + api.cost.total;
	}
	case ARCH_ON_DEVICE:
	case ARCH_COUNT:
		break;
	}
	return o->cost.total;
}

/* One model's cheapest configuration of a class at each of n volumes (NAN: none):
 * self_cost_for_model at each, in one pass over the configurations. */
static void self_curve_for_model(const struct eval_state *s, const struct answers *a, const struct model *m,
				 int multi, const double *reqs, double scale, int n, double *out)
{
	int count;
	const struct candidate *cands = self_range(s, multi, m, a->task, &count);
	struct fleet_rates r = fleet_rates_for(s, a);
	uint32_t allowed = s->c->policy.precisions[a->task];

	for (int k = 0; k < n; k++)
		out[k] = NAN;
	/* One model: one tier, so the choice is the least cost, the first of equals. */
	for (int i = 0; i < count; i++) {
		const struct candidate *cd = &cands[i];
		if ((multi >= 0 && cd->single != (multi == 0)) || !(allowed & 1u << cd->precision))
			continue;
		for (int k = 0; k < n; k++) {
			double req = reqs[k] * scale;
			double cost = fleet_total(&r, req, req / r.t->hours * r.t->peak, cd);
			if (isnan(out[k]) || cost < out[k])
				out[k] = cost;
		}
	}
}

void plan_cost_curve(const struct eval_state *s, const struct answers *a, const struct plan *o,
		     const double *reqs, int n, double *out)
{
	switch (o->feasible ? o->arch : ARCH_COUNT) {
	case ARCH_SELF_SINGLE:
	case ARCH_SELF_MULTI:
		self_curve_for_model(s, a, o->model, o->arch == ARCH_SELF_MULTI, reqs, 1, n, out);
		return;
	case ARCH_HYBRID: {
		struct answers simple = *a;
		double share = s->c->cost.hybrid_api_share;
		simple.task = TASK_EXTRACTION;
		self_curve_for_model(s, &simple, o->model, -1, reqs, 1 - share, n, out);
		for (int k = 0; k < n; k++) {
			struct plan api = { .arch = ARCH_DIRECT_API };
			price_api(a, o->api_model, reqs[k] * share, &api);
			out[k] += api.cost.total;
		}
		return;
	}
	default:
		for (int k = 0; k < n; k++)
			out[k] = plan_cost_at(s, a, o, reqs[k]);
	}
}

void self_cheapest_for_model(const struct eval_state *s, const struct answers *a,
			     const struct model *m, double requests, struct plan *o)
{
	memset(o, 0, sizeof *o);
	o->arch = ARCH_SELF_SINGLE;
	best_self(s, a, requests, -1, false, false, m, o);
	if (o->feasible && o->gpu_count > 1)
		o->arch = ARCH_SELF_MULTI;
}
