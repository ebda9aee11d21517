/* candidates.c — the ways to self-host that the plans choose among: every open model
 * sized (footprint.c) on every priced server GPU, and on every edge device, at each
 * precision some task allows; on a server GPU, where the memory stops the batch, the
 * wider replicas that serve more a GPU too. Nothing is pruned: plans.c's one
 * comparator picks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "cost.h"
#include "pick.h"
#include "util.h"

struct request_shape candidates_shape_of(const struct catalog *c, const struct answers *a)
{
	const struct latency_target *t = &c->cost.latency[a->latency];

	return (struct request_shape){
		.input_tokens = a->input_tokens, .output_tokens = a->output_tokens,
		.longest = answers_longest(a),
		.ttft_ms = a->ttft_ms > 0 ? (double)a->ttft_ms : t->ttft_ms,
		.tokens_per_s_per_user = a->tokens_per_s_per_user > 0 ? (double)a->tokens_per_s_per_user
								       : t->tokens_per_s_per_user,
	};
}

bool candidates_shape_equal(const struct request_shape *x, const struct request_shape *y)
{
	return x->input_tokens == y->input_tokens && x->output_tokens == y->output_tokens &&
	       x->longest == y->longest && x->ttft_ms == y->ttft_ms &&
	       x->tokens_per_s_per_user == y->tokens_per_s_per_user;
}


/* Precisions a task allows model m in; on a device quantisation is how a model fits
 * at all. The precision a vendor publishes the weights in (gpt-oss: MXFP4 experts,
 * trained so) is the model itself, not a quantisation of it: every task allows it. */
static uint32_t candidate_precisions(const struct catalog *c, const struct model *m, int task, bool edge)
{
	uint32_t p = c->policy.precisions[task];

	if (edge)
		p |= 1u << PREC_INT4 | 1u << PREC_INT8;
	if (m->shape.present && m->shape.lay.native_precision >= 0)
		p |= 1u << m->shape.lay.native_precision;
	return p;
}

/* Precisions some task allows model m in. */
static uint32_t candidate_any_precision(const struct catalog *c, const struct model *m, bool edge)
{
	uint32_t p = 0;

	for (int t = 0; t < TASK_COUNT; t++)
		p |= candidate_precisions(c, m, t, edge);
	return p;
}

/* The sizing alone, without the words. */
static void candidate_fit(const struct catalog *c, const struct request_shape *shape, const struct model *m,
			  const struct gpu *g, enum precision p, int64_t min_tp, struct footprint *f)
{
	struct serving sv = {
		.input_tokens = shape->input_tokens, .output_tokens = shape->output_tokens,
		.context_tokens = shape->longest,
		.ttft_ms = shape->ttft_ms, .tokens_per_s_per_user = shape->tokens_per_s_per_user,
		.batch_cap = g->kind == GPU_EDGE ? 1 : 0,   /* a device serves its own user */
		.min_tp = min_tp,
		.kv_precision = -1,
	};

	footprint_size(&c->cost, m, g, p, &sv, f);
}

void candidate_footprint(const struct catalog *c, const struct request_shape *shape, const struct model *m,
			 const struct gpu *g, enum precision p, int64_t min_tp, struct footprint *f)
{
	candidate_fit(c, shape, m, g, p, min_tp, f);
	footprint_explain(f);
}

void candidate_replica(const struct candidate *cd, struct plan *o)
{
	o->model = cd->model;
	o->gpu = cd->gpu;
	o->precision = cd->precision;
	o->gpu_count = cd->gpu_count;
	o->tensor_parallel = cd->tensor_parallel;
	o->user_tokens_per_s = cd->user_tokens_per_s;
	o->batch = cd->batch;
	o->ttft_ms = cd->ttft_ms;
}

void candidate_price(const struct catalog *c, struct candidate *cd)
{
	double hardware, facility, gpus = (double)cd->gpu_count;

	for (int b = 0; b < RATE_COUNT; b++)
		cd->replica_usd_per_hour[b] = cd->gpu->rates[b].present ? gpus * cd->gpu->rates[b].usd_per_hour : NAN;
	cd->replica_usd_per_hour[BASIS_OWNED] = cd->replica_facility_usd_per_hour = NAN;
	if (cd->gpu->kind != GPU_EDGE && fleet_owned_gpu_month(&c->cost, cd->gpu, &hardware, &facility)) {
		/* An owned GPU costs the same every hour of the month. */
		cd->replica_usd_per_hour[BASIS_OWNED] = gpus * (hardware + facility) / c->cost.hours_per_month;
		cd->replica_facility_usd_per_hour = gpus * facility / c->cost.hours_per_month;
	}
}

/* The GPU can be paid for on some basis: a rental rate, or a purchase price and power. */
static bool candidate_gpu_priced(const struct catalog *c, const struct gpu *g)
{
	double hardware, facility;

	for (int b = 0; b < RATE_COUNT; b++)
		if (g->rates[b].present)
			return true;
	return fleet_owned_gpu_month(&c->cost, g, &hardware, &facility);
}

/* Weights at 16 bits run as bf16 on a GPU that has it (the format current checkpoints
 * ship in, without fp16's overflow risk); fp16 only where bf16 is missing (T4). At 8
 * bits, fp8 where the GPU has fp8 units (the FP8 checkpoints TensorRT-LLM, vLLM and
 * SGLang serve; prefill runs on those units), int8 weight-only only where it has not. */
static bool candidate_precision_served(const struct gpu *g, enum precision p)
{
	return !(p == PREC_FP16 && g->bf16_tflops > 0) && !(p == PREC_INT8 && g->fp8_tflops > 0);
}

/* The tasks whose policy allows m at precision p on the GPU (bit per task). */
static uint32_t candidate_tasks(const struct catalog *c, const struct model *m, const struct gpu *g,
				enum precision p)
{
	uint32_t t = 0;

	for (int k = 0; k < TASK_COUNT; k++)
		if (candidate_precisions(c, m, k, g->kind == GPU_EDGE) & 1u << p)
			t |= 1u << k;
	return t;
}

/* Size m on g at p, tensor parallelism at least min_tp wide, into cd and *f; false
 * when it does not run there. */
static bool candidate_size(const struct catalog *c, const struct request_shape *shape, const struct model *m,
			   const struct gpu *g, enum precision p, int64_t min_tp, struct candidate *cd,
			   struct footprint *f)
{
	candidate_fit(c, shape, m, g, p, min_tp, f);
	if (!f->feasible)
		return false;
	*cd = (struct candidate){
		.model = m, .gpu = g, .precision = p, .gpu_count = f->gpu_count,
		.tensor_parallel = f->tensor_parallel,
		.sec_per_request = footprint_seconds_per_request(f),
		.user_tokens_per_s = f->tokens_per_s_per_user,
		.batch = f->batch,
		.ttft_ms = f->ttft_ms,
		.size = size_class_of(&c->cost, (double)m->shape.params),
		.tier = m->quality_tier,
		.active_params = (double)m->shape.active_params,
		.mau_capped = candidate_mau_capped(m->licence),
		.noncommercial = !m->licence->commercial,
		.tasks = candidate_tasks(c, m, g, p),
	};
	cd->replica_rate = 3600.0 / cd->sec_per_request;
	candidate_price(c, cd);
	return isfinite(cd->sec_per_request) && cd->sec_per_request > 0;
}

/* The replicas of m on g at p worth pricing, into cds (at most LAYOUTS_MAX); returns
 * how many. First the narrowest that runs; then, while the memory stops a replica's
 * batch, the replica twice as wide when it serves more requests a GPU: each GPU holds
 * a smaller share of the weights and so more sequences (llama-3.1-405b fp8 on 4 H200s
 * batches 111; on 8, 1,018: 1.29x the requests a GPU). The plans weigh both: the
 * narrow one costs less at a volume one replica serves. */
static int candidate_layouts(const struct catalog *c, const struct request_shape *shape, const struct model *m,
			     const struct gpu *g, enum precision p, struct candidate cds[LAYOUTS_MAX])
{
	struct footprint f;
	int n = 0;

	/* weights that fit no layout of g, or a window too short: skip the sizing (the
	 * same answer, sooner) */
	if (m->context_tokens < shape->longest || !footprint_may_fit(&c->cost, m, g, p) ||
	    !candidate_size(c, shape, m, g, p, 1, &cds[0], &f))
		return 0;
	for (n = 1; n < LAYOUTS_MAX && f.limited_by == LIMIT_MEMORY && f.pipeline_stages == 1; n++) {
		const struct candidate *narrow = &cds[n - 1];
		if (!candidate_size(c, shape, m, g, p, narrow->tensor_parallel * 2, &cds[n], &f) ||
		    f.pipeline_stages > 1 ||
		    cds[n].replica_rate / (double)cds[n].gpu_count <= narrow->replica_rate / (double)narrow->gpu_count)
			break;
	}
	return n;
}

/* Room for one more candidate in set (grown by doubling). */
static struct candidate *candidate_slot(struct candidate_set *set)
{
	int n = set->n;

	if (n == 0 || (n >= 16 && (n & (n - 1)) == 0))
		set->c = xreallocarray(set->c, n == 0 ? 16 : (size_t)n * 2, sizeof *set->c);
	return &set->c[n];
}

/* Append m's candidates on the GPUs of one kind (edge or not) to their sets. */
static void candidates_of_model(const struct catalog *c, const struct request_shape *shape, const struct model *m,
				bool edge, struct candidates *out, int *order)
{
	uint32_t precs = candidate_any_precision(c, m, edge);

	for (int gi = 0; gi < c->n_gpus; gi++) {
		const struct gpu *g = &c->gpus[gi];
		if ((g->kind == GPU_EDGE) != edge || (!edge && !candidate_gpu_priced(c, g)))
			continue;
		for (int p = 0; p < PREC_COUNT; p++) {
			struct candidate cds[LAYOUTS_MAX];
			int n;
			if (!(precs & 1u << p) || !candidate_precision_served(g, (enum precision)p))
				continue;
			n = candidate_layouts(c, shape, m, g, (enum precision)p, cds);
			for (int i = 0; i < n; i++) {
				struct candidate_set *set;
				if (edge && cds[i].gpu_count != 1)   /* a device is one device */
					continue;
				set = &out->set[edge ? CLASS_EDGE : cds[i].gpu_count == 1 ? CLASS_SINGLE : CLASS_MULTI];
				cds[i].order = (*order)++;
				*candidate_slot(set) = cds[i];
				set->n++;
			}
		}
	}
}

/* Each managed offer's model on its provider's dedicated GPU (fine-tuned serving),
 * at every precision a task allows, priced at the provider's rate. */
static void candidates_dedicated(const struct catalog *c, const struct request_shape *shape, struct candidate_set *set)
{
	int n_offers = 0, order = 0;

	for (int i = 0; i < c->n_providers; i++)
		n_offers += c->providers[i].n_offers;
	set->first = xcalloc((size_t)n_offers + 1, sizeof *set->first);
	set->count = xcalloc((size_t)n_offers + 1, sizeof *set->count);
	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		for (int j = 0; j < p->n_offers; j++, order++) {
			const struct model *m = p->offers[j].model;
			uint32_t precs = candidate_any_precision(c, m, false);
			set->first[order] = set->n;
			for (int pr = 0; p->dedicated.present && m->shape.present && pr < PREC_COUNT; pr++) {
				struct candidate cds[LAYOUTS_MAX];
				int n;
				if (!(precs & 1u << pr) || !candidate_precision_served(p->dedicated.gpu, (enum precision)pr))
					continue;
				n = candidate_layouts(c, shape, m, p->dedicated.gpu, (enum precision)pr, cds);
				for (int k = 0; k < n; k++) {
					struct candidate *cd = candidate_slot(set);
					*cd = cds[k];
					for (int b = 0; b < BASIS_COUNT; b++)
						cd->replica_usd_per_hour[b] = NAN;
					cd->replica_usd_per_hour[BASIS_ON_DEMAND] =
						(double)cd->gpu_count * p->dedicated.usd_per_gpu_hour;
					cd->order = set->n;
					set->n++;
				}
			}
			set->count[order] = set->n - set->first[order];
		}
	}
}

void candidates_build(const struct catalog *c, const struct request_shape *shape, struct candidates *out)
{
	int order = 0;

	memset(out, 0, sizeof *out);
	for (int k = 0; k < CLASS_COUNT; k++) {
		out->set[k].first = xcalloc((size_t)c->n_models + 1, sizeof *out->set[k].first);
		out->set[k].count = xcalloc((size_t)c->n_models + 1, sizeof *out->set[k].count);
	}
	for (int mi = 0; mi < c->n_models; mi++) {
		const struct model *m = &c->models[mi];
		for (int k = 0; k < CLASS_COUNT; k++)
			out->set[k].first[mi] = out->set[k].n;
		if (model_is_open(m)) {
			candidates_of_model(c, shape, m, false, out, &order);
			if ((double)m->shape.params <= c->cost.edge_max_params_b * 1e9)
				candidates_of_model(c, shape, m, true, out, &order);
		}
		for (int k = 0; k < CLASS_COUNT; k++)
			out->set[k].count[mi] = out->set[k].n - out->set[k].first[mi];
	}
	candidates_dedicated(c, shape, &out->dedicated);
}

const struct candidate *candidates_run(const struct candidate_set *set, int i, int *n)
{
	*n = set->count[i];
	return *n > 0 ? set->c + set->first[i] : NULL;
}

static void candidates_set_free(struct candidate_set *set)
{
	free(set->c);
	free(set->first);
	free(set->count);
}

void candidates_free(struct candidates *cs)
{
	for (int k = 0; k < CLASS_COUNT; k++)
		candidates_set_free(&cs->set[k]);
	candidates_set_free(&cs->dedicated);
	memset(cs, 0, sizeof *cs);
}
