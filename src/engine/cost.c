/* cost.c — per-token charges, fleet sizing, hidden costs, fine-tuning compute. */
#include "cost.h"

#include <math.h>
#include <string.h>

void api_effective_prices(const struct api_price *p, const struct answers *a, double *in,
			  double *out)
{
	double discount = a->latency == LAT_BATCH ? p->batch_discount : 0;
	bool long_ctx = p->long_above > 0 && a->input_tokens > p->long_above;

	*in = (long_ctx ? p->long_input : p->input) * (1 - discount);
	*out = (long_ctx ? p->long_output : p->output) * (1 - discount);
}

double token_cost(double in_price, double out_price, const struct answers *a, double requests)
{
	return requests * ((double)a->input_tokens * in_price + (double)a->output_tokens * out_price) / 1e6;
}

double hidden_total(const struct cost_model *cm, int mlops, enum size_class size)
{
	const struct hidden_costs *h = &cm->hidden[mlops][size];
	return h->engineering + h->orchestration + h->monitoring;
}

struct hidden_costs hidden_costs_for(const struct cost_model *cm, int mlops, double params)
{
	return cm->hidden[mlops][size_class_of(cm, params)];
}

double fleet_replica_hours(const struct traffic_shape *t, double replica_rate, double requests,
			   double *replicas_out)
{
	return replica_hours_at(t, requests, requests / t->hours * t->peak, replica_rate, replicas_out);
}

void fleet_size(const struct cost_model *cm, const struct footprint *f, double sec_per_request,
		int traffic, double requests, struct plan *o)
{
	const struct traffic_shape *t = &cm->traffic[traffic];
	double replica_rate = 3600.0 / sec_per_request;          /* requests per replica-hour */
	double replicas, replica_hours = fleet_replica_hours(t, replica_rate, requests, &replicas);

	o->replicas = (int64_t)replicas;
	o->gpu_count = f->gpu_count;
	o->gpu_hours = replica_hours * (double)f->gpu_count;
	o->capacity_requests = replicas * replica_rate * t->hours / t->peak;
	o->cost.gpu_lease = o->gpu_hours * f->gpu->rates[RATE_ON_DEMAND].usd_per_hour;
}

const struct gpu *training_gpu(const struct catalog *c)
{
	const struct gpu *best = NULL;
	double best_cost = INFINITY;

	for (int i = 0; i < c->n_gpus; i++) {
		const struct gpu *g = &c->gpus[i];
		double tf = fmax(g->bf16_tflops, g->fp16_tflops);
		if (!g->rates[RATE_ON_DEMAND].present || g->kind != GPU_DATACENTER || tf <= 0 || g->memory_gb < 40)
			continue;
		if (g->rates[RATE_ON_DEMAND].usd_per_hour / tf < best_cost) {
			best_cost = g->rates[RATE_ON_DEMAND].usd_per_hour / tf;
			best = g;
		}
	}
	return best;
}

static bool tuning_asked(const struct answers *a)
{
	return (a->fine_tuning == FT_LORA || a->fine_tuning == FT_FULL) && a->finetune_tokens > 0 &&
	       a->finetune_cycles_per_year > 0;
}

/* GPU-hours of one run per active parameter on g. Training FLOPs ≈ 6 × params × tokens
 * (Kaplan et al. 2020); LoRA skips the weight gradients, ≈ 4 × params × tokens.
 * Factors in costs.yaml. */
static double hours_per_param(const struct cost_model *cm, const struct answers *a, const struct gpu *g)
{
	double factor = a->fine_tuning == FT_FULL ? cm->full_flops_factor : cm->lora_flops_factor;

	return factor * (double)a->finetune_tokens /
	       (fmax(g->bf16_tflops, g->fp16_tflops) * 1e12 * cm->finetune_mfu * 3600);
}

double finetune_usd_per_param(const struct catalog *c, const struct answers *a, const struct gpu *train)
{
	if (!tuning_asked(a) || train == NULL)
		return 0;
	return hours_per_param(&c->cost, a, train) * train->rates[RATE_ON_DEMAND].usd_per_hour *
	       (double)a->finetune_cycles_per_year / 12.0;
}

double finetune_monthly(const struct catalog *c, const struct answers *a, const struct model *m,
			struct finetune_estimate *est)
{
	const struct cost_model *cm = &c->cost;
	const struct gpu *g;
	bool full = a->fine_tuning == FT_FULL;

	memset(est, 0, sizeof *est);
	if (!tuning_asked(a) || m == NULL || !m->shape.present || (g = training_gpu(c)) == NULL)
		return 0;
	est->present = true;
	est->model = m;
	est->full = full;
	est->gpu = g;
	est->flops_per_run = (full ? cm->full_flops_factor : cm->lora_flops_factor) *
			     (double)m->shape.active_params * (double)a->finetune_tokens;
	est->gpu_hours_per_run = hours_per_param(cm, a, g) * (double)m->shape.active_params;
	est->usd_per_run = est->gpu_hours_per_run * g->rates[RATE_ON_DEMAND].usd_per_hour;
	/* The same product as the plans' finetune_usd_per_param × active params. */
	est->usd_per_month = finetune_usd_per_param(c, a, g) * (double)m->shape.active_params;
	est->seed_labour_low = cm->finetune_labour_usd[0];
	est->seed_labour_high = cm->finetune_labour_usd[1];
	return est->usd_per_month;
}

void cost_total(struct cost_breakdown *b)
{
	b->total = b->api + b->gpu_lease + b->engineering + b->orchestration + b->monitoring +
		   b->finetune;
}
