/* fleet.c — a self-hosted fleet at a volume: replicas for the traffic's peak, what
 * its GPUs cost on the price basis (rented by the hour, reserved, spot, or bought
 * and housed), and the hidden costs of running it, which grow with the fleet. */
#include <math.h>
#include <string.h>

#include "cost.h"
#include "engine.h"

int fleet_basis(const struct answers *a)
{
	/* Nothing can be rented into an air gap: its GPUs are bought, powered and housed. */
	return a->privacy == PRIV_AIRGAPPED ? BASIS_OWNED : a->gpu_pricing;
}

bool fleet_owned_gpu_month(const struct cost_model *cm, const struct gpu *g, double *hardware, double *facility)
{
	const struct owned_costs *o = &cm->owned;
	double it_kw;

	if (!g->has_purchase || g->power_w <= 0)
		return false;
	it_kw = g->power_w / 1000 * o->host_power_factor;
	*hardware = g->purchase_usd * (1 + o->host_fraction) * (1 + o->capex_overhead) / (o->years * 12);
	*facility = it_kw * o->pue * o->usd_per_kwh * cm->hours_per_month + it_kw * o->colocation_usd_per_kw_month;
	return true;
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

/* GPUs an owned fleet buys at a time: a datacenter GPU's server (costs.yaml, owned),
 * a workstation card alone; rented GPUs are paid one by one. */
static double fleet_server_gpus(int basis, const struct gpu *g)
{
	return basis == BASIS_OWNED && g->kind == GPU_DATACENTER && g->max_per_node > 1 ? (double)g->max_per_node : 1;
}

static inline struct fleet_sizing fleet_sizing_of(const struct cost_model *cm, int traffic, int basis, double peak,
						  double gpu_count, double replica_rate, double requests, double spares,
						  double server_gpus)
{
	const struct traffic_shape *t = &cm->traffic[traffic];
	double peak_rate = requests / t->hours * peak;
	struct fleet_sizing z = { 0 };

	z.replicas = fleet_ceil(peak_rate / replica_rate - 1e-9);
	if (z.replicas < 1)
		z.replicas = 1;
	z.spares = spares;
	z.replicas += spares;   /* up beside the peak's, for failures and rolling upgrades */
	z.gpus_bought = z.replicas * gpu_count;
	if (basis == BASIS_OWNED)   /* whole servers, however many of their GPUs are used */
		z.gpus_bought = fleet_ceil(z.gpus_bought / server_gpus - 1e-9) * server_gpus;
	if (basis == BASIS_RESERVED || basis == BASIS_OWNED) {
		/* Committed or bought: every hour of the month is paid, whatever the load. */
		z.replica_hours = z.gpus_bought / gpu_count * cm->hours_per_month;
	} else {
		/* Rented by the hour: up for the shape's hours, or autoscaled (busy hours with
		 * the scale-up margin, one replica up at least, warm-up per peak replica; the
		 * spares stay up), whichever a team would pay less for. */
		double up = z.replicas * t->hours;
		double busy = requests / replica_rate * t->headroom;
		double scaled = (busy > t->hours ? busy : t->hours) + (z.replicas - spares) * t->cold_start_hours +
				spares * t->hours;
		z.autoscaled = scaled < up;
		z.replica_hours = z.autoscaled ? scaled : up;
	}
	z.gpus = z.replicas * gpu_count;
	z.gpu_hours = z.replica_hours * gpu_count;
	return z;
}

/* What a fleet sized as z serves a month: its replicas but the spares at the peak's
 * share of the load. */
static double fleet_capacity(const struct cost_model *cm, int traffic, double peak, const struct fleet_sizing *z,
			     double replica_rate)
{
	return (z->replicas - z->spares) * replica_rate * cm->traffic[traffic].hours / peak;
}

struct fleet_sizing fleet_size(const struct cost_model *cm, int traffic, int basis, double peak_factor,
			       double gpu_count, double replica_rate, double requests, double spares)
{
	double peak = cm->traffic[traffic].peak * peak_factor;
	struct fleet_sizing z = fleet_sizing_of(cm, traffic, basis, peak, gpu_count, replica_rate, requests, spares, 1);

	z.capacity_requests = fleet_capacity(cm, traffic, peak, &z, replica_rate);
	return z;
}

static inline void fleet_hidden_of(const struct cost_model *cm, int mlops, enum size_class size, double gpus,
				   int traffic, struct cost_breakdown *b)
{
	const struct hidden_costs *h = &cm->hidden[mlops][size];
	double beyond_node = gpus > (double)cm->node_size ? gpus - (double)cm->node_size : 0;
	double by_fleet = gpus / cm->gpus_per_fte[mlops] * cm->fte_usd_month;

	b->engineering = by_fleet > h->engineering ? by_fleet : h->engineering;
	b->orchestration = h->orchestration + cm->orchestration_per_gpu * beyond_node;
	b->monitoring = h->monitoring + cm->monitoring_per_gpu * beyond_node;
	/* A fleet up at night and at weekends needs someone on call for GPU failures. */
	b->on_call = traffic == TRAFFIC_BUSINESS ? 0
		   : cm->on_call_fte * fleet_ceil(gpus / cm->gpus_per_on_call) * cm->fte_usd_month;
}

void fleet_hidden(const struct cost_model *cm, int mlops, double params, double gpus, int traffic,
		  struct cost_breakdown *b)
{
	fleet_hidden_of(cm, mlops, size_class_of(cm, params), gpus, traffic, b);
}

struct fleet_rates fleet_rates_of(const struct engine *e, const struct answers *a)
{
	const struct cost_model *cm = &e->c->cost;
	const struct traffic_shape *t = &cm->traffic[a->traffic];
	int basis = fleet_basis(a);
	bool committed = basis == BASIS_RESERVED || basis == BASIS_OWNED;
	struct fleet_rates r = {
		.cm = cm,
		.mlops = a->mlops,
		.traffic = a->traffic,
		.basis = basis,
		.tune_usd_per_param = finetune_gpu_monthly_per_param(e->c, a, e->train_gpu[basis]),
		.tune_labour = finetune_labour_monthly(e->c, a),
		/* fleet_floor's terms: the least replica-hours one replica is paid for, and
		 * replica-hours per request-hour of work at the least (peak or headroom). */
		.gpu_price = e->what_if.gpu_price,
		.hidden = e->what_if.hidden,
		.peak = t->peak * e->what_if.peak,
		.floor_hours = committed ? cm->hours_per_month : t->hours,
		.spares = (double)a->spare_replicas,
	};

	r.floor_per_request = committed ? r.peak * cm->hours_per_month / t->hours : fmin(r.peak, t->headroom);
	for (int s = 0; s < SIZE_COUNT; s++) {
		const struct hidden_costs *h = &cm->hidden[a->mlops][s];
		r.floor_fixed[s] = (h->engineering + h->orchestration + h->monitoring +
				    (a->traffic == TRAFFIC_BUSINESS ? 0 : cm->on_call_fte * cm->fte_usd_month)) * r.hidden +
				   r.tune_labour;
	}
	return r;
}


double fleet_cost(const struct fleet_rates *r, const struct candidate *cd, double requests, struct plan *o)
{
	struct fleet_sizing z = fleet_sizing_of(r->cm, r->traffic, r->basis, r->peak, (double)cd->gpu_count,
						cd->replica_rate, requests, r->spares, fleet_server_gpus(r->basis, cd->gpu));
	struct cost_breakdown b = { .finetune = r->tune_usd_per_param * cd->active_params,
				    .finetune_labour = r->tune_labour };
	double gpus_cost = z.replica_hours * cd->replica_usd_per_hour[r->basis] * r->gpu_price;

	if (r->basis == BASIS_OWNED) {
		b.facility = z.replica_hours * cd->replica_facility_usd_per_hour * r->gpu_price;
		b.hardware = gpus_cost - b.facility;
	} else {
		b.gpu_lease = gpus_cost;
	}
	fleet_hidden_of(r->cm, r->mlops, cd->size, z.gpus, r->traffic, &b);
	if (r->hidden != 1) {
		b.engineering *= r->hidden;
		b.on_call *= r->hidden;
		b.orchestration *= r->hidden;
		b.monitoring *= r->hidden;
	}
	cost_sum(&b);
	if (o != NULL) {
		o->feasible = true;
		candidate_replica(cd, o);
		o->replicas = (int64_t)z.replicas;
		o->gpus_bought = (int64_t)z.gpus_bought;
		o->gpu_hours = z.gpu_hours;
		o->capacity_requests = fleet_capacity(r->cm, r->traffic, r->peak, &z, cd->replica_rate);
		o->spare_replicas = (int64_t)z.spares;
		o->basis = (enum price_basis)r->basis;
		o->autoscaled = z.autoscaled;
		o->cost = b;
	}
	return b.total;
}
