/* offers.c — managed inference: an open model served by a provider, per token; a
 * fine-tuned one on a dedicated deployment of the provider's GPUs, billed by the
 * GPU-hour (providers serve tuned models so: docs.fireworks.ai cost structure,
 * docs.together.ai inference pricing, Bedrock provisioned throughput). */
#include <math.h>

#include "cost.h"
#include "engine.h"
#include "pick.h"

static bool offer_tuned(const struct answers *a)
{
	return a->fine_tuning == FT_LORA || a->fine_tuning == FT_FULL;
}

bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau)
{
	struct gates g = { .mau = gate_mau };

	return p->status == PROV_ACTIVE && !of->retired && !candidate_gated(of->model, &g, false) &&
	       window_holds(of->model, a) &&
	       !(a->fine_tuning == FT_LORA && p->finetune == FT_SUPPORT_NONE) &&
	       !(a->fine_tuning == FT_FULL && p->finetune != FT_SUPPORT_FULL) &&
	       !(offer_tuned(a) && !p->dedicated.present);
}

/* The cheapest dedicated deployment of offer `order`'s tuned model at a volume:
 * replicas for the peak on the provider's GPU at its rate, up or autoscaled as
 * the traffic makes cheaper; the provider runs it, so no hidden costs. */
static double offer_dedicated(const struct engine *e, const struct answers *a, int order, double requests,
			      const struct candidate **config)
{
	const struct candidate_set *set = &e->cands.dedicated;
	const struct cost_model *cm = &e->c->cost;
	struct pick_key best = { 0 };
	int need = e->c->policy.required_tier[a->task], n;
	const struct candidate *run = candidates_run(set, order, &n);

	*config = NULL;
	for (int i = 0; i < n; i++) {
		const struct candidate *cd = &run[i];
		struct fleet_sizing z;
		struct pick_key k;
		if (!(cd->tasks & 1u << a->task))
			continue;
		z = fleet_size(cm, a->traffic, BASIS_ON_DEMAND, e->what_if.peak, (double)cd->gpu_count, cd->replica_rate,
			       requests, 0);
		k = (struct pick_key){ pick_shortfall(cd->tier, need),
				       z.replica_hours * cd->replica_usd_per_hour[BASIS_ON_DEMAND] * e->what_if.gpu_price,
				       cd->user_tokens_per_s, cd->order };
		if (*config == NULL || pick_before(&k, &best)) {
			*config = cd;
			best = k;
		}
	}
	return *config ? best.cost : NAN;
}

void offer_deployment(const struct engine *e, const struct answers *a, const struct candidate *config,
		      double requests, struct plan *o)
{
	struct fleet_sizing z;

	if (config == NULL)
		return;
	z = fleet_size(&e->c->cost, a->traffic, BASIS_ON_DEMAND, e->what_if.peak, (double)config->gpu_count,
		       config->replica_rate, requests, 0);
	candidate_replica(config, o);   /* the offer's model, on the provider's GPU */
	o->replicas = (int64_t)z.replicas;
	o->gpus_bought = (int64_t)(z.replicas * (double)config->gpu_count);
	o->gpu_hours = z.gpu_hours;
	o->capacity_requests = z.capacity_requests;
	o->autoscaled = z.autoscaled;
}

double offer_cost(const struct engine *e, const struct answers *a, const struct fleet_rates *r,
		  const struct provider *p, const struct offer *of, int order, double requests,
		  struct cost_breakdown *b, const struct candidate **config)
{
	*b = (struct cost_breakdown){
		.finetune = of->model->shape.present ? r->tune_usd_per_param * (double)of->model->shape.active_params : 0,
		.finetune_labour = r->tune_labour,
	};
	*config = NULL;
	if (offer_tuned(a) && p->dedicated.present) {
		b->gpu_lease = offer_dedicated(e, a, order, requests, config);
		if (isnan(b->gpu_lease))
			return NAN;
	} else {
		b->api = api_token_cost(of->input, of->output, a, requests) * e->what_if.token_price;
	}
	cost_sum(b);
	return b->total;
}
