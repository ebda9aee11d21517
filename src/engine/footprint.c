/* footprint.c — memory and throughput of one replica, from first principles.
 *
 * Formulas (DESIGN.md "The footprint model"; constants in costs.yaml):
 *   weights  = params × bytes/param; quantised weights keep the embedding table and
 *              output head in 16 bits and add group scales (int4: + scale_bytes/group;
 *              mxfp4: one E8M0 byte per 32; nvfp4: one E4M3 byte per 16). A checkpoint
 *              shipped with only its routed experts quantised (gpt-oss MXFP4) keeps the
 *              rest in 16 bits at its native precision. MoE keeps every expert resident.
 *   KV/seq   = per layer: full attention 2 × kv_heads × head_dim × kv_bytes × context
 *              (K=V layers once; MLA (latent + rope + indexer key) × kv_bytes × context);
 *              sliding and chunked layers at most their window; linear-attention and
 *              Mamba layers a fixed state (heads × key dim × value dim, or heads ×
 *              head_dim × state, at state_bytes, plus the convolution history)
 *              The KV cache is fp8 where the GPU converts it natively, else 16-bit.
 *   per GPU  = weights/(TP×PP) + KV/(min(TP, kv_heads)×PP) + overhead
 *              ≤ memory × usable fraction − memory × headroom fraction
 *   decode   : step = max(bandwidth time, compute time) + tensor-parallel all-reduces;
 *              bandwidth time = (weights read/TP + KV read/min(TP, kv_heads)) ÷ (bandwidth ×
 *              efficiency), MoE reading the active parameters and the experts its batch
 *              routes to; compute time = batch × (2 × active params + attention) ÷ FLOPs
 *   prefill  : (2 × active params + attention FLOPs at the prompt) per token ÷ FLOPs
 *   serving  : the batch is the largest the memory, the engine's limit and the latency
 *              targets allow; prefill interleaves with decode (load_at)
 */
#include "footprint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool is_quantised(enum precision p)
{
	return p == PREC_FP8 || p == PREC_INT8 || p == PREC_INT4 || p == PREC_MXFP4 || p == PREC_NVFP4;
}

/* Bytes per quantised weight with its block scales: int4 (AWQ/GPTQ, group 128, fp16
 * scale), MXFP4 (32 per E8M0 scale), NVFP4 (16 per E4M3 scale). */
static double quant_bytes(const struct cost_model *cm, enum precision p)
{
	double b = cm->bytes_per_param[p];

	if (p == PREC_INT4)
		b += cm->int4_scale_bytes / cm->int4_group_size;
	else if (p == PREC_MXFP4)
		b += cm->mxfp4_scale_bytes / cm->mxfp4_group_size;
	else if (p == PREC_NVFP4)
		b += cm->nvfp4_scale_bytes / cm->nvfp4_group_size;
	return b;
}

/* Bytes of `params` non-expert weights at p: embeddings stay 16-bit when quantised. */
static double dense_bytes(const struct cost_model *cm, const struct shape *s, double params,
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

/* params of which `routed` are routed experts, at precision p. At a checkpoint's
 * native precision with native_scope experts, only the experts are in p. */
static double bytes_of(const struct cost_model *cm, const struct shape *s, double params,
		       double routed, enum precision p)
{
	enum precision rest = p;

	if (s->lay.native_scope == NATIVE_EXPERTS && s->lay.native_precision == (int)p)
		rest = PREC_BF16;
	if (routed > params)
		routed = params;
	return dense_bytes(cm, s, params - routed, rest) +
	       routed * (is_quantised(p) ? quant_bytes(cm, p) : cm->bytes_per_param[p]);
}

/* The routed experts' share of the declared totals (derived from the shape). */
static void routed_share(const struct shape *s, double *total, double *active)
{
	struct shape_count k;

	*total = *active = 0;
	if (s->experts > 0 && s->lay.derived) {   /* the loader's count */
		*total = (double)s->lay.routed;
		*active = (double)s->lay.routed_active;
	} else if (s->experts > 0 && shape_derive(s, &k) == 0) {
		*total = (double)k.routed;
		*active = (double)k.routed_active;
	}
}

double weights_bytes(const struct cost_model *cm, const struct model *m, enum precision p)
{
	double routed, routed_active;

	routed_share(&m->shape, &routed, &routed_active);
	return bytes_of(cm, &m->shape, (double)m->shape.params, routed, p);
}

static double active_bytes(const struct cost_model *cm, const struct model *m, enum precision p)
{
	double routed, routed_active;

	routed_share(&m->shape, &routed, &routed_active);
	return bytes_of(cm, &m->shape, (double)m->shape.active_params, routed_active, p);
}

/* ---- KV cache and state per layer type ---------------------------------------- */

/* KV heads a layer's cache splits across under tensor parallelism (MLA: none). */
static double group_kv_heads(const struct shape *s, const struct layer_group *g)
{
	if (s->attention == ATTN_MLA)
		return 1;
	if (g->kind == LAYER_LINEAR)
		return (double)g->value_heads;
	if (g->kind == LAYER_MAMBA)
		return (double)g->heads;
	return (double)shape_or(g->kv_heads, s->kv_heads);
}

/* Bytes per token of one attention layer's cache. */
static double layer_kv_per_token(double kvb, const struct shape *s, const struct layer_group *g)
{
	double kv, hd, vd;

	if (s->attention == ATTN_MLA)   /* latent + decoupled rope key + the indexer's key */
		return (double)(s->kv_lora_rank + s->qk_rope_head_dim + s->lay.indexer.head_dim) * kvb;
	kv = (double)shape_or(g->kv_heads, s->kv_heads);
	hd = (double)shape_or(g->head_dim, s->head_dim);
	vd = g->k_eq_v ? 0 : (double)shape_or(g->v_head_dim, (int64_t)hd);
	return kv * (hd + vd) * kvb;
}

/* The fixed state of one linear (Gated DeltaNet) or Mamba-2 layer per sequence:
 * the recurrent state at state_bytes and conv_kernel − 1 inputs of history at kv_bytes. */
static double layer_state(const struct cost_model *cm, const struct layer_group *g)
{
	double state, conv;

	if (g->kind == LAYER_LINEAR) {   /* per value head: key dim × value dim */
		state = (double)g->value_heads * (double)g->key_head_dim * (double)g->value_head_dim;
		conv = 2.0 * (double)g->key_heads * (double)g->key_head_dim +
		       (double)g->value_heads * (double)g->value_head_dim;
	} else if (g->kind == LAYER_MAMBA) {   /* per head: head_dim × state size */
		state = (double)g->heads * (double)g->head_dim * (double)g->state_size;
		conv = (double)g->heads * (double)g->head_dim + 2.0 * (double)g->groups * (double)g->state_size;
	} else {
		return 0;
	}
	return state * cm->state_bytes + (double)(g->conv_kernel - 1) * conv * cm->kv_bytes;
}

/* Tokens of a `context`-token sequence one layer of g holds. */
static double group_tokens(const struct layer_group *g, int64_t context)
{
	if (g->kind == LAYER_FULL)
		return (double)context;
	if (g->kind == LAYER_SLIDING || g->kind == LAYER_CHUNKED)
		return (double)(context < g->window ? context : g->window);
	return 0;
}

/* One sequence's cache on one GPU of a tp-way tensor-parallel replica: each layer's
 * heads split across the GPUs (replicated once TP exceeds them). */
static double cache_share(const struct cost_model *cm, double kvb, const struct model *m, int64_t context,
			  int64_t tp)
{
	const struct shape *s = &m->shape;
	const struct layer_group *g = s->lay.groups;
	int n = s->lay.n_groups;
	double sum = 0;

	if (n == 0) {   /* every layer full attention with the shape's geometry: most models */
		static const struct layer_group full = { .kind = LAYER_FULL };
		double heads = s->attention == ATTN_MLA ? 1 : (double)s->kv_heads;
		double split = (double)tp < heads ? (double)tp : heads;
		return (double)s->layers * (double)context * layer_kv_per_token(kvb, s, &full) / split;
	}
	for (int i = 0; i < n; i++) {
		double heads = group_kv_heads(&m->shape, &g[i]);
		double split = (double)tp < heads ? (double)tp : heads;
		double bytes = g[i].kind <= LAYER_CHUNKED
				       ? group_tokens(&g[i], context) * layer_kv_per_token(kvb, &m->shape, &g[i])
				       : layer_state(cm, &g[i]);
		sum += (double)g[i].count * bytes / split;
	}
	return sum;
}

static double kv_per_token(double kvb, const struct model *m)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(&m->shape, &one, &n);
	double sum = 0;

	for (int i = 0; i < n; i++)
		if (g[i].kind == LAYER_FULL)
			sum += (double)g[i].count * layer_kv_per_token(kvb, &m->shape, &g[i]);
	return sum;
}

double kv_bytes_per_token(const struct cost_model *cm, const struct model *m)
{
	return kv_per_token(cm->kv_bytes, m);
}

double kv_bytes_per_sequence(const struct cost_model *cm, const struct model *m, int64_t context)
{
	return cache_share(cm, cm->kv_bytes, m, context, 1) - state_bytes_per_sequence(cm, m);
}

double state_bytes_per_sequence(const struct cost_model *cm, const struct model *m)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(&m->shape, &one, &n);
	double sum = 0;

	for (int i = 0; i < n; i++)
		sum += (double)g[i].count * layer_state(cm, &g[i]);
	return sum;
}

/* ---- precisions the GPU runs ---------------------------------------------------- */

/* MXFP4 runs on any GPU, dequantised to 16 bits where there are no MXFP4 tensor cores
 * (weight-only, as vLLM and llama.cpp serve gpt-oss on Hopper and Apple); NVFP4
 * checkpoints need Blackwell's NVFP4 tensor cores. */
bool gpu_supports(const struct gpu *g, enum precision p, const char **why)
{
	*why = NULL;
	if (p == PREC_BF16 && g->bf16_tflops <= 0)
		*why = "has no bf16 support (use fp16)";
	else if (p == PREC_FP8 && g->fp8_tflops <= 0)
		*why = "has no fp8 support";
	else if (p == PREC_NVFP4 && g->nvfp4_tflops <= 0)
		*why = "has no NVFP4 tensor cores (NVIDIA Blackwell only)";
	return *why == NULL;
}

static bool weight_only(const struct gpu *g, enum precision p)
{
	return p == PREC_MXFP4 && g->mxfp4_tflops <= 0;
}

/* Peak dense FLOPs for prefill: weight-only int8/int4 (and MXFP4 without tensor cores)
 * compute in 16-bit; MXFP4 with tensor cores is served with 8-bit activations (W4A8),
 * NVFP4 checkpoints quantise activations too (W4A4). */
static double peak_tflops(const struct gpu *g, enum precision p)
{
	double half = g->bf16_tflops > g->fp16_tflops ? g->bf16_tflops : g->fp16_tflops;

	if (p == PREC_FP8)
		return g->fp8_tflops;
	if (p == PREC_BF16)
		return g->bf16_tflops;
	if (p == PREC_NVFP4)
		return g->nvfp4_tflops;
	if (p == PREC_MXFP4 && !weight_only(g, p) && g->fp8_tflops > 0)
		return g->fp8_tflops;
	return half;
}

enum precision footprint_kv_precision(const struct gpu *g)
{
	if (g->kv_fp8)
		return PREC_FP8;
	return g->bf16_tflops > 0 ? PREC_BF16 : PREC_FP16;
}

/* Bytes of one KV element at the footprint's KV precision (fp8 1, 16-bit 2). */
static double kv_elem(const struct cost_model *cm, const struct footprint *f)
{
	return f->kv_precision == PREC_FP8 ? cm->bytes_per_param[PREC_FP8] : cm->kv_bytes;
}

static double usable_bytes(const struct cost_model *cm, const struct gpu *g)
{
	double frac = g->usable_fraction > 0 ? g->usable_fraction : cm->usable_fraction;
	return g->memory_gb * 1e9 * frac;
}

/* Kept free on every GPU for activations and allocator fragmentation (costs.yaml). */
static double headroom(const struct cost_model *cm, const struct gpu *g)
{
	return g->memory_gb * 1e9 * cm->headroom_fraction;
}

/* What one GPU may hold: the usable memory less the headroom. */
static double capacity(const struct footprint *f)
{
	return f->gpu_usable_bytes - f->headroom_bytes;
}

/* What one GPU of a tp × pp replica holds, given one sequence's cache share at that tp. */
static double need_with_share(const struct cost_model *cm, const struct footprint *f, int64_t tp,
			      int64_t pp, double share)
{
	return f->weights_bytes / (double)(tp * pp) + (double)f->batch * share / (double)pp +
	       cm->overhead_gb * 1e9;
}

/* The widest tensor-parallel group: a node, or the whole NVLink domain where one joins
 * more GPUs than a node (GB200/GB300 NVL72: 72). */
static int64_t node_gpus(const struct cost_model *cm, const struct gpu *g)
{
	if (g->nvlink_domain > 0)
		return g->nvlink_domain;
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
	       weights_bytes(cm, m, p) / most + cm->overhead_gb * 1e9 <= usable_bytes(cm, g) - headroom(cm, g);
}

/* One sequence's cache in the sliding and chunked layers at `context` tokens: each
 * layer holds at most its window. */
static double window_share(double kvb, const struct model *m, int64_t context)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(&m->shape, &one, &n);
	double sum = 0;

	for (int i = 0; i < n; i++)
		if (g[i].kind == LAYER_SLIDING || g[i].kind == LAYER_CHUNKED)
			sum += (double)g[i].count * group_tokens(&g[i], context) * layer_kv_per_token(kvb, &m->shape, &g[i]);
	return sum;
}

/* The batch's cache on all the GPUs of f's layout, at `context` tokens a sequence: each
 * GPU of a tensor-parallel group holds its share, and the shares add up to more than one
 * copy where the group is wider than the KV heads (MLA's latent: a copy on each). */
static void kv_total(const struct cost_model *cm, struct footprint *f, int64_t context)
{
	double one = cache_share(cm, kv_elem(cm, f), f->model, context, 1);
	double group = cache_share(cm, kv_elem(cm, f), f->model, context, f->tensor_parallel) *
		       (double)f->tensor_parallel;

	f->kv_bytes = (double)f->batch * group;
	f->kv_copies = one > 0 ? group / one : 1;
	f->window_bytes = window_share(kv_elem(cm, f), f->model, context);
}

/* Choose the smallest TP × PP that fits, TP at least min_tp: TP a power of two dividing
 * the heads, at most a node; pipeline stages only once a whole node is not enough. */
static void choose_layout(const struct cost_model *cm, struct footprint *f, int64_t min_tp)
{
	int64_t node = node_gpus(cm, f->gpu);
	int64_t max_pp = max_stages(f->gpu);
	int64_t best_tp = 0;
	double share = 0;   /* one sequence's cache on a GPU at best_tp: the same for every pp */

	for (int64_t tp = 1; tp <= node; tp *= 2) {
		if (f->model->shape.heads % tp != 0)
			break;
		best_tp = tp;
		if (tp < min_tp)
			continue;
		share = cache_share(cm, kv_elem(cm, f), f->model, f->context, tp);
		if (need_with_share(cm, f, tp, 1, share) <= capacity(f)) {
			f->tensor_parallel = tp;
			f->pipeline_stages = 1;
			return;
		}
	}
	if (best_tp > 0 && best_tp >= min_tp)
		share = cache_share(cm, kv_elem(cm, f), f->model, f->context, best_tp);
	for (int64_t pp = 2; best_tp > 0 && best_tp >= min_tp && pp <= max_pp; pp++) {
		if (need_with_share(cm, f, best_tp, pp, share) <= capacity(f)) {
			f->tensor_parallel = best_tp;
			f->pipeline_stages = pp;
			return;
		}
	}
	f->tensor_parallel = best_tp > 0 ? best_tp : 1;
	f->pipeline_stages = max_pp;
	f->fit = FIT_MEMORY;
	kv_total(cm, f, f->context);
}

/* Tensor parallelism all-reduces the activations twice a layer (after attention and
 * after the MLP); a ring all-reduce moves 2(TP-1)/TP of the message per GPU
 * (Megatron-LM, Shoeybi et al. 2019). Over PCIe this is not free. Seconds per sequence
 * of the batch. */
static double allreduce_per_seq(const struct cost_model *cm, const struct footprint *f)
{
	double tp = (double)f->tensor_parallel, bytes;

	if (f->tensor_parallel <= 1 || f->gpu->interconnect_gbs <= 0)
		return 0;
	bytes = 2.0 * (double)f->model->shape.layers * (double)f->model->shape.hidden *
		cm->bytes_per_param[PREC_BF16] * 2.0 * (tp - 1) / tp;
	return bytes / (f->gpu->interconnect_gbs * 1e9);
}

/* ---- attention FLOPs ------------------------------------------------------------- */

/* Past tokens one token of a layer attends, on average: while prefilling a prompt of n
 * tokens (causal: a full layer's average is n/2; a sliding window w averages
 * w − w²/2n once n passes it; a chunk of w, w/2), or decoding at context n. */
static double attended(const struct layer_group *g, int64_t n, bool prefill)
{
	double w = (double)g->window, c = (double)n;

	if (g->kind == LAYER_FULL || w <= 0 || c <= w)
		return prefill ? c / 2 : c;
	if (g->kind == LAYER_CHUNKED)
		return w / 2;
	return prefill ? w - w * w / (2 * c) : w;
}

/* Attention's own FLOPs for one token at context n: per attention layer 2 × heads ×
 * (query-key dim + value dim) × tokens attended (QKᵀ and AV, a multiply-add each:
 * DESIGN.md's 4 × layers × context × heads × head_dim, halved for causal prefill).
 * Linear-attention and Mamba layers' state updates are O(state) and left out. */
static double attention_flops(const struct model *m, int64_t n, bool prefill)
{
	const struct shape *s = &m->shape;
	struct layer_group one;
	int k;
	const struct layer_group *g = shape_groups(s, &one, &k);
	double sum = 0;

	for (int i = 0; i < k; i++) {
		double heads = (double)shape_or(g[i].heads, s->heads), dqk, dv;
		if (g[i].kind > LAYER_CHUNKED)
			continue;
		if (s->attention == ATTN_MLA) {
			dqk = (double)(s->qk_nope_head_dim + s->qk_rope_head_dim);
			dv = (double)s->v_head_dim;
		} else {
			dqk = (double)shape_or(g[i].head_dim, s->head_dim);
			dv = (double)shape_or(g[i].v_head_dim, (int64_t)dqk);
		}
		sum += (double)g[i].count * 2.0 * heads * (dqk + dv) * attended(&g[i], n, prefill);
	}
	return sum;
}

/* ---- serving: the batch, its speed and its latency ---------------------------- */

/* Peak FLOPs a second one GPU reaches at this precision (peak × achieved share). */
static double gpu_flops(const struct cost_model *cm, const struct footprint *f)
{
	double eff = f->gpu->prefill_efficiency > 0 ? f->gpu->prefill_efficiency : cm->prefill_efficiency;

	return peak_tflops(f->gpu, f->precision) * 1e12 * eff;
}

/* What sizing the batch reads, found once per layout. */
struct serve_terms {
	double seq_hold;             /* one sequence's cache on a GPU */
	/* a decode step's seconds: weights streamed (MoE: one token's active weights, and of
	 * the other routed experts the share the batch's other tokens route to: each token
	 * picks k of E, so 1 − (1 − k/E)^(batch − 1) of them in expectation), and per
	 * sequence of the batch its cache read, its compute and its all-reduces */
	double weights_s, experts_s, log_untouched, cache_s, compute_s, allreduce_s;
	double prefill_work;         /* replica-seconds of one request's prefill */
	double prefill_latency;      /* wall seconds of it: one prompt crosses the stages in turn */
	double out;                  /* output tokens of a request */
	double ttft_target, user_target;
};

/* One decode step of the batch: the bandwidth roofline (weights and caches streamed) or
 * the compute one, whichever binds, plus the tensor-parallel all-reduces. */
static double decode_step(const struct serve_terms *t, int64_t batch)
{
	double b = (double)batch, touched = t->experts_s > 0 ? 1 - exp(t->log_untouched * (b - 1)) : 0;
	double mem = t->weights_s + t->experts_s * touched + b * t->cache_s, compute = b * t->compute_s;

	return (mem > compute ? mem : compute) + b * t->allreduce_s;
}

/* The batch under load. Chunked prefill interleaves new prompts with the decode steps:
 * as many start as finish (batch ÷ output tokens a step), so each step also carries
 * their prefill (Sarathi-Serve, Agrawal et al. 2024; vLLM and TensorRT-LLM's chunked
 * prefill). A prompt waits for the prefill queue (M/D/1: ρ·p / 2(1−ρ), Pollaczek–
 * Khinchine), is prefilled, and its first token comes with the next step. */
struct load {
	double step, user_tps, out_tps, ttft_s;
};
static struct load load_at(const struct serve_terms *t, int64_t batch)
{
	struct load l = { .step = decode_step(t, batch) };
	double x = t->prefill_work * (double)batch / t->out;   /* prefill a step carries */
	double rho = x / (l.step + x);

	/* a user waits for the prompts that refill the other batch − 1 slots while it
	 * decodes (its own slot refills after it ends); the replica does all of them */
	l.user_tps = 1 / (l.step + x * (double)(batch - 1) / (double)batch);
	l.out_tps = (double)batch / (l.step + x);
	l.ttft_s = t->prefill_latency + l.step + x + rho * t->prefill_work / (2 * (1 - rho));
	return l;
}

/* Which target a load misses (LIMIT_FIXED: none). */
static enum batch_limit load_misses(const struct serve_terms *t, const struct load *l)
{
	if (t->user_target > 0 && l->user_tps < t->user_target)
		return LIMIT_USER_SPEED;
	if (t->ttft_target > 0 && l->ttft_s * 1000 > t->ttft_target)
		return LIMIT_TTFT;
	return LIMIT_FIXED;
}

/* The largest batch in [1, hi] meeting the targets (the speed falls and the latency
 * rises with the batch, so a bisection finds it); 0 when even one sequence misses. */
static int64_t batch_search(const struct serve_terms *t, int64_t hi, enum batch_limit *limit)
{
	int64_t lo = 1;
	enum batch_limit miss;
	struct load l;

	l = load_at(t, 1);
	if ((miss = load_misses(t, &l)) != LIMIT_FIXED) {
		*limit = miss;
		return 0;
	}
	l = load_at(t, hi);
	if (load_misses(t, &l) == LIMIT_FIXED)
		return hi;   /* the memory or the engine stops it, as *limit says */
	while (hi - lo > 1) {   /* lo meets the targets, hi does not */
		int64_t mid = lo + (hi - lo) / 2;
		l = load_at(t, mid);
		if (load_misses(t, &l) == LIMIT_FIXED)
			lo = mid;
		else
			hi = mid;
	}
	l = load_at(t, hi);
	*limit = load_misses(t, &l);
	return lo;
}

/* Sequences that fit beside the weights on every GPU, each `seq` bytes per TP rank. */
static int64_t batch_fit(const struct cost_model *cm, const struct footprint *f, double seq)
{
	double free_gpu = capacity(f) - f->weights_bytes / (double)f->gpu_count - cm->overhead_gb * 1e9;
	double kv_seq = seq / (double)f->pipeline_stages;

	return free_gpu > 0 && kv_seq > 0 ? (int64_t)floor(free_gpu / kv_seq) : 0;
}

/* The terms of serving sv on f's layout. */
static struct serve_terms serve_terms_of(const struct cost_model *cm, const struct footprint *f,
					 const struct serving *sv, int64_t hold, int64_t read)
{
	const struct shape *s = &f->model->shape;
	double kvb = kv_elem(cm, f), active2 = 2.0 * f->active_params, tp = (double)f->tensor_parallel;
	double bw = f->gpu->bandwidth_gbs * 1e9 * cm->decode_efficiency, flops = tp * gpu_flops(cm, f);
	double prefill_flops = active2 + attention_flops(f->model, sv->input_tokens, true);
	bool moe = s->experts > 0;
	struct serve_terms t = {
		.seq_hold = cache_share(cm, kvb, f->model, hold, f->tensor_parallel),
		.weights_s = (moe ? f->active_weights_bytes : f->weights_bytes) / tp / bw,
		.experts_s = moe ? (f->weights_bytes - f->active_weights_bytes) / tp / bw : 0,
		/* ln(1 − k/E): a token leaves an expert untouched with probability 1 − k/E */
		.log_untouched = moe ? log1p(-(double)s->experts_per_token / (double)s->experts) : 0,
		.cache_s = cache_share(cm, kvb, f->model, read, f->tensor_parallel) / bw,
		.compute_s = (active2 + attention_flops(f->model, read, false)) / flops,
		.allreduce_s = allreduce_per_seq(cm, f),
		.out = (double)sv->output_tokens,
		.ttft_target = sv->ttft_ms,
		.user_target = sv->tokens_per_s_per_user,
	};

	t.prefill_latency = (double)sv->input_tokens * prefill_flops / flops;
	t.prefill_work = t.prefill_latency / (double)f->pipeline_stages;
	return t;
}

/* The batch on f's layout, and what it serves; false when even one sequence misses a
 * latency target (why_not says by how much). */
static bool serve(const struct cost_model *cm, const struct serving *sv, int64_t hold, int64_t read,
		  struct footprint *f)
{
	struct serve_terms t = serve_terms_of(cm, f, sv, hold, read);
	int64_t batch = sv->batch, hi;
	struct load l;

	f->max_batch_fit = batch_fit(cm, f, t.seq_hold);
	f->prefill_tokens_per_s = (double)sv->input_tokens / t.prefill_work;
	f->decode_tokens_per_s_single = 1 / decode_step(&t, 1);
	f->limited_by = LIMIT_FIXED;
	if (batch <= 0) {
		/* as many as the memory and the engine allow, or the cap (a device's one user) */
		hi = f->max_batch_fit < cm->max_batch ? f->max_batch_fit : cm->max_batch;
		f->limited_by = hi == cm->max_batch ? LIMIT_ENGINE : LIMIT_MEMORY;
		if (sv->batch_cap > 0 && sv->batch_cap <= hi) {
			hi = sv->batch_cap;
			f->limited_by = LIMIT_DEVICE;
		}
		if (hi < 1)
			hi = 1;
		batch = batch_search(&t, hi, &f->limited_by);
		if (batch == 0) {
			l = load_at(&t, 1);
			f->fit = FIT_LATENCY;
			f->alone_tokens_per_s = l.user_tps;
			f->alone_ttft_ms = l.ttft_s * 1000;
			f->target_tokens_per_s = t.user_target;
			f->target_ttft_ms = t.ttft_target;
			batch = 1;
		}
	}
	f->batch = batch;
	f->context = hold;
	l = load_at(&t, batch);
	f->decode_tokens_per_s = (double)batch / l.step;
	f->tokens_per_s_per_user = l.user_tps;
	f->output_tokens_per_s = l.out_tps;
	f->ttft_ms = l.ttft_s * 1000;
	kv_total(cm, f, hold);
	f->total_bytes = f->weights_bytes + f->kv_bytes + f->overhead_bytes;
	f->per_gpu_bytes = need_with_share(cm, f, f->tensor_parallel, f->pipeline_stages, t.seq_hold);
	return f->fit == FIT_OK;
}

/* A footprint of m on g at p, nothing sized yet. */
static void footprint_start(struct footprint *f, const struct model *m, const struct gpu *g, enum precision p,
			    enum precision kv)
{
	memset(f, 0, sizeof *f);
	f->model = m;
	f->gpu = g;
	f->precision = p;
	f->kv_precision = kv;
}

/* Weights, KV and the GPUs one replica needs for `batch` sequences of `context` tokens. */
static void layout(const struct cost_model *cm, const struct model *m, const struct gpu *g, enum precision p,
		   enum precision kv, int64_t batch, int64_t context, int64_t min_tp, struct footprint *f)
{
	const char *why;

	footprint_start(f, m, g, p, kv);
	f->batch = batch;
	f->context = context;
	f->weights_bytes = weights_bytes(cm, m, p);
	f->active_weights_bytes = active_bytes(cm, m, p);
	f->active_params = (double)m->shape.active_params;
	f->kv_bytes_per_token = kv_per_token(kv_elem(cm, f), m);
	f->state_bytes = state_bytes_per_sequence(cm, m);
	f->gpu_usable_bytes = usable_bytes(cm, g);
	f->headroom_bytes = headroom(cm, g);
	f->weight_only = weight_only(g, p);
	if (!gpu_supports(g, p, &why)) {
		f->fit = FIT_PRECISION;
		f->tensor_parallel = f->pipeline_stages = 1;
	} else {
		choose_layout(cm, f, min_tp);
	}
	f->gpu_count = f->tensor_parallel * f->pipeline_stages;
	f->overhead_bytes = cm->overhead_gb * 1e9 * (double)f->gpu_count;
	f->total_bytes = f->weights_bytes + f->kv_bytes + f->overhead_bytes;   /* serve() sets the batch's */
}

void footprint_size(const struct cost_model *cm, const struct model *m, const struct gpu *g, enum precision p,
		    const struct serving *sv, struct footprint *f)
{
	enum precision kv = sv->kv_precision >= 0 ? (enum precision)sv->kv_precision : footprint_kv_precision(g);
	int64_t hold = sv->hold_tokens > 0 ? sv->hold_tokens : sv->input_tokens + sv->output_tokens;
	int64_t read = sv->read_tokens > 0 ? sv->read_tokens : sv->input_tokens + sv->output_tokens / 2;
	int64_t widest = widest_tp(cm, m, g);

	if (m->context_tokens < sv->context_tokens) {   /* never truncated: not usable */
		footprint_start(f, m, g, p, kv);
		f->gpu_count = f->tensor_parallel = f->pipeline_stages = 1;
		f->fit = FIT_WINDOW;
		f->longest = sv->context_tokens;
		f->context = sv->context_tokens;   /* what was asked, for the refusal's report */
		f->input_tokens = sv->input_tokens;
		f->output_tokens = sv->output_tokens;
		f->weights_bytes = weights_bytes(cm, m, p);
		return;
	}
	/* Wider tensor parallelism only when one sequence alone misses a target there. */
	for (int64_t min_tp = sv->min_tp > 1 ? sv->min_tp : 1;; min_tp *= 2) {
		layout(cm, m, g, p, kv, sv->batch > 0 ? sv->batch : 1, sv->context_tokens, min_tp, f);
		f->input_tokens = sv->input_tokens;
		f->output_tokens = sv->output_tokens;
		if (f->fit != FIT_OK)   /* the precision, or the memory: what layout found */
			return;
		f->feasible = serve(cm, sv, hold, read, f);
		if (f->feasible || sv->batch > 0 || f->pipeline_stages > 1 || f->tensor_parallel >= widest)
			return;
	}
}

void footprint_compute(const struct cost_model *cm, const struct model *m, const struct gpu *g, enum precision p,
		       int64_t batch, int64_t context, struct footprint *f)
{
	struct serving sv = { .input_tokens = 1000, .output_tokens = 1000, .context_tokens = context,
			      .hold_tokens = context, .read_tokens = context, .batch = batch, .kv_precision = -1 };

	footprint_size(cm, m, g, p, &sv, f);
	footprint_explain(f);
}

void footprint_explain(struct footprint *f)
{
	const char *why = "";
	double cache = f->kv_bytes;

	f->why_not[0] = '\0';
	switch (f->fit) {
	case FIT_OK:
		break;
	case FIT_PRECISION:
		gpu_supports(f->gpu, f->precision, &why);
		snprintf(f->why_not, sizeof f->why_not, "%s %s", f->gpu->id, why);
		break;
	case FIT_MEMORY:   /* the weights, or the cache when it is the larger part */
		if (cache > f->weights_bytes)
			snprintf(f->why_not, sizeof f->why_not,
				 "does not fit: %.0f GB of KV cache (%lld tokens x batch %lld) and %.0f GB of weights need more than %lld x %s",
				 cache / 1e9, (long long)f->context, (long long)f->batch, f->weights_bytes / 1e9,
				 (long long)(f->tensor_parallel * f->pipeline_stages), f->gpu->id);
		else
			snprintf(f->why_not, sizeof f->why_not, "does not fit: %.0f GB of weights need more than %lld x %s",
				 f->weights_bytes / 1e9, (long long)(f->tensor_parallel * f->pipeline_stages), f->gpu->id);
		break;
	case FIT_LATENCY: {
		char want[80];
		if (f->target_tokens_per_s > 0 && f->target_ttft_ms > 0)
			snprintf(want, sizeof want, "%.0f tokens/s, %.0f ms", f->target_tokens_per_s, f->target_ttft_ms);
		else if (f->target_tokens_per_s > 0)
			snprintf(want, sizeof want, "%.0f tokens/s", f->target_tokens_per_s);
		else
			snprintf(want, sizeof want, "%.0f ms", f->target_ttft_ms);
		snprintf(f->why_not, sizeof f->why_not,
			 "misses the latency targets on %lld x %s even alone: %.0f tokens/s a user, first token in %.0f ms (asked: %s)",
			 (long long)f->gpu_count, f->gpu->id, f->alone_tokens_per_s, f->alone_ttft_ms, want);
		break;
	}
	case FIT_WINDOW:
		snprintf(f->why_not, sizeof f->why_not, "context window %lld tokens is shorter than the %lld asked",
			 (long long)f->model->context_tokens, (long long)f->longest);
		break;
	}
}

double footprint_seconds_per_request(const struct footprint *f)
{
	if (!(f->output_tokens_per_s > 0))
		return INFINITY;
	return (double)f->output_tokens / f->output_tokens_per_s;
}

const char *const batch_limit_words[LIMIT_COUNT] = {
	[LIMIT_FIXED] = "the batch given (--batch, default 1)",
	[LIMIT_MEMORY] = "memory",
	[LIMIT_ENGINE] = "the serving engine's batch limit",
	[LIMIT_DEVICE] = "one user a device",   /* the engine's cap for on-device plans */
	[LIMIT_USER_SPEED] = "the per-user speed target",
	[LIMIT_TTFT] = "the time-to-first-token target",
};
