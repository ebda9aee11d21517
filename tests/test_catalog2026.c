/* test_catalog2026.c — the 2026 catalog: parameter counts and KV per sequence read
 * from the vendors' config.json files (tests/hfconfig/) and from the shipped shapes,
 * the per-layer footprint (sliding windows, MLA + indexer, recurrent state, MoE),
 * MXFP4/NVFP4, the NVLink domain, import-config's refusals, and the absurd-shape
 * refusal (issue 15, finding 7). */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "footprint.h"
#include "hfconfig.h"
#include "hfentry.h"
#include "util.h"
#include "yread.h"

#define GIB (1024.0 * 1024.0 * 1024.0)
#define MIB (1024.0 * 1024.0)

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static const struct model *M(const char *id)
{
	const struct model *m = catalog_model(cat, id);
	if (m == NULL)
		fail_msg("model %s missing", id);
	return m;
}

static const struct gpu *G(const char *id)
{
	const struct gpu *g = catalog_gpu(cat, id);
	if (g == NULL)
		fail_msg("gpu %s missing", id);
	return g;
}

static void hf_path(char *buf, size_t size, const char *name)
{
	const char *src = getenv("OW_SRCDIR");
	snprintf(buf, size, "%s/tests/hfconfig/%s_config.json", src ? src : OW_SRCDIR, name);
}

static void load_hf(const char *name, struct hfmodel *m)
{
	char path[4096];
	struct ow_error e;

	hf_path(path, sizeof path, name);
	if (hfconfig_load(path, m, &e) != 0)
		fail_msg("%s: %s", name, e.msg);
}

static void assert_within(double got, double want, double tol, const char *what)
{
	if (fabs(got - want) > tol * fabs(want))
		fail_msg("%s: %.6g, want %.6g within %.0f%%", what, got, want, tol * 100);
}

/* ---- parameter counts from the configs ----------------------------------------- */

/* The pins: total (and Qwen3-235B's active) parameters from each config.json,
 * within 2 % — and the shipped shape of the same model derives the same counts. */
static void test_params_from_configs(void **state)
{
	static const struct { const char *config, *id; double total_b, active_b; } pins[] = {
		{ "Qwen--Qwen3-235B-A22B", "qwen3-235b-a22b", 235.1, 22.2 },
		{ "deepseek-ai--DeepSeek-V3.2", "deepseek-v3.2", 671.9, 0 },
		{ "openai--gpt-oss-120b", "gpt-oss-120b", 116.8, 0 },
		{ "meta-llama--Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick", 400.7, 0 },
		{ "moonshotai--Kimi-K2-Instruct", "kimi-k2", 1026, 0 },
		{ "Qwen--Qwen3.5-397B-A17B", "qwen3.5-397b-a17b", 396.3, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++) {
		struct hfmodel h;
		load_hf(pins[i].config, &h);
		assert_within((double)h.shape.params / 1e9, pins[i].total_b, 0.02, pins[i].config);
		if (pins[i].active_b > 0)
			assert_within((double)h.shape.active_params / 1e9, pins[i].active_b, 0.02, pins[i].config);
		assert_int_equal(shape_params(&M(pins[i].id)->shape), h.shape.params);
		if (h.shape.experts)
			assert_int_equal(shape_active_params(&M(pins[i].id)->shape), h.shape.active_params);
	}
}

/* ---- KV per token and per sequence ----------------------------------------------- */

/* Qwen3-32B, bf16: 2 x 64 layers x 8 KV heads x 128 x 2 bytes = 262,144 bytes a token. */
static void test_kv_per_token_qwen3_32b(void **state)
{
	struct hfmodel h;
	struct model tmp;
	(void)state;
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("qwen3-32b")), 262144, 0);
	load_hf("Qwen--Qwen3-32B", &h);
	memset(&tmp, 0, sizeof tmp);
	tmp.shape = h.shape;
	assert_float_equal(kv_bytes_per_token(&cat->cost, &tmp), 262144, 0);
}

/* gpt-oss-120b at 131,072 tokens: 18 full layers x 2 x 8 x 64 x 2 B = 4.50 GiB, the 18
 * sliding layers holding only their 128-token window. */
static void test_kv_gpt_oss_sliding(void **state)
{
	const struct model *m = M("gpt-oss-120b");
	double per_token = kv_bytes_per_token(&cat->cost, m);
	(void)state;
	assert_within(kv_bytes_per_sequence(&cat->cost, m, 131072) / GIB, 4.50, 0.02, "gpt-oss-120b KV");
	assert_float_equal(per_token, 18 * 2 * 8 * 64 * 2, 0);
	/* Past the window only the full layers grow. */
	assert_float_equal(kv_bytes_per_sequence(&cat->cost, m, 131072) - kv_bytes_per_sequence(&cat->cost, m, 65536),
			   65536 * per_token, 1);
	/* Below it, sliding layers hold every token like the full ones. */
	assert_float_equal(kv_bytes_per_sequence(&cat->cost, m, 100), 100 * 2 * per_token, 1);
	assert_float_equal(state_bytes_per_sequence(&cat->cost, m), 0, 0);
}

/* Qwen3.5-35B-A3B: 2.50 GiB over its 10 full-attention layers at 131,072 tokens, and a
 * fixed ~61 MiB of Gated DeltaNet state (30 layers x (32 x 128 x 128 x 4 B + 3 x 8192 x 2 B)). */
static void test_kv_qwen35_hybrid(void **state)
{
	const struct model *m = M("qwen3.5-35b-a3b");
	double st = state_bytes_per_sequence(&cat->cost, m);
	(void)state;
	assert_within(kv_bytes_per_sequence(&cat->cost, m, 131072) / GIB, 2.50, 0.02, "qwen3.5-35b-a3b KV");
	assert_float_equal(kv_bytes_per_token(&cat->cost, m), 10 * 2 * 2 * 256 * 2, 0);
	assert_within(st / MIB, 61, 0.02, "qwen3.5-35b-a3b state");
	assert_float_equal(st, 30.0 * (32 * 128 * 128 * 4 + 3 * 8192 * 2), 0);
	/* The state does not grow with context; a generic 2 x layers formula would claim 10 GiB. */
	assert_true(kv_bytes_per_sequence(&cat->cost, m, 131072) < 0.3 * 2 * 40 * 2 * 256 * 2 * 131072.0);
}

/* DeepSeek-V3.2: MLA latent (512 + 64) plus the indexer's 128-wide key, 61 layers x
 * 704 x 2 B a token = 10.48 GiB at 131,072 tokens. */
static void test_kv_deepseek_v32_mla_indexer(void **state)
{
	(void)state;
	assert_within(kv_bytes_per_sequence(&cat->cost, M("deepseek-v3.2"), 131072) / GIB, 10.48, 0.02,
		      "deepseek-v3.2 KV");
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("deepseek-v3.2")), 61 * 704 * 2, 0);
	/* Without an indexer (V3, R1) the same shape caches 576 a layer. */
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("deepseek-r1")), 61 * 576 * 2, 0);
}

/* Nemotron 3 Nano: 6 attention layers grow, 23 Mamba-2 layers hold ~47 MiB. */
static void test_kv_nemotron_mamba(void **state)
{
	const struct model *m = M("nemotron-3-nano-30b-a3b");
	(void)state;
	assert_float_equal(kv_bytes_per_token(&cat->cost, m), 6 * 2 * 2 * 128 * 2, 0);
	assert_within(state_bytes_per_sequence(&cat->cost, m) / MIB, 47, 0.02, "nemotron state");
}

/* Gemma 4 31B: global layers cache one K=V projection of 4 x 512, sliding ones 1,024 tokens. */
static void test_kv_gemma4_k_eq_v(void **state)
{
	const struct model *m = M("gemma-4-31b");
	(void)state;
	assert_float_equal(kv_bytes_per_token(&cat->cost, m), 10 * 4 * 512 * 2, 0);
	assert_float_equal(kv_bytes_per_sequence(&cat->cost, m, 131072),
			   131072.0 * 10 * 4 * 512 * 2 + 1024.0 * 50 * 2 * 16 * 256 * 2, 1);
}

/* ---- weights, precisions, layouts --------------------------------------------------- */

/* gpt-oss-120b ships its experts in MXFP4 (4.25 bits) and the rest in bf16: about 65 GB,
 * the 60.8 GiB checkpoint; every expert is resident, decode reads far fewer bytes. */
static void test_weights_native_mxfp4_experts(void **state)
{
	const struct model *m = M("gpt-oss-120b");
	struct footprint f;
	double w = weights_bytes(&cat->cost, m, PREC_MXFP4);
	(void)state;
	assert_within(w / GIB, 60.8, 0.03, "gpt-oss-120b mxfp4 weights");
	assert_within(weights_bytes(&cat->cost, m, PREC_BF16) / 1e9, 2 * 116.8, 0.01, "gpt-oss-120b bf16");
	/* Re-quantising all linear layers to NVFP4 (not its native scope) is 4.5 bits each. */
	assert_true(weights_bytes(&cat->cost, m, PREC_NVFP4) > w);
	footprint_compute(&cat->cost, m, G("h100"), PREC_MXFP4, 1, 4096, &f);
	assert_true(f.feasible);
	assert_int_equal(f.gpu_count, 1);          /* the 120B model on one 80 GB GPU */
	assert_true(f.weight_only);                /* no MXFP4 tensor cores on Hopper */
	assert_float_equal(f.active_params, 5680000000.0, 0);
	/* Batch 1 reads the active weights, not all 65 GB. */
	assert_true(f.decode_tokens_per_s_single > 2 * G("h100")->bandwidth_gbs * 1e9 * cat->cost.decode_efficiency / w);
}

/* NVFP4 needs Blackwell tensor cores; MXFP4 runs natively there. */
static void test_fp4_support(void **state)
{
	struct footprint f;
	(void)state;
	footprint_compute(&cat->cost, M("qwen3-32b"), G("h100"), PREC_NVFP4, 1, 4096, &f);
	assert_false(f.feasible);
	assert_non_null(strstr(f.why_not, "NVFP4"));
	footprint_compute(&cat->cost, M("qwen3-32b"), G("b200"), PREC_NVFP4, 1, 4096, &f);
	assert_true(f.feasible);
	assert_false(f.weight_only);
	footprint_compute(&cat->cost, M("gpt-oss-120b"), G("b200"), PREC_MXFP4, 1, 4096, &f);
	assert_false(f.weight_only);
	footprint_compute(&cat->cost, M("gpt-oss-120b"), G("mi355x"), PREC_NVFP4, 1, 4096, &f);
	assert_false(f.feasible);                  /* AMD implements MX, not NVFP4 */
	/* Scales: MXFP4 one byte per 32 (4.25 bits), NVFP4 one per 16 (4.5 bits). */
	assert_float_equal(cat->cost.mxfp4_scale_bytes / cat->cost.mxfp4_group_size, 1.0 / 32, 1e-12);
	assert_float_equal(cat->cost.nvfp4_scale_bytes / cat->cost.nvfp4_group_size, 1.0 / 16, 1e-12);
}

/* GB200's 72-GPU NVLink domain lets tensor parallelism pass 8; a B200 node cannot. */
static void test_nvlink_domain(void **state)
{
	struct footprint f;
	(void)state;
	assert_int_equal(G("gb200")->nvlink_domain, 72);
	assert_int_equal(G("gb200")->max_per_node, 4);
	footprint_compute(&cat->cost, M("kimi-k2"), G("gb200"), PREC_BF16, 1, 4096, &f);
	assert_true(f.feasible);
	assert_true(f.tensor_parallel > 8);
	assert_int_equal(f.pipeline_stages, 1);
	footprint_compute(&cat->cost, M("kimi-k2"), G("b200"), PREC_BF16, 1, 4096, &f);
	assert_int_equal(f.tensor_parallel, 8);
	assert_true(f.pipeline_stages > 1);
}

/* The footprint's cache counts the state once per sequence, whatever the context. */
static void test_footprint_state_in_cache(void **state)
{
	struct footprint a, b;
	const struct model *m = M("qwen3.5-35b-a3b");
	(void)state;
	footprint_compute(&cat->cost, m, G("h100"), PREC_BF16, 4, 1000, &a);
	footprint_compute(&cat->cost, m, G("h100"), PREC_BF16, 4, 2000, &b);
	assert_float_equal(a.state_bytes, state_bytes_per_sequence(&cat->cost, m), 0);
	assert_float_equal(b.kv_bytes - a.kv_bytes, 4 * 1000 * a.kv_bytes_per_token, 1);
	assert_float_equal(a.kv_bytes, 4 * (1000 * a.kv_bytes_per_token + a.state_bytes), 1);
}

/* ---- the catalog itself -------------------------------------------------------------- */

/* The loader keeps each MoE shape's routed-expert count for the footprint: it must be
 * the derivation's, and the weights must match a hand-built copy the footprint derives. */
static void test_loader_routed_count(void **state)
{
	int moe = 0;
	(void)state;
	for (int i = 0; i < cat->n_models; i++) {
		const struct model *m = &cat->models[i];
		struct shape_count k;
		struct model copy;

		if (!m->shape.present || m->shape.experts == 0)
			continue;
		moe++;
		assert_true(m->shape.lay.derived);
		assert_int_equal(shape_derive(&m->shape, &k), 0);
		assert_int_equal(m->shape.lay.routed, k.routed);
		assert_int_equal(m->shape.lay.routed_active, k.routed_active);
		copy = *m;
		copy.shape.lay.derived = false;
		copy.shape.lay.routed = copy.shape.lay.routed_active = 0;
		assert_true(weights_bytes(&cat->cost, m, PREC_INT4) == weights_bytes(&cat->cost, &copy, PREC_INT4));
	}
	assert_true(moe >= 15);
}

/* At least 25 open models released 2025 or later, each with a licence and release date;
 * every pre-2025 model is legacy. */
static void test_catalog_2026_models(void **state)
{
	static const char *const ids[] = { "qwen3-8b", "qwen3-32b", "qwen3-30b-a3b", "qwen3-235b-a22b", "qwen3.5-27b",
		"qwen3.5-35b-a3b", "qwen3.5-122b-a10b", "qwen3.5-397b-a17b", "gpt-oss-20b", "gpt-oss-120b",
		"deepseek-v3.2", "deepseek-r1", "kimi-k2", "glm-5", "minimax-m2.5", "gemma-4-26b-a4b", "gemma-4-31b",
		"nemotron-3-nano-30b-a3b", "llama-4-scout", "llama-4-maverick", "mimo-v2-flash", "step-3.7-flash" };
	int32_t y2025;
	int recent = 0;
	(void)state;
	assert_int_equal(parse_date("2025-01-01", &y2025), 0);
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_true(M(ids[i])->released >= y2025);
	for (int i = 0; i < cat->n_models; i++) {
		const struct model *m = &cat->models[i];
		if (model_is_open(m) && m->released >= y2025) {
			recent++;
			assert_non_null(m->licence);
			assert_false(m->legacy);
		}
		if (m->released && m->released < y2025)
			assert_true(m->legacy);
	}
	assert_true(recent >= 25);
	assert_int_equal(M("llama-4-maverick")->licence->mau_limit, 700000000);
	assert_non_null(strstr(M("kimi-k2")->licence->terms, "100 million"));
	assert_non_null(strstr(M("kimi-k2")->licence->terms, "USD 20 million"));
	assert_int_equal(M("kimi-k2")->licence->mau_limit, 0);   /* attribution, not a licence request */
	assert_int_equal(M("gpt-oss-120b")->shape.lay.native_precision, PREC_MXFP4);
	assert_int_equal(M("gpt-oss-120b")->shape.lay.native_scope, NATIVE_EXPERTS);
	assert_int_equal(M("deepseek-v3.2")->shape.lay.native_precision, PREC_FP8);
	assert_int_equal(M("deepseek-v3.2")->shape.lay.mtp_layers, 1);
	assert_non_null(catalog_gpu(cat, "b300"));
	assert_non_null(catalog_gpu(cat, "gb300"));
	assert_non_null(catalog_gpu(cat, "dgx-spark"));
	assert_non_null(catalog_gpu(cat, "jetson-agx-thor"));
}

/* catalog check re-derives the active count too, and fails it beyond 2 %. */
static void test_check_active_params(void **state)
{
	struct check_result r;
	char *ov, yaml[4096];
	struct ow_error e;
	struct catalog *c;
	const char *ovs[1];
	(void)state;
	snprintf(yaml, sizeof yaml,
		 "openweigh_catalog: 1\nmodels:\n  - id: moe-x\n    name: X\n    family: x\n    vendor: V\n"
		 "    openness: open-weight-permissive\n    licence: apache-2.0\n    quality_tier: 3\n    context_tokens: 8192\n"
		 "    shape:\n      layers: 48\n      hidden: 2048\n      ffn: 768\n      heads: 32\n      kv_heads: 4\n"
		 "      head_dim: 128\n      vocab: 151936\n      tied_embeddings: false\n      experts: 128\n"
		 "      experts_per_token: 8\n      params: 30532110336\n      active_params: 3000000000\n"
		 "      source: s\n      as_of: 2026-01-01\n");
	ov = overlay_with("models.yaml", yaml);
	ovs[0] = ov;
	c = catalog_load(shipped_dir(), ovs, 1, &e);
	assert_non_null(c);
	catalog_check(c, c->as_of, &r);
	assert_int_equal(r.errors, 1);
	assert_non_null(strstr(r.out.s, "model 'moe-x': its shape gives 3353020416 active parameters, +11.8%"));
	sb_free(&r.out);
	catalog_free(c);
	remove_tree(ov);
}

/* Issue 15, finding 7: every dimension at the loader's 10,000,000 bound must not
 * overflow (UBSan runs this) and is refused at load, naming the fields. */
static void test_absurd_shape_refused(void **state)
{
	static const char *const dims[] = { "layers", "hidden", "ffn", "heads", "kv_heads", "head_dim", "vocab",
		"experts", "experts_per_token", "shared_experts", "shared_ffn", "q_lora_rank", "kv_lora_rank",
		"qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim", NULL };
	struct strbuf sb;
	struct ow_error e;
	const char *ovs[1];
	char *ov;
	(void)state;
	sb_init(&sb);
	sb_add(&sb, "openweigh_catalog: 1\nmodels:\n  - id: absurd\n    name: A\n    family: a\n    vendor: V\n"
		    "    openness: open-weight-permissive\n    licence: apache-2.0\n    quality_tier: 3\n"
		    "    context_tokens: 8192\n    shape:\n");
	for (int i = 0; dims[i]; i++)
		sb_addf(&sb, "      %s: 10000000\n", dims[i]);
	sb_add(&sb, "      attention: mla\n      layer_types:\n"
		    "        - { type: full, count: 5000000, heads: 10000000, kv_heads: 10000000, head_dim: 10000000 }\n"
		    "        - { type: mamba, count: 5000000, heads: 10000000, head_dim: 10000000, state_size: 10000000,"
		    " groups: 10000000, conv_kernel: 10000000, ffn: false }\n"
		    "      indexer: { heads: 10000000, head_dim: 10000000, top_k: 10000000 }\n"
		    "      tied_embeddings: false\n      params: 100000000000000\n      active_params: 1000000000\n"
		    "      source: s\n      as_of: 2026-01-01\n");
	ov = overlay_with("models.yaml", sb.s);
	ovs[0] = ov;
	assert_null(catalog_load(shipped_dir(), ovs, 1, &e));
	assert_int_equal(e.code, OW_EXIT_INPUT);
	assert_non_null(strstr(e.msg, "overflows a 64-bit parameter count"));
	assert_non_null(strstr(e.msg, " x "));     /* the term names the fields it multiplies */
	assert_true(e.line > 0);
	sb_free(&sb);
	remove_tree(ov);
}

/* ---- import-config ------------------------------------------------------------------- */

/* Shapes the schema cannot hold are refused by the field that says so. */
static void test_import_refusals(void **state)
{
	static const struct { const char *config, *field; } refused[] = {
		{ "deepseek-ai--DeepSeek-V4-Flash", "compress_ratios" },
		{ "moonshotai--Kimi-K3", "linear_attn_config" },
		{ "MiniMaxAI--MiniMax-M3", "sparse_attention_config" },
		{ "zai-org--GLM-5.2", "indexer_types" },
		{ "nvidia--NVIDIA-Nemotron-3-Super-120B-A12B-FP8", "moe_latent_size" },
		{ "nvidia--Gemma-4-31B-IT-NVFP4", "quantization_config.ignore" },
		{ "moonshotai--Kimi-K2.5", "quantization_config.config_groups" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		char path[4096];
		struct hfmodel h;
		struct ow_error e;
		hf_path(path, sizeof path, refused[i].config);
		assert_int_equal(hfconfig_load(path, &h, &e), -1);
		assert_int_equal(e.code, OW_EXIT_INPUT);
		if (strstr(e.msg, refused[i].field) == NULL)
			fail_msg("%s: '%s' does not name %s", refused[i].config, e.msg, refused[i].field);
	}
}

/* An unknown model_type, and an unmappable field of a known one, are errors naming them. */
static void test_import_unknown_type_and_field(void **state)
{
	char dir[] = "/tmp/owhfXXXXXX", path[4200];
	struct hfmodel h;
	struct ow_error e;
	FILE *f;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/config.json", dir);
	f = fopen(path, "w");
	fputs("{\"model_type\": \"falcon_h9\", \"hidden_size\": 4096}", f);
	fclose(f);
	assert_int_equal(hfconfig_load(path, &h, &e), -1);
	assert_non_null(strstr(e.msg, "model_type"));
	assert_non_null(strstr(e.msg, "falcon_h9"));
	f = fopen(path, "w");
	fputs("{\"model_type\": \"qwen3_moe\", \"hidden_size\": 2048, \"num_hidden_layers\": 4, \"num_attention_heads\": 16,"
	      " \"vocab_size\": 1000, \"num_experts\": 8, \"num_experts_per_tok\": 2, \"moe_intermediate_size\": 64,"
	      " \"mlp_only_layers\": [0], \"max_position_embeddings\": 4096}", f);
	fclose(f);
	assert_int_equal(hfconfig_load(path, &h, &e), -1);
	assert_non_null(strstr(e.msg, "mlp_only_layers"));
	remove(path);
	remove_tree(xstrdup(dir));
}

/* An imported entry, once its TODOs are filled, loads and passes catalog check with the
 * same counts; with the TODOs left it is refused. */
static void test_import_roundtrip(void **state)
{
	struct hfmodel h;
	char *yaml, *filled, *ov;
	struct ow_error e;
	const char *ovs[1];
	struct catalog *c;
	struct check_result r;
	int32_t today;
	(void)state;
	load_hf("Qwen--Qwen3.5-35B-A3B", &h);
	assert_int_equal(parse_date("2026-11-30", &today), 0);
	yaml = hfentry_yaml(&h, "qwen3.5-35b-a3b-copy", "tests/hfconfig/Qwen--Qwen3.5-35B-A3B_config.json", today);
	ov = overlay_with("models.yaml", yaml);
	ovs[0] = ov;
	assert_null(catalog_load(shipped_dir(), ovs, 1, &e));      /* TODO refused */
	remove_tree(ov);
	filled = xstrdup(yaml);
	{
		struct { const char *from, *to; } subs[] = {
			{ "vendor: TODO", "vendor: Q    " },
			{ "openness: TODO", "openness: open-weight-permissive" },
			{ "licence: TODO", "licence: apache-2.0" },
			{ "quality_tier: TODO", "quality_tier: 2" },
			{ "released: TODO", "released: 2026-02-23" },
		};
		for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
			char *at = strstr(filled, subs[i].from), *next;
			assert_non_null(at);
			next = xcalloc(1, strlen(filled) + strlen(subs[i].to) + 1);
			memcpy(next, filled, (size_t)(at - filled));
			strcat(next, subs[i].to);
			strcat(next, at + strlen(subs[i].from));
			free(filled);
			filled = next;
		}
	}
	ov = overlay_with("models.yaml", filled);
	ovs[0] = ov;
	c = catalog_load(shipped_dir(), ovs, 1, &e);
	if (c == NULL)
		fail_msg("%s", e.msg);
	assert_int_equal(catalog_model(c, "qwen3.5-35b-a3b-copy")->shape.params, shape_params(&M("qwen3.5-35b-a3b")->shape));
	assert_true(memcmp(&catalog_model(c, "qwen3.5-35b-a3b-copy")->shape.lay, &M("qwen3.5-35b-a3b")->shape.lay,
			   sizeof(struct shape_layers)) == 0);
	catalog_check(c, c->as_of, &r);
	assert_int_equal(r.errors, 0);
	sb_free(&r.out);
	catalog_free(c);
	remove_tree(ov);
	free(filled);
	free(yaml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_params_from_configs),
		cmocka_unit_test(test_kv_per_token_qwen3_32b),
		cmocka_unit_test(test_kv_gpt_oss_sliding),
		cmocka_unit_test(test_kv_qwen35_hybrid),
		cmocka_unit_test(test_kv_deepseek_v32_mla_indexer),
		cmocka_unit_test(test_kv_nemotron_mamba),
		cmocka_unit_test(test_kv_gemma4_k_eq_v),
		cmocka_unit_test(test_weights_native_mxfp4_experts),
		cmocka_unit_test(test_fp4_support),
		cmocka_unit_test(test_nvlink_domain),
		cmocka_unit_test(test_footprint_state_in_cache),
		cmocka_unit_test(test_catalog_2026_models),
		cmocka_unit_test(test_loader_routed_count),
		cmocka_unit_test(test_check_active_params),
		cmocka_unit_test(test_absurd_shape_refused),
		cmocka_unit_test(test_import_refusals),
		cmocka_unit_test(test_import_unknown_type_and_field),
		cmocka_unit_test(test_import_roundtrip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
