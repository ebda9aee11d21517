/* hfconfig.c — a Hugging Face config.json into a catalog shape (see hfconfig.h).
 *
 * The field names are the ones transformers and the model vendors' remote code read
 * (configuration_*.py); each mapping below says which. Norm weights, biases of
 * single projections, attention sinks and router biases are not separate fields of
 * the shape: like the catalog's own shapes they are left out (each < 0.1 % of the
 * parameters). Everything that changes the count or the cache more than that is
 * either mapped or refused by name. */
#include "hfconfig.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define HF_MAX_BYTES (4u * 1024u * 1024u)   /* the largest config read is 40 KB */
#define HF_MAX_DIM 10000000LL              /* the catalog loader's bound on a dimension */
#define HF_MAX_CONTEXT 100000000LL         /* and on context_tokens */

const char hfconfig_known_types[] =
	"llama, mistral, qwen2, qwen3, qwen3_vl_text, mimo, mixtral, qwen3_moe, qwen3_vl_moe_text, "
	"gpt_oss, llama4_text, deepseek_v3, kimi_k2, deepseek_v32, glm_moe_dsa, qwen3_5_text, "
	"qwen3_5_moe_text, gemma4_text, nemotron_h, minimax_m2, mimo_v2_flash, step3p7";

struct hf {
	const char *path;
	const cJSON *root, *text;   /* text: text_config, or root */
	const char *prefix;         /* "text_config." or "" */
	struct ow_error *e;
	struct shape *s;
};

static int hf_fail(struct hf *h, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int hf_fail(struct hf *h, const char *key, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ow_error_set(h->e, OW_EXIT_INPUT, h->path, 0, 0, "field '%s%s': %s", key && h->text != h->root ? h->prefix : "",
		     key ? key : "", msg);
	return -1;
}

/* A field of the text model; NULL when absent or null. */
static const cJSON *hf_get(const struct hf *h, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(h->text, key);
	return cJSON_IsNull(v) ? NULL : v;
}

static bool hf_has(const struct hf *h, const char *key) { return hf_get(h, key) != NULL; }

/* A whole number in [min, max]; absent: dflt when not required. */
static int hf_int_in(struct hf *h, const char *key, bool required, int64_t dflt, int64_t min, int64_t max,
		     int64_t *out)
{
	const cJSON *v = hf_get(h, key);
	double d;

	if (v == NULL) {
		if (required)
			return hf_fail(h, key, "missing (this model_type needs it)");
		*out = dflt;
		return 0;
	}
	d = cJSON_GetNumberValue(v);
	if (!cJSON_IsNumber(v) || d != floor(d) || d < (double)min || d > (double)max)
		return hf_fail(h, key, "must be a whole number from %lld to %lld", (long long)min, (long long)max);
	*out = (int64_t)d;
	return 0;
}

static int hf_int(struct hf *h, const char *key, bool required, int64_t dflt, int64_t *out)
{
	return hf_int_in(h, key, required, dflt, 0, HF_MAX_DIM, out);
}

static int hf_bool(struct hf *h, const char *key, bool dflt, bool *out)
{
	const cJSON *v = hf_get(h, key);

	if (v == NULL) {
		*out = dflt;
		return 0;
	}
	if (!cJSON_IsBool(v))
		return hf_fail(h, key, "must be true or false");
	*out = cJSON_IsTrue(v);
	return 0;
}

/* Set (not null, false, 0, "" or empty): the field changes the model. */
static bool hf_set(const struct hf *h, const char *key)
{
	const cJSON *v = hf_get(h, key);

	if (v == NULL || cJSON_IsFalse(v))
		return false;
	if (cJSON_IsNumber(v))
		return cJSON_GetNumberValue(v) != 0;
	if (cJSON_IsString(v))
		return v->valuestring[0] != '\0';
	if (cJSON_IsArray(v) || cJSON_IsObject(v))
		return v->child != NULL;
	return true;
}

/* Refuse each listed field that is set: the schema cannot describe what it does. */
static int hf_refuse_set(struct hf *h, const char *const *keys, const char *why)
{
	for (size_t i = 0; keys[i]; i++)
		if (hf_set(h, keys[i]))
			return hf_fail(h, keys[i], "%s", why);
	return 0;
}

/* ---- the common transformer fields ---------------------------------------------- */

/* hidden, layers, heads, kv heads (default: heads), head_dim (default hidden/heads),
 * vocab, tied embeddings (text model's, else the top level's, else dflt_tie). */
static int hf_core(struct hf *h, bool dflt_tie)
{
	struct shape *s = h->s;
	const cJSON *tie;

	if (hf_int(h, "hidden_size", true, 0, &s->hidden) ||
	    hf_int(h, "num_hidden_layers", s->layers == 0, s->layers, &s->layers) ||
	    hf_int(h, "num_attention_heads", true, 0, &s->heads) ||
	    hf_int(h, "num_key_value_heads", false, s->heads, &s->kv_heads) ||
	    hf_int(h, "vocab_size", true, 0, &s->vocab))
		return -1;
	if (s->hidden < 1 || s->layers < 1 || s->heads < 1 || s->kv_heads < 1 || s->vocab < 1)
		return hf_fail(h, "num_hidden_layers", "hidden_size, num_hidden_layers, num_attention_heads, "
			       "num_key_value_heads and vocab_size must be at least 1");
	if (hf_int(h, "head_dim", false, s->hidden / s->heads, &s->head_dim))
		return -1;
	tie = hf_get(h, "tie_word_embeddings");
	if (tie == NULL)
		tie = cJSON_GetObjectItemCaseSensitive(h->root, "tie_word_embeddings");
	if (cJSON_IsBool(tie))
		s->tied_embeddings = cJSON_IsTrue(tie);
	else
		s->tied_embeddings = dflt_tie;
	return 0;
}

static int hf_mtp(struct hf *h, const char *key)
{
	return hf_int(h, key, false, 0, &h->s->lay.mtp_layers);
}

static struct layer_group *hf_group(struct hf *h, enum layer_kind k)
{
	struct shape_layers *l = &h->s->lay;

	for (int i = 0; i < l->n_groups; i++)
		if (l->groups[i].kind == k)
			return &l->groups[i];
	l->groups[l->n_groups].kind = k;
	return &l->groups[l->n_groups++];
}

/* layer_types: a list of strings; each name maps to a kind ("full_attention" → full ...). */
static int hf_layer_types(struct hf *h, const char *key, const char *const *names, const enum layer_kind *kinds,
			  size_t n_names)
{
	const cJSON *list = hf_get(h, key), *it;
	int64_t seen = 0;

	if (!cJSON_IsArray(list))
		return hf_fail(h, key, "must be a list of layer types");
	cJSON_ArrayForEach(it, list) {
		size_t k = 0;
		while (k < n_names && !(cJSON_IsString(it) && strcmp(it->valuestring, names[k]) == 0))
			k++;
		if (k == n_names)
			return hf_fail(h, key, "layer type '%s' is not one openweigh can describe",
				       cJSON_IsString(it) ? it->valuestring : "(not a string)");
		hf_group(h, kinds[k])->count++;
		seen++;
	}
	if (seen != h->s->layers)
		return hf_fail(h, key, "lists %lld layers, num_hidden_layers is %lld", (long long)seen,
			       (long long)h->s->layers);
	return 0;
}

static bool hf_plain_group(const struct layer_group *g)
{
	return !g->no_ffn && !g->window && !g->heads && !g->kv_heads && !g->head_dim && !g->v_head_dim &&
	       !g->k_eq_v && !g->gated;
}

/* Groups the mapping looked up but gave no layers go; a lone full-attention group
 * with the shape's own geometry is the default and goes too. */
static void hf_tidy_groups(struct shape *s)
{
	struct shape_layers *l = &s->lay;
	int n = 0;

	for (int i = 0; i < l->n_groups; i++)
		if (l->groups[i].count > 0)
			l->groups[n++] = l->groups[i];
	memset(&l->groups[n], 0, sizeof l->groups[0] * (size_t)(SHAPE_MAX_GROUPS - n));
	l->n_groups = n;
	if (n == 1 && l->groups[0].kind == LAYER_FULL && hf_plain_group(&l->groups[0])) {
		memset(&l->groups[0], 0, sizeof l->groups[0]);
		l->n_groups = 0;
	}
}

/* ---- native checkpoint precision (quantization_config) -------------------------- */

/* Does the quantisation leave attention out (modules_to_not_convert / ignore)? */
static bool hf_skips_attention(const cJSON *list)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, list)
		if (cJSON_IsString(it) && (strstr(it->valuestring, "self_attn") || strstr(it->valuestring, "linear_attn") ||
					   strstr(it->valuestring, "attention")))
			return true;
	return false;
}

/* Scope of a quantisation that skips attention: for an MoE model, the routed experts. */
static int hf_scope(struct hf *h, const cJSON *skip, const char *key)
{
	if (!hf_skips_attention(skip))
		return 0;
	if (h->s->experts == 0)
		return hf_fail(h, key, "keeps attention in 16 bits and quantises the MLPs: openweigh's "
			       "native_scope is all linear layers or the routed experts only");
	h->s->lay.native_scope = NATIVE_EXPERTS;
	return 0;
}

/* compressed-tensors / ModelOpt config_groups: 4-bit float group 16 is NVFP4, 8-bit
 * float is FP8, 4-bit int group 128 is the catalog's int4. */
static int hf_config_groups(struct hf *h, const cJSON *q)
{
	const cJSON *g = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(q, "config_groups"), "group_0");
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(g, "weights");
	double bits = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(w, "num_bits"));
	const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "type"));
	const cJSON *gs = cJSON_GetObjectItemCaseSensitive(w, "group_size");
	double group = cJSON_IsNumber(gs) ? cJSON_GetNumberValue(gs) : 0;

	if (type && !strcmp(type, "float") && bits == 8)
		h->s->lay.native_precision = PREC_FP8;
	else if (type && !strcmp(type, "float") && bits == 4 && group == 16)
		h->s->lay.native_precision = PREC_NVFP4;
	else if (type && !strcmp(type, "int") && bits == 4 && group == 128)
		h->s->lay.native_precision = PREC_INT4;
	else
		return hf_fail(h, "quantization_config.config_groups.group_0.weights",
			       "%g-bit %s weights in groups of %g are not a precision openweigh models "
			       "(fp8, nvfp4: float 4-bit group 16, int4: group 128)", bits, type ? type : "?", group);
	return hf_scope(h, cJSON_GetObjectItemCaseSensitive(q, "ignore"), "quantization_config.ignore");
}

static int hf_native(struct hf *h)
{
	const cJSON *q = hf_get(h, "quantization_config");
	const char *method;

	if (q == NULL)
		q = cJSON_GetObjectItemCaseSensitive(h->root, "quantization_config");
	if (q == NULL || cJSON_IsNull(q))
		return 0;
	method = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(q, "quant_method"));
	if (cJSON_GetObjectItemCaseSensitive(q, "config_groups"))
		return hf_config_groups(h, q);
	if (method && !strcmp(method, "fp8")) {
		h->s->lay.native_precision = PREC_FP8;
		return 0;
	}
	if (method && !strcmp(method, "mxfp4")) {
		h->s->lay.native_precision = PREC_MXFP4;
		return hf_scope(h, cJSON_GetObjectItemCaseSensitive(q, "modules_to_not_convert"),
				"quantization_config.modules_to_not_convert");
	}
	return hf_fail(h, "quantization_config.quant_method", "'%s' is not a quantisation openweigh maps "
		       "(fp8, mxfp4, or config_groups of fp8, nvfp4 or int4)", method ? method : "(none)");
}

/* ---- model types ------------------------------------------------------------------ */

/* Llama, Mistral, Qwen2/3 (and the Qwen3-VL text model), MiMo-7B: dense GQA.
 * Qwen2's q/k/v projections always carry a bias (modeling_qwen2.py). */
static int map_dense(struct hf *h, const char *type)
{
	struct shape *s = h->s;
	bool bias = false, sliding = false;

	if (hf_core(h, false) || hf_int(h, "intermediate_size", true, 0, &s->ffn) ||
	    hf_bool(h, "attention_bias", false, &bias) || hf_bool(h, "use_sliding_window", false, &sliding) ||
	    hf_mtp(h, "num_nextn_predict_layers"))
		return -1;
	if (sliding)
		return hf_fail(h, "use_sliding_window", "sliding windows on some Qwen layers (max_window_layers) are not mapped");
	s->qkv_bias = bias || !strcmp(type, "qwen2");
	if (!strcmp(type, "mistral") && hf_set(h, "sliding_window")) {
		struct layer_group *g = hf_group(h, LAYER_SLIDING);
		g->count = s->layers;
		return hf_int(h, "sliding_window", true, 0, &g->window);
	}
	return 0;
}

/* Mixtral, Qwen3-MoE (and Qwen3-VL-MoE text): GQA with routed experts. Qwen3-MoE
 * layer i is MoE when (i + 1) % decoder_sparse_step == 0 and i is not in
 * mlp_only_layers (modeling_qwen3_moe.py); the others use intermediate_size. */
static int map_moe(struct hf *h, const char *type)
{
	static const char *const refuse[] = { "mlp_only_layers", NULL };
	struct shape *s = h->s;
	bool mixtral = !strcmp(type, "mixtral");
	int64_t step = 1;

	if (hf_core(h, false) || hf_refuse_set(h, refuse, "dense layers listed one by one are not mapped") ||
	    hf_int(h, mixtral ? "num_local_experts" : "num_experts", true, 0, &s->experts) ||
	    hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, mixtral ? "intermediate_size" : "moe_intermediate_size", true, 0, &s->ffn) ||
	    (!mixtral && hf_int(h, "decoder_sparse_step", false, 1, &step)))
		return -1;
	if (step > 1) {
		s->lay.moe_every = step;
		if (hf_int(h, "intermediate_size", true, 0, &s->dense_ffn))
			return -1;
	}
	if (hf_set(h, "sliding_window") && mixtral)
		return hf_fail(h, "sliding_window", "a sliding window on every Mixtral layer is not mapped");
	return 0;
}

/* gpt-oss: alternating sliding/full layers, MoE with experts_per_token, biases. */
static int map_gpt_oss(struct hf *h)
{
	static const char *const names[] = { "full_attention", "sliding_attention" };
	static const enum layer_kind kinds[] = { LAYER_FULL, LAYER_SLIDING };
	struct shape *s = h->s;

	if (hf_core(h, false) || hf_int(h, "num_local_experts", true, 0, &s->experts) ||
	    hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "intermediate_size", true, 0, &s->ffn) || hf_bool(h, "attention_bias", false, &s->qkv_bias) ||
	    hf_layer_types(h, "layer_types", names, kinds, 2))
		return -1;
	if (shape_layers_of(s, LAYER_SLIDING) > 0)
		return hf_int(h, "sliding_window", true, 0, &hf_group(h, LAYER_SLIDING)->window);
	return 0;
}

/* Llama 4: every no_rope_layer_interval-th layer (default 4) is a NoPE global layer,
 * the others attend within attention_chunk_size; MoE layers every
 * interleave_moe_layer_step, each with one shared expert; dense layers use
 * intermediate_size_mlp (configuration_llama4.py). */
static int map_llama4(struct hf *h)
{
	struct shape *s = h->s;
	int64_t interval = 4, chunk = 0, step = 1, chunked = 0;
	const cJSON *rope = hf_get(h, "no_rope_layers"), *it;

	if (hf_core(h, false) || hf_int(h, "num_local_experts", true, 0, &s->experts) ||
	    hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "intermediate_size", true, 0, &s->ffn) ||
	    hf_int(h, "interleave_moe_layer_step", false, 1, &step) ||
	    hf_int(h, "no_rope_layer_interval", false, 4, &interval) ||
	    hf_int(h, "attention_chunk_size", false, 0, &chunk))
		return -1;
	if (hf_has(h, "moe_layers"))
		return hf_fail(h, "moe_layers", "an explicit MoE layer list is not mapped (interleave_moe_layer_step is)");
	if (cJSON_IsArray(rope)) {
		cJSON_ArrayForEach(it, rope)
			chunked += cJSON_IsNumber(it) && cJSON_GetNumberValue(it) != 0;
	} else if (interval > 0) {
		chunked = s->layers - s->layers / interval;
	}
	s->shared_experts = 1;
	if (step > 1) {
		s->lay.moe_every = step;
		if (hf_int(h, "intermediate_size_mlp", true, 0, &s->dense_ffn))
			return -1;
	}
	if (chunk > 0 && chunked > 0) {
		struct layer_group *g = hf_group(h, LAYER_CHUNKED);
		g->count = chunked;
		g->window = chunk;
		if (chunked < s->layers)
			hf_group(h, LAYER_FULL)->count = s->layers - chunked;
	}
	return 0;
}

/* DeepSeek-V3/R1, Kimi K2, DeepSeek-V3.2 and GLM-5: MLA, MoE past
 * first_k_dense_replace, V3.2/GLM-5 a sparse-attention indexer. */
static int map_mla(struct hf *h, bool indexer)
{
	static const char *const refuse[] = { "indexer_types", "index_topk_pattern", "index_share_for_mtp_iteration",
					      "compress_ratios", "o_lora_rank", NULL };
	struct shape *s = h->s;
	int64_t freq = 1;

	if (hf_core(h, false) || hf_refuse_set(h, refuse, "indexers shared or compressed across layers are not a shape openweigh can describe") ||
	    hf_int(h, "q_lora_rank", false, 0, &s->q_lora_rank) || hf_int(h, "kv_lora_rank", true, 0, &s->kv_lora_rank) ||
	    hf_int(h, "qk_nope_head_dim", true, 0, &s->qk_nope_head_dim) ||
	    hf_int(h, "qk_rope_head_dim", true, 0, &s->qk_rope_head_dim) ||
	    hf_int(h, "v_head_dim", true, 0, &s->v_head_dim) ||
	    hf_int(h, "n_routed_experts", true, 0, &s->experts) ||
	    hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "n_shared_experts", false, 0, &s->shared_experts) ||
	    hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) ||
	    hf_int(h, "first_k_dense_replace", false, 0, &s->first_dense_layers) ||
	    hf_int(h, "moe_layer_freq", false, 1, &freq) || hf_mtp(h, "num_nextn_predict_layers"))
		return -1;
	if (freq != 1)
		return hf_fail(h, "moe_layer_freq", "MoE on every %lld-th layer is not mapped for MLA models", (long long)freq);
	s->attention = ATTN_MLA;
	s->kv_heads = s->heads;   /* nominal: MLA caches a latent, not heads */
	s->head_dim = s->qk_nope_head_dim + s->qk_rope_head_dim;
	if (s->first_dense_layers > 0 && hf_int(h, "intermediate_size", true, 0, &s->dense_ffn))
		return -1;
	if (!indexer)
		return 0;
	return hf_int(h, "index_n_heads", true, 0, &s->lay.indexer.heads) ||
	       hf_int(h, "index_head_dim", true, 0, &s->lay.indexer.head_dim) ||
	       hf_int(h, "index_topk", true, 0, &s->lay.indexer.top_k) ? -1 : 0;
}

/* Qwen3.5 / 3.6 (and Qwen3-Next): Gated DeltaNet linear layers and gated full
 * attention (attn_output_gate), dense or MoE with one shared expert. */
static int map_qwen35(struct hf *h, bool moe)
{
	static const char *const names[] = { "full_attention", "linear_attention" };
	static const enum layer_kind kinds[] = { LAYER_FULL, LAYER_LINEAR };
	static const char *const refuse[] = { "mlp_only_layers", NULL };
	struct shape *s = h->s;
	struct layer_group *lin;
	int64_t shared_w = 0;
	bool gate = false;

	if (hf_core(h, false) || hf_refuse_set(h, refuse, "dense layers listed one by one are not mapped") ||
	    hf_layer_types(h, "layer_types", names, kinds, 2) || hf_bool(h, "attn_output_gate", false, &gate) ||
	    hf_mtp(h, "mtp_num_hidden_layers"))
		return -1;
	hf_group(h, LAYER_FULL)->gated = gate;
	lin = hf_group(h, LAYER_LINEAR);
	if (lin->count > 0 &&
	    (hf_int(h, "linear_num_key_heads", true, 0, &lin->key_heads) ||
	     hf_int(h, "linear_num_value_heads", true, 0, &lin->value_heads) ||
	     hf_int(h, "linear_key_head_dim", true, 0, &lin->key_head_dim) ||
	     hf_int(h, "linear_value_head_dim", true, 0, &lin->value_head_dim) ||
	     hf_int(h, "linear_conv_kernel_dim", true, 0, &lin->conv_kernel)))
		return -1;
	if (!moe)
		return hf_int(h, "intermediate_size", true, 0, &s->ffn);
	if (hf_int(h, "num_experts", true, 0, &s->experts) || hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) ||
	    hf_int(h, "shared_expert_intermediate_size", false, 0, &shared_w))
		return -1;
	if (shared_w > 0) {
		s->shared_experts = 1;
		s->lay.shared_ffn = shared_w == s->ffn ? 0 : shared_w;
	}
	return 0;
}

/* Gemma 4: sliding layers with the shape's geometry, global layers with
 * global_head_dim and num_global_key_value_heads (one projection for K and V when
 * attention_k_eq_v); the MoE variant runs a dense MLP beside its experts. */
static int map_gemma4(struct hf *h)
{
	static const char *const names[] = { "full_attention", "sliding_attention" };
	static const enum layer_kind kinds[] = { LAYER_FULL, LAYER_SLIDING };
	static const char *const refuse[] = { "hidden_size_per_layer_input", "num_kv_shared_layers", "use_double_wide_mlp", NULL };
	struct shape *s = h->s;
	struct layer_group *full, *slide;
	bool moe = false;

	if (hf_core(h, true) || hf_refuse_set(h, refuse, "per-layer embeddings, shared KV layers and double-wide MLPs are not mapped") ||
	    hf_layer_types(h, "layer_types", names, kinds, 2) || hf_bool(h, "enable_moe_block", false, &moe))
		return -1;
	s->post_norms = true;
	full = hf_group(h, LAYER_FULL);
	slide = hf_group(h, LAYER_SLIDING);
	if (hf_int(h, "global_head_dim", false, 0, &full->head_dim) ||
	    hf_int(h, "num_global_key_value_heads", false, 0, &full->kv_heads) ||
	    hf_bool(h, "attention_k_eq_v", false, &full->k_eq_v) ||
	    (slide->count > 0 && hf_int(h, "sliding_window", true, 0, &slide->window)))
		return -1;
	if (!moe)
		return hf_int(h, "intermediate_size", true, 0, &s->ffn);
	return hf_int(h, "num_experts", true, 0, &s->experts) || hf_int(h, "top_k_experts", true, 0, &s->experts_per_token) ||
	       hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) ||
	       hf_int(h, "intermediate_size", true, 0, &s->lay.moe_dense_ffn) ? -1 : 0;
}

/* One Nemotron-H block from hybrid_override_pattern ('M' Mamba-2, '*' attention,
 * 'E' MoE, '-' MLP) or layers_block_type ("mamba", "attention", "moe", "mlp"). */
static int nemotron_block(struct hf *h, char c, bool *moe, bool *mlp)
{
	switch (c) {
	case 'M': hf_group(h, LAYER_MAMBA)->count++; return 0;
	case '*': hf_group(h, LAYER_FULL)->count++; return 0;
	case 'E': *moe = true; hf_group(h, LAYER_MLP)->count++; return 0;
	case '-': *mlp = true; hf_group(h, LAYER_MLP)->count++; return 0;
	default: return hf_fail(h, "hybrid_override_pattern", "block '%c' is not one openweigh can describe", c);
	}
}

static int nemotron_pattern(struct hf *h, bool *moe, bool *mlp)
{
	const cJSON *p = hf_get(h, "hybrid_override_pattern"), *list = hf_get(h, "layers_block_type"), *it;
	static const char *const words[] = { "mamba", "attention", "moe", "mlp" };
	static const char chars[] = "M*E-";

	if (cJSON_IsString(p)) {
		for (const char *c = p->valuestring; *c; c++)
			if (nemotron_block(h, *c, moe, mlp))
				return -1;
		return 0;
	}
	if (!cJSON_IsArray(list))
		return hf_fail(h, "hybrid_override_pattern", "missing (and no layers_block_type list)");
	cJSON_ArrayForEach(it, list) {
		size_t k = 0;
		while (k < 4 && !(cJSON_IsString(it) && !strcmp(it->valuestring, words[k])))
			k++;
		if (k == 4)
			return hf_fail(h, "layers_block_type", "block '%s' is not one openweigh can describe",
				       cJSON_IsString(it) ? it->valuestring : "(not a string)");
		if (nemotron_block(h, chars[k], moe, mlp))
			return -1;
	}
	return 0;
}

/* Nemotron-H / Nemotron 3: Mamba-2, attention and MLP-or-MoE blocks, each a layer
 * of its own (configuration_nemotron_h.py); relu² experts (up and down only). */
static int map_nemotron_h(struct hf *h)
{
	static const char *const refuse[] = { "moe_latent_size", NULL };
	struct shape *s = h->s;
	struct layer_group *m;
	bool moe = false, mlp = false;
	int64_t shared_w = 0, listed = 0;
	const char *act;

	/* Nemotron 3 Ultra states no num_hidden_layers: its layers_block_type lists them. */
	if (nemotron_pattern(h, &moe, &mlp))
		return -1;
	for (int i = 0; i < s->lay.n_groups; i++)
		listed += s->lay.groups[i].count;
	s->layers = listed;
	if (hf_core(h, false) || hf_refuse_set(h, refuse, "a latent MoE (experts in a projected space) is not a shape openweigh can describe") ||
	    hf_mtp(h, "num_nextn_predict_layers"))
		return -1;
	if (s->layers != listed)
		return hf_fail(h, "hybrid_override_pattern", "lists %lld blocks, num_hidden_layers is %lld",
			       (long long)listed, (long long)s->layers);
	for (int i = 0; i < s->lay.n_groups; i++)
		s->lay.groups[i].no_ffn = s->lay.groups[i].kind != LAYER_MLP;
	m = hf_group(h, LAYER_MAMBA);
	if (m->count > 0 && (hf_int(h, "mamba_num_heads", true, 0, &m->heads) || hf_int(h, "mamba_head_dim", true, 0, &m->head_dim) ||
			     hf_int(h, "ssm_state_size", true, 0, &m->state_size) || hf_int(h, "n_groups", true, 0, &m->groups) ||
			     hf_int(h, "conv_kernel", true, 0, &m->conv_kernel)))
		return -1;
	act = cJSON_GetStringValue(hf_get(h, "mlp_hidden_act"));
	if (act && strcmp(act, "relu2") != 0)
		return hf_fail(h, "mlp_hidden_act", "'%s' MLPs are not mapped for Nemotron-H (relu2 is)", act);
	s->mlp = MLP_UNGATED;
	if (moe && mlp)
		return hf_fail(h, "hybrid_override_pattern", "mixes dense ('-') and MoE ('E') blocks");
	if (!moe)
		return hf_int(h, "intermediate_size", true, 0, &s->ffn);
	if (hf_int(h, "n_routed_experts", true, 0, &s->experts) || hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) || hf_int(h, "n_shared_experts", false, 0, &s->shared_experts) ||
	    hf_int(h, "moe_shared_expert_intermediate_size", false, 0, &shared_w))
		return -1;
	if (s->shared_experts > 0 && shared_w != s->ffn)
		s->lay.shared_ffn = shared_w;
	return 0;
}

/* MiniMax-M2: GQA, 256 experts, no shared expert (shared_intermediate_size 0), MTP
 * modules of mtp_transformer_layers each. */
static int map_minimax_m2(struct hf *h)
{
	static const char *const refuse[] = { "shared_intermediate_size", "sparse_attention_config", NULL };
	struct shape *s = h->s;
	int64_t modules = 0, per = 1;

	if (hf_core(h, false) || hf_refuse_set(h, refuse, "shared experts and sparse attention are not mapped for MiniMax") ||
	    hf_int(h, "num_local_experts", true, 0, &s->experts) ||
	    hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "intermediate_size", true, 0, &s->ffn) || hf_int(h, "num_mtp_modules", false, 0, &modules) ||
	    hf_int(h, "mtp_transformer_layers", false, 1, &per))
		return -1;
	s->lay.mtp_layers = modules * per;
	return 0;
}

/* A per-layer 0/1 list: leading zeros then ones gives the count of leading zeros. */
static int hf_leading_zeros(struct hf *h, const char *key, int64_t *zeros)
{
	const cJSON *list = hf_get(h, key), *it;
	bool ones = false;

	*zeros = 0;
	if (!cJSON_IsArray(list))
		return hf_fail(h, key, "must be a list of 0 and 1 per layer");
	cJSON_ArrayForEach(it, list) {
		double v = cJSON_GetNumberValue(it);
		if (!cJSON_IsNumber(it) || (v != 0 && v != 1) || (v == 0 && ones))
			return hf_fail(h, key, "dense layers after MoE ones are not mapped (first dense layers are)");
		ones |= v == 1;
		*zeros += v == 0;
	}
	return 0;
}

/* MiMo-V2-Flash: hybrid_layer_pattern 1 = sliding window (its own heads, KV heads and
 * head dims), 0 = full; moe_layer_freq 0 = dense. */
static int map_mimo_v2(struct hf *h)
{
	struct shape *s = h->s;
	struct layer_group *full, *swa;
	const cJSON *pat = hf_get(h, "hybrid_layer_pattern"), *it;

	if (hf_core(h, false))
		return -1;
	if (!cJSON_IsArray(pat))
		return hf_fail(h, "hybrid_layer_pattern", "must be a list of 0 and 1 per layer");
	full = hf_group(h, LAYER_FULL);
	swa = hf_group(h, LAYER_SLIDING);
	cJSON_ArrayForEach(it, pat)
		(cJSON_GetNumberValue(it) != 0 ? swa : full)->count++;
	if (full->count + swa->count != s->layers)
		return hf_fail(h, "hybrid_layer_pattern", "does not list num_hidden_layers layers");
	if (hf_int(h, "v_head_dim", true, 0, &full->v_head_dim) || hf_int(h, "sliding_window", true, 0, &swa->window) ||
	    hf_int(h, "swa_num_attention_heads", true, 0, &swa->heads) ||
	    hf_int(h, "swa_num_key_value_heads", true, 0, &swa->kv_heads) ||
	    hf_int(h, "swa_head_dim", true, 0, &swa->head_dim) || hf_int(h, "swa_v_head_dim", true, 0, &swa->v_head_dim) ||
	    hf_int(h, "n_routed_experts", true, 0, &s->experts) || hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "n_shared_experts", false, 0, &s->shared_experts) ||
	    hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) ||
	    hf_leading_zeros(h, "moe_layer_freq", &s->first_dense_layers) ||
	    (s->first_dense_layers > 0 && hf_int(h, "intermediate_size", true, 0, &s->dense_ffn)))
		return -1;
	return 0;
}

/* Step-3.7-Flash: sliding/full layer_types, MoE past first_k_dense_replace with a
 * shared expert of share_expert_dim. */
static int map_step(struct hf *h)
{
	static const char *const names[] = { "full_attention", "sliding_attention" };
	static const enum layer_kind kinds[] = { LAYER_FULL, LAYER_SLIDING };
	struct shape *s = h->s;
	int64_t shared_w = 0;

	if (hf_core(h, false) || hf_layer_types(h, "layer_types", names, kinds, 2) ||
	    (shape_layers_of(s, LAYER_SLIDING) > 0 && hf_int(h, "sliding_window", true, 0, &hf_group(h, LAYER_SLIDING)->window)) ||
	    hf_int(h, "num_experts", true, 0, &s->experts) || hf_int(h, "num_experts_per_tok", true, 0, &s->experts_per_token) ||
	    hf_int(h, "moe_intermediate_size", true, 0, &s->ffn) || hf_int(h, "n_shared_experts", false, 0, &s->shared_experts) ||
	    hf_int(h, "share_expert_dim", false, 0, &shared_w) ||
	    hf_int(h, "first_k_dense_replace", false, 0, &s->first_dense_layers) ||
	    (s->first_dense_layers > 0 && hf_int(h, "intermediate_size", true, 0, &s->dense_ffn)) ||
	    hf_mtp(h, "num_nextn_predict_layers"))
		return -1;
	if (s->shared_experts > 0 && shared_w != s->ffn)
		s->lay.shared_ffn = shared_w;
	return 0;
}

/* Model types whose attention or MoE the schema cannot describe, with the field that says so. */
static const struct { const char *type, *field, *why; } hf_refused[] = {
	{ "deepseek_v4", "compress_ratios", "DeepSeek-V4's compressed sparse attention (CSA/HCA) is not a shape openweigh can describe" },
	{ "deepseek_ref", "compress_ratios", "DeepSeek-V4's compressed sparse attention (CSA/HCA) is not a shape openweigh can describe" },
	{ "kimi_linear", "linear_attn_config", "Kimi Delta Attention layers are not a shape openweigh can describe" },
	{ "minimax_m3", "sparse_attention_config", "MiniMax-M3's block-sparse attention index is not a shape openweigh can describe" },
	{ "nemotron-nas", "block_configs", "per-layer block configs (skipped attention, varying MLP widths) are not a shape openweigh can describe" },
};

static int hf_map(struct hf *h, const char *type)
{
	static const char *const dense[] = { "llama", "mistral", "qwen2", "qwen3", "qwen3_vl_text", "mimo", NULL };
	static const char *const moe[] = { "mixtral", "qwen3_moe", "qwen3_vl_moe_text", NULL };

	for (size_t i = 0; dense[i]; i++)
		if (!strcmp(type, dense[i]))
			return map_dense(h, type);
	for (size_t i = 0; moe[i]; i++)
		if (!strcmp(type, moe[i]))
			return map_moe(h, type);
	if (!strcmp(type, "gpt_oss")) return map_gpt_oss(h);
	if (!strcmp(type, "llama4_text")) return map_llama4(h);
	if (!strcmp(type, "deepseek_v3") || !strcmp(type, "kimi_k2")) return map_mla(h, false);
	if (!strcmp(type, "deepseek_v32") || !strcmp(type, "glm_moe_dsa")) return map_mla(h, true);
	if (!strcmp(type, "qwen3_5_text")) return map_qwen35(h, false);
	if (!strcmp(type, "qwen3_5_moe_text")) return map_qwen35(h, true);
	if (!strcmp(type, "gemma4_text")) return map_gemma4(h);
	if (!strcmp(type, "nemotron_h")) return map_nemotron_h(h);
	if (!strcmp(type, "minimax_m2")) return map_minimax_m2(h);
	if (!strcmp(type, "mimo_v2_flash")) return map_mimo_v2(h);
	if (!strcmp(type, "step3p7")) return map_step(h);
	for (size_t i = 0; i < ARRAY_LEN(hf_refused); i++)
		if (!strcmp(type, hf_refused[i].type))
			return hf_fail(h, hf_refused[i].field, "%s", hf_refused[i].why);
	return hf_fail(h, "model_type", "'%s' is not a model type openweigh can map (it maps: %s)", type,
		       hfconfig_known_types);
}

/* The text model: text_config when there is one (multimodal checkpoints). */
static int hf_text(struct hf *h, struct hfmodel *out)
{
	const cJSON *tc = cJSON_GetObjectItemCaseSensitive(h->root, "text_config");
	const char *type;

	h->text = cJSON_IsObject(tc) ? tc : h->root;
	h->prefix = "text_config.";
	type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(h->text, "model_type"));
	if (type == NULL && h->text != h->root)
		type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(h->root, "model_type"));
	if (type == NULL)
		return hf_fail(h, "model_type", "missing: not a transformers config.json");
	snprintf(out->model_type, sizeof out->model_type, "%s", type);
	out->multimodal = h->text != h->root || cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(h->root, "vision_config"));
	return 0;
}

/* Derived counts into params/active_params; the loader's checks, here too. */
static int hf_finish(struct hf *h, struct hfmodel *out)
{
	struct shape *s = &out->shape;
	struct shape_count k;

	if (s->experts > 0 && (s->experts_per_token < 1 || s->experts_per_token > s->experts))
		return hf_fail(h, "num_experts_per_tok", "must be between 1 and the number of experts");
	if (s->heads % s->kv_heads != 0)
		return hf_fail(h, "num_key_value_heads", "must divide num_attention_heads");
	if (shape_derive(s, &k) != 0)
		return hf_fail(h, NULL, "the parameter count overflows: %s", k.overflow);
	s->params = k.params;
	s->active_params = s->experts > 0 ? k.active : 0;
	if (s->params < 1000)
		return hf_fail(h, "hidden_size", "gives %lld parameters: not a model", (long long)s->params);
	return hf_int_in(h, "max_position_embeddings", true, 0, 512, HF_MAX_CONTEXT, &out->context);
}

/* Python's json module writes float('inf') as Infinity (Nemotron-H's time_step_limit),
 * which JSON and cJSON do not allow: outside strings, such tokens become null. */
static void hf_python_floats(char *text, size_t len)
{
	static const char *const words[] = { "-Infinity", "Infinity", "NaN" };
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		if (in_string) {
			if (text[i] == '\\' && i + 1 < len)
				i++;
			else if (text[i] == '"')
				in_string = false;
			continue;
		}
		if (text[i] == '"') {
			in_string = true;
			continue;
		}
		for (size_t w = 0; w < ARRAY_LEN(words); w++) {
			size_t n = strlen(words[w]);
			if (i + n <= len && memcmp(text + i, words[w], n) == 0) {
				memset(text + i, ' ', n);
				memcpy(text + i, "null", 4);
				i += n - 1;
				break;
			}
		}
	}
}

int hfconfig_load(const char *path, struct hfmodel *out, struct ow_error *e)
{
	size_t len = 0;
	char *text = read_file_limited(path, HF_MAX_BYTES, &len, e);
	struct hf h = { .path = path, .e = e, .s = &out->shape };
	int rc;

	memset(out, 0, sizeof *out);
	out->shape.present = true;
	out->shape.lay.native_precision = -1;
	if (text == NULL)
		return -1;
	hf_python_floats(text, len);
	h.root = cJSON_ParseWithLength(text, len);
	free(text);
	if (!cJSON_IsObject(h.root)) {
		cJSON_Delete((cJSON *)h.root);
		ow_error_set(e, OW_EXIT_INPUT, path, 0, 0, "not a JSON object (a config.json)");
		return -1;
	}
	rc = hf_text(&h, out);
	if (rc == 0)
		rc = hf_map(&h, out->model_type);
	if (rc == 0) {
		hf_tidy_groups(&out->shape);
		rc = hf_native(&h);
	}
	if (rc == 0)
		rc = hf_finish(&h, out);
	cJSON_Delete((cJSON *)h.root);
	return rc;
}
