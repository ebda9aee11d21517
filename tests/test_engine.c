/* test_engine.c — the engine reads every input it should, and its one shortcut (the
 * picks' cost floor) changes nothing: each answer and each catalog field a cost or a
 * footprint reads, changed one at a time, moves the verdict where it must; and every
 * fleet chosen is the first of all the candidates by pick.h's rule, catalog order
 * breaking ties. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "pick.h"
#include "util.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

/* A team that exercises every cost line: regulated, tuned, steady traffic. */
static const char base_answers[] =
	"privacy: regulated\nrequests_per_month: 20000000\ninput_tokens: 2000\noutput_tokens: 500\n"
	"context_tokens: 16384\ntask: general\nmlops: dedicated\nfine_tuning: lora\nlatency: interactive\n"
	"finetune_tokens: 50000000\nfinetune_cycles_per_year: 4\ngrowth_per_year: 0.3\n";

static const struct cost_row *row_of(const struct cost_row *rows, int n, const char *model_id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].model->id, model_id) == 0)
			return &rows[i];
	fail_msg("no row for %s", model_id);
	return NULL;
}

/* ---- answers, one at a time ------------------------------------------------------------ */

/* What each answer must move, read off a verdict. */
static double probe_api_cost(const struct verdict *v) { return row_of(v->api, v->n_api, "gpt-4o")->opt.cost.total; }
static double probe_self_cost(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->opt.cost.total;
}
static double probe_hidden(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->opt.cost.engineering;
}
static double probe_gpu_hours(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->opt.gpu_hours;
}
static double probe_kv(const struct verdict *v) { return v->footprint.kv_bytes; }
/* The GPUs a replica of the footprint model needs, summed over every GPU and precision. */
static double probe_all_gpus(const struct verdict *v)
{
	double n = 0;
	for (int i = 0; i < v->n_footprint_options; i++)
		n += (double)v->footprint_options[i].f.gpu_count * v->footprint_options[i].f.feasible;
	return n;
}
static double probe_tuning(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->opt.cost.finetune;
}
static double probe_scores(const struct verdict *v)
{
	double sum = 0;
	for (int k = 0; k < ARCH_COUNT; k++)
		sum += v->scores[k].score * (k + 1) + v->scores[k].feasible * 100 * (k + 1);
	return sum;
}
static double probe_quality(const struct verdict *v)
{
	double n = 0;
	for (int i = 0; i < v->n_self_hosted; i++)
		n += v->self_hosted[i].meets_quality;
	return n;
}
static double probe_twelve(const struct verdict *v) { return v->scores[ARCH_DIRECT_API].cost_in_12_months; }
static double probe_usable(const struct verdict *v)
{
	double n = 0;
	for (int i = 0; i < v->n_self_hosted; i++)
		n += v->self_hosted[i].usable;
	return n;
}

struct answer_case {
	const char *change;                     /* a line appended to base_answers */
	double (*probe)(const struct verdict *);
};

/* Every answers key, with what it must move. */
static const struct answer_case answer_cases[] = {
	{ "privacy: none\n", probe_scores },
	{ "requests_per_month: 30000000\n", probe_api_cost },
	{ "input_tokens: 3000\n", probe_api_cost },
	{ "input_tokens: 3000\n", probe_self_cost },
	{ "output_tokens: 800\n", probe_api_cost },
	{ "output_tokens: 800\n", probe_self_cost },
	{ "context_tokens: 131072\n", probe_all_gpus },
	{ "task: reasoning\n", probe_quality },
	{ "mlops: partial\n", probe_hidden },
	{ "fine_tuning: full\n", probe_tuning },
	{ "edge: offline\n", probe_scores },
	{ "latency: batch\n", probe_api_cost },
	{ "latency: realtime\n", probe_self_cost },
	{ "ttft_ms: 150\n", probe_self_cost },
	{ "tokens_per_s_per_user: 90\n", probe_self_cost },
	{ "spare_replicas: 3\n", probe_self_cost },
	{ "vendor_independence: high\n", probe_scores },
	{ "compliance: sector\n", probe_scores },
	{ "over_700m_mau: true\n", probe_usable },
	{ "traffic: business-hours\n", probe_gpu_hours },
	{ "growth_per_year: 1.0\n", probe_twelve },
	{ "finetune_tokens: 90000000\n", probe_tuning },
	{ "finetune_cycles_per_year: 12\n", probe_tuning },
	{ "gpu_pricing: spot\n", probe_self_cost },
	{ "cache_hit_rate: 0.8\n", probe_api_cost },
};

/* Answers `from` with change's key set to its value (its line replaced or added). */
static const char *with_line(const char *from, const char *change, char *buf, size_t size)
{
	size_t klen = strcspn(change, ":") + 1, n = 0;
	const char *line = from;

	while (*line) {
		size_t len = strcspn(line, "\n") + 1;
		if (strncmp(line, change, klen) != 0)
			n += (size_t)snprintf(buf + n, size - n, "%.*s", (int)len, line);
		line += len;
	}
	snprintf(buf + n, size - n, "%s", change);
	return buf;
}

static void test_every_answer_moves_the_verdict(void **state)
{
	struct answers a, b;
	struct verdict *base;
	bool keys_seen[AK_COUNT] = { false };
	char text[2048];
	(void)state;
	answers_with(&a, base_answers);
	base = evaluate(cat, &a);
	for (size_t i = 0; i < sizeof answer_cases / sizeof answer_cases[0]; i++) {
		const struct answer_case *t = &answer_cases[i];
		char key[64];
		answers_with(&b, with_line(base_answers, t->change, text, sizeof text));
		struct verdict *v = evaluate(cat, &b);
		if (t->probe(v) == t->probe(base))
			fail_msg("changing '%.*s' left the verdict where it was", (int)strlen(t->change) - 1, t->change);
		snprintf(key, sizeof key, "%.*s", (int)strcspn(t->change, ":"), t->change);
		keys_seen[answer_key_from_name(key)] = true;
		verdict_free(v);
	}
	for (int k = 0; k < AK_COUNT; k++)
		if (!keys_seen[k])
			fail_msg("no case changes the answer '%s'", answer_fields[k].key);
	verdict_free(base);
}

/* ---- catalog fields, one at a time -------------------------------------------------- */

/* The footprint option of the footprint model on one GPU and precision. */
static const struct footprint_option *option_of(const struct verdict *v, const char *gpu, enum precision p)
{
	for (int i = 0; i < v->n_footprint_options; i++)
		if (strcmp(v->footprint_options[i].gpu->id, gpu) == 0 && v->footprint_options[i].precision == p)
			return &v->footprint_options[i];
	fail_msg("no option on %s", gpu);
	return NULL;
}

static struct model *model_of(struct catalog *c, const char *id)
{
	return (struct model *)catalog_model(c, id);
}

static struct gpu *gpu_of(struct catalog *c, const char *id)
{
	return (struct gpu *)catalog_gpu(c, id);
}

/* Each mutation changes one field; each probe reads what it must move. */
static void m_params(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->shape.params *= 10; }
static void m_active(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->shape.active_params /= 2; }
static void m_tier(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->quality_tier = 4; }
static void m_context(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->context_tokens = 1024; }
static void m_licence(struct catalog *c)
{
	struct licence *l = (struct licence *)model_of(c, "qwen3.5-35b-a3b")->licence;
	l->commercial = false;
}
static void m_api_in(struct catalog *c) { model_of(c, "gpt-4o")->api.input *= 2; }
static void m_api_out(struct catalog *c) { model_of(c, "gpt-4o")->api.output *= 2; }
static void m_price(struct catalog *c) { gpu_of(c, "h100")->rates[RATE_ON_DEMAND].usd_per_hour *= 2; }
static void m_bandwidth(struct catalog *c) { gpu_of(c, "h100")->bandwidth_gbs *= 2; }
static void m_bf16(struct catalog *c) { gpu_of(c, "h100")->bf16_tflops *= 2; }
static void m_fp8(struct catalog *c) { gpu_of(c, "h100")->fp8_tflops *= 2; }
static void m_memory(struct catalog *c) { gpu_of(c, "h100")->memory_gb /= 2; }
static void m_usable(struct catalog *c) { gpu_of(c, "h100")->usable_fraction = 0.5; }
static void m_prefill_eff(struct catalog *c) { gpu_of(c, "h100")->prefill_efficiency = 0.05; }
/* The subject fits one H100, so its all-reduces are measured where it needs tensor
 * parallelism: four L4s. */
static void m_interconnect(struct catalog *c) { gpu_of(c, "l4")->interconnect_gbs /= 10; }
static void m_per_node(struct catalog *c) { gpu_of(c, "l4")->max_per_node = 1; }   /* TP4 becomes PP4 */
static void m_overhead(struct catalog *c) { c->cost.overhead_gb *= 4; }
static void m_decode_eff(struct catalog *c) { c->cost.decode_efficiency /= 2; }
static void m_hidden(struct catalog *c) { c->cost.hidden[MLOPS_DEDICATED][SIZE_LARGE].engineering += 1000; }
static void m_peak(struct catalog *c) { c->cost.traffic[TRAFFIC_STEADY].peak *= 2; }
static void m_hours(struct catalog *c) { c->cost.traffic[TRAFFIC_STEADY].hours /= 2; }
static void m_mfu(struct catalog *c) { c->cost.finetune_mfu /= 2; }
static void m_share(struct catalog *c) { c->cost.hybrid_api_share /= 2; }

static double p_row(const struct verdict *v) { return probe_self_cost(v); }
static double p_row_quality(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->meets_quality;
}
static double p_row_usable(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->usable;
}
static double p_api(const struct verdict *v) { return probe_api_cost(v); }
static double p_h100_cost(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->fleet.cost.total; }
static double p_h100_decode(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.decode_tokens_per_s; }
static double p_h100_prefill(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.prefill_tokens_per_s; }
static double p_l4_decode(const struct verdict *v) { return option_of(v, "l4", PREC_BF16)->f.decode_tokens_per_s; }
static double p_h100_fp8_prefill(const struct verdict *v) { return option_of(v, "h100", PREC_FP8)->f.prefill_tokens_per_s; }
static double p_h100_gpus(const struct verdict *v)
{
	const struct footprint *f = &option_of(v, "h100", PREC_BF16)->f;
	return (double)f->gpu_count * 1000 + f->feasible + f->gpu_usable_bytes / 1e12;
}
static double p_h100_per_gpu(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.per_gpu_bytes; }
static double p_hybrid(const struct verdict *v) { return v->scores[ARCH_HYBRID].best.cost.total; }

/* Fields read only on another basis, traffic shape, volume or need: each case may set
 * one answer (with_line) for both the shipped and the changed catalog. */
static struct layer_group *group_of(struct model *m, enum layer_kind kind)
{
	for (int i = 0; i < m->shape.lay.n_groups; i++)
		if (m->shape.lay.groups[i].kind == kind)
			return &m->shape.lay.groups[i];
	fail_msg("%s has no layer group of kind %d", m->id, (int)kind);
	return NULL;
}

static void m_bytes_bf16(struct catalog *c) { c->cost.bytes_per_param[PREC_BF16] *= 1.25; }
static void m_int4_scale(struct catalog *c) { c->cost.int4_scale_bytes *= 4; }
static void m_int4_group(struct catalog *c) { c->cost.int4_group_size /= 4; }
static void m_mxfp4_scale(struct catalog *c) { c->cost.mxfp4_scale_bytes *= 4; }
static void m_mxfp4_group(struct catalog *c) { c->cost.mxfp4_group_size /= 4; }
static void m_nvfp4_scale(struct catalog *c) { c->cost.nvfp4_scale_bytes *= 4; }
static void m_nvfp4_group(struct catalog *c) { c->cost.nvfp4_group_size /= 4; }
static void m_state_bytes(struct catalog *c) { c->cost.state_bytes *= 2; }
static void m_embeddings(struct catalog *c) { c->cost.quant_keeps_embeddings_16bit = !c->cost.quant_keeps_embeddings_16bit; }
static void m_kv_bytes(struct catalog *c) { c->cost.kv_bytes *= 2; }
static void m_usable_default(struct catalog *c) { c->cost.usable_fraction /= 2; }
static void m_headroom(struct catalog *c) { c->cost.headroom_fraction *= 2; }
static void m_prefill_default(struct catalog *c) { c->cost.prefill_efficiency /= 2; }
static void m_max_batch(struct catalog *c) { c->cost.max_batch = 16; }
static void m_target_speed(struct catalog *c) { c->cost.latency[LAT_INTERACTIVE].tokens_per_s_per_user *= 3; }
static void m_target_ttft(struct catalog *c) { c->cost.latency[LAT_INTERACTIVE].ttft_ms /= 40; }
static void m_node_size(struct catalog *c) { c->cost.node_size = 2; }
static void m_hours_month(struct catalog *c) { c->cost.hours_per_month *= 1.1; }
static void m_burst_headroom(struct catalog *c) { c->cost.traffic[TRAFFIC_BURSTY].headroom *= 2; }
static void m_burst_cold(struct catalog *c) { c->cost.traffic[TRAFFIC_BURSTY].cold_start_hours *= 20; }
static void m_years(struct catalog *c) { c->cost.owned.years *= 2; }
static void m_capex(struct catalog *c) { c->cost.owned.capex_overhead += 0.5; }
static void m_host_power(struct catalog *c) { c->cost.owned.host_power_factor *= 2; }
static void m_host_fraction(struct catalog *c) { c->cost.owned.host_fraction *= 2; }
static void m_server(struct catalog *c) { gpu_of(c, "h100")->max_per_node = 1; }   /* owned: GPUs one by one */
static void m_pue(struct catalog *c) { c->cost.owned.pue *= 2; }
static void m_kwh(struct catalog *c) { c->cost.owned.usd_per_kwh *= 2; }
static void m_colo(struct catalog *c) { c->cost.owned.colocation_usd_per_kw_month *= 2; }
static void m_size_class(struct catalog *c) { c->cost.size_small_max_b = 40; }   /* 35B becomes small */
static void m_size_large(struct catalog *c) { c->cost.size_large_max_b = 20; }   /* 35B becomes XL */
static void m_hidden_orch(struct catalog *c) { c->cost.hidden[MLOPS_DEDICATED][SIZE_LARGE].orchestration += 1000; }
static void m_hidden_mon(struct catalog *c) { c->cost.hidden[MLOPS_DEDICATED][SIZE_LARGE].monitoring += 1000; }
static void m_fte(struct catalog *c) { c->cost.fte_usd_month *= 2; }
static void m_gpus_fte(struct catalog *c) { c->cost.gpus_per_fte[MLOPS_DEDICATED] = 0.1; }
static void m_on_call(struct catalog *c) { c->cost.on_call_fte *= 2; }
static void m_gpus_on_call(struct catalog *c) { c->cost.gpus_per_on_call = 1; }
static void m_orch_gpu(struct catalog *c) { c->cost.orchestration_per_gpu += 100; }
static void m_mon_gpu(struct catalog *c) { c->cost.monitoring_per_gpu += 100; }
static void m_lora_flops(struct catalog *c) { c->cost.lora_flops_factor *= 2; }
static void m_lora_bytes(struct catalog *c) { c->cost.lora_bytes_per_param *= 20; }
static void m_full_flops(struct catalog *c) { c->cost.full_flops_factor *= 2; }
static void m_full_bytes(struct catalog *c) { c->cost.full_bytes_per_param *= 20; }
static void m_labour(struct catalog *c) { c->cost.finetune_labour_usd[0] *= 2; c->cost.finetune_labour_usd[1] *= 2; }
static void m_edge_eng(struct catalog *c) { c->cost.edge_engineering[MLOPS_DEDICATED] *= 2; }
static void m_edge_max(struct catalog *c) { c->cost.edge_max_params_b = 0.5; }
static void m_sens_gpu(struct catalog *c) { c->cost.sensitivity[ASSUME_GPU_PRICE].low /= 2; }
static void m_tier_need(struct catalog *c) { c->policy.required_tier[TASK_GENERAL] = 1; }
static void m_precisions(struct catalog *c) { c->policy.precisions[TASK_GENERAL] = 1u << PREC_BF16; }
static void m_cost_weight(struct catalog *c) { c->policy.cost_weight *= 2; }
static void m_cost_cap(struct catalog *c) { c->policy.cost_cap = 0.5; }
static void m_gap_weight(struct catalog *c) { c->policy.quality_gap_weight *= 2; }
static void m_fp16(struct catalog *c) { gpu_of(c, "t4")->fp16_tflops *= 2; }
/* MXFP4 matmuls run at the fp8 rate where the GPU has MXFP4 units (mxfp4_tflops > 0),
 * else the weights are dequantised to 16 bits */
static void m_mxfp4_tf(struct catalog *c) { gpu_of(c, "b200")->mxfp4_tflops = 0; }
static void m_nvfp4_tf(struct catalog *c) { gpu_of(c, "b200")->nvfp4_tflops *= 2; }
static void m_kv_fp8(struct catalog *c) { gpu_of(c, "h100")->kv_fp8 = false; }
static void m_nvlink(struct catalog *c) { gpu_of(c, "gb200")->nvlink_domain = 0; }
static void m_purchase(struct catalog *c) { gpu_of(c, "h100")->purchase_usd *= 2; }
static void m_power(struct catalog *c) { gpu_of(c, "h100")->power_w *= 2; }
static void m_reserved(struct catalog *c) { gpu_of(c, "h100")->rates[RATE_RESERVED].usd_per_hour *= 2; }
static void m_spot(struct catalog *c) { gpu_of(c, "h100")->rates[RATE_SPOT].usd_per_hour *= 2; }
static void m_dedicated(struct catalog *c)
{
	for (int i = 0; i < c->n_providers; i++)
		c->providers[i].dedicated.usd_per_gpu_hour *= 2;
}
static void m_offer(struct catalog *c)
{
	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++)
			c->providers[i].offers[j].output *= 2;
}
static void m_cached(struct catalog *c) { model_of(c, "gpt-4o")->api.cached_input *= 2; }
static void m_long(struct catalog *c) { model_of(c, "gpt-5.4")->api.long_above = 1000; }
static void m_batch_discount(struct catalog *c) { model_of(c, "gpt-4o")->api.batch_discount = 0.9; }
static void m_layers(struct catalog *c) { model_of(c, "llama-3.1-8b")->shape.layers /= 2; }
static void m_head_dim(struct catalog *c) { model_of(c, "llama-3.1-8b")->shape.head_dim /= 2; }
static void m_kv_heads(struct catalog *c) { model_of(c, "llama-3.1-8b")->shape.kv_heads /= 2; }
static void m_heads(struct catalog *c) { model_of(c, "llama-3.1-8b")->shape.heads *= 2; }
static void m_experts_k(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->shape.experts_per_token *= 2; }
static void m_experts(struct catalog *c) { model_of(c, "qwen3.5-35b-a3b")->shape.experts /= 2; }
static void m_kv_lora(struct catalog *c) { model_of(c, "deepseek-v3")->shape.kv_lora_rank *= 2; }
static void m_rope_dim(struct catalog *c) { model_of(c, "deepseek-v3")->shape.qk_rope_head_dim *= 2; }
static void m_indexer(struct catalog *c) { model_of(c, "deepseek-v3.2")->shape.lay.indexer.head_dim *= 2; }
static void m_window(struct catalog *c) { group_of(model_of(c, "gemma-4-31b"), LAYER_SLIDING)->window /= 2; }
static void m_k_eq_v(struct catalog *c)
{
	struct layer_group *g = group_of(model_of(c, "gemma-4-31b"), LAYER_FULL);
	g->k_eq_v = !g->k_eq_v;
}
static void m_linear_heads(struct catalog *c) { group_of(model_of(c, "qwen3.5-35b-a3b"), LAYER_LINEAR)->value_heads *= 2; }
static void m_linear_kdim(struct catalog *c) { group_of(model_of(c, "qwen3.5-35b-a3b"), LAYER_LINEAR)->key_head_dim *= 2; }
static void m_linear_vdim(struct catalog *c) { group_of(model_of(c, "qwen3.5-35b-a3b"), LAYER_LINEAR)->value_head_dim *= 2; }
static void m_conv(struct catalog *c) { group_of(model_of(c, "qwen3.5-35b-a3b"), LAYER_LINEAR)->conv_kernel *= 2; }
static void m_mamba_state(struct catalog *c) { group_of(model_of(c, "nemotron-3-nano-30b-a3b"), LAYER_MAMBA)->state_size *= 2; }
static void m_mamba_groups(struct catalog *c) { group_of(model_of(c, "nemotron-3-nano-30b-a3b"), LAYER_MAMBA)->groups *= 2; }
static void m_native(struct catalog *c) { model_of(c, "gpt-oss-120b")->shape.lay.native_scope = NATIVE_ALL; }

/* A replica of one model on one GPU, sized by the engine for the verdict's answers on
 * the catalog it was computed from (the changed one). */
static struct footprint sized(const struct verdict *v, const char *model, const char *gpu, enum precision p)
{
	struct request_shape shape = candidates_shape_of(v->catalog, &v->answers);
	struct footprint f;

	candidate_footprint(v->catalog, &shape, catalog_model(v->catalog, model), catalog_gpu(v->catalog, gpu), p, 1, &f);
	return f;
}

static double p_weights(const struct verdict *v, const char *gpu, enum precision p)
{
	return option_of(v, gpu, p)->f.weights_bytes;
}
static double p_h100_bf16_weights(const struct verdict *v) { return p_weights(v, "h100", PREC_BF16); }
static double p_h100_int4_weights(const struct verdict *v) { return p_weights(v, "h100", PREC_INT4); }
static double p_h100_mxfp4_weights(const struct verdict *v) { return p_weights(v, "h100", PREC_MXFP4); }
static double p_b200_nvfp4_weights(const struct verdict *v) { return p_weights(v, "b200", PREC_NVFP4); }
static double p_h100_state(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.state_bytes; }
static double p_a100_kv(const struct verdict *v) { return option_of(v, "a100-80gb", PREC_BF16)->f.kv_bytes_per_token; }
static double p_h100_kv(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.kv_bytes_per_token; }
static double p_a100_usable(const struct verdict *v) { return option_of(v, "a100-80gb", PREC_BF16)->f.gpu_usable_bytes; }
static double p_a100_prefill(const struct verdict *v) { return option_of(v, "a100-80gb", PREC_BF16)->f.prefill_tokens_per_s; }
static double p_h100_headroom(const struct verdict *v) { return option_of(v, "h100", PREC_BF16)->f.headroom_bytes; }
static double p_h100_batch(const struct verdict *v) { return (double)option_of(v, "h100", PREC_FP8)->f.batch; }
static double p_l4_layout(const struct verdict *v)
{
	const struct footprint *f = &option_of(v, "l4", PREC_BF16)->f;
	return (double)(f->tensor_parallel * 100 + f->pipeline_stages);
}
static double p_t4_prefill(const struct verdict *v) { return option_of(v, "t4", PREC_FP16)->f.prefill_tokens_per_s; }
static double p_b200_mxfp4_prefill(const struct verdict *v) { return option_of(v, "b200", PREC_MXFP4)->f.prefill_tokens_per_s; }
static double p_b200_nvfp4_prefill(const struct verdict *v) { return option_of(v, "b200", PREC_NVFP4)->f.prefill_tokens_per_s; }
static double p_h100_fp8_decode(const struct verdict *v) { return option_of(v, "h100", PREC_FP8)->f.decode_tokens_per_s; }
static double p_tune_memory(const struct verdict *v) { return v->finetune.bytes_needed; }
static double p_row_labour(const struct verdict *v)
{
	return row_of(v->self_hosted, v->n_self_hosted, "qwen3.5-35b-a3b")->opt.cost.finetune_labour;
}
static double p_edge(const struct verdict *v)
{
	const struct plan *o = &v->scores[ARCH_ON_DEVICE].best;
	return o->cost.total + (o->model ? (double)(o->model - v->catalog->models) * 1e6 : -1);
}
static double p_sens_gpu(const struct verdict *v)
{
	for (int i = 0; i < v->n_sensitivity; i++)
		if (v->sensitivity[i].assumption == ASSUME_GPU_PRICE)
			return v->sensitivity[i].cost_low;
	fail_msg("no GPU price sensitivity");
	return 0;
}
static double p_managed(const struct verdict *v)
{
	double sum = 0;
	for (int i = 0; i < v->n_managed; i++)
		sum += v->managed[i].opt.feasible ? v->managed[i].opt.cost.total : 0;
	return sum;
}
static double p_api_sum(const struct verdict *v)
{
	double sum = 0;
	for (int i = 0; i < v->n_api; i++)
		sum += v->api[i].opt.feasible ? v->api[i].opt.cost.total : 0;
	return sum;
}
static double p_llama_kv(const struct verdict *v) { return sized(v, "llama-3.1-8b", "h100", PREC_BF16).kv_bytes_per_token; }
static double p_llama_prefill(const struct verdict *v) { return sized(v, "llama-3.1-8b", "h100", PREC_BF16).prefill_tokens_per_s; }
static double p_deepseek_kv(const struct verdict *v) { return sized(v, "deepseek-v3", "h200", PREC_FP8).kv_bytes_per_token; }
static double p_dsa_kv(const struct verdict *v) { return sized(v, "deepseek-v3.2", "h200", PREC_FP8).kv_bytes_per_token; }
static double p_gemma_kv(const struct verdict *v) { return sized(v, "gemma-4-31b", "h100", PREC_BF16).kv_bytes; }
static double p_nemotron_state(const struct verdict *v) { return sized(v, "nemotron-3-nano-30b-a3b", "h100", PREC_BF16).state_bytes; }
static double p_gptoss_weights(const struct verdict *v) { return sized(v, "gpt-oss-120b", "h100", PREC_MXFP4).weights_bytes; }
static double p_kimi_gb200(const struct verdict *v) { return (double)sized(v, "kimi-k2", "gb200", PREC_BF16).tensor_parallel; }

struct field_case {
	const char *field;
	void (*mutate)(struct catalog *);
	double (*probe)(const struct verdict *);
	const char *answer;   /* one answers line for both verdicts, or NULL */
};

static const struct field_case field_cases[] = {
	{ "model params (size class of the hidden costs)", m_params, p_row, NULL },
	{ "model active_params (tuning compute)", m_active, probe_tuning, NULL },
	{ "model quality_tier", m_tier, p_row_quality, NULL },
	{ "model context_tokens", m_context, probe_kv, NULL },
	{ "licence commercial", m_licence, p_row_usable, NULL },
	{ "api input price", m_api_in, p_api, NULL },
	{ "api output price", m_api_out, p_api, NULL },
	{ "gpu on-demand price", m_price, p_h100_cost, NULL },
	{ "gpu bandwidth_gbs", m_bandwidth, p_h100_decode, NULL },
	{ "gpu bf16_tflops", m_bf16, p_h100_prefill, NULL },
	{ "gpu fp8_tflops", m_fp8, p_h100_fp8_prefill, NULL },
	{ "gpu memory_gb", m_memory, p_h100_gpus, NULL },
	{ "gpu usable_fraction", m_usable, p_h100_gpus, NULL },
	{ "gpu prefill_efficiency", m_prefill_eff, p_h100_prefill, NULL },
	{ "gpu interconnect_gbs", m_interconnect, p_l4_decode, NULL },
	{ "gpu max_per_node", m_per_node, p_l4_decode, NULL },
	{ "cost overhead_gb", m_overhead, p_h100_per_gpu, NULL },
	{ "cost decode_efficiency", m_decode_eff, p_h100_decode, NULL },
	{ "cost hidden engineering", m_hidden, p_row, NULL },
	{ "cost traffic peak", m_peak, p_row, NULL },
	{ "cost traffic hours", m_hours, p_row, NULL },   /* the subject stays at 3 replicas; its cost moves */
	{ "cost finetune_mfu", m_mfu, probe_tuning, NULL },
	{ "cost hybrid_api_share", m_share, p_hybrid, NULL },
	{ "cost bytes_per_param", m_bytes_bf16, p_h100_bf16_weights, NULL },
	{ "cost int4_scale_bytes", m_int4_scale, p_h100_int4_weights, NULL },
	{ "cost int4_group_size", m_int4_group, p_h100_int4_weights, NULL },
	{ "cost mxfp4_scale_bytes", m_mxfp4_scale, p_h100_mxfp4_weights, NULL },
	{ "cost mxfp4_group_size", m_mxfp4_group, p_h100_mxfp4_weights, NULL },
	{ "cost nvfp4_scale_bytes", m_nvfp4_scale, p_b200_nvfp4_weights, NULL },
	{ "cost nvfp4_group_size", m_nvfp4_group, p_b200_nvfp4_weights, NULL },
	{ "cost state_bytes", m_state_bytes, p_h100_state, NULL },
	{ "cost quant_keeps_embeddings_16bit", m_embeddings, p_h100_int4_weights, NULL },
	{ "cost kv_bytes (GPUs without an fp8 KV cache)", m_kv_bytes, p_a100_kv, NULL },
	{ "cost usable_fraction (the default)", m_usable_default, p_a100_usable, NULL },
	{ "cost headroom_fraction", m_headroom, p_h100_headroom, NULL },
	{ "cost prefill_efficiency (the default)", m_prefill_default, p_a100_prefill, NULL },
	{ "cost max_batch", m_max_batch, p_h100_batch, NULL },
	{ "cost latency tokens_per_s_per_user", m_target_speed, p_h100_batch, NULL },
	{ "cost latency ttft_ms", m_target_ttft, p_h100_batch, NULL },
	{ "cost node_size", m_node_size, p_l4_layout, NULL },
	{ "cost hours_per_month", m_hours_month, p_row, "gpu_pricing: reserved\n" },
	{ "cost traffic headroom", m_burst_headroom, p_row, "traffic: bursty\nrequests_per_month: 2000000000\n" },
	{ "cost traffic cold_start_hours", m_burst_cold, p_row, "traffic: bursty\n" },
	{ "cost owned years", m_years, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned capex_overhead", m_capex, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned host_power_factor", m_host_power, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned host_fraction", m_host_fraction, p_h100_cost, "gpu_pricing: owned\n" },
	{ "gpu max_per_node (the server an owned fleet buys)", m_server, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned pue", m_pue, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned usd_per_kwh", m_kwh, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost owned colocation", m_colo, p_h100_cost, "gpu_pricing: owned\n" },
	{ "cost size_small_max_b", m_size_class, p_row, NULL },
	{ "cost size_large_max_b", m_size_large, p_row, NULL },
	{ "cost hidden orchestration", m_hidden_orch, p_row, NULL },
	{ "cost hidden monitoring", m_hidden_mon, p_row, NULL },
	{ "cost fte_usd_month", m_fte, p_row, NULL },
	{ "cost gpus_per_fte", m_gpus_fte, p_row, NULL },
	{ "cost on_call_fte", m_on_call, p_row, NULL },
	{ "cost gpus_per_on_call", m_gpus_on_call, p_row, NULL },
	{ "cost orchestration_per_gpu (beyond a node)", m_orch_gpu, p_row, "requests_per_month: 2000000000\n" },
	{ "cost monitoring_per_gpu (beyond a node)", m_mon_gpu, p_row, "requests_per_month: 2000000000\n" },
	{ "cost lora_flops_factor", m_lora_flops, probe_tuning, NULL },
	{ "cost lora_bytes_per_param", m_lora_bytes, p_tune_memory, NULL },
	{ "cost full_flops_factor", m_full_flops, probe_tuning, "fine_tuning: full\n" },
	{ "cost full_bytes_per_param", m_full_bytes, p_tune_memory, "fine_tuning: full\n" },
	{ "cost finetune_labour_usd", m_labour, p_row_labour, NULL },
	{ "cost edge_engineering", m_edge_eng, p_edge, "edge: offline\n" },
	{ "cost edge_max_params_b", m_edge_max, p_edge, "edge: offline\n" },
	{ "cost sensitivity range", m_sens_gpu, p_sens_gpu, NULL },
	{ "rules required_tier", m_tier_need, probe_quality, NULL },
	{ "rules precisions", m_precisions, p_row, NULL },
	{ "rules cost_weight", m_cost_weight, probe_scores, NULL },
	{ "rules cost_cap", m_cost_cap, probe_scores, NULL },
	{ "rules quality_gap_weight", m_gap_weight, probe_scores, "task: reasoning\n" },
	{ "gpu fp16_tflops", m_fp16, p_t4_prefill, NULL },
	{ "gpu mxfp4_tflops", m_mxfp4_tf, p_b200_mxfp4_prefill, NULL },
	{ "gpu nvfp4_tflops", m_nvfp4_tf, p_b200_nvfp4_prefill, NULL },
	{ "gpu kv_fp8", m_kv_fp8, p_h100_kv, NULL },
	{ "gpu nvlink_domain", m_nvlink, p_kimi_gb200, NULL },
	{ "gpu purchase price", m_purchase, p_h100_cost, "gpu_pricing: owned\n" },
	{ "gpu power_w", m_power, p_h100_cost, "gpu_pricing: owned\n" },
	{ "gpu reserved price", m_reserved, p_h100_cost, "gpu_pricing: reserved\n" },
	{ "gpu spot price", m_spot, p_h100_cost, "gpu_pricing: spot\n" },
	{ "provider dedicated usd_per_gpu_hour", m_dedicated, p_managed, NULL },
	{ "offer output price", m_offer, p_managed, "fine_tuning: none\n" },
	{ "api cached_input", m_cached, p_api, "cache_hit_rate: 0.5\n" },
	{ "api long-context tier", m_long, p_api_sum, NULL },
	{ "api batch_discount", m_batch_discount, p_api, "latency: batch\n" },
	{ "shape layers", m_layers, p_llama_kv, NULL },
	{ "shape head_dim", m_head_dim, p_llama_kv, NULL },
	{ "shape kv_heads", m_kv_heads, p_llama_kv, NULL },
	{ "shape heads (attention FLOPs)", m_heads, p_llama_prefill, NULL },
	{ "shape experts_per_token", m_experts_k, p_h100_fp8_decode, NULL },
	{ "shape experts", m_experts, p_h100_fp8_decode, NULL },
	{ "shape kv_lora_rank", m_kv_lora, p_deepseek_kv, NULL },
	{ "shape qk_rope_head_dim", m_rope_dim, p_deepseek_kv, NULL },
	{ "shape indexer head_dim", m_indexer, p_dsa_kv, NULL },
	{ "layer sliding window", m_window, p_gemma_kv, NULL },
	{ "layer k_eq_v", m_k_eq_v, p_gemma_kv, NULL },
	{ "layer linear value_heads", m_linear_heads, p_h100_state, NULL },
	{ "layer linear key_head_dim", m_linear_kdim, p_h100_state, NULL },
	{ "layer linear value_head_dim", m_linear_vdim, p_h100_state, NULL },
	{ "layer conv_kernel", m_conv, p_h100_state, NULL },
	{ "layer mamba state_size", m_mamba_state, p_nemotron_state, NULL },
	{ "layer mamba groups", m_mamba_groups, p_nemotron_state, NULL },
	{ "shape native_scope", m_native, p_gptoss_weights, NULL },
};

/* base_answers with each line of `lines` (NULL: none) set in turn. */
static const char *with_lines(const char *lines, char *buf, size_t size)
{
	char from[2048], change[128];

	snprintf(buf, size, "%s", base_answers);
	for (const char *l = lines; l && *l; l += strcspn(l, "\n") + 1) {
		snprintf(change, sizeof change, "%.*s\n", (int)strcspn(l, "\n"), l);
		snprintf(from, sizeof from, "%s", buf);
		with_line(from, change, buf, size);
	}
	return buf;
}

static void test_every_field_moves_the_verdict(void **state)
{
	char text[2048];
	int stuck = 0;
	(void)state;
	for (size_t i = 0; i < sizeof field_cases / sizeof field_cases[0]; i++) {
		const struct field_case *t = &field_cases[i];
		struct catalog *c = load_shipped();
		struct answers a;
		answers_with(&a, with_lines(t->answer, text, sizeof text));
		struct verdict *base = evaluate(cat, &a);
		if (t->answer == NULL)   /* the probes read its options and its row */
			assert_string_equal(base->footprint.model->id, "qwen3.5-35b-a3b");
		t->mutate(c);
		struct verdict *v = evaluate(c, &a);
		double was = t->probe(base), now = t->probe(v);
		if (now == was) {
			print_error("changing the %s left the verdict where it was (%g)\n", t->field, now);
			stuck++;
		}
		verdict_free(v);
		verdict_free(base);
		catalog_free(c);
	}
	assert_int_equal(stuck, 0);
}

static uint32_t lcg(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

/* Answers drawn over every choice answer and a spread of volumes and token mixes. */
static void random_answers(uint32_t *seed, struct answers *a)
{
	static const int64_t tokens[] = { 200, 1000, 3000, 20000 };
	answers_default(a);
	for (int k = 0; k < AK_COUNT; k++) {
		const struct answer_field *f = &answer_fields[k];
		if (f->type == AT_ENUM || f->type == AT_BOOL)
			answers_set(a, k, (double)(lcg(seed) % (uint32_t)f->n_names));
	}
	a->requests_per_month = (int64_t)pow(10, 3 + (lcg(seed) % 650) / 100.0);
	a->input_tokens = tokens[lcg(seed) % 4];
	a->output_tokens = tokens[lcg(seed) % 3];
	a->context_tokens = a->input_tokens + a->output_tokens + 8192;
	a->finetune_tokens = 10000000;
	a->finetune_cycles_per_year = 4;
}

/* ---- the one rule picks -------------------------------------------------------------- */

/* The first candidate by the rule pick.h states, every one costed (no floor skips
 * any): of one class (or either), of model m's run (or all), allowed under gates g
 * for the task; *ties gets how many others have its shortfall, cost and speed. */
static const struct candidate *first_by_rule(const struct engine *e, const struct answers *a, enum fleet_class klass,
					     const struct model *m, const struct gates *g, double req, double *cost,
					     int *ties)
{
	struct fleet_rates r = fleet_rates_of(e, a);
	const struct candidate *best = NULL;
	struct pick_key bk = { 0 };
	int need = cat->policy.required_tier[a->task], tied = 0;

	for (int k = 0; k < CLASS_EDGE; k++) {
		const struct candidate_set *set = &e->cands.set[k];
		int from = m ? set->first[m - cat->models] : 0, to = m ? from + set->count[m - cat->models] : set->n;
		if (klass != CLASS_ANY && klass != (enum fleet_class)k)
			continue;
		for (int i = from; i < to; i++) {
			const struct candidate *cd = &set->c[i];
			struct pick_key key;
			bool same;
			if (!candidate_allowed(cd, a->task, g) || isnan(cd->replica_usd_per_hour[r.basis]))
				continue;
			key = (struct pick_key){ pick_shortfall(cd->tier, need), fleet_cost(&r, cd, req, NULL),
						 cd->user_tokens_per_s, cd->order };
			same = best != NULL && key.shortfall == bk.shortfall && key.cost == bk.cost && key.speed == bk.speed;
			if (same)
				tied++;
			/* the rule, written out: the least shortfall; then the cheaper; then the
			 * faster for a user; then the first in catalog order */
			if (best == NULL || key.shortfall < bk.shortfall ||
			    (key.shortfall == bk.shortfall &&
			     (key.cost < bk.cost || (key.cost == bk.cost && (key.speed > bk.speed ||
									    (key.speed == bk.speed && key.order < bk.order)))))) {
				if (!same)
					tied = 0;
				best = cd;
				bk = key;
			}
		}
	}
	*ties += tied;
	*cost = bk.cost;
	return best;
}

/* A plan is the rule's first candidate, or infeasible when there is none. */
static void check_pick(const struct plan *x, const struct candidate *want, double cost, const char *what, double req)
{
	if (x->feasible != (want != NULL) ||
	    (want && (x->model != want->model || x->gpu != want->gpu || x->precision != want->precision ||
		      x->cost.total != cost)))
		fail_msg("%s at %.0f: picked %s on %s %s ($%.2f), the rule's first is %s on %s %s ($%.2f)", what, req,
			 x->model ? x->model->id : "-", x->gpu ? x->gpu->id : "-", precision_names[x->precision],
			 x->cost.total, want ? want->model->id : "-", want ? want->gpu->id : "-",
			 want ? precision_names[want->precision] : "-", cost);
}

/* Each self-hosted architecture's fleet and every open model's cheapest, for n random
 * answers at five volumes, is the first of all the candidates by the rule; returns
 * the choices checked. */
static int picks_checked(const struct catalog *c, int n, int *ties)
{
	static const struct gates open = { 0 };
	uint32_t seed = 20261130;
	int checked = 0;
	const struct catalog *saved = cat;

	cat = (struct catalog *)c;
	for (int t = 0; t < n; t++) {
		struct answers a;
		struct engine e;
		random_answers(&seed, &a);
		engine_init(&e, cat, &a);
		struct gates g = score_gates(cat, &a);
		for (int s = -2; s <= 2; s++) {
			double req = (double)a.requests_per_month * pow(10, s), cost;
			const struct candidate *want;
			struct plan x;
			for (int arch = ARCH_SELF_SINGLE; arch <= ARCH_SELF_MULTI; arch++) {
				want = first_by_rule(&e, &a, arch == ARCH_SELF_SINGLE ? CLASS_SINGLE : CLASS_MULTI, NULL, &g,
						     req, &cost, ties);
				plan_best(&e, &a, (enum arch)arch, req, &g, &x);
				check_pick(&x, want, cost, arch_ids[arch], req);
				checked++;
			}
			for (int m = 0; m < cat->n_models; m++) {
				if (!model_is_open(&cat->models[m]))
					continue;
				want = first_by_rule(&e, &a, CLASS_ANY, &cat->models[m], &open, req, &cost, ties);
				plan_self_for_model(&e, &a, &cat->models[m], req, &x);
				check_pick(&x, want, cost, cat->models[m].id, req);
				checked++;
			}
		}
		engine_free(&e);
	}
	cat = (struct catalog *)saved;
	return checked;
}

static void test_fleet_pick_follows_the_rule(void **state)
{
	int ties = 0;
	(void)state;
	assert_true(picks_checked(cat, 30, &ties) > 5000);
}

/* An H100 at a price that makes it everyone's cheapest, and its twin listed after it:
 * the same GPU, the same price, so every fleet on one costs what it costs on the other
 * and serves a user as fast; the rule picks the first in catalog order. */
static void test_fleet_ties_keep_catalog_order(void **state)
{
	const struct gpu *g = catalog_gpu(cat, "h100");
	char text[4096], *ov;
	const char *ovs[1];
	struct ow_error e;
	struct catalog *c;
	int ties = 0, n = 0;
	(void)state;
	n += snprintf(text + n, sizeof text - (size_t)n, "openweigh_catalog: 1\ngpus:\n");
	for (int twin = 0; twin <= 1; twin++)
		n += snprintf(text + n, sizeof text - (size_t)n,
			      "  - {id: %s, name: X, vendor: NVIDIA, kind: datacenter, memory_gb: %g, bandwidth_gbs: %g, "
			      "fp16_tflops: %g, bf16_tflops: %g, fp8_tflops: %g, int8_tops: %g, interconnect: x, "
			      "interconnect_gbs: %g, max_per_node: %lld, source: test, as_of: 2026-11-01, "
			      "price: {usd_per_hour: 0.10, provider: p, source: test, as_of: 2026-11-01}}\n",
			      twin ? "h100-twin" : "h100", g->memory_gb, g->bandwidth_gbs,
			      g->fp16_tflops, g->bf16_tflops, g->fp8_tflops, g->int8_tops,
			      g->interconnect_gbs, (long long)g->max_per_node);
	ov = overlay_with("gpus.yaml", text);
	ovs[0] = ov;
	c = catalog_load(shipped_dir(), ovs, 1, &e);
	assert_non_null(c);
	assert_true(picks_checked(c, 20, &ties) > 1000);
	assert_true(ties > 0);   /* the test met ties the rule had to break */
	catalog_free(c);
	remove_tree(ov);
}

/* The bound the picks skip candidates with is a bound: for every candidate, on every
 * basis, traffic shape and ML-ops level, at volumes from 1 to 10^11 a month, with and
 * without tuning, fleet_floor never exceeds fleet_cost. */
static void test_fleet_floor_is_a_floor(void **state)
{
	uint32_t seed = 7;
	int checked = 0;
	(void)state;
	for (int t = 0; t < 40; t++) {
		struct answers a;
		struct engine e;
		random_answers(&seed, &a);
		engine_init(&e, cat, &a);
		struct fleet_rates r = fleet_rates_of(&e, &a);
		for (int k = 0; k < CLASS_EDGE; k++)
			for (int i = 0; i < e.cands.set[k].n; i++) {
				const struct candidate *cd = &e.cands.set[k].c[i];
				if (isnan(cd->replica_usd_per_hour[r.basis]))
					continue;
				for (double v = 1; v <= 1e11; v *= 7.3) {
					double floor = fleet_floor(&r, cd, v), cost = fleet_cost(&r, cd, v, NULL);
					if (floor > cost)
						fail_msg("%s on %s: floor %.6f above cost %.6f at %.0f", cd->model->id, cd->gpu->id,
							 floor, cost, v);
					checked++;
				}
			}
		engine_free(&e);
	}
	assert_true(checked > 10000);
}

/* ---- replicas wider than the narrowest ------------------------------------------------- */

/* Where the memory stops a replica's batch, the replica twice as wide is a candidate
 * too when it serves more a GPU: each GPU holds less of the weights and more of the
 * batch. llama-3.1-405b in fp8 fills 4 H200s with weights and has room for a batch of
 * 111; on 8 it batches over a thousand. */
static void test_wider_replicas_where_memory_binds(void **state)
{
	struct answers a;
	struct engine e;
	const struct model *m = catalog_model(cat, "llama-3.1-405b");
	const struct gpu *g = catalog_gpu(cat, "h200");
	const struct candidate *narrow = NULL, *wide = NULL;
	struct fleet_rates r;
	(void)state;
	answers_with(&a, "requests_per_month: 1000000\ninput_tokens: 1000\noutput_tokens: 1000\n"
			 "context_tokens: 2000\nlatency: batch\n");
	engine_init(&e, cat, &a);
	for (int k = CLASS_SINGLE; k <= CLASS_MULTI; k++)
		for (int i = 0; i < e.cands.set[k].n; i++) {
			const struct candidate *cd = &e.cands.set[k].c[i];
			if (cd->model != m || cd->gpu != g || cd->precision != PREC_FP8)
				continue;
			if (cd->tensor_parallel == 4)
				narrow = cd;
			if (cd->tensor_parallel == 8)
				wide = cd;
		}
	assert_non_null(narrow);
	assert_non_null(wide);
	if (!(wide->batch > 4 * narrow->batch) || !(wide->replica_rate / 8 > narrow->replica_rate / 4))
		fail_msg("TP 4: batch %lld, %.1f requests an hour a GPU; TP 8: batch %lld, %.1f", (long long)narrow->batch,
			 narrow->replica_rate / 4, (long long)wide->batch, wide->replica_rate / 8);
	/* Neither replaces the other: the narrow one is the cheaper fleet where one replica
	 * serves the volume, the wide one where many do. */
	r = fleet_rates_of(&e, &a);
	assert_true(fleet_cost(&r, narrow, 1000, NULL) < fleet_cost(&r, wide, 1000, NULL));
	assert_true(fleet_cost(&r, wide, 1e9, NULL) < fleet_cost(&r, narrow, 1e9, NULL));
	engine_free(&e);
}

/* Every run of one model on one GPU at one precision: each replica twice as wide as
 * the one before it, and serving more requests a GPU (a wider one that serves no more
 * is never the cheaper fleet, and is not a candidate). */
static void test_wider_replicas_serve_more_a_gpu(void **state)
{
	uint32_t seed = 11;
	int wider = 0;
	(void)state;
	for (int t = 0; t < 12; t++) {
		struct answers a;
		struct engine e;
		random_answers(&seed, &a);
		engine_init(&e, cat, &a);
		for (int k = CLASS_SINGLE; k <= CLASS_MULTI; k++)
			for (int i = 0; i < e.cands.set[k].n; i++) {
				const struct candidate *cd = &e.cands.set[k].c[i];
				for (int j = 0; j < e.cands.set[CLASS_MULTI].n; j++) {
					const struct candidate *w = &e.cands.set[CLASS_MULTI].c[j];
					if (w->model != cd->model || w->gpu != cd->gpu || w->precision != cd->precision ||
					    w->order != cd->order + 1)
						continue;
					if (w->tensor_parallel != 2 * cd->tensor_parallel ||
					    !(w->replica_rate / (double)w->gpu_count > cd->replica_rate / (double)cd->gpu_count))
						fail_msg("%s on %s: TP %lld after TP %lld", cd->model->id, cd->gpu->id,
							 (long long)w->tensor_parallel, (long long)cd->tensor_parallel);
					wider++;
				}
			}
		engine_free(&e);
	}
	assert_true(wider > 50);
}

/* The footprint shown is the recommended replica, wide or narrow, and the footprint
 * screen's option for its GPU and precision is that replica too. */
static void test_footprint_is_the_plans_replica(void **state)
{
	uint32_t seed = 5;
	int checked = 0, widened = 0;
	(void)state;
	for (int t = 0; t < 200; t++) {
		struct answers a;
		struct verdict *v;
		random_answers(&seed, &a);
		v = evaluate(cat, &a);
		const struct plan *o = &v->scores[v->recommended].best;
		if (v->footprint_present && !v->footprint_alternative && o->gpu != NULL && o->gpu->kind != GPU_EDGE) {
			assert_int_equal(v->footprint.gpu_count, o->gpu_count);
			assert_int_equal(v->footprint.tensor_parallel, o->tensor_parallel);
			for (int i = 0; i < v->n_footprint_options; i++) {
				const struct footprint_option *f = &v->footprint_options[i];
				if (f->gpu == o->gpu && f->precision == o->precision) {
					assert_int_equal(f->f.gpu_count, o->gpu_count);
					assert_int_equal(f->f.batch, o->batch);
				}
			}
			struct footprint narrow;
			struct request_shape shape = candidates_shape_of(cat, &a);
			candidate_footprint(cat, &shape, o->model, o->gpu, o->precision, 1, &narrow);
			widened += narrow.gpu_count < o->gpu_count;
			checked++;
		}
		verdict_free(v);
	}
	print_message("%d recommendations checked, %d on a widened replica\n", checked, widened);
	assert_true(checked > 50);
	assert_true(widened > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_answer_moves_the_verdict),
		cmocka_unit_test(test_every_field_moves_the_verdict),
		cmocka_unit_test(test_fleet_pick_follows_the_rule),
		cmocka_unit_test(test_fleet_ties_keep_catalog_order),
		cmocka_unit_test(test_fleet_floor_is_a_floor),
		cmocka_unit_test(test_wider_replicas_where_memory_binds),
		cmocka_unit_test(test_wider_replicas_serve_more_a_gpu),
		cmocka_unit_test(test_footprint_is_the_plans_replica),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
