/* test_seed.c — the seed's tables, recomputed: the API cost table (16 cells) and
 * the "True Total Cost Comparison" (its lines, totals and the "only 38% cheaper"). */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static const struct cost_row *api_row(const struct verdict *v, const char *id)
{
	for (int i = 0; i < v->n_api; i++)
		if (strcmp(v->api[i].model->id, id) == 0)
			return &v->api[i];
	fail_msg("no API row for %s", id);
	return NULL;
}

/* Seed: "API (Closed Model) Cost at Scale", 1K input + 1K output tokens per request. */
static void test_api_table_16_cells(void **state)
{
	static const struct { long long requests; double mini, gpt4o, sonnet, haiku; } rows[] = {
		{ 100000, 75, 1250, 1800, 480 },
		{ 1000000, 750, 12500, 18000, 4800 },
		{ 10000000, 7500, 125000, 180000, 48000 },
		{ 100000000, 75000, 1250000, 1800000, 480000 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct answers a;
		char line[96];
		struct verdict *v;
		snprintf(line, sizeof line, "requests_per_month: %lld\ninput_tokens: 1000\noutput_tokens: 1000\n",
			 rows[i].requests);
		answers_with(&a, line);
		v = evaluate(cat, &a);
		assert_float_equal(api_row(v, "gpt-4o-mini")->opt.cost.total, rows[i].mini, 0.005);
		assert_float_equal(api_row(v, "gpt-4o")->opt.cost.total, rows[i].gpt4o, 0.005);
		assert_float_equal(api_row(v, "claude-sonnet-4")->opt.cost.total, rows[i].sonnet, 0.005);
		assert_float_equal(api_row(v, "claude-haiku-3.5")->opt.cost.total, rows[i].haiku, 0.005);
		verdict_free(v);
	}
}

/* The batch API halves the price when the answers say latency: batch. */
static void test_batch_discount(void **state)
{
	struct answers a;
	struct verdict *v;
	(void)state;
	answers_with(&a, "requests_per_month: 1000000\ninput_tokens: 1000\noutput_tokens: 1000\nlatency: batch\n");
	v = evaluate(cat, &a);
	assert_float_equal(api_row(v, "gpt-4o")->opt.cost.total, 6250, 0.005);
	verdict_free(v);
}

/* Seed "True Total Cost Comparison (1M requests/month)": the hidden-cost lines of the
 * catalog (partial ML ops, the seed's fleets of 1-4 GPUs in business hours, where no
 * one is on call) plus the seed's GPU lease reproduce its totals. */
static void test_true_total_cost_lines(void **state)
{
	const struct model *m70 = catalog_model(cat, "llama-3.1-70b"), *m8 = catalog_model(cat, "llama-3.1-8b");
	struct cost_breakdown h70 = { 0 }, h8 = { 0 };
	double total70, total8, gpt4o, saving;
	struct answers a;
	struct verdict *v;
	(void)state;

	fleet_hidden(&cat->cost, MLOPS_PARTIAL, (double)m70->shape.params, 4, TRAFFIC_BUSINESS, &h70);
	fleet_hidden(&cat->cost, MLOPS_PARTIAL, (double)m8->shape.params, 1, TRAFFIC_BUSINESS, &h8);
	assert_float_equal(h70.on_call + h8.on_call, 0, 0);
	assert_float_equal(h70.engineering, 5000, 0);
	assert_float_equal(h70.orchestration, 500, 0);
	assert_float_equal(h70.monitoring, 300, 0);
	assert_float_equal(h8.engineering, 2000, 0);
	assert_float_equal(h8.orchestration + h8.monitoring, 400, 0);
	total70 = 2000 + h70.engineering + h70.orchestration + h70.monitoring;   /* seed's lease */
	total8 = 300 + h8.engineering + h8.orchestration + h8.monitoring;
	assert_float_equal(total70, 7800, 0);
	assert_float_equal(total8, 2700, 0);
	answers_with(&a, "requests_per_month: 1000000\ninput_tokens: 1000\noutput_tokens: 1000\n");
	v = evaluate(cat, &a);
	gpt4o = api_row(v, "gpt-4o")->opt.cost.total;
	saving = 1 - total70 / gpt4o;
	/* "Self-hosted 70B is only 38% cheaper than GPT-4o at 1M requests". */
	assert_int_equal((int)lround(saving * 100), 38);
	verdict_free(v);
}

/* Every plan's lines add up to its total, in every architecture and table. */
static void test_breakdowns_add_up(void **state)
{
	struct answers a;
	struct verdict *v;
	(void)state;
	answers_with(&a, "requests_per_month: 5000000\nmlops: dedicated\nfine_tuning: lora\nfinetune_tokens: 10000000\nfinetune_cycles_per_year: 4\n");
	v = evaluate(cat, &a);
	for (int k = 0; k < ARCH_COUNT; k++) {
		const struct cost_breakdown *b = &v->scores[k].best.cost;
		if (!v->scores[k].best.feasible)
			continue;
		assert_float_equal(b->total, b->api + b->gpu_lease + b->hardware + b->facility + b->engineering +
				   b->on_call + b->orchestration + b->monitoring + b->finetune + b->finetune_labour, 1e-6);
	}
	for (int i = 0; i < v->n_self_hosted; i++) {
		const struct plan *o = &v->self_hosted[i].opt;
		if (!o->feasible)
			continue;
		assert_true(o->cost.engineering > 0);
		assert_true(o->cost.gpu_lease > 0);
		assert_true(o->cost.finetune > 0);
	}
	verdict_free(v);
}

/* "At 10M requests, the savings percentage improves because engineering costs are
 * fixed while inference costs scale linearly" — on the real stepped fleet costs. */
static void test_savings_grow_with_volume(void **state)
{
	double saving[2];
	const char *lines[2] = { "requests_per_month: 1000000\ninput_tokens: 1000\noutput_tokens: 1000\n",
				 "requests_per_month: 10000000\ninput_tokens: 1000\noutput_tokens: 1000\n" };
	(void)state;
	for (int i = 0; i < 2; i++) {
		struct answers a;
		struct verdict *v;
		const struct cost_row *self = NULL;
		answers_with(&a, lines[i]);
		v = evaluate(cat, &a);
		for (int j = 0; j < v->n_self_hosted; j++)
			if (strcmp(v->self_hosted[j].model->id, "llama-3.1-70b") == 0)
				self = &v->self_hosted[j];
		assert_non_null(self);
		assert_true(self->opt.feasible);
		saving[i] = 1 - self->opt.cost.total / api_row(v, "gpt-4o")->opt.cost.total;
		verdict_free(v);
	}
	assert_true(saving[1] > saving[0]);
}

/* The seed's "Cost Crossover Point" table, recomputed with hidden costs at its own
 * token mix: four scenarios, each a real change of the cheaper side. */
static void test_seed_crossover_table(void **state)
{
	struct answers a;
	struct verdict *v;
	(void)state;
	answers_with(&a, "requests_per_month: 1000000\ninput_tokens: 1000\noutput_tokens: 1000\nmlops: partial\n");
	v = evaluate(cat, &a);
	assert_int_equal(v->n_seed_crossovers, 4);
	for (int i = 0; i < 4; i++) {
		const struct seed_crossover *x = &v->seed_crossovers[i];
		assert_true(x->requests > 0);
		assert_true(x->self_cheaper_above);
		/* With the seed's own hidden costs added, breakeven comes later than the seed says. */
		assert_true(x->requests > x->seed_requests);
	}
	verdict_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_table_16_cells),
		cmocka_unit_test(test_batch_discount),
		cmocka_unit_test(test_true_total_cost_lines),
		cmocka_unit_test(test_breakdowns_add_up),
		cmocka_unit_test(test_savings_grow_with_volume),
		cmocka_unit_test(test_seed_crossover_table),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
