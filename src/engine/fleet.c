/* fleet.c — a self-hosted fleet at a volume: replicas for the traffic's peak, the
 * GPU-hours they are up, and the seed's hidden costs of running them. */
#include <math.h>

#include "cost.h"
#include "engine.h"

struct hidden_costs fleet_hidden(const struct cost_model *cm, int mlops, double params)
{
	return cm->hidden[mlops][size_class_of(cm, params)];
}

/* ceil(x) for the replica counts: a conversion instead of libm's call (the hot path of
 * every choice), the same value for any x below 2^53. */
static inline double fleet_ceil(double x)
{
	double t;

	if (!(x < 9007199254740992.0 && x > -9007199254740992.0))
		return ceil(x);
	t = (double)(int64_t)x;
	return t < x ? t + 1 : t;
}

/* A fleet of replicas serving replica_rate requests an hour each, priced
 * replica_usd an hour, for volume requests a month. Steady and business-hours fleets
 * are sized for the peak and stay up for the shape's hours; an autoscaled (bursty) one
 * follows the load with headroom, keeps one replica warm, and pays warm-up hours per
 * peak replica (costs.yaml, traffic). */
static inline struct fleet_sizing fleet_sizing_of(const struct traffic_shape *t, double gpu_count,
						  double replica_usd, double replica_rate, double requests)
{
	struct fleet_sizing z;
	double peak_rate = requests / t->hours * t->peak, replica_hours;

	z.replicas = fleet_ceil(peak_rate / replica_rate - 1e-9);
	if (z.replicas < 1)
		z.replicas = 1;
	if (t->autoscale) {
		double busy = requests / replica_rate * t->headroom;
		replica_hours = (busy > t->hours ? busy : t->hours) + z.replicas * t->cold_start_hours;
	} else {
		replica_hours = z.replicas * t->hours;
	}
	z.gpu_hours = replica_hours * gpu_count;
	z.capacity_requests = z.replicas * replica_rate * t->hours / t->peak;
	/* replica-hours × a replica's hourly price: no dearer when both are no larger
	 * (rounding is monotone), which candidates_prune relies on. */
	z.gpu_lease = replica_hours * replica_usd;
	return z;
}

struct fleet_sizing fleet_size(const struct cost_model *cm, const struct gpu *g, int64_t gpu_count,
			       double sec_per_request, int traffic, double requests)
{
	return fleet_sizing_of(&cm->traffic[traffic], (double)gpu_count,
			       (double)gpu_count * g->rates[RATE_ON_DEMAND].usd_per_hour, 3600.0 / sec_per_request,
			       requests);
}

struct fleet_rates fleet_rates_of(const struct engine *e, const struct answers *a)
{
	return (struct fleet_rates){
		.traffic = &e->c->cost.traffic[a->traffic],
		.hidden = e->c->cost.hidden[a->mlops],
		.tune_usd_per_param = finetune_monthly_per_param(e->c, a, e->train_gpu),
	};
}

double fleet_cost(const struct fleet_rates *r, const struct candidate *cd, double requests, struct plan *o)
{
	struct fleet_sizing z = fleet_sizing_of(r->traffic, (double)cd->gpu_count, cd->replica_usd_per_hour,
						cd->replica_rate, requests);
	const struct hidden_costs *h = &r->hidden[cd->size];
	struct cost_breakdown b = {
		.gpu_lease = z.gpu_lease, .engineering = h->engineering, .orchestration = h->orchestration,
		.monitoring = h->monitoring, .finetune = r->tune_usd_per_param * cd->active_params,
	};

	cost_sum(&b);
	if (o != NULL) {
		o->feasible = true;
		o->model = cd->model;
		o->gpu = cd->gpu;
		o->precision = cd->precision;
		o->gpu_count = cd->gpu_count;
		o->replicas = (int64_t)z.replicas;
		o->gpu_hours = z.gpu_hours;
		o->capacity_requests = z.capacity_requests;
		o->user_tokens_per_s = cd->user_tokens_per_s;
		o->cost = b;
	}
	return b.total;
}
