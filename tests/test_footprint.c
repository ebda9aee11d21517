/* test_footprint.c — the footprint model against published anchors (REFERENCE.md)
 * and the parameter counts derived from every shipped open model's shape. */
#include "testutil.h"

#include <math.h>
#include <string.h>

#include "footprint.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static const struct model *M(const char *id)
{
	const struct model *m = catalog_model(cat, id);
	assert_non_null(m);
	return m;
}

static const struct gpu *G(const char *id)
{
	const struct gpu *g = catalog_gpu(cat, id);
	assert_non_null(g);
	return g;
}

/* Llama 3.1 8B bf16 checkpoint: 16,060,522,496 bytes (safetensors index). */
static void test_llama8b_bf16_weights(void **state)
{
	(void)state;
	assert_float_equal(weights_bytes(&cat->cost, M("llama-3.1-8b"), PREC_BF16) / 1e9, 16.06, 0.01);
}

/* int4 with group-128 fp16 scales and 16-bit embeddings: 8B ≈ 5.7 GB, 70B ≈ 39.8 GB. */
static void test_int4_not_half_of_fp16(void **state)
{
	(void)state;
	assert_float_equal(weights_bytes(&cat->cost, M("llama-3.1-8b"), PREC_INT4) / 1e9, 5.7, 0.1);
	assert_float_equal(weights_bytes(&cat->cost, M("llama-3.1-70b"), PREC_INT4) / 1e9, 39.8, 0.5);
}

/* GQA matters: 2 × layers × kv_heads × head_dim × 2 bytes. */
static void test_kv_bytes_per_token(void **state)
{
	(void)state;
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("llama-3.1-8b")), 131072, 0);
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("llama-3.1-70b")), 327680, 0);
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("llama-3.1-405b")), 516096, 0);
	/* Gemma 2 9B's head dim is 256, not hidden/heads = 224. */
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("gemma-2-9b")), 344064, 0);
	/* DeepSeek-V3's MLA caches a 512+64 latent per layer. */
	assert_float_equal(kv_bytes_per_token(&cat->cost, M("deepseek-v3")), 70272, 0);
}

/* The seed's GPU table is wrong for 405B: bf16 needs more than 8 A100-80GB, int4 more than 2. */
static void test_405b_does_not_fit_seed_claims(void **state)
{
	struct footprint f;
	(void)state;
	footprint_compute(&cat->cost, M("llama-3.1-405b"), G("a100-80gb"), PREC_BF16, 1, 2048, &f);
	assert_true(f.feasible);
	assert_true(f.gpu_count > 8);
	assert_true(f.pipeline_stages > 1);
	footprint_compute(&cat->cost, M("llama-3.1-405b"), G("a100-80gb"), PREC_INT4, 1, 2048, &f);
	assert_true(f.gpu_count > 2);
}

/* The seed's claims that hold: 8B fp16 on one A10G, 70B int4 on one A100-80GB. */
static void test_seed_claims_that_hold(void **state)
{
	struct footprint f;
	(void)state;
	footprint_compute(&cat->cost, M("llama-3.1-8b"), G("a10g"), PREC_FP16, 1, 2048, &f);
	assert_true(f.feasible);
	assert_int_equal(f.gpu_count, 1);
	footprint_compute(&cat->cost, M("llama-3.1-70b"), G("a100-80gb"), PREC_INT4, 1, 2048, &f);
	assert_int_equal(f.gpu_count, 1);
	footprint_compute(&cat->cost, M("llama-3.1-70b"), G("a100-80gb"), PREC_FP16, 1, 2048, &f);
	assert_int_equal(f.gpu_count, 4);
	assert_int_equal(f.tensor_parallel, 4);
}

/* MoE keeps all experts in memory: Mixtral's weights follow its 46.7B total, not 12.9B active. */
static void test_moe_memory_uses_total_params(void **state)
{
	double w = weights_bytes(&cat->cost, M("mixtral-8x7b"), PREC_BF16);
	(void)state;
	assert_float_equal(w / 1e9, 2 * 46.70, 0.2);
}

/* A GPU without bf16 or fp8 says so instead of pretending. */
static void test_unsupported_precision(void **state)
{
	struct footprint f;
	(void)state;
	footprint_compute(&cat->cost, M("llama-3.1-8b"), G("t4"), PREC_BF16, 1, 2048, &f);
	assert_false(f.feasible);
	assert_non_null(strstr(f.why_not, "bf16"));
	footprint_compute(&cat->cost, M("llama-3.1-8b"), G("a100-80gb"), PREC_FP8, 1, 2048, &f);
	assert_false(f.feasible);
}

/* Decode is bandwidth bound: batching raises aggregate tokens/s, and a bigger
 * context lowers it; at batch 1 the roofline is bandwidth × efficiency ÷ weights. */
static void test_decode_roofline(void **state)
{
	struct footprint f1, f64, flong;
	const struct gpu *h100 = G("h100");
	(void)state;
	footprint_compute(&cat->cost, M("llama-3.1-8b"), h100, PREC_BF16, 1, 1, &f1);
	assert_float_equal(f1.decode_tokens_per_s,
			   h100->bandwidth_gbs * 1e9 * cat->cost.decode_efficiency / f1.weights_bytes,
			   f1.decode_tokens_per_s * 0.01);
	footprint_compute(&cat->cost, M("llama-3.1-8b"), h100, PREC_BF16, 64, 2048, &f64);
	footprint_compute(&cat->cost, M("llama-3.1-8b"), h100, PREC_BF16, 64, 8192, &flong);
	assert_true(f64.decode_tokens_per_s > 10 * f1.decode_tokens_per_s);
	assert_true(flong.decode_tokens_per_s < f64.decode_tokens_per_s);
	/* Under the public TensorRT-LLM max-throughput anchor (15,220 tok/s, fp8): not optimistic. */
	assert_true(f64.decode_tokens_per_s < 15220);
}

/* Each shipped open model's shape reproduces its declared parameter count within 2%. */
static void test_params_from_every_shape(void **state)
{
	int checked = 0;
	(void)state;
	for (int i = 0; i < cat->n_models; i++) {
		const struct model *m = &cat->models[i];
		double derived, declared;
		if (!m->shape.present)
			continue;
		derived = (double)shape_params(&m->shape);
		declared = (double)m->shape.params;
		if (fabs(derived - declared) / declared > 0.02)
			fail_msg("%s: shape gives %.0f, declared %.0f", m->id, derived, declared);
		checked++;
	}
	assert_true(checked >= 20);
}

/* Pinned derivations for every shipped open model (total, active): a change to the
 * formula or to a shape shows up here, and a new model must be pinned. */
static void test_params_pinned(void **state)
{
	static const struct { const char *id; int64_t params, active; } pins[] = {
		{ "llama-3.1-8b", 8030261248LL, 8030261248LL },
		{ "llama-3.1-70b", 70553706496LL, 70553706496LL },
		{ "llama-3.1-405b", 405853388800LL, 405853388800LL },
		{ "llama-3.3-70b", 70553706496LL, 70553706496LL },
		{ "llama-3.2-1b", 1235814400LL, 1235814400LL },
		{ "llama-3.2-3b", 3212749824LL, 3212749824LL },
		{ "mistral-7b", 7248023552LL, 7248023552LL },
		{ "mistral-large-2", 122610069504LL, 122610069504LL },
		{ "mixtral-8x7b", 46702792704LL, 12879925248LL },
		{ "qwen-2.5-72b", 72706203648LL, 72706203648LL },
		{ "qwen-2.5-32b", 32763876352LL, 32763876352LL },
		{ "qwen-2.5-7b", 7615616512LL, 7615616512LL },
		{ "qwen-2.5-3b", 3085938688LL, 3085938688LL },
		{ "qwen-2.5-1.5b", 1543714304LL, 1543714304LL },
		{ "gemma-2-2b", 2614341888LL, 2614341888LL },
		{ "gemma-2-9b", 9241705984LL, 9241705984LL },
		{ "gemma-2-27b", 27227128320LL, 27227128320LL },
		{ "olmo-2-7b", 7298617344LL, 7298617344LL },
		{ "olmo-2-13b", 13716198400LL, 13716198400LL },
		{ "pythia-6.9b", 6857302016LL, 6857302016LL },
		{ "pythia-12b", 11846072320LL, 11846072320LL },
		{ "deepseek-v3", 671026404352LL, 37552282624LL },
		{ "phi-3.5-mini", 3821079552LL, 3821079552LL },
		/* The 2025-2026 models (shapes from their config.json). */
		{ "qwen3-0.6b", 596042752LL, 596042752LL },
		{ "qwen3-1.7b", 1720567808LL, 1720567808LL },
		{ "qwen3-8b", 8190726144LL, 8190726144LL },
		{ "qwen3-32b", 32762106880LL, 32762106880LL },
		{ "qwen3-30b-a3b", 30532110336LL, 3353020416LL },
		{ "qwen3-235b-a22b", 235093610496LL, 22190739456LL },
		{ "qwen3.5-27b", 26895990272LL, 26895990272LL },
		{ "qwen3.5-35b-a3b", 34660523648LL, 3454901888LL },
		{ "qwen3.5-122b-a10b", 122111373312LL, 9771134976LL },
		{ "qwen3.5-397b-a17b", 396346096896LL, 17348787456LL },
		{ "gpt-oss-20b", 20908050240LL, 4186539840LL },
		{ "gpt-oss-120b", 116789232960LL, 5710628160LL },
		{ "deepseek-r1", 671026404352LL, 37552282624LL },
		{ "deepseek-v3.1", 671026404352LL, 37552282624LL },
		{ "deepseek-v3.2", 671877929216LL, 38403807488LL },
		{ "kimi-k2", 1026408209408LL, 32861477888LL },
		{ "glm-5", 743911199232LL, 41784709632LL },
		{ "glm-5.1", 743911199232LL, 41784709632LL },
		{ "minimax-m2.5", 228689304576LL, 11030092800LL },
		{ "gemma-4-26b-a4b", 25232782080LL, 3822170880LL },
		{ "gemma-4-31b", 30697309440LL, 30697309440LL },
		{ "nemotron-3-nano-30b-a3b", 31578077120LL, 3580213184LL },
		{ "llama-4-scout", 107769861120LL, 17172894720LL },
		{ "llama-4-maverick", 400711848960LL, 17184691200LL },
		{ "mimo-v2-flash", 308778766336LL, 15445921792LL },
		{ "step-3.7-flash", 195832688640LL, 10863882240LL },
	};
	int open_models = 0;
	(void)state;
	for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++) {
		const struct shape *s = &M(pins[i].id)->shape;
		if (shape_params(s) != pins[i].params || shape_active_params(s) != pins[i].active)
			fail_msg("%s: shape gives %lld/%lld, pinned %lld/%lld", pins[i].id,
				 (long long)shape_params(s), (long long)shape_active_params(s),
				 (long long)pins[i].params, (long long)pins[i].active);
	}
	for (int i = 0; i < cat->n_models; i++)
		open_models += cat->models[i].shape.present;
	assert_int_equal(open_models, (int)(sizeof pins / sizeof pins[0]));
	/* Against the published counts: Mixtral 46.70B/12.88B, DeepSeek-V3 671B/~37B. */
	assert_float_equal(shape_params(&M("mixtral-8x7b")->shape) / 1e9, 46.70, 0.01);
	assert_float_equal(shape_active_params(&M("mixtral-8x7b")->shape) / 1e9, 12.88, 0.01);
	assert_float_equal(shape_params(&M("deepseek-v3")->shape) / 1e9, 671.0, 0.1);
	assert_float_equal(shape_active_params(&M("deepseek-v3")->shape) / 1e9, 37.5, 0.6);
}

/* The largest batch memory allows, at 1,000/1,000 tokens, the GPU's KV precision. */
static void serve_max(const char *model, const char *gpu, struct footprint *f)
{
	struct serving sv = { .input_tokens = 1000, .output_tokens = 1000, .context_tokens = 2000, .kv_precision = -1 };

	footprint_size(&cat->cost, M(model), G(gpu), PREC_FP8, &sv, f);
	assert_true(f->feasible);
}

/* TensorRT-LLM's max-throughput runs at 1,000/1,000 tokens (perf-overview.md, REFERENCE.md):
 * Llama 3.1 8B fp8 on one H200 17,744 output tokens/s; Llama 3.3 70B fp8 on one H200
 * 2,909; Llama 3.1 405B fp8 on 8 H200 3,330 (openweigh's replica is the fewest H200s
 * that hold it, so 8 GPUs are 8 / gpu_count replicas). Each within 25 %. */
static void test_engine_throughput_anchors(void **state)
{
	static const struct { const char *model; int gpus; double published; } anchors[] = {
		{ "llama-3.1-8b", 1, 17744 }, { "llama-3.3-70b", 1, 2909 }, { "llama-3.1-405b", 8, 3330 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof anchors / sizeof anchors[0]; i++) {
		struct footprint f;
		serve_max(anchors[i].model, "h200", &f);
		assert_int_equal(anchors[i].gpus % f.gpu_count, 0);
		double got = f.output_tokens_per_s * (double)(anchors[i].gpus / f.gpu_count);
		if (fabs(got / anchors[i].published - 1) > 0.25)
			fail_msg("%s: %.0f output tokens/s on %d H200, published %.0f", anchors[i].model, got,
				 anchors[i].gpus, anchors[i].published);
		assert_int_equal(f.kv_precision, PREC_FP8);
		assert_int_equal(f.limited_by, LIMIT_MEMORY);
	}
}

/* Tighter targets, smaller batches, each met; looser ones never a smaller batch. A target
 * one sequence alone misses on the smallest layout widens the tensor parallelism. */
static void test_batch_follows_targets(void **state)
{
	struct serving sv = { .input_tokens = 1000, .output_tokens = 1000, .context_tokens = 2000, .kv_precision = -1 };
	int64_t prev = INT64_MAX;
	int checked = 0;
	struct footprint f;
	(void)state;
	for (double tps = 10; tps <= 160; tps *= 2, checked++) {
		sv.tokens_per_s_per_user = tps;
		footprint_size(&cat->cost, M("llama-3.3-70b"), G("h100"), PREC_FP8, &sv, &f);
		if (!f.feasible)
			break;
		assert_true(f.tokens_per_s_per_user >= tps);
		assert_true(f.batch <= prev);
		if (f.limited_by == LIMIT_USER_SPEED) {   /* one more sequence would miss it */
			struct footprint g;
			struct serving fixed = sv;
			fixed.batch = f.batch + 1;
			fixed.tokens_per_s_per_user = 0;
			footprint_size(&cat->cost, M("llama-3.3-70b"), G("h100"), PREC_FP8, &fixed, &g);
			assert_true(!g.feasible || g.tensor_parallel != f.tensor_parallel || g.tokens_per_s_per_user < tps);
		}
		prev = f.batch;
	}
	assert_true(checked >= 3);   /* 10, 20 and 40 tokens/s a user at least */
	sv.tokens_per_s_per_user = 0;
	sv.ttft_ms = 400;
	footprint_size(&cat->cost, M("llama-3.3-70b"), G("h100"), PREC_FP8, &sv, &f);
	assert_true(f.feasible && f.ttft_ms <= 400);
	/* 70B fp8 fits two H100s; at 60 tokens/s a user two are too slow even alone */
	sv.ttft_ms = 0;
	sv.tokens_per_s_per_user = 60;
	footprint_size(&cat->cost, M("llama-3.3-70b"), G("h100"), PREC_FP8, &sv, &f);
	assert_true(f.feasible);
	assert_true(f.tensor_parallel > 2);
}

/* MoE decode reads one token's active weights at batch 1 (not its routed experts twice),
 * and every expert once the batch routes to all of them: Qwen3-30B-A3B fp8 on one H200. */
static void test_moe_decode_reads(void **state)
{
	struct serving sv = { .input_tokens = 1000, .output_tokens = 1000, .context_tokens = 2000, .batch = 1,
			      .kv_precision = -1 };
	struct footprint one, many;
	double bw = G("h200")->bandwidth_gbs * 1e9 * cat->cost.decode_efficiency;
	(void)state;
	footprint_size(&cat->cost, M("qwen3-30b-a3b"), G("h200"), PREC_FP8, &sv, &one);
	assert_true(one.feasible && one.tensor_parallel == 1);
	/* step = active weights + one sequence's cache read, both at bandwidth x efficiency */
	double cache = one.kv_bytes_per_token * 1500;
	assert_float_equal(one.decode_tokens_per_s_single, bw / (one.active_weights_bytes + cache),
			   0.01 * one.decode_tokens_per_s_single);
	sv.batch = 512;
	footprint_size(&cat->cost, M("qwen3-30b-a3b"), G("h200"), PREC_FP8, &sv, &many);
	assert_true(many.feasible);
	/* 512 tokens of 8 of 128 experts each touch all of them: every weight streamed */
	assert_true(many.decode_tokens_per_s <= 512 * bw / many.weights_bytes * 1.0001);
}

/* No feasible footprint of any open model on any GPU at any precision holds more on a GPU
 * than its usable memory less the headroom; and its total is what its GPUs hold, KV
 * copies included (an MLA latent on each of 8 GPUs is 8 copies). */
static void test_headroom_everywhere(void **state)
{
	struct serving sv = { .input_tokens = 2000, .output_tokens = 500, .context_tokens = 32768,
			      .ttft_ms = 2000, .tokens_per_s_per_user = 20, .kv_precision = -1 };
	int sized = 0;
	(void)state;
	for (int i = 0; i < cat->n_models; i++)
		for (int g = 0; cat->models[i].shape.present && g < cat->n_gpus; g++)
			for (int p = 0; p < PREC_COUNT; p++) {
				struct footprint f;
				footprint_size(&cat->cost, &cat->models[i], &cat->gpus[g], (enum precision)p, &sv, &f);
				if (!f.feasible)
					continue;
				sized++;
				double room = cat->gpus[g].memory_gb * 1e9 * cat->cost.headroom_fraction;
				if (f.per_gpu_bytes > f.gpu_usable_bytes - room || f.headroom_bytes != room)
					fail_msg("%s %s on %s: %.2f GB a GPU of %.2f usable less %.2f", cat->models[i].id,
						 precision_names[p], cat->gpus[g].id, f.per_gpu_bytes / 1e9,
						 f.gpu_usable_bytes / 1e9, room / 1e9);
				if (fabs(f.total_bytes - f.per_gpu_bytes * (double)f.gpu_count) > 1e-9 * f.total_bytes)
					fail_msg("%s %s on %s: total %.3f GB, but %lld GPUs of %.3f GB", cat->models[i].id,
						 precision_names[p], cat->gpus[g].id, f.total_bytes / 1e9,
						 (long long)f.gpu_count, f.per_gpu_bytes / 1e9);
			}
	assert_true(sized > 500);
}

/* Prefill counts attention's own FLOPs: at 60K-token prompts a 70B's prefill is slower
 * by about the 56 % the issue computes (4 x 80 x 60,000 x 64 x 128 / 2 per token on
 * 140 GFLOPs of parameters). */
static void test_prefill_attention_flops(void **state)
{
	struct serving sv = { .input_tokens = 1000, .output_tokens = 100, .context_tokens = 70000, .batch = 1,
			      .kv_precision = -1 };
	struct footprint short_p, long_p;
	(void)state;
	footprint_size(&cat->cost, M("llama-3.3-70b"), G("h200"), PREC_FP8, &sv, &short_p);
	sv.input_tokens = 60000;
	footprint_size(&cat->cost, M("llama-3.3-70b"), G("h200"), PREC_FP8, &sv, &long_p);
	double slower = short_p.prefill_tokens_per_s / long_p.prefill_tokens_per_s - 1;
	assert_float_equal(slower, 0.56, 0.03);
}

/* The KV line's parts add up: per-token bytes of the full-attention layers x tokens,
 * plus the sliding layers' windows and the fixed state, x batch (gpt-oss-120b: 18
 * sliding layers of 128 tokens; gemma-4-31b: 50 of 1,024; qwen3.5-35b-a3b: a state). */
static void test_kv_parts_add_up(void **state)
{
	static const char *const models[] = { "gpt-oss-120b", "gemma-4-31b", "qwen3.5-35b-a3b", "llama-3.1-8b" };
	(void)state;
	for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
		struct footprint f;
		footprint_compute(&cat->cost, M(models[i]), G("h200"), PREC_FP8, 16, 8192, &f);
		double parts = (double)f.batch * (f.kv_bytes_per_token * (double)f.context + f.window_bytes + f.state_bytes) *
			       f.kv_copies;
		if (fabs(parts - f.kv_bytes) > 1e-6 * f.kv_bytes)
			fail_msg("%s: %.0f bytes in parts, %.0f in the cache", models[i], parts, f.kv_bytes);
	}
	struct footprint g;
	footprint_compute(&cat->cost, M("gpt-oss-120b"), G("h200"), PREC_FP8, 1, 8192, &g);
	assert_true(g.window_bytes > 0);
	footprint_compute(&cat->cost, M("llama-3.1-8b"), G("h200"), PREC_FP8, 1, 8192, &g);
	assert_true(g.window_bytes == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_llama8b_bf16_weights),
		cmocka_unit_test(test_int4_not_half_of_fp16),
		cmocka_unit_test(test_kv_bytes_per_token),
		cmocka_unit_test(test_405b_does_not_fit_seed_claims),
		cmocka_unit_test(test_seed_claims_that_hold),
		cmocka_unit_test(test_moe_memory_uses_total_params),
		cmocka_unit_test(test_unsupported_precision),
		cmocka_unit_test(test_decode_roofline),
		cmocka_unit_test(test_params_from_every_shape),
		cmocka_unit_test(test_params_pinned),
		cmocka_unit_test(test_engine_throughput_anchors),
		cmocka_unit_test(test_batch_follows_targets),
		cmocka_unit_test(test_headroom_everywhere),
		cmocka_unit_test(test_prefill_attention_flops),
		cmocka_unit_test(test_moe_decode_reads),
		cmocka_unit_test(test_kv_parts_add_up),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
