/* catalog_load.c — the catalog YAML files into struct catalog, strictly, with overlays by id.
 * Every unknown key, wrong type or out-of-range value is an error at FILE:LINE:COL. */
#include "catalog_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "idindex.h"
#include "util.h"

/* Upper bounds on plausible values: they catch typos (a price in cents, a size in bytes). */
#define MAX_PRICE_PER_M 1000.0
#define MAX_PARAMS      100000000000000LL   /* 100 T */
#define MAX_DIM         10000000LL

/* Open one catalog file: a mapping with openweigh_catalog: 1 and the list under list_key. */
static int open_catalog_file(struct loadctx *lc, const char *path, const char *list_key,
			     struct ynode **root, const struct ynode **list)
{
	const char *keys[] = { "openweigh_catalog", list_key, NULL };

	if (open_single_file(lc, path, keys, root) != 0)
		return -1;
	*list = ymap_get(*root, list_key);
	if (*list == NULL)
		return yr_fail(&lc->r, *root, "missing required key '%s'", list_key);
	return yr_expect_seq(&lc->r, *list, list_key);
}

int read_sourced(struct yread *r, const struct ynode *map, struct sourced *s)
{
	if (yr_str(r, map, "source", YR_REQUIRED, &s->source) ||
	    yr_date(r, map, "as_of", YR_REQUIRED, &s->as_of))
		return -1;
	return 0;
}

void set_origin(struct loadctx *lc, struct origin *o, const struct ynode *n)
{
	o->file = (char *)lc->r.file;
	o->line = n->line;
	o->col = n->col;
	o->overlay = lc->overlay;
}

/* ---- licences ---------------------------------------------------------- */

static int parse_licence(struct loadctx *lc, const struct ynode *n, struct licence *l)
{
	static const char *const keys[] = { "id", "name", "commercial", "mau_limit", "attribution",
					    "terms", "url", "source", "as_of", NULL };
	struct yread *r = &lc->r;

	set_origin(lc, &l->at, n);
	if (yr_expect_map(r, n, "a licence") || yr_known_keys(r, n, keys) ||
	    yr_id(r, n, "id", &l->id) || yr_str(r, n, "name", YR_REQUIRED, &l->name) ||
	    yr_bool(r, n, "commercial", YR_REQUIRED, &l->commercial) ||
	    yr_int(r, n, "mau_limit", YR_OPTIONAL, 1, INT64_MAX, &l->mau_limit) ||
	    yr_str(r, n, "attribution", YR_OPTIONAL, &l->attribution) ||
	    yr_str(r, n, "terms", YR_REQUIRED, &l->terms) ||
	    yr_str(r, n, "url", YR_OPTIONAL, &l->url) || read_sourced(r, n, &l->src))
		return -1;
	return 0;
}

/* ---- models ------------------------------------------------------------ */

static int parse_benchmarks(struct yread *r, const struct ynode *n, struct benchmarks *b)
{
	static const char *const keys[] = { "mmlu", "humaneval", "mt_bench", "source", "as_of", NULL };

	b->present = true;
	b->mmlu = b->humaneval = b->mt_bench = -1;
	if (yr_expect_map(r, n, "benchmarks") || yr_known_keys(r, n, keys) ||
	    yr_double(r, n, "mmlu", YR_OPTIONAL, 0, 100, &b->mmlu) ||
	    yr_double(r, n, "humaneval", YR_OPTIONAL, 0, 100, &b->humaneval) ||
	    yr_double(r, n, "mt_bench", YR_OPTIONAL, 0, 10, &b->mt_bench) ||
	    read_sourced(r, n, &b->src))
		return -1;
	return 0;
}

static int parse_api(struct yread *r, const struct ynode *n, struct api_price *a)
{
	static const char *const keys[] = { "provider", "input", "output", "cached_input", "cache_write",
					    "batch_discount", "long_context", "source", "as_of", NULL };
	static const char *const long_keys[] = { "above_tokens", "input", "output", NULL };
	const struct ynode *lc;

	a->present = true;
	a->cached_input = a->cache_write = -1;
	if (yr_expect_map(r, n, "api") || yr_known_keys(r, n, keys) ||
	    yr_str(r, n, "provider", YR_REQUIRED, &a->provider) ||
	    yr_double(r, n, "input", YR_REQUIRED, 0, MAX_PRICE_PER_M, &a->input) ||
	    yr_double(r, n, "output", YR_REQUIRED, 0, MAX_PRICE_PER_M, &a->output) ||
	    yr_double(r, n, "cached_input", YR_OPTIONAL, 0, MAX_PRICE_PER_M, &a->cached_input) ||
	    yr_double(r, n, "cache_write", YR_OPTIONAL, 0, MAX_PRICE_PER_M, &a->cache_write) ||
	    yr_double(r, n, "batch_discount", YR_OPTIONAL, 0, 1, &a->batch_discount) ||
	    read_sourced(r, n, &a->src))
		return -1;
	if (a->input == 0 && a->output == 0)
		return yr_fail(r, ymap_get(n, "input"), "an API price of $0 for both input and output is not a price");
	lc = ymap_get(n, "long_context");
	if (lc == NULL)
		return 0;
	if (yr_expect_map(r, lc, "long_context") || yr_known_keys(r, lc, long_keys) ||
	    yr_int(r, lc, "above_tokens", YR_REQUIRED, 1, 100000000, &a->long_above) ||
	    yr_double(r, lc, "input", YR_REQUIRED, 0, MAX_PRICE_PER_M, &a->long_input) ||
	    yr_double(r, lc, "output", YR_REQUIRED, 0, MAX_PRICE_PER_M, &a->long_output))
		return -1;
	return 0;
}

static int parse_shape_dims(struct yread *r, const struct ynode *n, struct shape *s)
{
	struct { const char *key; int64_t *v; int required; int64_t min; } dims[] = {
		{ "layers", &s->layers, 1, 1 },       { "hidden", &s->hidden, 1, 1 },
		{ "ffn", &s->ffn, 1, 1 },             { "heads", &s->heads, 1, 1 },
		{ "kv_heads", &s->kv_heads, 1, 1 },   { "head_dim", &s->head_dim, 1, 1 },
		{ "vocab", &s->vocab, 1, 1 },         { "experts", &s->experts, 0, 0 },
		{ "experts_per_token", &s->experts_per_token, 0, 1 },
		{ "shared_experts", &s->shared_experts, 0, 0 },
		{ "first_dense_layers", &s->first_dense_layers, 0, 0 },
		{ "dense_ffn", &s->dense_ffn, 0, 1 },  { "q_lora_rank", &s->q_lora_rank, 0, 1 },
		{ "kv_lora_rank", &s->kv_lora_rank, 0, 1 },
		{ "qk_nope_head_dim", &s->qk_nope_head_dim, 0, 1 },
		{ "qk_rope_head_dim", &s->qk_rope_head_dim, 0, 1 },
		{ "v_head_dim", &s->v_head_dim, 0, 1 }, { "sliding_window", &s->sliding_window, 0, 1 },
		{ "moe_every", &s->lay.moe_every, 0, 1 }, { "shared_ffn", &s->lay.shared_ffn, 0, 1 },
		{ "moe_dense_ffn", &s->lay.moe_dense_ffn, 0, 1 }, { "mtp_layers", &s->lay.mtp_layers, 0, 0 },
	};

	for (size_t i = 0; i < ARRAY_LEN(dims); i++)
		if (yr_int(r, n, dims[i].key, dims[i].required, dims[i].min, MAX_DIM, dims[i].v))
			return -1;
	return 0;
}

/* ---- layer types (openweigh-catalog(5), "Layer types") ---------------------- */

/* The keys each kind takes beside type, count and ffn; all of a linear or mamba
 * layer's are required, a sliding or chunked layer needs its window. */
static const char *const group_attention_keys[] = { "type", "count", "ffn", "window", "heads", "kv_heads",
						    "head_dim", "v_head_dim", "k_eq_v", "gated", NULL };
static const char *const group_linear_keys[] = { "type", "count", "ffn", "key_heads", "value_heads",
						 "key_head_dim", "value_head_dim", "conv_kernel", NULL };
static const char *const group_mamba_keys[] = { "type", "count", "ffn", "heads", "head_dim", "state_size",
						"groups", "conv_kernel", NULL };
static const char *const group_mlp_keys[] = { "type", "count", NULL };

static int parse_group_dims(struct yread *r, const struct ynode *n, struct layer_group *g)
{
	bool lin = g->kind == LAYER_LINEAR, mam = g->kind == LAYER_MAMBA;
	struct { const char *key; int64_t *v; bool required; } dims[] = {
		{ "window", &g->window, g->kind == LAYER_SLIDING || g->kind == LAYER_CHUNKED },
		{ "heads", &g->heads, mam },          { "kv_heads", &g->kv_heads, false },
		{ "head_dim", &g->head_dim, mam },    { "v_head_dim", &g->v_head_dim, false },
		{ "key_heads", &g->key_heads, lin },  { "value_heads", &g->value_heads, lin },
		{ "key_head_dim", &g->key_head_dim, lin }, { "value_head_dim", &g->value_head_dim, lin },
		{ "state_size", &g->state_size, mam }, { "groups", &g->groups, mam },
		{ "conv_kernel", &g->conv_kernel, lin || mam },
	};
	bool ffn = true;

	for (size_t i = 0; i < ARRAY_LEN(dims); i++)
		if (yr_int(r, n, dims[i].key, dims[i].required, 1, MAX_DIM, dims[i].v))
			return -1;
	if (yr_bool(r, n, "ffn", YR_OPTIONAL, &ffn) || yr_bool(r, n, "k_eq_v", YR_OPTIONAL, &g->k_eq_v) ||
	    yr_bool(r, n, "gated", YR_OPTIONAL, &g->gated))
		return -1;
	g->no_ffn = !ffn;
	return 0;
}

static int parse_layer_group(struct yread *r, const struct ynode *n, struct layer_group *g)
{
	static const char *const *const keys[LAYER_KIND_COUNT] = {
		[LAYER_FULL] = group_attention_keys, [LAYER_SLIDING] = group_attention_keys,
		[LAYER_CHUNKED] = group_attention_keys, [LAYER_LINEAR] = group_linear_keys,
		[LAYER_MAMBA] = group_mamba_keys, [LAYER_MLP] = group_mlp_keys,
	};
	int kind = 0;

	if (yr_expect_map(r, n, "a layer type") ||
	    yr_enum(r, n, "type", YR_REQUIRED, layer_kind_names, LAYER_KIND_COUNT, &kind))
		return -1;
	g->kind = (enum layer_kind)kind;
	if (yr_known_keys(r, n, keys[kind]) || yr_int(r, n, "count", YR_REQUIRED, 1, MAX_DIM, &g->count) ||
	    parse_group_dims(r, n, g))
		return -1;
	return 0;
}

/* An attention group's heads (its own or the shape's) must be a multiple of its KV heads. */
static int check_group_heads(struct yread *r, const struct ynode *n, const struct shape *s,
			     const struct layer_group *g)
{
	int64_t heads = g->heads ? g->heads : s->heads, kv = g->kv_heads ? g->kv_heads : s->kv_heads;

	if (g->kind > LAYER_CHUNKED || (heads % kv == 0 && kv <= heads))
		return 0;
	return yr_fail(r, n, "this layer type's heads (%lld) must be a multiple of its kv_heads (%lld)",
		       (long long)heads, (long long)kv);
}

static int parse_layer_types(struct yread *r, const struct ynode *n, struct shape *s)
{
	int64_t sum = 0;

	if (yr_expect_seq(r, n, "layer_types"))
		return -1;
	if (n->n == 0 || n->n > SHAPE_MAX_GROUPS)
		return yr_fail(r, n, "layer_types takes 1 to %d groups, not %u", SHAPE_MAX_GROUPS, n->n);
	for (size_t i = 0; i < n->n; i++) {
		struct layer_group *g = &s->lay.groups[i];
		if (parse_layer_group(r, n->items[i], g) || check_group_heads(r, n->items[i], s, g))
			return -1;
		if (s->attention == ATTN_MLA && (g->kind == LAYER_SLIDING || g->kind == LAYER_CHUNKED))
			return yr_fail(r, n->items[i], "a %s layer with attention: mla is not a shape openweigh can describe",
				       layer_kind_names[g->kind]);
		sum += g->count;
		s->lay.n_groups++;
	}
	if (sum != s->layers)
		return yr_fail(r, n, "layer_types count %lld layers, the shape has %lld", (long long)sum,
			       (long long)s->layers);
	return 0;
}

static int parse_indexer(struct yread *r, const struct ynode *n, struct shape *s)
{
	static const char *const keys[] = { "heads", "head_dim", "top_k", NULL };
	struct indexer *ix = &s->lay.indexer;

	if (yr_expect_map(r, n, "indexer") || yr_known_keys(r, n, keys) ||
	    yr_int(r, n, "heads", YR_REQUIRED, 1, MAX_DIM, &ix->heads) ||
	    yr_int(r, n, "head_dim", YR_REQUIRED, 1, MAX_DIM, &ix->head_dim) ||
	    yr_int(r, n, "top_k", YR_REQUIRED, 1, MAX_DIM, &ix->top_k))
		return -1;
	if (s->attention != ATTN_MLA)
		return yr_fail(r, n, "an indexer goes with attention: mla");
	return 0;
}

/* MoE and MLA fields must come as complete sets. */
static int check_shape_sets(struct yread *r, const struct ynode *n, struct shape *s)
{
	if (s->kv_heads > s->heads)
		return yr_fail(r, ymap_get(n, "kv_heads"), "kv_heads (%lld) exceeds heads (%lld)",
			       (long long)s->kv_heads, (long long)s->heads);
	if (s->heads % s->kv_heads != 0)
		return yr_fail(r, ymap_get(n, "kv_heads"), "heads (%lld) must be a multiple of kv_heads (%lld)",
			       (long long)s->heads, (long long)s->kv_heads);
	if (s->experts > 0 && (s->experts_per_token == 0 || s->experts_per_token > s->experts))
		return yr_fail(r, n, "an MoE shape needs experts_per_token between 1 and experts");
	if (s->experts == 0 && s->experts_per_token > 0)
		return yr_fail(r, ymap_get(n, "experts_per_token"), "experts_per_token without experts");
	if ((s->first_dense_layers > 0 || s->lay.moe_every > 1) != (s->dense_ffn > 0))
		return yr_fail(r, n, "dense_ffn goes with first_dense_layers or moe_every (the width of the dense layers)");
	if (s->first_dense_layers > s->layers)
		return yr_fail(r, ymap_get(n, "first_dense_layers"), "first_dense_layers exceeds layers");
	if (s->experts == 0 && (s->lay.moe_every || s->lay.moe_dense_ffn || s->shared_experts))
		return yr_fail(r, n, "moe_every, moe_dense_ffn and shared_experts need experts");
	if (s->lay.shared_ffn && !s->shared_experts)
		return yr_fail(r, ymap_get(n, "shared_ffn"), "shared_ffn without shared_experts");
	if (s->attention == ATTN_MLA && (!s->kv_lora_rank || !s->qk_nope_head_dim ||
					 !s->qk_rope_head_dim || !s->v_head_dim))
		return yr_fail(r, n, "attention: mla needs kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim and v_head_dim");
	if (s->experts > 0 && s->active_params == 0)
		return yr_fail(r, n, "missing required key 'active_params' (an MoE model)");
	if (s->experts == 0 && s->active_params != 0)
		return yr_fail(r, ymap_get(n, "active_params"), "active_params is for MoE models only");
	if (s->active_params > s->params)
		return yr_fail(r, ymap_get(n, "active_params"), "active_params exceeds params");
	if (s->lay.native_scope == NATIVE_EXPERTS && s->experts == 0)
		return yr_fail(r, ymap_get(n, "native_scope"), "native_scope: experts needs experts");
	return 0;
}

/* The derived count must exist: an absurd shape is refused here, naming the
 * fields whose product overflows, before anything computes with it. */
static int check_shape_count(struct yread *r, const struct ynode *n, struct shape *s)
{
	struct shape_count k;
	char field[32] = "";
	const struct ynode *at = NULL;

	if (shape_derive(s, &k) != 0) {
		/* Point at the first field the term names, when the shape has it. */
		if (sscanf(k.overflow, "%31[a-z_]", field) == 1)
			at = ymap_get(n, field);
		return yr_fail(r, at ? at : n, "shape: %s overflows a 64-bit parameter count; check those fields",
			       k.overflow);
	}
	if (k.params > MAX_PARAMS)
		return yr_fail(r, n, "shape: its dimensions give %lld parameters, over the %lld bound; check hidden, ffn, experts and vocab",
			       (long long)k.params, (long long)MAX_PARAMS);
	s->lay.derived = true;
	s->lay.routed = k.routed;
	s->lay.routed_active = k.routed_active;
	return 0;
}

static int parse_shape_native(struct yread *r, const struct ynode *n, struct shape *s)
{
	static const char *const scopes[] = { "all", "experts" };
	int prec = -1, scope = NATIVE_ALL;

	if (yr_enum(r, n, "native_precision", YR_OPTIONAL, precision_names, PREC_COUNT, &prec) ||
	    yr_enum(r, n, "native_scope", YR_OPTIONAL, scopes, 2, &scope))
		return -1;
	if (ymap_get(n, "native_scope") && prec < 0)
		return yr_fail(r, ymap_get(n, "native_scope"), "native_scope without native_precision");
	s->lay.native_precision = prec;
	s->lay.native_scope = (enum native_scope)scope;
	return 0;
}

static int parse_shape(struct yread *r, const struct ynode *n, struct shape *s)
{
	static const char *const keys[] = {
		"layers", "hidden", "ffn", "heads", "kv_heads", "head_dim", "vocab", "tied_embeddings",
		"qkv_bias", "qk_norm", "post_norms", "mlp", "experts", "experts_per_token", "shared_experts",
		"shared_ffn", "first_dense_layers", "dense_ffn", "moe_every", "moe_dense_ffn", "attention",
		"q_lora_rank", "kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim",
		"sliding_window", "layer_types", "indexer", "mtp_layers", "native_precision", "native_scope",
		"params", "active_params", "source", "as_of", NULL };
	static const char *const attn_names[] = { "gqa", "mla" };
	int mlp = MLP_GATED, attn = ATTN_GQA;
	const struct ynode *sub;

	s->present = true;
	if (yr_expect_map(r, n, "shape") || yr_known_keys(r, n, keys) || parse_shape_dims(r, n, s) ||
	    yr_bool(r, n, "tied_embeddings", YR_REQUIRED, &s->tied_embeddings) ||
	    yr_bool(r, n, "qkv_bias", YR_OPTIONAL, &s->qkv_bias) ||
	    yr_bool(r, n, "qk_norm", YR_OPTIONAL, &s->qk_norm) ||
	    yr_bool(r, n, "post_norms", YR_OPTIONAL, &s->post_norms) ||
	    yr_enum(r, n, "mlp", YR_OPTIONAL, mlp_kind_names, MLP_KIND_COUNT, &mlp) ||
	    yr_enum(r, n, "attention", YR_OPTIONAL, attn_names, 2, &attn) ||
	    parse_shape_native(r, n, s) ||
	    yr_int(r, n, "params", YR_REQUIRED, 1000, MAX_PARAMS, &s->params) ||
	    yr_int(r, n, "active_params", YR_OPTIONAL, 1000, MAX_PARAMS, &s->active_params) ||
	    read_sourced(r, n, &s->src))
		return -1;
	s->mlp = (enum mlp_kind)mlp;
	s->attention = (enum attn_kind)attn;
	if ((sub = ymap_get(n, "layer_types")) && parse_layer_types(r, sub, s))
		return -1;
	if ((sub = ymap_get(n, "indexer")) && parse_indexer(r, sub, s))
		return -1;
	if (check_shape_sets(r, n, s) != 0 || check_shape_count(r, n, s) != 0)
		return -1;
	if (s->active_params == 0)
		s->active_params = s->params;
	return 0;
}

/* An integer key that may also read `unknown` (0): a closed model's quality_tier and
 * context_tokens when import-prices added it from data that does not give them. */
static int parse_int_or_unknown(struct yread *r, const struct ynode *n, const char *key, int64_t min,
				int64_t max, int64_t *out)
{
	const struct ynode *v = ymap_get(n, key);

	if (v && v->kind == Y_SCALAR && v->plain && strcmp(v->value, "unknown") == 0) {
		*out = 0;
		return 0;
	}
	return yr_int(r, n, key, YR_REQUIRED, min, max, out);
}

static int parse_model(struct loadctx *lc, const struct ynode *n, struct model *m)
{
	static const char *const keys[] = { "id", "name", "family", "vendor", "openness", "licence",
					    "quality_tier", "context_tokens", "released", "legacy",
					    "benchmarks", "api", "shape", NULL };
	struct yread *r = &lc->r;
	int openness = 0;
	int64_t tier = 0;
	const struct ynode *sub;

	set_origin(lc, &m->at, n);
	if (yr_expect_map(r, n, "a model") || yr_known_keys(r, n, keys) ||
	    yr_id(r, n, "id", &m->id) || yr_str(r, n, "name", YR_REQUIRED, &m->name) ||
	    yr_str(r, n, "family", YR_REQUIRED, &m->family) ||
	    yr_str(r, n, "vendor", YR_REQUIRED, &m->vendor) ||
	    yr_enum(r, n, "openness", YR_REQUIRED, openness_names, OPENNESS_COUNT, &openness) ||
	    yr_str(r, n, "licence", YR_REQUIRED, &m->licence_id) ||
	    parse_int_or_unknown(r, n, "quality_tier", 1, 4, &tier) ||
	    parse_int_or_unknown(r, n, "context_tokens", 512, 100000000, &m->context_tokens) ||
	    yr_date(r, n, "released", YR_OPTIONAL, &m->released) ||
	    yr_bool(r, n, "legacy", YR_OPTIONAL, &m->legacy))
		return -1;
	m->openness = (enum openness)openness;
	m->quality_tier = (int)tier;
	if ((sub = ymap_get(n, "benchmarks")) && parse_benchmarks(r, sub, &m->bench))
		return -1;
	if ((sub = ymap_get(n, "api")) && parse_api(r, sub, &m->api))
		return -1;
	if ((sub = ymap_get(n, "shape")) && parse_shape(r, sub, &m->shape))
		return -1;
	if (m->openness != OPEN_CLOSED && (m->quality_tier == TIER_UNKNOWN || m->context_tokens == 0))
		return yr_fail(r, n, "'unknown' is for closed models; open model '%s' needs its quality_tier and context_tokens",
			       m->id);
	if (m->openness == OPEN_CLOSED && !m->api.present)
		return yr_fail(r, n, "closed model '%s' needs an 'api' price", m->id);
	if (m->openness == OPEN_CLOSED && m->shape.present)
		return yr_fail(r, ymap_get(n, "shape"), "closed model '%s' cannot have a shape", m->id);
	if (m->openness != OPEN_CLOSED && !m->shape.present)
		return yr_fail(r, n, "open model '%s' needs its architecture 'shape'", m->id);
	return 0;
}

/* ---- gpus -------------------------------------------------------------- */

/* One rental rate: price (on-demand), price_reserved (with its term) or price_spot. */
static int parse_gpu_rate(struct yread *r, const struct ynode *n, int basis, struct gpu_rate *rate)
{
	static const char *const keys[] = { "usd_per_hour", "provider", "source", "as_of", NULL };
	static const char *const reserved_keys[] = { "usd_per_hour", "term_months", "provider", "source",
						     "as_of", NULL };
	const char *key = rate_basis_keys[basis];
	const struct ynode *p = ymap_get(n, key);

	if (p == NULL)
		return 0;
	rate->present = true;
	if (yr_expect_map(r, p, key) || yr_known_keys(r, p, basis == RATE_RESERVED ? reserved_keys : keys) ||
	    yr_double(r, p, "usd_per_hour", YR_REQUIRED, 0.01, 1000, &rate->usd_per_hour) ||
	    (basis == RATE_RESERVED && yr_int(r, p, "term_months", YR_REQUIRED, 1, 120, &rate->term_months)) ||
	    yr_str(r, p, "provider", YR_REQUIRED, &rate->provider) || read_sourced(r, p, &rate->src))
		return -1;
	return 0;
}

static int parse_gpu_money(struct yread *r, const struct ynode *n, struct gpu *g)
{
	static const char *const buy_keys[] = { "usd", "source", "as_of", NULL };
	const struct ynode *b = ymap_get(n, "purchase");

	for (int basis = 0; basis < RATE_COUNT; basis++)
		if (parse_gpu_rate(r, n, basis, &g->rates[basis]) != 0)
			return -1;
	if (b) {
		g->has_purchase = true;
		if (yr_expect_map(r, b, "purchase") || yr_known_keys(r, b, buy_keys) ||
		    yr_double(r, b, "usd", YR_REQUIRED, 1, 10000000, &g->purchase_usd) ||
		    read_sourced(r, b, &g->purchase_src))
			return -1;
	}
	return yr_double(r, n, "power_w", YR_OPTIONAL, 1, 100000, &g->power_w);
}

static int parse_gpu(struct loadctx *lc, const struct ynode *n, struct gpu *g)
{
	static const char *const keys[] = { "id", "name", "vendor", "kind", "memory_gb",
					    "bandwidth_gbs", "fp16_tflops", "bf16_tflops",
					    "fp8_tflops", "int8_tops", "interconnect",
					    "interconnect_gbs", "max_per_node", "usable_fraction",
					    "prefill_efficiency",
					    "source", "as_of", "price", "price_reserved", "price_spot",
					    "purchase", "power_w", "mxfp4_tflops", "nvfp4_tflops",
					    "nvlink_domain", "kv_fp8", NULL };
	struct yread *r = &lc->r;
	int kind = 0;

	set_origin(lc, &g->at, n);
	if (yr_expect_map(r, n, "a GPU") || yr_known_keys(r, n, keys) || yr_id(r, n, "id", &g->id) ||
	    yr_str(r, n, "name", YR_REQUIRED, &g->name) ||
	    yr_str(r, n, "vendor", YR_REQUIRED, &g->vendor) ||
	    yr_enum(r, n, "kind", YR_REQUIRED, gpu_kind_names, GPU_KIND_COUNT, &kind) ||
	    yr_double(r, n, "memory_gb", YR_REQUIRED, 1, 100000, &g->memory_gb) ||
	    yr_double(r, n, "bandwidth_gbs", YR_REQUIRED, 1, 1000000, &g->bandwidth_gbs) ||
	    yr_double(r, n, "fp16_tflops", YR_REQUIRED, 0.1, 1000000, &g->fp16_tflops) ||
	    yr_double(r, n, "bf16_tflops", YR_REQUIRED, 0, 1000000, &g->bf16_tflops) ||
	    yr_double(r, n, "fp8_tflops", YR_REQUIRED, 0, 1000000, &g->fp8_tflops) ||
	    yr_double(r, n, "int8_tops", YR_REQUIRED, 0, 1000000, &g->int8_tops) ||
	    yr_str(r, n, "interconnect", YR_REQUIRED, &g->interconnect) ||
	    yr_double(r, n, "interconnect_gbs", YR_REQUIRED, 0, 1000000, &g->interconnect_gbs) ||
	    yr_int(r, n, "max_per_node", YR_REQUIRED, 1, 1024, &g->max_per_node) ||
	    yr_double(r, n, "usable_fraction", YR_OPTIONAL, 0.1, 1, &g->usable_fraction) ||
	    yr_double(r, n, "prefill_efficiency", YR_OPTIONAL, 0.01, 1, &g->prefill_efficiency) ||
	    yr_double(r, n, "mxfp4_tflops", YR_OPTIONAL, 0, 1000000, &g->mxfp4_tflops) ||
	    yr_double(r, n, "nvfp4_tflops", YR_OPTIONAL, 0, 1000000, &g->nvfp4_tflops) ||
	    yr_int(r, n, "nvlink_domain", YR_OPTIONAL, 1, 1024, &g->nvlink_domain) ||
	    yr_bool(r, n, "kv_fp8", YR_OPTIONAL, &g->kv_fp8) ||
	    read_sourced(r, n, &g->src) || parse_gpu_money(r, n, g))
		return -1;
	g->kind = (enum gpu_kind)kind;
	if (g->nvlink_domain && g->nvlink_domain < g->max_per_node)
		return yr_fail(r, ymap_get(n, "nvlink_domain"), "nvlink_domain (%lld) is smaller than max_per_node (%lld)",
			       (long long)g->nvlink_domain, (long long)g->max_per_node);
	return 0;
}

/* ---- providers ----------------------------------------------------------- */

static int parse_offer(struct loadctx *lc, const struct ynode *n, struct offer *o)
{
	static const char *const keys[] = { "model", "input", "output", "status", "source", "as_of", NULL };
	static const char *const status_names[] = { "active", "retired" };
	struct yread *r = &lc->r;
	int status = 0;

	set_origin(lc, &o->at, n);
	if (yr_expect_map(r, n, "an offer") || yr_known_keys(r, n, keys) ||
	    yr_id(r, n, "model", &o->model_id) ||
	    yr_double(r, n, "input", YR_REQUIRED, 0, MAX_PRICE_PER_M, &o->input) ||
	    yr_double(r, n, "output", YR_REQUIRED, 0, MAX_PRICE_PER_M, &o->output) ||
	    yr_enum(r, n, "status", YR_OPTIONAL, status_names, 2, &status) ||
	    read_sourced(r, n, &o->src))
		return -1;
	if (o->input == 0 && o->output == 0)
		return yr_fail(r, ymap_get(n, "input"), "an offer priced $0 for input and output is not a price");
	o->retired = status == 1;
	return 0;
}

/* dedicated: {gpu, usd_per_gpu_hour, source, as_of}: serving a fine-tuned model. */
static int parse_dedicated(struct yread *r, const struct ynode *n, struct dedicated_rate *d)
{
	static const char *const keys[] = { "gpu", "usd_per_gpu_hour", "source", "as_of", NULL };
	const struct ynode *m = ymap_get(n, "dedicated");

	if (m == NULL)
		return 0;
	d->present = true;
	return yr_expect_map(r, m, "dedicated") || yr_known_keys(r, m, keys) ||
	       yr_id(r, m, "gpu", &d->gpu_id) ||
	       yr_double(r, m, "usd_per_gpu_hour", YR_REQUIRED, 0.01, 1000, &d->usd_per_gpu_hour) ||
	       read_sourced(r, m, &d->src) ? -1 : 0;
}

static int parse_provider(struct loadctx *lc, const struct ynode *n, struct provider *p)
{
	static const char *const keys[] = { "id", "name", "status", "closed_on", "pricing", "latency",
					    "finetune", "dedicated", "source", "as_of", "offers", NULL };
	static const char *const status_names[] = { "active", "closed" };
	static const char *const ft_names[] = { "none", "lora", "full" };
	struct yread *r = &lc->r;
	int status = 0, ft = 0;
	const struct ynode *offers;

	set_origin(lc, &p->at, n);
	if (yr_expect_map(r, n, "a provider") || yr_known_keys(r, n, keys) ||
	    yr_id(r, n, "id", &p->id) || yr_str(r, n, "name", YR_REQUIRED, &p->name) ||
	    yr_enum(r, n, "status", YR_REQUIRED, status_names, 2, &status) ||
	    yr_date(r, n, "closed_on", status == PROV_CLOSED, &p->closed_on) ||
	    yr_str(r, n, "pricing", YR_REQUIRED, &p->pricing) ||
	    yr_str(r, n, "latency", YR_REQUIRED, &p->latency) ||
	    yr_enum(r, n, "finetune", YR_REQUIRED, ft_names, 3, &ft) || read_sourced(r, n, &p->src))
		return -1;
	p->status = (enum provider_status)status;
	p->finetune = (enum finetune_support)ft;
	if (parse_dedicated(r, n, &p->dedicated))
		return -1;
	if (p->status == PROV_ACTIVE && ymap_get(n, "closed_on"))
		return yr_fail(r, ymap_get(n, "closed_on"), "closed_on is only for status: closed");
	offers = ymap_get(n, "offers");
	if (offers == NULL)
		return yr_fail(r, n, "missing required key 'offers'");
	if (yr_expect_seq(r, offers, "offers"))
		return -1;
	p->offers = xcalloc(offers->n, sizeof *p->offers);
	for (size_t i = 0; i < offers->n; i++) {
		p->n_offers++;    /* counted first: a half-read offer is freed with the provider */
		if (parse_offer(lc, offers->items[i], &p->offers[i]))
			return -1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->offers[j].model_id, p->offers[i].model_id) == 0)
				return yr_fail(r, offers->items[i], "duplicate offer for model '%s' (first at line %d)",
					       p->offers[i].model_id, p->offers[j].at.line);
	}
	return 0;
}

/* ---- generic list loading with overlay by id -------------------------------- */

static char *entry_id(const struct list_spec *s, void *base, int i)
{
	return *(char **)((char *)base + (size_t)i * s->size + s->id_offset);
}

/* Entry j already came from the file slot was read from: an overlay that gives an id
 * twice replaced the lower layer's entry with its first copy. */
static bool load_same_file(const struct list_spec *s, void *base, int j, const void *slot)
{
	const struct origin *o = (const struct origin *)((const char *)base + (size_t)j * s->size + s->origin_offset);
	const struct origin *mine = (const struct origin *)((const char *)slot + s->origin_offset);

	return o->file && mine->file && strcmp(o->file, mine->file) == 0;
}

/* Load one list file (dir/prefix + the spec's file) and merge it into (*base, *count):
 * same id replaces; an id twice in one file is an error. */
static int load_list(struct loadctx *lc, const char *dir, const char *prefix, const struct list_spec *s,
		     void **base, int *count, bool required)
{
	char path[4096];
	struct ynode *root = NULL;
	const struct ynode *list;
	struct stat st;
	struct idindex ix;
	int first_new = *count, rc = 0;

	snprintf(path, sizeof path, "%s/%s%s", dir, prefix, s->file);
	if (!required && stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	if (open_catalog_file(lc, path, s->key, &root, &list) != 0) {
		ytree_free(root);
		return -1;
	}
	*base = xreallocarray(*base, (size_t)*count + list->n + 1, s->size);
	idindex_init(&ix, (size_t)*count + list->n);
	for (int j = 0; j < *count; j++)
		idindex_put(&ix, entry_id(s, *base, j), j);
	for (size_t i = 0; i < list->n && rc == 0; i++) {
		void *slot = (char *)*base + (size_t)*count * s->size;
		int j;
		memset(slot, 0, s->size);
		if (s->parse(lc, list->items[i], slot) != 0) {
			s->free_entry(slot);
			rc = -1;
			break;
		}
		j = idindex_get(&ix, entry_id(s, *base, *count));
		if (j >= first_new || (j >= 0 && load_same_file(s, *base, j, slot))) {
			struct origin *o = (struct origin *)((char *)*base + (size_t)j * s->size + s->origin_offset);
			rc = yr_fail(&lc->r, list->items[i], "duplicate %s id '%s' (first at line %d)",
				     s->what, entry_id(s, *base, *count), o->line);
			s->free_entry(slot);
		} else if (j >= 0) {
			/* An overlay entry replaces the base entry of the same id; the index
			 * takes the new id string before the old one is freed. */
			idindex_put(&ix, entry_id(s, *base, *count), j);
			s->free_entry((char *)*base + (size_t)j * s->size);
			memcpy((char *)*base + (size_t)j * s->size, slot, s->size);
		} else {
			idindex_put(&ix, entry_id(s, *base, *count), *count);
			(*count)++;
		}
	}
	idindex_free(&ix);
	ytree_free(root);
	return rc;
}

static int parse_model_v(struct loadctx *lc, const struct ynode *n, void *p) { return parse_model(lc, n, p); }
static int parse_gpu_v(struct loadctx *lc, const struct ynode *n, void *p) { return parse_gpu(lc, n, p); }
static int parse_provider_v(struct loadctx *lc, const struct ynode *n, void *p) { return parse_provider(lc, n, p); }
static int parse_licence_v(struct loadctx *lc, const struct ynode *n, void *p) { return parse_licence(lc, n, p); }
static void free_model_v(void *p) { model_free(p); }
static void free_gpu_v(void *p) { gpu_free(p); }
static void free_provider_v(void *p) { provider_free(p); }
static void free_licence_v(void *p) { licence_free(p); }

#define LIST_SPEC(file, key, what, type, parse, fr) \
	{ file, key, what, sizeof(type), offsetof(type, id), offsetof(type, at), parse, fr }

static const struct list_spec spec_licences =
	LIST_SPEC("licences.yaml", "licences", "licence", struct licence, parse_licence_v, free_licence_v);
static const struct list_spec spec_models =
	LIST_SPEC("models.yaml", "models", "model", struct model, parse_model_v, free_model_v);
static const struct list_spec spec_gpus =
	LIST_SPEC("gpus.yaml", "gpus", "GPU", struct gpu, parse_gpu_v, free_gpu_v);
static const struct list_spec spec_providers =
	LIST_SPEC("providers.yaml", "providers", "provider", struct provider, parse_provider_v, free_provider_v);

/* An overlay's imported-models.yaml and imported-providers.yaml (written by `catalog
 * import-prices`) are read before its models.yaml and providers.yaml, so a hand-written
 * entry of the same folder replaces an imported one. */
static int load_list_layer(struct loadctx *lc, const char *dir, const struct list_spec *s, void **base,
			   int *count, bool required)
{
	bool imported = !required && (s == &spec_models || s == &spec_providers);

	return (imported && load_list(lc, dir, "imported-", s, base, count, false)) ||
	       load_list(lc, dir, "", s, base, count, required) ? -1 : 0;
}

int load_lists(struct loadctx *lc, struct catalog *c, const char *dir, bool required)
{
	if (load_list_layer(lc, dir, &spec_licences, (void **)&c->licences, &c->n_licences, required) ||
	    load_list_layer(lc, dir, &spec_models, (void **)&c->models, &c->n_models, required) ||
	    load_list_layer(lc, dir, &spec_gpus, (void **)&c->gpus, &c->n_gpus, required) ||
	    load_list_layer(lc, dir, &spec_providers, (void **)&c->providers, &c->n_providers, required))
		return -1;
	return 0;
}

int open_single_file(struct loadctx *lc, const char *path, const char *const *keys,
		     struct ynode **root)
{
	struct yread *r = &lc->r;
	int64_t version = 0;

	*root = lc_load_tree(lc, path);
	if (*root == NULL)
		return -1;
	if (yr_expect_map(r, *root, "a catalog file") || yr_known_keys(r, *root, keys) ||
	    yr_int(r, *root, "openweigh_catalog", YR_REQUIRED, 1, 1, &version))
		return -1;
	return 0;
}

const char *lc_keep_path(struct loadctx *lc, const char *path)
{
	lc->paths = xreallocarray(lc->paths, (size_t)lc->n_paths + 1, sizeof *lc->paths);
	lc->paths[lc->n_paths] = xstrdup(path);
	return lc->paths[lc->n_paths++];
}

struct ynode *lc_load_tree(struct loadctx *lc, const char *path)
{
	size_t len = 0;
	char *text = read_file_limited(path, YTREE_MAX_BYTES, &len, lc->r.e);
	struct ynode *root;

	if (text == NULL)
		return NULL;
	/* The catalog's fingerprint covers every byte the verdict was computed from. */
	SHA256Update(&lc->hash, (const uint8_t *)text, len);
	lc->r.file = lc_keep_path(lc, path);
	root = ytree_parse(lc->r.file, text, len, lc->r.e);
	free(text);
	return root;
}
