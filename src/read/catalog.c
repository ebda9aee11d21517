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
const char *const precision_names[PREC_COUNT + 1] = { "fp16", "bf16", "fp8", "int8", "int4", NULL };
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

/* ---- parameter counts from the shape (openweigh-catalog(5), "Parameter count") ---- */

static int64_t attention_params(const struct shape *s)
{
	int64_t h = s->hidden;

	if (s->attention == ATTN_MLA) {
		/* DeepSeek-V2/V3 multi-head latent attention (inference/model.py). */
		int64_t qk = s->qk_nope_head_dim + s->qk_rope_head_dim;
		int64_t q = s->q_lora_rank ? h * s->q_lora_rank + s->q_lora_rank +
						     s->q_lora_rank * s->heads * qk
					   : h * s->heads * qk;
		int64_t kv = h * (s->kv_lora_rank + s->qk_rope_head_dim) + s->kv_lora_rank +
			     s->kv_lora_rank * s->heads * (s->qk_nope_head_dim + s->v_head_dim);
		return q + kv + s->heads * s->v_head_dim * h;
	}
	int64_t p = h * s->heads * s->head_dim + 2 * h * s->kv_heads * s->head_dim +
		    s->heads * s->head_dim * h;
	if (s->qkv_bias || s->mlp == MLP_PLAIN)
		p += (s->heads + 2 * s->kv_heads) * s->head_dim;
	if (s->mlp == MLP_PLAIN)
		p += h;   /* GPT-NeoX also biases the output projection */
	if (s->qk_norm)
		p += (s->heads + s->kv_heads) * s->head_dim;   /* OLMo 2 normalises Q and K */
	return p;
}

static int64_t mlp_params(const struct shape *s, int64_t width)
{
	if (s->mlp == MLP_PLAIN)
		return 2 * s->hidden * width + width + s->hidden;   /* up, down and their biases */
	return 3 * s->hidden * width;                               /* gate, up, down */
}

/* Per-layer FFN parameters: all experts (total) or the routed top-k (active). */
static int64_t ffn_params(const struct shape *s, bool active)
{
	int64_t moe_layers = s->layers - s->first_dense_layers;
	int64_t dense = s->first_dense_layers * mlp_params(s, s->dense_ffn);

	if (s->experts == 0)
		return s->layers * mlp_params(s, s->ffn);
	int64_t routed = active ? s->experts_per_token : s->experts;
	int64_t per = (routed + s->shared_experts) * mlp_params(s, s->ffn) + s->hidden * s->experts;
	return dense + moe_layers * per;
}

int64_t shape_embedding_params(const struct shape *s)
{
	return s->vocab * s->hidden * (s->tied_embeddings ? 1 : 2);
}

static int64_t shape_count(const struct shape *s, bool active)
{
	/* LayerNorm (GPT-NeoX) has a bias beside its weight; Gemma 2 norms after each block too. */
	int64_t per_norm = s->hidden * (s->mlp == MLP_PLAIN ? 2 : 1);
	int64_t norms = s->layers * 2 * per_norm * (s->post_norms ? 2 : 1) + per_norm;
	return s->layers * attention_params(s) + ffn_params(s, active) + norms +
	       shape_embedding_params(s);
}

int64_t shape_params(const struct shape *s) { return shape_count(s, false); }
int64_t shape_active_params(const struct shape *s) { return shape_count(s, true); }

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
