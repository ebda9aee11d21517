/* cost.h — monthly cost of each way to serve the volume (DESIGN.md, "The cost model"). */
#ifndef OW_COST_H
#define OW_COST_H

#include "answers.h"
#include "catalog.h"
#include "footprint.h"
#include "verdict.h"

/* USD per 1M input and output tokens as charged for these answers: the long-context
 * tier when the prompt exceeds it, the batch discount when latency is batch. */
void api_effective_prices(const struct api_price *p, const struct answers *a, double *in,
			  double *out);
/* Per-token charges for volume requests a month. */
double token_cost(double in_price, double out_price, const struct answers *a, double requests);

/* The seed's hidden costs of self-hosting for this team and model size. */
struct hidden_costs hidden_costs_for(const struct cost_model *cm, int mlops, double params);

/* fleet_replica_hours with the peak rate (requests per hour at peak: requests ÷
 * t->hours × t->peak) given, for loops that price many replicas at one volume. */
static inline double replica_hours_at(const struct traffic_shape *t, double requests, double peak_rate,
				      double replica_rate, double *replicas_out)
{
	double replicas = __builtin_ceil(peak_rate / replica_rate - 1e-9);

	if (replicas < 1)
		replicas = 1;
	*replicas_out = replicas;
	if (t->autoscale) {   /* replicas follow the load with headroom; one stays warm; scale-ups cost warm-up */
		double busy = requests / replica_rate * t->headroom;
		return (busy > t->hours ? busy : t->hours) + replicas * t->cold_start_hours;
	}
	return replicas * t->hours;
}

/* The seed's hidden costs a month (engineering, orchestration, monitoring) summed. */
double hidden_total(const struct cost_model *cm, int mlops, enum size_class size);

/* Replica-hours a month for volume requests at replica_rate requests per replica-hour;
 * *replicas gets the peak replica count. */
double fleet_replica_hours(const struct traffic_shape *t, double replica_rate, double requests,
			   double *replicas);

/* Size a fleet of replicas of footprint f for volume requests a month under the
 * traffic shape, filling o's replicas, gpu_hours, capacity and cost.gpu_lease. */
void fleet_size(const struct cost_model *cm, const struct footprint *f, double sec_per_request,
		int traffic, double requests, struct plan *o);

/* The priced datacenter GPU (40 GB or more) with the lowest cost per bf16/fp16 FLOP:
 * where fine-tuning runs. NULL when there is none. */
const struct gpu *training_gpu(const struct catalog *c);
/* Monthly fine-tuning compute per active parameter for these answers on train (0 when
 * no tuning is asked): a model's cost is this × its active parameters. */
double finetune_usd_per_param(const struct catalog *c, const struct answers *a, const struct gpu *train);

/* Compute to fine-tune model m as the answers ask, spread per month; fills est.
 * Returns the monthly USD (0 when no tuning is asked). */
double finetune_monthly(const struct catalog *c, const struct answers *a, const struct model *m,
			struct finetune_estimate *est);

/* Sum the breakdown into total. */
void cost_total(struct cost_breakdown *b);

#endif
