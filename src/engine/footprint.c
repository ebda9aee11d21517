/* footprint.c — memory and throughput of one replica, from first principles.
 *
 * Formulas (DESIGN.md "The footprint model"; constants in costs.yaml):
 *   weights  = params × bytes/param; quantised weights keep the embedding table and
 *              output head in 16 bits and add group scales (int4: + scale_bytes/group).
 *   KV/token = 2 × layers × kv_heads × head_dim × kv_bytes   (MLA: layers × (latent+rope) × kv_bytes)
 *   per GPU  = weights/(TP×PP) + KV/(min(TP, kv_heads)×PP) + overhead ≤ memory × usable fraction
 *   decode   : step = (weights read/TP + KV read/min(TP, kv_heads)) ÷ (bandwidth × efficiency)
 *              + tensor-parallel all-reduces ÷ interconnect bandwidth
 *   prefill  : tokens/s = GPUs × peak FLOPs × efficiency ÷ (2 × active params)
 */
#include "footprint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool is_quantised(enum precision p)
{
	return p == PREC_FP8 || p == PREC_INT8 || p == PREC_INT4;
}

/* Bytes per quantised weight, with int4's per-group fp16 scale (AWQ/GPTQ, group 128). */
static double quant_bytes(const struct cost_model *cm, enum precision p)
{
	double b = cm->bytes_per_param[p];
	if (p == PREC_INT4)
		b += cm->int4_scale_bytes / cm->int4_group_size;
	return b;
}

static double bytes_of(const struct cost_model *cm, const struct shape *s, double params,
		       enum precision p)
{
	double emb;

	if (!is_quantised(p))
		return params * cm->bytes_per_param[p];
	emb = cm->quant_keeps_embeddings_16bit ? (double)shape_embedding_params(s) : 0;
	if (emb > params)
		emb = params;
	return (params - emb) * quant_bytes(cm, p) + emb * cm->bytes_per_param[PREC_BF16];
}

double weights_bytes(const struct cost_model *cm, const struct model *m, enum precision p)
{
	return bytes_of(cm, &m->shape, (double)m->shape.params, p);
}

double kv_bytes_per_token(const struct cost_model *cm, const struct model *m)
{
	const struct shape *s = &m->shape;

	if (s->attention == ATTN_MLA)
		return (double)s->layers * (double)(s->kv_lora_rank + s->qk_rope_head_dim) * cm->kv_bytes;
	return 2.0 * (double)s->layers * (double)s->kv_heads * (double)s->head_dim * cm->kv_bytes;
}

bool gpu_supports(const struct gpu *g, enum precision p, const char **why)
{
	*why = NULL;
	if (p == PREC_BF16 && g->bf16_tflops <= 0)
		*why = "has no bf16 support (use fp16)";
	else if (p == PREC_FP8 && g->fp8_tflops <= 0)
		*why = "has no fp8 support";
	return *why == NULL;
}

/* Peak dense FLOPs for prefill: weight-only int8/int4 kernels compute in 16-bit. */
static double peak_tflops(const struct gpu *g, enum precision p)
{
	if (p == PREC_FP8)
		return g->fp8_tflops;
	if (p == PREC_BF16)
		return g->bf16_tflops;
	return g->bf16_tflops > g->fp16_tflops ? g->bf16_tflops : g->fp16_tflops;
}

static double usable_bytes(const struct cost_model *cm, const struct gpu *g)
{
	double frac = g->usable_fraction > 0 ? g->usable_fraction : cm->usable_fraction;
	return g->memory_gb * 1e9 * frac;
}

/* KV heads each GPU holds a share of: GQA splits heads across TP (replicating when
 * TP exceeds them); MLA's latent is not split by heads. */
static double kv_split(const struct model *m, int64_t tp)
{
	if (m->shape.attention == ATTN_MLA)
		return 1;
	return (double)(tp < m->shape.kv_heads ? tp : m->shape.kv_heads);
}

static double per_gpu_need(const struct cost_model *cm, const struct footprint *f, int64_t tp,
			   int64_t pp)
{
	return f->weights_bytes / (double)(tp * pp) +
	       f->kv_bytes / (kv_split(f->model, tp) * (double)pp) + cm->overhead_gb * 1e9;
}

static int64_t node_gpus(const struct cost_model *cm, const struct gpu *g)
{
	return g->max_per_node < cm->node_size ? g->max_per_node : cm->node_size;
}

static int64_t max_stages(const struct gpu *g)
{
	return g->kind == GPU_EDGE ? 1 : 16;
}

/* The widest tensor parallelism choose_layout can use: a power of two dividing the
 * heads, at most a node. */
static int64_t widest_tp(const struct cost_model *cm, const struct model *m, const struct gpu *g)
{
	int64_t node = node_gpus(cm, g), tp = 1;

	while (tp * 2 <= node && m->shape.heads % (tp * 2) == 0)
		tp *= 2;
	return tp;
}

bool footprint_may_fit(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p)
{
	const char *why;
	double most = (double)(widest_tp(cm, m, g) * max_stages(g));

	return gpu_supports(g, p, &why) &&
	       weights_bytes(cm, m, p) / most + cm->overhead_gb * 1e9 <= usable_bytes(cm, g);
}

/* Choose the smallest TP × PP that fits: TP a power of two dividing the heads, at
 * most a node; pipeline stages only once a whole node is not enough. */
static void choose_layout(const struct cost_model *cm, struct footprint *f)
{
	int64_t node = node_gpus(cm, f->gpu);
	int64_t max_pp = max_stages(f->gpu);
	int64_t best_tp = 0;

	for (int64_t tp = 1; tp <= node; tp *= 2) {
		if (f->model->shape.heads % tp != 0)
			break;
		best_tp = tp;
		if (per_gpu_need(cm, f, tp, 1) <= f->gpu_usable_bytes) {
			f->tensor_parallel = tp;
			f->pipeline_stages = 1;
			return;
		}
	}
	for (int64_t pp = 2; best_tp > 0 && pp <= max_pp; pp++) {
		if (per_gpu_need(cm, f, best_tp, pp) <= f->gpu_usable_bytes) {
			f->tensor_parallel = best_tp;
			f->pipeline_stages = pp;
			return;
		}
	}
	f->tensor_parallel = best_tp > 0 ? best_tp : 1;
	f->pipeline_stages = max_pp;
	snprintf(f->why_not, sizeof f->why_not,
		 "does not fit: %.0f GB of weights need more than %lld x %s",
		 f->weights_bytes / 1e9, (long long)(f->tensor_parallel * max_pp), f->gpu->id);
}

/* Bytes of weights one decode step streams: MoE reads only the experts its batch routes to. */
static double weights_read_per_step(const struct cost_model *cm, const struct footprint *f,
				    int64_t batch)
{
	const struct shape *s = &f->model->shape;
	double active, touched;

	if (s->experts == 0)
		return f->weights_bytes;
	active = bytes_of(cm, s, (double)s->active_params, f->precision);
	touched = (double)batch * (double)s->experts_per_token / (double)s->experts;
	if (touched > 1)
		touched = 1;
	return active + (f->weights_bytes - active) * touched;
}

/* Tensor parallelism all-reduces the activations twice a layer (after attention and
 * after the MLP); a ring all-reduce moves 2(TP-1)/TP of the message per GPU
 * (Megatron-LM, Shoeybi et al. 2019). Over PCIe this is not free. */
static double allreduce_seconds(const struct cost_model *cm, const struct footprint *f, int64_t batch)
{
	double tp = (double)f->tensor_parallel, bytes;

	if (f->tensor_parallel <= 1 || f->gpu->interconnect_gbs <= 0)
		return 0;
	bytes = 2.0 * (double)f->model->shape.layers * (double)batch * (double)f->model->shape.hidden *
		cm->bytes_per_param[PREC_BF16] * 2.0 * (tp - 1) / tp;
	return bytes / (f->gpu->interconnect_gbs * 1e9);
}

static double decode_rate(const struct cost_model *cm, const struct footprint *f, int64_t batch,
			  int64_t context)
{
	double bw = f->gpu->bandwidth_gbs * 1e9 * cm->decode_efficiency;
	double kv_read = (double)batch * (double)context * f->kv_bytes_per_token;
	double step = weights_read_per_step(cm, f, batch) / (double)f->tensor_parallel / bw +
		      kv_read / kv_split(f->model, f->tensor_parallel) / bw +
		      allreduce_seconds(cm, f, batch);
	return (double)batch / step;
}

/* Sequences of f->context tokens that fit beside the weights on every GPU. */
static int64_t batch_fit(const struct cost_model *cm, const struct footprint *f)
{
	double free_gpu = f->gpu_usable_bytes - f->weights_bytes / (double)f->gpu_count -
			  cm->overhead_gb * 1e9;
	double kv_seq = (double)f->context * f->kv_bytes_per_token /
			(kv_split(f->model, f->tensor_parallel) * (double)f->pipeline_stages);

	return free_gpu > 0 && kv_seq > 0 ? (int64_t)floor(free_gpu / kv_seq) : 0;
}

static void throughput(const struct cost_model *cm, struct footprint *f)
{
	double eff = f->gpu->prefill_efficiency > 0 ? f->gpu->prefill_efficiency : cm->prefill_efficiency;
	double flops = peak_tflops(f->gpu, f->precision) * 1e12 * eff;

	f->decode_tokens_per_s = decode_rate(cm, f, f->batch, f->context);
	f->decode_tokens_per_s_single = decode_rate(cm, f, 1, f->context);
	f->prefill_tokens_per_s = flops * (double)f->gpu_count /
				  (2.0 * (double)f->model->shape.active_params);
	f->max_batch_fit = batch_fit(cm, f);
}

/* Everything but the throughput: weights, KV, and the GPUs one replica needs. */
static void layout(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		   enum precision p, int64_t batch, int64_t context, struct footprint *f)
{
	const char *why;

	memset(f, 0, sizeof *f);
	f->model = m;
	f->gpu = g;
	f->precision = p;
	f->batch = batch;
	f->context = context;
	f->weights_bytes = weights_bytes(cm, m, p);
	f->kv_bytes_per_token = kv_bytes_per_token(cm, m);
	f->kv_bytes = (double)batch * (double)context * f->kv_bytes_per_token;
	f->gpu_usable_bytes = usable_bytes(cm, g);
	if (!gpu_supports(g, p, &why)) {
		snprintf(f->why_not, sizeof f->why_not, "%s %s", g->id, why);
		f->tensor_parallel = f->pipeline_stages = f->gpu_count = 1;
	} else {
		choose_layout(cm, f);
		f->gpu_count = f->tensor_parallel * f->pipeline_stages;
		f->feasible = f->why_not[0] == '\0';
	}
	f->overhead_bytes = cm->overhead_gb * 1e9 * (double)f->gpu_count;
	f->total_bytes = f->weights_bytes + f->kv_bytes + f->overhead_bytes;
	f->per_gpu_bytes = per_gpu_need(cm, f, f->tensor_parallel, f->pipeline_stages);
}

void footprint_compute(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p, int64_t batch, int64_t context, struct footprint *f)
{
	layout(cm, m, g, p, batch, context, f);
	throughput(cm, f);
}

double footprint_seconds_per_request(const struct footprint *f, double in, double out)
{
	if (f->decode_tokens_per_s <= 0 || f->prefill_tokens_per_s <= 0)
		return INFINITY;
	return out / f->decode_tokens_per_s + in / f->prefill_tokens_per_s;
}

void footprint_serving(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p, int64_t longest, int64_t average, struct footprint *f)
{
	int64_t batch;

	/* Size the replica so one request of the longest context fits ... */
	layout(cm, m, g, p, 1, longest, f);
	if (!f->feasible) {
		throughput(cm, f);
		return;
	}
	/* ... then serve as many average requests together as fit, up to the batch limit. */
	f->context = average;
	batch = batch_fit(cm, f);
	if (batch > cm->max_batch)
		batch = cm->max_batch;
	if (batch < 1)
		batch = 1;
	f->batch = batch;
	f->kv_bytes = (double)batch * (double)average * f->kv_bytes_per_token;
	f->total_bytes = f->weights_bytes + f->kv_bytes + f->overhead_bytes;
	f->per_gpu_bytes = per_gpu_need(cm, f, f->tensor_parallel, f->pipeline_stages);
	throughput(cm, f);
}
