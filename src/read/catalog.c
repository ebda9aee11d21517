/* catalog.c — loading the whole catalog (base + overlays), resolving references,
 * lookups, and the parameter count derived from a model's shape. */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_load.h"
#include "util.h"

const char *const openness_names[OPENNESS_COUNT] = {
	"closed", "open-weight-restricted", "open-weight-permissive", "fully-open" };
const char *const gpu_kind_names[GPU_KIND_COUNT] = { "datacenter", "workstation", "edge" };
const char *const rate_basis_keys[RATE_COUNT] = { "price", "price_reserved", "price_spot" };
const char *const assumption_names[ASSUME_COUNT + 1] = {
	"gpu_price", "token_price", "volume", "output_tokens", "peak", "hidden", "cache_hit_rate", "growth_per_year", NULL
};
const char *const assumption_words[ASSUME_COUNT] = {
	"GPU prices", "API prices", "the volume", "the output length", "the traffic's peak", "the hidden costs",
	"prompt-cache hits", "a year's growth"
};
const char *const price_basis_names[BASIS_COUNT + 1] = { "on-demand", "reserved", "spot", "owned", NULL };
const char *const precision_names[PREC_COUNT + 1] = { "fp16", "bf16", "fp8", "int8", "int4", "mxfp4",
						 "nvfp4", NULL };
const char *const mlp_kind_names[MLP_KIND_COUNT] = { "gated", "plain", "ungated" };
const char *const layer_kind_names[LAYER_KIND_COUNT] = { "full", "sliding", "chunked", "linear", "mamba",
							 "mlp" };
const char *const arch_ids[ARCH_COUNT] = {
	"direct-api", "managed-inference", "self-hosted-single-gpu", "self-hosted-multi-gpu",
	"hybrid", "on-device" };

const char *arch_id_or_none(int arch)
{
	return arch >= 0 && arch < ARCH_COUNT ? arch_ids[arch] : "nothing feasible";
}

int arch_from_id(const char *id)
{
	for (int i = 0; i < ARCH_COUNT; i++)
		if (strcmp(arch_ids[i], id) == 0)
			return i;
	return -1;
}

int precision_from_name(const char *s)
{
	for (int i = 0; i < PREC_COUNT; i++)
		if (strcmp(precision_names[i], s) == 0)
			return i;
	return -1;
}

bool model_is_open(const struct model *m)
{
	return m->openness != OPEN_CLOSED;
}

const char *quality_tier_name(int tier)
{
	static const char *const names[] = { "unknown", "1", "2", "3", "4" };

	return tier >= 0 && tier <= 4 ? names[tier] : "?";
}

/* ---- parameter counts from the shape (openweigh-catalog(5), "Parameter count") ----
 *
 * Every product and sum goes through the checked helpers below: a shape of absurd
 * dimensions (each at the loader's 10^7 bound, say) must be refused naming the
 * fields, not wrap around into a negative count (issue 15, finding 7). */

struct pc {                      /* a running count that remembers its first overflow */
	const char *overflow;
};

static int64_t pc_mul(struct pc *c, const char *term, int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_mul_overflow(a, b, &r)) {
		if (c->overflow == NULL)
			c->overflow = term;
		return 0;
	}
	return r;
}

static int64_t pc_mul3(struct pc *c, const char *term, int64_t a, int64_t b, int64_t d)
{
	return pc_mul(c, term, pc_mul(c, term, a, b), d);
}

static int64_t pc_add(struct pc *c, const char *term, int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r)) {
		if (c->overflow == NULL)
			c->overflow = term;
		return 0;
	}
	return r;
}


/* DeepSeek-V2/V3 multi-head latent attention (inference/model.py), plus the V3.2
 * sparse-attention indexer (wq_b, wk, its LayerNorm, weights_proj). */
static int64_t mla_params(struct pc *c, const struct shape *s)
{
	int64_t h = s->hidden, qk = pc_add(c, "qk_nope_head_dim + qk_rope_head_dim", s->qk_nope_head_dim, s->qk_rope_head_dim);
	int64_t q, kv, o, p;
	const struct indexer *ix = &s->lay.indexer;

	if (s->q_lora_rank)
		q = pc_add(c, "q_lora_rank", pc_add(c, "hidden x q_lora_rank", pc_mul(c, "hidden x q_lora_rank", h, s->q_lora_rank), s->q_lora_rank),
			   pc_mul3(c, "q_lora_rank x heads x qk head dim", s->q_lora_rank, s->heads, qk));
	else
		q = pc_mul3(c, "hidden x heads x qk head dim", h, s->heads, qk);
	kv = pc_add(c, "kv_lora_rank", pc_mul(c, "hidden x (kv_lora_rank + qk_rope_head_dim)", h,
				pc_add(c, "kv_lora_rank + qk_rope_head_dim", s->kv_lora_rank, s->qk_rope_head_dim)),
		    s->kv_lora_rank);
	kv = pc_add(c, "kv_lora_rank x heads x (qk_nope_head_dim + v_head_dim)", kv,
		    pc_mul3(c, "kv_lora_rank x heads x (qk_nope_head_dim + v_head_dim)", s->kv_lora_rank, s->heads,
			    pc_add(c, "qk_nope_head_dim + v_head_dim", s->qk_nope_head_dim, s->v_head_dim)));
	o = pc_mul3(c, "heads x v_head_dim x hidden", s->heads, s->v_head_dim, h);
	p = pc_add(c, "attention", pc_add(c, "attention", q, kv), o);
	if (ix->heads == 0)
		return p;
	p = pc_add(c, "indexer", p, pc_mul3(c, "q_lora_rank x indexer heads x indexer head_dim",
					    shape_or(s->q_lora_rank, h), ix->heads, ix->head_dim));
	p = pc_add(c, "indexer", p, pc_mul(c, "hidden x indexer head_dim", h, ix->head_dim));
	p = pc_add(c, "indexer", p, pc_mul(c, "hidden x indexer heads", h, ix->heads));
	return pc_add(c, "indexer", p, 2 * ix->head_dim);
}

/* One attention layer of group g (GQA, MHA, gated or K=V). */
static int64_t gqa_params(struct pc *c, const struct shape *s, const struct layer_group *g)
{
	int64_t h = s->hidden, heads = shape_or(g->heads, s->heads), kv = shape_or(g->kv_heads, s->kv_heads);
	int64_t hd = shape_or(g->head_dim, s->head_dim), vd = shape_or(g->v_head_dim, hd);
	int64_t q = pc_mul3(c, "hidden x heads x head_dim", h, heads, hd);
	int64_t k = pc_mul3(c, "hidden x kv_heads x head_dim", h, kv, hd);
	int64_t v = g->k_eq_v ? 0 : pc_mul3(c, "hidden x kv_heads x v_head_dim", h, kv, vd);
	int64_t o = pc_mul3(c, "heads x v_head_dim x hidden", heads, vd, h);
	int64_t p, bias;

	if (g->gated)
		q = pc_mul(c, "hidden x heads x head_dim", q, 2);
	p = pc_add(c, "attention", pc_add(c, "attention", q, k), pc_add(c, "attention", v, o));
	bias = pc_add(c, "heads x head_dim", pc_mul(c, "heads x head_dim", heads, hd),
		      pc_add(c, "kv_heads x head_dim", pc_mul(c, "kv_heads x head_dim", kv, hd),
			     g->k_eq_v ? 0 : pc_mul(c, "kv_heads x v_head_dim", kv, vd)));
	if (s->qkv_bias || s->mlp == MLP_PLAIN)
		p = pc_add(c, "attention", p, bias);
	if (s->mlp == MLP_PLAIN)
		p = pc_add(c, "attention", p, h);   /* GPT-NeoX also biases the output projection */
	if (s->qk_norm)   /* OLMo 2 normalises Q and K */
		p = pc_add(c, "attention", p, pc_mul(c, "(heads + kv_heads) x head_dim", heads + kv, hd));
	return p;
}

/* Gated DeltaNet (Qwen3-Next / Qwen3.5 linear_attention): in_proj_qkvz, in_proj_ba,
 * the causal conv over q, k and v, dt_bias and A_log, the gated norm, out_proj. */
static int64_t linear_params(struct pc *c, const struct shape *s, const struct layer_group *g)
{
	int64_t h = s->hidden;
	int64_t kd = pc_mul(c, "key_heads x key_head_dim", g->key_heads, g->key_head_dim);
	int64_t vd = pc_mul(c, "value_heads x value_head_dim", g->value_heads, g->value_head_dim);
	int64_t qkvz = pc_mul(c, "hidden x (2 key + 2 value) dims", h, pc_add(c, "key and value dims", 2 * kd, 2 * vd));
	int64_t ba = pc_mul(c, "hidden x value_heads", h, 2 * g->value_heads);
	int64_t conv = pc_mul(c, "conv_kernel x (2 key + value) dims", pc_add(c, "key and value dims", 2 * kd, vd), g->conv_kernel);
	int64_t out = pc_mul(c, "value dims x hidden", vd, h);

	return pc_add(c, "linear layer", pc_add(c, "linear layer", qkvz, ba),
		      pc_add(c, "linear layer", pc_add(c, "linear layer", conv, out),
			     2 * g->value_heads + g->value_head_dim));
}

/* Mamba-2 (Nemotron-H mixer): in_proj to x, z, B, C and dt; conv1d with bias over
 * x, B and C; dt_bias, A_log and D per head; the gated norm; out_proj. */
static int64_t mamba_params(struct pc *c, const struct shape *s, const struct layer_group *g)
{
	int64_t h = s->hidden;
	int64_t inner = pc_mul(c, "heads x head_dim", g->heads, g->head_dim);
	int64_t bc = pc_mul3(c, "2 x groups x state_size", 2, g->groups, g->state_size);
	int64_t conv_dim = pc_add(c, "inner + B/C width", inner, bc);
	int64_t in = pc_mul(c, "hidden x in_proj width", h, pc_add(c, "in_proj width", pc_add(c, "in_proj width", inner, conv_dim), g->heads));
	int64_t conv = pc_mul(c, "conv_kernel x conv width", conv_dim, g->conv_kernel + 1);
	int64_t out = pc_mul(c, "heads x head_dim x hidden", inner, h);

	return pc_add(c, "mamba layer", pc_add(c, "mamba layer", in, conv),
		      pc_add(c, "mamba layer", out, pc_add(c, "mamba layer", inner, 3 * g->heads)));
}

const struct layer_group *shape_groups(const struct shape *s, struct layer_group *one, int *n)
{
	if (s->lay.n_groups > 0) {
		*n = s->lay.n_groups;
		return s->lay.groups;
	}
	memset(one, 0, sizeof *one);
	one->kind = LAYER_FULL;
	one->count = s->layers;
	*n = 1;
	return one;
}

static int64_t mixer_params(struct pc *c, const struct shape *s, const struct layer_group *g)
{
	switch (g->kind) {
	case LAYER_FULL: case LAYER_SLIDING: case LAYER_CHUNKED:
		return s->attention == ATTN_MLA ? mla_params(c, s) : gqa_params(c, s, g);
	case LAYER_LINEAR: return linear_params(c, s, g);
	case LAYER_MAMBA: return mamba_params(c, s, g);
	default: return 0;
	}
}

static int64_t mlp_params(struct pc *c, const struct shape *s, int64_t width)
{
	int64_t hw = pc_mul(c, "hidden x ffn", s->hidden, width);

	if (s->mlp == MLP_PLAIN)   /* up, down and their biases */
		return pc_add(c, "mlp", pc_mul(c, "hidden x ffn", hw, 2), width + s->hidden);
	if (s->mlp == MLP_UNGATED) /* up and down (relu², Nemotron-H experts) */
		return pc_mul(c, "hidden x ffn", hw, 2);
	return pc_mul(c, "hidden x ffn", hw, 3);   /* gate, up, down */
}

int64_t shape_layers_of(const struct shape *s, enum layer_kind k)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(s, &one, &n);
	int64_t sum = 0;

	for (int i = 0; i < n; i++)
		if (g[i].kind == k)
			sum += g[i].count;
	return sum;
}

/* Layers with an MLP, and of those the MoE ones: past first_dense_layers, every
 * moe_every-th (HF Llama 4: layer i is MoE when i % step == step - 1). */
static void ffn_layers(const struct shape *s, int64_t *ffn, int64_t *moe)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(s, &one, &n);
	int64_t step = s->lay.moe_every > 1 ? s->lay.moe_every : 1;

	*ffn = 0;
	for (int i = 0; i < n; i++)
		if (!g[i].no_ffn)
			*ffn += g[i].count;
	*moe = 0;
	if (s->experts > 0 && *ffn > s->first_dense_layers)
		*moe = *ffn / step - s->first_dense_layers / step;
}

/* FFN parameters of the whole model: routed experts counted `routed` per MoE layer. */
static int64_t ffn_params(struct pc *c, const struct shape *s, int64_t routed, int64_t *routed_part)
{
	int64_t ffn, moe, per, dense, total;

	ffn_layers(s, &ffn, &moe);
	*routed_part = 0;
	if (s->experts == 0)
		return pc_mul(c, "layers x mlp", ffn, mlp_params(c, s, s->ffn));
	dense = pc_mul(c, "dense layers x dense_ffn", ffn - moe, mlp_params(c, s, shape_or(s->dense_ffn, s->ffn)));
	*routed_part = pc_mul3(c, "moe layers x experts x expert mlp", moe, routed, mlp_params(c, s, s->ffn));
	per = pc_mul(c, "shared_experts x shared mlp", s->shared_experts,
		     mlp_params(c, s, shape_or(s->lay.shared_ffn, s->ffn)));
	per = pc_add(c, "moe layer", per, pc_mul(c, "hidden x experts", s->hidden, s->experts));
	if (s->lay.moe_dense_ffn)
		per = pc_add(c, "moe layer", per, mlp_params(c, s, s->lay.moe_dense_ffn));
	total = pc_add(c, "ffn", dense, pc_mul(c, "moe layers x moe layer", moe, per));
	return pc_add(c, "ffn", total, *routed_part);
}

int64_t shape_embedding_params(const struct shape *s)
{
	int64_t r;

	if (__builtin_mul_overflow(s->vocab, s->hidden * (s->tied_embeddings ? 1 : 2), &r))
		return -1;
	return r;
}

/* Everything but the FFN: mixers of every group, norms, embeddings. */
static int64_t body_params(struct pc *c, const struct shape *s)
{
	struct layer_group one;
	int n;
	const struct layer_group *g = shape_groups(s, &one, &n);
	/* LayerNorm (GPT-NeoX) has a bias beside its weight; Gemma 2 norms after each block too. */
	int64_t per_norm = s->hidden * (s->mlp == MLP_PLAIN ? 2 : 1);
	int64_t norms = pc_add(c, "norms", pc_mul3(c, "layers x hidden", s->layers, 2 * per_norm, s->post_norms ? 2 : 1), per_norm);
	int64_t p = pc_add(c, "vocab x hidden", norms, pc_mul3(c, "vocab x hidden", s->vocab, s->hidden, s->tied_embeddings ? 1 : 2));

	for (int i = 0; i < n; i++)
		p = pc_add(c, "layers", p, pc_mul(c, "layers x attention", g[i].count, mixer_params(c, s, &g[i])));
	return p;
}

int shape_derive(const struct shape *s, struct shape_count *out)
{
	struct pc c = { NULL };
	int64_t body = body_params(&c, s);

	memset(out, 0, sizeof *out);
	out->params = pc_add(&c, "parameters", body, ffn_params(&c, s, s->experts, &out->routed));
	out->active = pc_add(&c, "parameters", body,
			     ffn_params(&c, s, s->experts ? s->experts_per_token : 0, &out->routed_active));
	out->overflow = c.overflow;
	return c.overflow ? -1 : 0;
}

int64_t shape_params(const struct shape *s)
{
	struct shape_count k;
	return shape_derive(s, &k) == 0 ? k.params : -1;
}

int64_t shape_active_params(const struct shape *s)
{
	struct shape_count k;
	return shape_derive(s, &k) == 0 ? k.active : -1;
}

enum size_class size_class_of(const struct cost_model *cm, double params)
{
	if (params <= cm->size_small_max_b * 1e9)
		return SIZE_SMALL;
	if (params <= cm->size_large_max_b * 1e9)
		return SIZE_LARGE;
	return SIZE_XL;
}

/* ---- lookups ---------------------------------------------------------------- */

#define FIND(arr, n, id_)                                   \
	for (int i_ = 0; i_ < (n); i_++)                    \
		if (strcmp((arr)[i_].id, (id_)) == 0)       \
			return &(arr)[i_];                  \
	return NULL

const struct model *catalog_model(const struct catalog *c, const char *id) { FIND(c->models, c->n_models, id); }
const struct gpu *catalog_gpu(const struct catalog *c, const char *id) { FIND(c->gpus, c->n_gpus, id); }
const struct licence *catalog_licence(const struct catalog *c, const char *id) { FIND(c->licences, c->n_licences, id); }
const struct provider *catalog_provider(const struct catalog *c, const char *id) { FIND(c->providers, c->n_providers, id); }

/* ---- freeing ------------------------------------------------------------------ */

void licence_free(struct licence *l)
{
	free(l->id); free(l->name); free(l->terms); free(l->attribution); free(l->url);
	free(l->src.source);
}

void model_free(struct model *m)
{
	free(m->id); free(m->name); free(m->family); free(m->vendor); free(m->licence_id);
	free(m->bench.src.source);
	free(m->api.provider); free(m->api.src.source);
	free(m->shape.src.source);
}

void gpu_free(struct gpu *g)
{
	free(g->id); free(g->name); free(g->vendor); free(g->interconnect);
	free(g->src.source);
	for (int b = 0; b < RATE_COUNT; b++) {
		free(g->rates[b].provider);
		free(g->rates[b].src.source);
	}
	free(g->purchase_src.source);
}

void provider_free(struct provider *p)
{
	free(p->dedicated.gpu_id);
	free(p->dedicated.src.source);
	free(p->id); free(p->name); free(p->pricing); free(p->latency); free(p->src.source);
	for (int i = 0; i < p->n_offers; i++) {
		free(p->offers[i].model_id);
		free(p->offers[i].src.source);
	}
	free(p->offers);
}

void rule_free(struct rule *r)
{
	free(r->id); free(r->because); free(r->row); free(r->conds);
}

static void catalog_strings_free(struct catalog *c)
{
	for (int a = 0; a < ARCH_COUNT; a++) {
		free(c->arch[a].name); free(c->arch[a].models_supported);
		free(c->arch[a].complexity); free(c->arch[a].use_case);
	}
	for (int i = 0; i < c->n_presets; i++) {
		free(c->presets[i].id); free(c->presets[i].path); free(c->presets[i].title);
	}
	free(c->presets);
	free(c->cost.src.source);
	free(c->cost.kv_fp8_note);
	for (int i = 0; i < c->n_overlays; i++)
		free(c->overlay_dirs[i]);
	free(c->overlay_dirs);
	free(c->dir);
}

void catalog_free(struct catalog *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < c->n_models; i++) model_free(&c->models[i]);
	for (int i = 0; i < c->n_gpus; i++) gpu_free(&c->gpus[i]);
	for (int i = 0; i < c->n_providers; i++) provider_free(&c->providers[i]);
	for (int i = 0; i < c->n_licences; i++) licence_free(&c->licences[i]);
	for (int i = 0; i < c->n_rules; i++) rule_free(&c->rules[i]);
	free(c->models); free(c->gpus); free(c->providers); free(c->licences); free(c->rules);
	catalog_strings_free(c);
	for (int i = 0; i < c->n_paths; i++)
		free(c->paths[i]);
	free(c->paths);
	free(c);
}
