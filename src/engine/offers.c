/* offers.c — managed inference: an open model served per token by a provider. */
#include "cost.h"
#include "engine.h"

bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau)
{
	struct gates g = { .mau = gate_mau };

	return p->status == PROV_ACTIVE && !of->retired && !candidate_gated(of->model, &g, false) &&
	       !(a->fine_tuning == FT_LORA && p->finetune == FT_SUPPORT_NONE) &&
	       !(a->fine_tuning == FT_FULL && p->finetune != FT_SUPPORT_FULL);
}

void offer_cost(const struct offer *of, const struct answers *a, double requests, double tune_usd,
		struct cost_breakdown *b)
{
	*b = (struct cost_breakdown){ .api = api_token_cost(of->input, of->output, a, requests),
				      .finetune = tune_usd };
	cost_sum(b);
}
