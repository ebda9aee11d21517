/* finetune.c — the compute of re-tuning a model as often as the answers say, spread
 * per month. Training FLOPs ≈ 6 × params × tokens (Kaplan et al. 2020); LoRA skips
 * the weight gradients, ≈ 4 × params × tokens; factors and utilisation in costs.yaml. */
#include <math.h>
#include <string.h>

#include "cost.h"

/* One GPU-hour of g on the basis (owned: its month spread over the hours); NAN when
 * g has no price on it. */
static double finetune_gpu_hour(const struct catalog *c, const struct gpu *g, int basis)
{
	double hardware, facility;

	if (basis == BASIS_OWNED)
		return fleet_owned_gpu_month(&c->cost, g, &hardware, &facility)
		       ? (hardware + facility) / c->cost.hours_per_month : NAN;
	return g->rates[basis].present ? g->rates[basis].usd_per_hour : NAN;
}

const struct gpu *finetune_gpu(const struct catalog *c, int basis)
{
	const struct gpu *best = NULL;
	double best_cost = INFINITY;

	for (int i = 0; i < c->n_gpus; i++) {
		const struct gpu *g = &c->gpus[i];
		double tf = fmax(g->bf16_tflops, g->fp16_tflops), usd = finetune_gpu_hour(c, g, basis);
		if (isnan(usd) || g->kind != GPU_DATACENTER || tf <= 0 || g->memory_gb < 40)
			continue;
		if (usd / tf < best_cost) {
			best_cost = usd / tf;
			best = g;
		}
	}
	return best;
}

static bool finetune_asked(const struct answers *a)
{
	return (a->fine_tuning == FT_LORA || a->fine_tuning == FT_FULL) && a->finetune_tokens > 0 &&
	       a->finetune_cycles_per_year > 0;
}

/* GPU-hours of one run per active parameter on g. */
static double finetune_hours_per_param(const struct cost_model *cm, const struct answers *a, const struct gpu *g)
{
	double factor = a->fine_tuning == FT_FULL ? cm->full_flops_factor : cm->lora_flops_factor;

	return factor * (double)a->finetune_tokens /
	       (fmax(g->bf16_tflops, g->fp16_tflops) * 1e12 * cm->finetune_mfu * 3600);
}

double finetune_monthly_per_param(const struct catalog *c, const struct answers *a)
{
	return finetune_gpu_monthly_per_param(c, a, finetune_asked(a) ? finetune_gpu(c, fleet_basis(a)) : NULL);
}

double finetune_gpu_monthly_per_param(const struct catalog *c, const struct answers *a, const struct gpu *train)
{
	if (!finetune_asked(a) || train == NULL)
		return 0;
	return finetune_hours_per_param(&c->cost, a, train) * finetune_gpu_hour(c, train, fleet_basis(a)) *
	       (double)a->finetune_cycles_per_year / 12.0;
}

double finetune_labour_monthly(const struct catalog *c, const struct answers *a)
{
	const double *labour = c->cost.finetune_labour_usd;

	if (a->fine_tuning == FT_NONE || a->finetune_cycles_per_year <= 0)
		return 0;
	return (labour[0] + labour[1]) / 2 * (double)a->finetune_cycles_per_year / 12.0;
}

double finetune_monthly(const struct catalog *c, const struct answers *a, const struct model *m)
{
	if (m == NULL || !m->shape.present)
		return 0;
	return finetune_monthly_per_param(c, a) * (double)m->shape.active_params;
}

void finetune_estimate(const struct catalog *c, const struct answers *a, const struct model *m,
		       struct finetune_estimate *est)
{
	const struct cost_model *cm = &c->cost;
	const struct gpu *g = finetune_gpu(c, fleet_basis(a));
	bool full = a->fine_tuning == FT_FULL;
	double bytes = full ? cm->full_bytes_per_param : cm->lora_bytes_per_param;

	memset(est, 0, sizeof *est);
	if (!finetune_asked(a) || m == NULL || !m->shape.present || g == NULL)
		return;
	est->present = true;
	est->model = m;
	est->full = full;
	est->gpu = g;
	est->flops_per_run = (full ? cm->full_flops_factor : cm->lora_flops_factor) *
			     (double)m->shape.active_params * (double)a->finetune_tokens;
	est->gpu_hours_per_run = finetune_hours_per_param(cm, a, g) * (double)m->shape.active_params;
	est->usd_per_run = est->gpu_hours_per_run * finetune_gpu_hour(c, g, fleet_basis(a));
	est->usd_per_month = finetune_monthly(c, a, m);
	est->labour_per_month = finetune_labour_monthly(c, a);
	/* Memory: every parameter (all experts) held at bytes each, on GPUs' usable memory. */
	est->bytes_needed = bytes * (double)m->shape.params;
	est->min_gpus = (int64_t)ceil(est->bytes_needed /
				      (g->memory_gb * 1e9 * (g->usable_fraction > 0 ? g->usable_fraction : cm->usable_fraction)));
	est->seed_labour_low = cm->finetune_labour_usd[0];
	est->seed_labour_high = cm->finetune_labour_usd[1];
}
