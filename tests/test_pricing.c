/* test_pricing.c — costs a CFO would sign, checked through the JSON memo (the public
 * contract) where it says so: the price basis of every fleet, the price of control,
 * reasons that agree with the numbers, nothing recommended when nothing is feasible,
 * traffic shapes, hidden costs that grow, fine-tuning and prompt caching. */
#include "testutil.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "util.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static cJSON *memo_of(const struct catalog *c, const char *answers)
{
	struct answers a;
	char *text;
	cJSON *j;

	answers_with(&a, answers);
	text = memo_json_of(c, &a);
	j = cJSON_Parse(text);
	free(text);
	assert_non_null(j);
	return j;
}

static double num(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!cJSON_IsNumber(n))
		fail_msg("no number '%s'", key);
	return n->valuedouble;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(n) ? n->valuestring : NULL;
}

static const cJSON *at(const cJSON *o, const char *a, const char *b)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
	return b ? cJSON_GetObjectItemCaseSensitive(x, b) : x;
}

/* An air-gapped team's fleets are bought: every self-hosted row, and the
 * recommendation, is priced as owned, with hardware and facility lines and no lease. */
static void test_air_gapped_prices_owned_fleets(void **state)
{
	cJSON *j = memo_of(cat, "privacy: air-gapped\nmlops: dedicated\nrequests_per_month: 3000000\n"
				"gpu_pricing: spot\nfine_tuning: lora\nfinetune_tokens: 10000000\nfinetune_cycles_per_year: 4\n");
	const cJSON *row, *rec = at(j, "recommendation", NULL);
	int owned = 0;
	(void)state;
	assert_string_equal(str(rec, "price_basis"), "owned");
	assert_true(num(at(rec, "cost", NULL), "hardware") > 0);
	assert_true(num(at(rec, "cost", NULL), "facility") > 0);
	assert_float_equal(num(at(rec, "cost", NULL), "gpu_lease"), 0, 0);
	cJSON_ArrayForEach(row, at(j, "costs", "self_hosted")) {
		if (str(row, "price_basis") == NULL)
			continue;   /* fits no GPU that can be bought */
		assert_string_equal(str(row, "price_basis"), "owned");
		assert_float_equal(num(at(row, "cost", NULL), "gpu_lease"), 0, 0);
		owned++;
	}
	assert_true(owned > 0);
	cJSON_Delete(j);
}

/* The same fleet (one model on one GPU at one precision) costs least on spot, more on
 * demand, and more again at a hyperscaler's on-demand rate (an overlay at AWS's $6.88
 * for an H100 after its 2025 cut: compux.net gpu-pricing-trends-2026). */
static void test_spot_below_on_demand_below_hyperscaler(void **state)
{
	const char *overlay_text =
		"openweigh_catalog: 1\ngpus:\n  - {id: h100, name: \"NVIDIA H100 SXM 80GB (AWS)\", vendor: NVIDIA, "
		"kind: datacenter, memory_gb: 80, bandwidth_gbs: 3350, fp16_tflops: 989, bf16_tflops: 989, "
		"fp8_tflops: 1979, int8_tops: 1979, interconnect: NVLink, interconnect_gbs: 900, max_per_node: 8, "
		"source: test, as_of: 2026-11-01, price: {usd_per_hour: 6.88, provider: AWS, source: "
		"\"compux.net gpu pricing trends 2026\", as_of: 2026-03-01}}\n";
	char *ov = overlay_with("gpus.yaml", overlay_text);
	const char *ovs[1] = { ov };
	struct ow_error e;
	struct catalog *hyper = catalog_load(shipped_dir(), ovs, 1, &e);
	double cost[3];
	const char *bases[3] = { "gpu_pricing: spot\n", "gpu_pricing: on-demand\n", "gpu_pricing: on-demand\n" };
	(void)state;
	assert_non_null(hyper);
	for (int i = 0; i < 3; i++) {
		char text[512];
		struct answers a;
		snprintf(text, sizeof text, "privacy: regulated\nmlops: dedicated\nrequests_per_month: 20000000\n%s", bases[i]);
		answers_with(&a, text);
		struct verdict *v = evaluate(i == 2 ? hyper : cat, &a);
		cost[i] = NAN;
		for (int k = 0; k < v->n_footprint_options; k++) {
			const struct footprint_option *o = &v->footprint_options[k];
			if (strcmp(o->gpu->id, "h100") == 0 && o->precision == PREC_FP8 && o->priced)
				cost[i] = o->fleet.cost.total;
		}
		verdict_free(v);
	}
	assert_true(cost[0] < cost[1]);
	assert_true(cost[1] < cost[2]);
	catalog_free(hyper);
	remove_tree(ov);
}

/* Bursty traffic never costs less than steady for the same volume: the recommendation
 * and every self-hosted row, through the memo. */
static void test_bursty_costs_no_less_than_steady(void **state)
{
	static const char *const volumes[] = { "100000", "3000000", "20000000", "300000000" };
	(void)state;
	for (size_t i = 0; i < sizeof volumes / sizeof volumes[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "privacy: regulated\nmlops: dedicated\nrequests_per_month: %s\ntraffic: steady\n", volumes[i]);
		cJSON *s = memo_of(cat, text);
		snprintf(text, sizeof text, "privacy: regulated\nmlops: dedicated\nrequests_per_month: %s\ntraffic: bursty\n", volumes[i]);
		cJSON *b = memo_of(cat, text);
		const cJSON *rs = at(s, "costs", "self_hosted"), *rb = at(b, "costs", "self_hosted");
		for (int k = 0; k < cJSON_GetArraySize(rs); k++) {
			const cJSON *x = cJSON_GetArrayItem(rs, k), *y = cJSON_GetArrayItem(rb, k);
			if (cJSON_IsNumber(cJSON_GetObjectItem(x, "monthly_cost_usd")) &&
			    num(y, "monthly_cost_usd") < num(x, "monthly_cost_usd"))
				fail_msg("%s at %s: bursty $%.2f < steady $%.2f", str(x, "model"), volumes[i],
					 num(y, "monthly_cost_usd"), num(x, "monthly_cost_usd"));
		}
		cJSON_Delete(s);
		cJSON_Delete(b);
	}
}

static bool reasons_name_rule(const cJSON *j, const char *arch, const char *rule)
{
	const cJSON *sc, *r;

	cJSON_ArrayForEach(sc, at(j, "scores", NULL)) {
		if (strcmp(str(sc, "architecture"), arch) != 0)
			continue;
		cJSON_ArrayForEach(r, at(sc, "reasons", NULL))
			if (str(r, "rule") && strcmp(str(r, "rule"), rule) == 0)
				return true;
	}
	return false;
}

/* "Over 1M requests with ML ops, self-hosting is cheaper at scale": absent from the
 * reasons where self-hosting costs more than the API, present where it costs less. */
static void test_volume_rule_agrees_with_costs(void **state)
{
	cJSON *dear = memo_of(cat, "privacy: none\nmlops: partial\nrequests_per_month: 11000000\ninput_tokens: 300\n"
				   "output_tokens: 100\ntask: extraction\n");
	cJSON *cheap = memo_of(cat, "privacy: none\nmlops: dedicated\nrequests_per_month: 100000000\ninput_tokens: 1000\n"
				    "output_tokens: 500\ntask: reasoning\n");
	(void)state;
	assert_false(reasons_name_rule(dear, "self-hosted-single-gpu", "volume-over-1m-with-mlops"));
	assert_string_equal(str(cJSON_GetArrayItem(at(dear, "rules_contradicted_by_costs", NULL), 0), "rule"),
			    "volume-over-1m-with-mlops");
	assert_true(reasons_name_rule(cheap, "self-hosted-single-gpu", "volume-over-1m-with-mlops") ||
		    reasons_name_rule(cheap, "self-hosted-multi-gpu", "volume-over-1m-with-mlops"));
	cJSON_Delete(dear);
	cJSON_Delete(cheap);
}

/* The price of control: premium_usd is the recommendation's cost less the cheapest's. */
static void test_premium_is_recommendation_less_cheapest(void **state)
{
	static const char *const presets[] = { "startup-chatbot", "regulated-enterprise", "offline-field-app",
					       "high-volume-extraction", "social-platform" };
	(void)state;
	for (size_t p = 0; p < sizeof presets / sizeof presets[0]; p++) {
		char path[4096], *text;
		struct answers a;
		struct ow_error e;
		cJSON *j;
		snprintf(path, sizeof path, "%s/presets/%s.yaml", shipped_dir(), presets[p]);
		assert_int_equal(answers_load(path, &a, &e), 0);
		text = memo_json_of(cat, &a);
		j = cJSON_Parse(text);
		free(text);
		assert_float_equal(num(at(j, "recommendation", NULL), "premium_usd"),
				   num(at(j, "recommendation", NULL), "monthly_cost_usd") - num(at(j, "cheapest", NULL), "monthly_cost_usd"),
				   0.011);
		cJSON_Delete(j);
	}
}

/* An air-gapped team with no ML ops: nothing is feasible, so nothing is recommended,
 * and the memo lists the single answers whose change would make something feasible. */
static void test_nothing_feasible(void **state)
{
	cJSON *j = memo_of(cat, "privacy: air-gapped\nmlops: none\nrequests_per_month: 3000000\n");
	const cJSON *relax = at(j, "what_to_relax", NULL), *r;
	bool mlops = false;
	(void)state;
	assert_true(cJSON_IsNull(at(j, "recommendation", "architecture")));
	assert_true(cJSON_GetArraySize(relax) > 0);
	cJSON_ArrayForEach(r, relax)
		mlops |= strcmp(str(r, "answer"), "mlops") == 0 && strcmp(str(r, "value"), "partial") == 0;
	assert_true(mlops);
	cJSON_Delete(j);
}

/* 80 % of the prompt from the cache bills it at the cached-input price: GPT-4o at
 * $2.50 input, $1.25 cached, $10 output (catalog). */
static void test_cache_hits_bill_cached_input(void **state)
{
	const struct model *m = catalog_model(cat, "gpt-4o");
	cJSON *j = memo_of(cat, "privacy: none\nrequests_per_month: 1000000\ninput_tokens: 3000\noutput_tokens: 500\n"
				"cache_hit_rate: 0.8\n"), *row;
	double want = 1e6 * (3000 * (0.2 * m->api.input + 0.8 * m->api.cached_input) + 500 * m->api.output) / 1e6;
	(void)state;
	assert_true(m->api.cached_input > 0 && m->api.cached_input < m->api.input);
	cJSON_ArrayForEach(row, at(j, "costs", "api"))
		if (strcmp(str(row, "model"), "gpt-4o") == 0)
			assert_float_equal(num(row, "monthly_cost_usd"), round(want * 100) / 100, 0.005);
	cJSON_Delete(j);
}

/* Engineering grows with the fleet: a dedicated team costs less per GPU than a partial
 * one, and neither is a flat sum; fleets up at night carry on-call. */
static void test_hidden_costs_grow_with_the_fleet(void **state)
{
	struct cost_breakdown small = { 0 }, big = { 0 }, partial = { 0 }, office = { 0 };
	(void)state;
	fleet_hidden(&cat->cost, MLOPS_DEDICATED, 70e9, 19, TRAFFIC_STEADY, &small);
	fleet_hidden(&cat->cost, MLOPS_DEDICATED, 70e9, 512, TRAFFIC_STEADY, &big);
	fleet_hidden(&cat->cost, MLOPS_PARTIAL, 70e9, 512, TRAFFIC_STEADY, &partial);
	fleet_hidden(&cat->cost, MLOPS_DEDICATED, 70e9, 512, TRAFFIC_BUSINESS, &office);
	assert_true(big.engineering > small.engineering);
	assert_float_equal(big.engineering, 512 / cat->cost.gpus_per_fte[MLOPS_DEDICATED] * cat->cost.fte_usd_month, 1e-6);
	assert_true(partial.engineering > big.engineering);
	assert_true(big.on_call > small.on_call && small.on_call > 0);
	assert_float_equal(office.on_call, 0, 0);
	assert_true(big.orchestration > small.orchestration);
}

/* Full fine-tuning of a 671B model holds 16 bytes a parameter across at least 56
 * MI300X-class GPUs; its labour per cycle is added to every month. */
static void test_finetune_memory_and_labour(void **state)
{
	const struct model *m = catalog_model(cat, "deepseek-v3");
	struct finetune_estimate est;
	struct answers a;
	(void)state;
	answers_with(&a, "fine_tuning: full\nfinetune_tokens: 100000000\nfinetune_cycles_per_year: 4\n");
	finetune_estimate(cat, &a, m, &est);
	assert_true(est.present);
	assert_float_equal(est.bytes_needed, 16.0 * (double)m->shape.params, 1);
	assert_true(est.min_gpus * est.gpu->memory_gb * 1e9 >= est.bytes_needed);
	assert_true(est.min_gpus >= 56 || est.gpu->memory_gb > 192);
	assert_float_equal(est.labour_per_month, (1000 + 5000) / 2.0 * 4 / 12, 1e-9);
}

/* A fine-tuned model on a managed provider is served on a dedicated deployment at the
 * provider's GPU-hour rate, never at the shared per-token price; a provider with no
 * such rate in the catalog cannot serve it. */
static void test_tuned_managed_on_dedicated_gpus(void **state)
{
	cJSON *j = memo_of(cat, "privacy: none\nrequests_per_month: 2000000\nfine_tuning: lora\n"
				"finetune_tokens: 10000000\nfinetune_cycles_per_year: 4\n"), *row;
	int dedicated = 0;
	(void)state;
	cJSON_ArrayForEach(row, at(j, "costs", "managed")) {
		const struct provider *p = catalog_provider(cat, str(row, "provider"));
		bool usable = cJSON_IsTrue(cJSON_GetObjectItem(row, "usable"));
		if (!usable)
			continue;
		assert_true(p->dedicated.present);
		assert_float_equal(num(at(row, "cost", NULL), "api"), 0, 0);
		assert_true(num(at(row, "cost", NULL), "gpu_lease") > 0);
		dedicated++;
	}
	assert_true(dedicated > 0);
	cJSON_Delete(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_air_gapped_prices_owned_fleets),
		cmocka_unit_test(test_spot_below_on_demand_below_hyperscaler),
		cmocka_unit_test(test_bursty_costs_no_less_than_steady),
		cmocka_unit_test(test_volume_rule_agrees_with_costs),
		cmocka_unit_test(test_premium_is_recommendation_less_cheapest),
		cmocka_unit_test(test_nothing_feasible),
		cmocka_unit_test(test_cache_hits_bill_cached_input),
		cmocka_unit_test(test_hidden_costs_grow_with_the_fleet),
		cmocka_unit_test(test_finetune_memory_and_labour),
		cmocka_unit_test(test_tuned_managed_on_dedicated_gpus),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
