/* hfentry.c — `openweigh catalog import-config`: the models.yaml file (one entry)
 * for a shape read from a Hugging Face config.json (hfconfig.c). What a config cannot
 * tell — openness, licence, quality tier, release date, vendor — is written as TODO,
 * which the catalog loader refuses until someone fills it in with a source. */
#include "hfentry.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util.h"
#include "yread.h"

static void entry_int(struct strbuf *sb, const char *key, int64_t v)
{
	if (v)
		sb_addf(sb, "      %s: %lld\n", key, (long long)v);
}

static void entry_group(struct strbuf *sb, const struct layer_group *g)
{
	struct { const char *key; int64_t v; } dims[] = {
		{ "window", g->window }, { "heads", g->heads }, { "kv_heads", g->kv_heads },
		{ "head_dim", g->head_dim }, { "v_head_dim", g->v_head_dim }, { "key_heads", g->key_heads },
		{ "value_heads", g->value_heads }, { "key_head_dim", g->key_head_dim },
		{ "value_head_dim", g->value_head_dim }, { "state_size", g->state_size }, { "groups", g->groups },
		{ "conv_kernel", g->conv_kernel },
	};

	sb_addf(sb, "        - { type: %s, count: %lld", layer_kind_names[g->kind], (long long)g->count);
	for (size_t i = 0; i < ARRAY_LEN(dims); i++)
		if (dims[i].v)
			sb_addf(sb, ", %s: %lld", dims[i].key, (long long)dims[i].v);
	if (g->k_eq_v)
		sb_add(sb, ", k_eq_v: true");
	if (g->gated)
		sb_add(sb, ", gated: true");
	if (g->no_ffn && g->kind != LAYER_MLP)
		sb_add(sb, ", ffn: false");
	sb_add(sb, " }\n");
}

static void entry_moe(struct strbuf *sb, const struct shape *s)
{
	entry_int(sb, "experts", s->experts);
	entry_int(sb, "experts_per_token", s->experts_per_token);
	entry_int(sb, "shared_experts", s->shared_experts);
	entry_int(sb, "shared_ffn", s->lay.shared_ffn);
	entry_int(sb, "first_dense_layers", s->first_dense_layers);
	entry_int(sb, "moe_every", s->lay.moe_every);
	entry_int(sb, "dense_ffn", s->dense_ffn);
	entry_int(sb, "moe_dense_ffn", s->lay.moe_dense_ffn);
}

static void entry_attention(struct strbuf *sb, const struct shape *s)
{
	if (s->attention == ATTN_MLA) {
		sb_add(sb, "      attention: mla\n");
		entry_int(sb, "q_lora_rank", s->q_lora_rank);
		entry_int(sb, "kv_lora_rank", s->kv_lora_rank);
		entry_int(sb, "qk_nope_head_dim", s->qk_nope_head_dim);
		entry_int(sb, "qk_rope_head_dim", s->qk_rope_head_dim);
		entry_int(sb, "v_head_dim", s->v_head_dim);
	}
	if (s->lay.n_groups > 0) {
		sb_add(sb, "      layer_types:\n");
		for (int i = 0; i < s->lay.n_groups; i++)
			entry_group(sb, &s->lay.groups[i]);
	}
	if (s->lay.indexer.heads)
		sb_addf(sb, "      indexer: { heads: %lld, head_dim: %lld, top_k: %lld }\n",
			(long long)s->lay.indexer.heads, (long long)s->lay.indexer.head_dim,
			(long long)s->lay.indexer.top_k);
}

static void entry_shape(struct strbuf *sb, const struct hfmodel *m, const char *config, const char *date)
{
	const struct shape *s = &m->shape;

	sb_add(sb, "    shape:\n");
	entry_int(sb, "layers", s->layers);
	entry_int(sb, "hidden", s->hidden);
	entry_int(sb, "ffn", s->ffn);
	entry_int(sb, "heads", s->heads);
	entry_int(sb, "kv_heads", s->kv_heads);
	entry_int(sb, "head_dim", s->head_dim);
	entry_int(sb, "vocab", s->vocab);
	sb_addf(sb, "      tied_embeddings: %s\n", s->tied_embeddings ? "true" : "false");
	if (s->qkv_bias)
		sb_add(sb, "      qkv_bias: true\n");
	if (s->post_norms)
		sb_add(sb, "      post_norms: true\n");
	if (s->mlp != MLP_GATED)
		sb_addf(sb, "      mlp: %s\n", mlp_kind_names[s->mlp]);
	entry_moe(sb, s);
	entry_attention(sb, s);
	entry_int(sb, "mtp_layers", s->lay.mtp_layers);
	if (s->lay.native_precision >= 0)
		sb_addf(sb, "      native_precision: %s\n", precision_names[s->lay.native_precision]);
	if (s->lay.native_scope == NATIVE_EXPERTS)
		sb_add(sb, "      native_scope: experts\n");
	sb_add(sb, "      # Derived from the shape: replace with the vendor's declared counts (catalog check compares).\n");
	sb_addf(sb, "      params: %lld\n", (long long)s->params);
	if (s->experts)
		sb_addf(sb, "      active_params: %lld\n", (long long)s->active_params);
	sb_addf(sb, "      source: \"config.json: %s (model_type %s), read by openweigh catalog import-config\"\n",
		config, m->model_type);
	sb_addf(sb, "      as_of: %s\n", date);
}

/* The file's name as the entry quotes it: letters, digits and . _ - + @ kept, any
 * other byte (a quote, a backslash, a newline, a control, UTF-8) written as '_', so
 * that no name can end the comment or the string it sits in. */
static void entry_safe_name(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	size_t n = 0;

	for (base = base ? base + 1 : path; *base && n + 1 < size; base++) {
		unsigned char c = (unsigned char)*base;
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			    (c != '\0' && strchr("._-+@", c) != NULL);
		out[n++] = keep ? (char)c : '_';
	}
	out[n] = '\0';
}

char *hfentry_yaml(const struct hfmodel *m, const char *id, const char *config_path, int32_t today)
{
	struct strbuf sb;
	char date[16], base[256];

	entry_safe_name(config_path, base, sizeof base);
	format_date(today, date, sizeof date);
	sb_init(&sb);
	sb_add(&sb, "openweigh_catalog: 1\n");
	sb_addf(&sb, "# A models.yaml entry read from %s by `openweigh catalog import-config` on %s.\n", base, date);
	sb_add(&sb, "# Fill in every TODO (openness, licence with its usage caps, quality tier with its\n"
		    "# source, release date, vendor): the catalog refuses to load until you do.\n");
	if (m->multimodal)
		sb_add(&sb, "# The text model only: a vision or audio tower in the checkpoint is not counted.\n");
	if (m->shape.lay.mtp_layers)
		sb_add(&sb, "# mtp_layers: multi-token-prediction layers ship in the checkpoint for speculative\n"
			    "# decoding; they are not counted in params.\n");
	sb_add(&sb, "models:\n");
	sb_addf(&sb, "  - id: %s\n", id);
	sb_addf(&sb, "    name: \"%s\"\n", id);
	sb_addf(&sb, "    family: %s\n", id);
	sb_add(&sb, "    vendor: TODO\n");
	sb_add(&sb, "    openness: TODO            # open-weight-permissive | open-weight-restricted | fully-open\n");
	sb_add(&sb, "    licence: TODO             # a licences.yaml id (usage caps: mau_limit, terms)\n");
	sb_add(&sb, "    quality_tier: TODO        # 1 frontier .. 4 small, and its source in a comment\n");
	sb_addf(&sb, "    context_tokens: %lld\n", (long long)m->context);
	sb_add(&sb, "    released: TODO            # YYYY-MM-DD\n");
	entry_shape(&sb, m, base, date);
	return sb.s;
}
