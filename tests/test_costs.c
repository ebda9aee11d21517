/* test_costs.c — the cost model: per-token prices and tiers, fleet sizing under
 * each traffic shape, fine-tuning compute. */
#include "testutil.h"

#include <math.h>
#include <string.h>

#include "cost.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

/* The long-context tier applies when the prompt is above it (Gemini 2.5 Pro: 200K). */
static void test_long_context_tier(void **state)
{
	const struct model *m = catalog_model(cat, "gemini-2.5-pro");
	struct answers a;
	double in, out;
	(void)state;
	assert_true(m->api.long_above > 0);
	answers_with(&a, "input_tokens: 1000\n");
	api_prices(&m->api, &a, &in, &out);
	assert_float_equal(in, m->api.input, 0);
	answers_with(&a, "input_tokens: 300000\ncontext_tokens: 400000\n");
	api_prices(&m->api, &a, &in, &out);
	assert_float_equal(in, m->api.long_input, 0);
	assert_float_equal(out, m->api.long_output, 0);
}

static struct footprint fp_8b(void)
{
	struct footprint f;
	struct serving sv = { .input_tokens = 1000, .output_tokens = 1000, .context_tokens = 4096, .kv_precision = -1 };
	footprint_size(&cat->cost, catalog_model(cat, "llama-3.1-8b"), catalog_gpu(cat, "h100"), PREC_BF16, &sv, &f);
	assert_true(f.feasible);
	return f;
}

static struct fleet_sizing size_8b(int traffic, int basis, double requests)
{
	struct footprint f = fp_8b();
	return fleet_size(&cat->cost, traffic, basis, 1, (double)f.gpu_count,
			  3600.0 / footprint_seconds_per_request(&f), requests, 0);
}

/* Spares are paid beside the peak's replicas, every hour the fleet is up, and add no
 * capacity: the fleet still serves what the peak's replicas do. */
static void test_spares_added_to_peak(void **state)
{
	struct footprint f = fp_8b();
	double rate = 3600.0 / footprint_seconds_per_request(&f);
	struct fleet_sizing none = fleet_size(&cat->cost, TRAFFIC_STEADY, BASIS_ON_DEMAND, 1, 1, rate, rate * 730 * 2.5, 0);
	struct fleet_sizing two = fleet_size(&cat->cost, TRAFFIC_STEADY, BASIS_ON_DEMAND, 1, 1, rate, rate * 730 * 2.5, 2);
	(void)state;
	assert_float_equal(two.replicas, none.replicas + 2, 0);
	assert_float_equal(two.spares, 2, 0);
	assert_float_equal(two.capacity_requests, none.capacity_requests, 1e-6);
	assert_float_equal(two.replica_hours, none.replica_hours + 2 * 730, 1e-6);
}

/* A rented fleet is sized for the peak; at a low volume one replica stays up all
 * month (autoscaling would only add warm-ups); replicas step up with the volume. */
static void test_fleet_steps_with_volume(void **state)
{
	struct fleet_sizing small = size_8b(TRAFFIC_STEADY, BASIS_ON_DEMAND, 1000), big;
	(void)state;
	assert_float_equal(small.replicas, 1, 0);
	assert_false(small.autoscaled);
	assert_float_equal(small.gpu_hours, 730, 0);
	big = size_8b(TRAFFIC_STEADY, BASIS_ON_DEMAND, small.capacity_requests * 3.5);
	assert_float_equal(big.replicas, 4, 0);
	assert_true(big.capacity_requests >= small.capacity_requests * 3.5);
}

/* Following the load: busy replica-hours with the scale-up margin, at least one
 * replica up, plus warm-up hours per peak replica — taken when cheaper than staying up. */
static void test_autoscaled_hours(void **state)
{
	struct footprint f = fp_8b();
	double rate = 3600.0 / footprint_seconds_per_request(&f);
	const struct traffic_shape *t = &cat->cost.traffic[TRAFFIC_BURSTY];
	double v = rate * 730 * 10;   /* ten replicas' worth of work */
	struct fleet_sizing p = size_8b(TRAFFIC_BURSTY, BASIS_ON_DEMAND, v);
	double up = p.replicas * t->hours, scaled = 10 * 730 * t->headroom + p.replicas * t->cold_start_hours;
	(void)state;
	assert_float_equal(p.replicas, ceil(10 * t->peak - 1e-9), 0);
	assert_float_equal(p.replica_hours, fmin(up, scaled), 1e-6);
	assert_int_equal(p.autoscaled, scaled < up);
}

/* Business hours: the same volume in 264 h needs more replicas, but fewer GPU-hours;
 * the fleet is down outside them. */
static void test_business_hours_shape(void **state)
{
	struct footprint f = fp_8b();
	double v = 3600.0 / footprint_seconds_per_request(&f) * 730 * 3;
	struct fleet_sizing steady = size_8b(TRAFFIC_STEADY, BASIS_ON_DEMAND, v);
	struct fleet_sizing office = size_8b(TRAFFIC_BUSINESS, BASIS_ON_DEMAND, v);
	(void)state;
	assert_true(office.replicas > steady.replicas);
	assert_true(office.replica_hours <= office.replicas * 264 + 1e-6);
}

/* Bursty traffic never costs less than steady for the same volume, on any basis, at
 * any volume from 1K to 10B requests a month. */
static void test_bursty_never_cheaper(void **state)
{
	(void)state;
	for (int basis = 0; basis < BASIS_COUNT; basis++)
		for (double v = 1e3; v <= 1e10; v *= 1.7) {
			struct fleet_sizing s = size_8b(TRAFFIC_STEADY, basis, v), b = size_8b(TRAFFIC_BURSTY, basis, v);
			if (b.replica_hours < s.replica_hours || b.replicas < s.replicas)
				fail_msg("%s at %.0f requests: bursty %.1f replica-hours, steady %.1f",
					 price_basis_names[basis], v, b.replica_hours, s.replica_hours);
		}
}

/* Reserved and owned GPUs are paid every hour of the month, whatever the traffic. */
static void test_committed_bases_pay_every_hour(void **state)
{
	(void)state;
	for (int basis = BASIS_RESERVED; basis <= BASIS_OWNED; basis += BASIS_OWNED - BASIS_RESERVED) {
		struct fleet_sizing z = size_8b(TRAFFIC_BUSINESS, basis, 1e6);
		assert_float_equal(z.replica_hours, z.replicas * 730, 1e-9);
		assert_false(z.autoscaled);
	}
}

/* Fine-tuning: 6 × params × tokens for full, 4 × for LoRA, spread over a year. */
static void test_finetune_flops(void **state)
{
	const struct model *m = catalog_model(cat, "llama-3.1-8b");
	struct finetune_estimate full, lora;
	struct answers a;
	(void)state;
	answers_with(&a, "fine_tuning: full\nfinetune_tokens: 1000000000\nfinetune_cycles_per_year: 12\n");
	finetune_estimate(cat, &a, m, &full);
	assert_true(full.present);
	assert_float_equal(full.flops_per_run, 6.0 * (double)m->shape.params * 1e9, 1e6);
	assert_float_equal(full.usd_per_month, full.usd_per_run, 1e-6);
	assert_float_equal(full.seed_labour_low, 1000, 0);
	assert_float_equal(full.seed_labour_high, 5000, 0);
	answers_with(&a, "fine_tuning: lora\nfinetune_tokens: 1000000000\nfinetune_cycles_per_year: 12\n");
	finetune_estimate(cat, &a, m, &lora);
	assert_float_equal(lora.flops_per_run / full.flops_per_run, 4.0 / 6.0, 1e-9);
	answers_with(&a, "fine_tuning: none\nfinetune_tokens: 1000000000\nfinetune_cycles_per_year: 12\n");
	finetune_estimate(cat, &a, m, &lora);
	assert_float_equal(finetune_monthly(cat, &a, m), 0, 0);
	assert_false(lora.present);
}

/* Managed rows: a closed provider's and a retired offer's lines are shown, not usable. */
static void test_managed_closed_and_retired(void **state)
{
	struct answers a;
	struct verdict *v;
	int retired = 0;
	(void)state;
	answers_with(&a, "requests_per_month: 1000000\n");
	v = evaluate(cat, &a);
	for (int i = 0; i < v->n_managed; i++) {
		const struct cost_row *r = &v->managed[i];
		if (r->provider->status == PROV_CLOSED || !r->usable)
			assert_true(r->note[0] != '\0');
		if (strstr(r->note, "retired"))
			retired++;
	}
	assert_true(retired > 0);
	verdict_free(v);
}

/* Exactly one row is marked cheapest: usable, costed, meeting the task's tier, and no
 * other such row costs less. */
static void test_cheapest_row(void **state)
{
	struct answers a;
	struct verdict *v;
	const struct cost_row *tables[3];
	int counts[3], marked = 0;
	(void)state;
	answers_with(&a, "requests_per_month: 3000000\ntask: extraction\n");
	v = evaluate(cat, &a);
	tables[0] = v->api; tables[1] = v->managed; tables[2] = v->self_hosted;
	counts[0] = v->n_api; counts[1] = v->n_managed; counts[2] = v->n_self_hosted;
	assert_non_null(v->cheapest);
	assert_true(v->cheapest->usable && v->cheapest->opt.feasible && v->cheapest->meets_quality);
	for (int t = 0; t < 3; t++)
		for (int i = 0; i < counts[t]; i++) {
			const struct cost_row *r = &tables[t][i];
			marked += r->cheapest;
			if (r->usable && r->opt.feasible && r->meets_quality)
				assert_true(r->opt.cost.total >= v->cheapest->opt.cost.total);
		}
	assert_int_equal(marked, 1);
	verdict_free(v);
}

/* The footprint screen's options: the recommended GPU and precision's option is the
 * recommended fleet, cost for cost; an unpriced GPU's option has no fleet. */
static void test_footprint_options_match_plan(void **state)
{
	struct answers a;
	struct verdict *v;
	const struct plan *rec;
	int found = 0, unpriced = 0;
	(void)state;
	answers_with(&a, "requests_per_month: 5000000\nmlops: dedicated\nprivacy: regulated\n");
	v = evaluate(cat, &a);
	rec = &v->scores[v->recommended].best;
	assert_true(rec->arch == ARCH_SELF_SINGLE || rec->arch == ARCH_SELF_MULTI);
	assert_int_equal(v->n_footprint_options, cat->n_gpus * PREC_COUNT);
	for (int i = 0; i < v->n_footprint_options; i++) {
		const struct footprint_option *o = &v->footprint_options[i];
		assert_ptr_equal(o->f.model, rec->model);
		unpriced += !o->gpu->rates[RATE_ON_DEMAND].present && !o->priced;
		if (o->gpu != rec->gpu || o->precision != rec->precision)
			continue;
		found++;
		assert_true(o->priced);
		assert_float_equal(o->fleet.cost.total, rec->cost.total, 1e-6);
		assert_int_equal(o->fleet.replicas, rec->replicas);
		assert_int_equal(o->f.gpu_count, rec->gpu_count);
	}
	assert_int_equal(found, 1);
	assert_true(unpriced > 0);
	verdict_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_context_tier),
		cmocka_unit_test(test_fleet_steps_with_volume),
		cmocka_unit_test(test_spares_added_to_peak),
		cmocka_unit_test(test_business_hours_shape),
		cmocka_unit_test(test_autoscaled_hours),
		cmocka_unit_test(test_bursty_never_cheaper),
		cmocka_unit_test(test_committed_bases_pay_every_hour),
		cmocka_unit_test(test_finetune_flops),
		cmocka_unit_test(test_managed_closed_and_retired),
		cmocka_unit_test(test_cheapest_row),
		cmocka_unit_test(test_footprint_options_match_plan),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
