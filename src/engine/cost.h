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
	b->total = b->api + b->gpu_lease + b->hardware + b->facility + b->engineering + b->on_call +
		   b->orchestration + b->monitoring + b->finetune + b->finetune_labour;
}

/* The model's context window holds the longest request of these answers (the context
 * asked, or a whole request when longer): a shorter one is never used, not truncated. */
static inline bool window_holds(const struct model *m, const struct answers *a)
{
	return m->context_tokens >= answers_longest(a);
}
/* Why not, in words, into buf. */
void window_note(const struct model *m, const struct answers *a, char *buf, size_t size);

/* api.c: USD per 1M input and output tokens as charged for these answers: the
 * long-context tier when the prompt exceeds it, the batch discount when latency is batch. */
void api_prices(const struct api_price *p, const struct answers *a, double *in, double *out);
/* Per-token charges of volume requests a month at these prices. */
double api_token_cost(double in_price, double out_price, const struct answers *a, double requests);
/* A model's API bill a month at a volume. */
double api_cost(const struct model *m, const struct answers *a, double requests);

/* offers.c: a managed offer of provider p usable for these answers (active, not
 * retired, the licence gate, the fine-tuning the provider supports and a price for
 * serving the tuned model). */
bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau);

/* fleet.c: the price basis a fleet is paid on for these answers (air-gapped: owned). */
int fleet_basis(const struct answers *a);
/* One owned GPU a month: the purchase amortised with its networking (hardware) and its
 * power at the facility's PUE plus colocation (facility); false without a purchase
 * price or a power figure. */
bool fleet_owned_gpu_month(const struct cost_model *cm, const struct gpu *g, double *hardware, double *facility);

/* A fleet of replicas of gpu_count GPUs each, serving replica_rate requests an hour,
 * sized for volume requests a month under the traffic shape (its peak times
 * peak_factor: 1 but in the sensitivity analysis), plus `spares`, paid on the basis. */
struct fleet_sizing {
	double replicas;            /* what the peak needs, and the spares */
	double spares;              /* of them, kept for failures and upgrades */
	double replica_hours;       /* a month, paid */
	double gpus;                /* replicas × GPUs each */
	double gpus_bought;         /* paid for: owned fleets buy whole servers (else = gpus) */
	double gpu_hours;           /* a month, the whole fleet */
	double capacity_requests;   /* a month, the fleet as sized */
	bool autoscaled;            /* following the load was cheaper than staying up */
};
struct fleet_sizing fleet_size(const struct cost_model *cm, int traffic, int basis, double peak_factor,
			       double gpu_count, double replica_rate, double requests, double spares);
/* The hidden costs of a fleet of `gpus` GPUs serving a model of `params` parameters,
 * into b's engineering, on_call, orchestration and monitoring. */
void fleet_hidden(const struct cost_model *cm, int mlops, double params, double gpus, int traffic,
		  struct cost_breakdown *b);

/* finetune.c: the datacenter GPU (40 GB or more) priced on the basis with the lowest
 * cost per bf16/fp16 FLOP, where fine-tuning runs; NULL when there is none. */
const struct gpu *finetune_gpu(const struct catalog *c, int basis);
/* Tuning compute a month per active parameter for these answers, on finetune_gpu for
 * their price basis (0 when none is asked): a model's is this times its active parameters. */
double finetune_monthly_per_param(const struct catalog *c, const struct answers *a);
/* The same on a given training GPU (finetune_gpu's for the answers' basis). */
double finetune_gpu_monthly_per_param(const struct catalog *c, const struct answers *a, const struct gpu *train);
/* Tuning compute a month for model m as the answers ask (0 when none is asked). */
double finetune_monthly(const struct catalog *c, const struct answers *a, const struct model *m);
/* The seed's labour per tuning cycle, a month: its midpoint × cycles ÷ 12 (0 when no
 * tuning is asked). */
double finetune_labour_monthly(const struct catalog *c, const struct answers *a);
/* The same with its parts (FLOPs, GPU-hours per run, the seed's labour), into est. */
void finetune_estimate(const struct catalog *c, const struct answers *a, const struct model *m,
		       struct finetune_estimate *est);

#endif
