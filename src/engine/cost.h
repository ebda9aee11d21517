/* cost.h — the cost model (DESIGN.md "The cost model"): per-token charges (api.c),
 * managed offers (offers.c), a self-hosted fleet at a volume (fleet.c) and the
 * fine-tuning compute (finetune.c). */
#ifndef OW_COST_H
#define OW_COST_H

#include "answers.h"
#include "catalog.h"
#include "footprint.h"
#include "verdict.h"

/* Sum the breakdown into total. */
static inline void cost_sum(struct cost_breakdown *b)
{
	b->total = b->api + b->gpu_lease + b->engineering + b->orchestration + b->monitoring + b->finetune;
}

/* api.c: USD per 1M input and output tokens as charged for these answers: the
 * long-context tier when the prompt exceeds it, the batch discount when latency is batch. */
void api_prices(const struct api_price *p, const struct answers *a, double *in, double *out);
/* Per-token charges of volume requests a month at these prices. */
double api_token_cost(double in_price, double out_price, const struct answers *a, double requests);
/* A model's API bill a month at a volume. */
double api_cost(const struct model *m, const struct answers *a, double requests);

/* offers.c: a managed offer of provider p usable for these answers (active, not
 * retired, the licence gate, the fine-tuning the provider supports). */
bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau);
/* An offer's bill a month at a volume: tokens, plus tuning compute (tune_usd a month). */
void offer_cost(const struct offer *of, const struct answers *a, double requests, double tune_usd,
		struct cost_breakdown *b);

/* fleet.c: the seed's hidden costs of self-hosting for this team and model size. */
struct hidden_costs fleet_hidden(const struct cost_model *cm, int mlops, double params);
/* A fleet of replicas of gpu_count GPUs on g, each serving a request in
 * sec_per_request seconds, sized for volume requests a month under the traffic shape. */
struct fleet_sizing {
	double replicas;            /* what the peak needs */
	double gpu_hours;           /* a month, the whole fleet */
	double capacity_requests;   /* a month, the fleet as sized */
	double gpu_lease;           /* USD a month at the GPU's on-demand rate */
};
struct fleet_sizing fleet_size(const struct cost_model *cm, const struct gpu *g, int64_t gpu_count,
			       double sec_per_request, int traffic, double requests);

/* finetune.c: the priced datacenter GPU (40 GB or more) with the lowest cost per
 * bf16/fp16 FLOP, where fine-tuning runs; NULL when there is none. */
const struct gpu *finetune_gpu(const struct catalog *c);
/* Tuning compute a month per active parameter for these answers on train (0 when
 * none is asked): a model's is this times its active parameters. */
double finetune_monthly_per_param(const struct catalog *c, const struct answers *a, const struct gpu *train);
/* Tuning compute a month for model m as the answers ask on train (0 when none is asked). */
double finetune_monthly(const struct catalog *c, const struct answers *a, const struct gpu *train,
			const struct model *m);
/* The same with its parts (FLOPs, GPU-hours per run, the seed's labour), into est. */
void finetune_estimate(const struct catalog *c, const struct answers *a, const struct model *m,
		       struct finetune_estimate *est);

#endif
