/* twins.c — models that evaluate() cannot tell apart: the same openness, licence,
 * quality tier, context window, MMLU, API prices and shape. A catalog of thousands
 * of fine-tunes of a few bases is mostly twins; choosing among one of each is exact,
 * because a later twin never beats an earlier one (every choice breaks ties by
 * catalog order). */
#include "twins.h"

#include <stdint.h>
#include <stdlib.h>

#include "util.h"

static uint64_t mix(uint64_t h, uint64_t v)
{
	/* FNV-1a over the eight bytes of v. */
	for (int i = 0; i < 8; i++) {
		h ^= (v >> (8 * i)) & 0xff;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t bits_of(double d)
{
	union { double d; uint64_t u; } x = { .d = d == 0 ? 0 : d };   /* -0 hashes as 0 */
	return x.u;
}

static uint64_t twin_hash(const struct model *m)
{
	const struct shape *s = &m->shape;
	uint64_t h = 0xcbf29ce484222325ULL;

	h = mix(h, (uint64_t)m->openness);
	h = mix(h, (uint64_t)(uintptr_t)m->licence);
	h = mix(h, (uint64_t)m->quality_tier);
	h = mix(h, (uint64_t)m->context_tokens);
	h = mix(h, bits_of(m->api.present ? m->api.input : -1));
	h = mix(h, bits_of(m->api.present ? m->api.output : -1));
	h = mix(h, (uint64_t)s->params);
	h = mix(h, (uint64_t)s->layers);
	return mix(h, (uint64_t)s->hidden);
}

static bool same_api(const struct api_price *a, const struct api_price *b)
{
	if (a->present != b->present)
		return false;
	return !a->present ||
	       (a->input == b->input && a->output == b->output && a->batch_discount == b->batch_discount &&
		a->long_above == b->long_above && a->long_input == b->long_input &&
		a->long_output == b->long_output);
}

static bool same_shape(const struct shape *a, const struct shape *b)
{
	if (a->present != b->present)
		return false;
	return !a->present ||
	       (a->layers == b->layers && a->hidden == b->hidden && a->ffn == b->ffn &&
		a->heads == b->heads && a->kv_heads == b->kv_heads && a->head_dim == b->head_dim &&
		a->vocab == b->vocab && a->tied_embeddings == b->tied_embeddings &&
		a->qkv_bias == b->qkv_bias && a->qk_norm == b->qk_norm && a->post_norms == b->post_norms &&
		a->mlp == b->mlp && a->attention == b->attention && a->experts == b->experts &&
		a->experts_per_token == b->experts_per_token && a->shared_experts == b->shared_experts &&
		a->first_dense_layers == b->first_dense_layers && a->dense_ffn == b->dense_ffn &&
		a->q_lora_rank == b->q_lora_rank && a->kv_lora_rank == b->kv_lora_rank &&
		a->qk_nope_head_dim == b->qk_nope_head_dim && a->qk_rope_head_dim == b->qk_rope_head_dim &&
		a->v_head_dim == b->v_head_dim && a->sliding_window == b->sliding_window &&
		a->params == b->params && a->active_params == b->active_params);
}

/* Every model field evaluate() reads when choosing (not the ids and names it prints). */
bool models_twins(const struct model *a, const struct model *b)
{
	double ma = a->bench.present ? a->bench.mmlu : -1, mb = b->bench.present ? b->bench.mmlu : -1;

	return a->openness == b->openness && a->licence == b->licence &&
	       a->quality_tier == b->quality_tier && a->context_tokens == b->context_tokens && ma == mb &&
	       same_api(&a->api, &b->api) && same_shape(&a->shape, &b->shape);
}

int *model_twins(const struct catalog *c)
{
	int *twin = xcalloc((size_t)c->n_models + 1, sizeof *twin);
	size_t cap = 16;
	int *slot;

	while (cap < 2 * (size_t)c->n_models)
		cap *= 2;
	slot = xcalloc(cap, sizeof *slot);   /* model index + 1; 0 is empty */
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		size_t k = (size_t)twin_hash(m) & (cap - 1);
		twin[i] = i;
		/* Open addressing holds the first of each set; collisions probe on. */
		for (; slot[k] != 0; k = (k + 1) & (cap - 1))
			if (models_twins(&c->models[slot[k] - 1], m)) {
				twin[i] = slot[k] - 1;
				break;
			}
		if (twin[i] == i)
			slot[k] = i + 1;
	}
	free(slot);
	return twin;
}
