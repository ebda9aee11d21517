/* test_compare.c — compare_verdicts() (src/engine/compare.c) and the cost rows' detail
 * fields (src/engine/details.c): the same answers differ in nothing; one answer
 * changed is the one difference; a flip that moves the recommendation is seen with
 * its fleet, costs and reasons; exactly the recommended row is marked. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compare.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static struct verdict *run(const char *lines)
{
	struct answers a;
	answers_with(&a, lines);
	return evaluate(cat, &a);
}

/* The answers of lines with one answer changed. */
static struct verdict *run_with(const char *lines, int key, double value)
{
	struct answers a;
	answers_with(&a, lines);
	assert_int_equal(answers_set(&a, key, value), 0);
	return evaluate(cat, &a);
}

#define REGULATED "privacy: regulated\nrequests_per_month: 20000000\nmlops: dedicated\n" \
	"fine_tuning: lora\nvendor_independence: high\ncompliance: sector\n"

static void test_same_answers_differ_in_nothing(void **state)
{
	struct verdict *a = run(REGULATED), *b = run(REGULATED);
	struct verdict_diff d;

	(void)state;
	compare_verdicts(a, b, &d);
	assert_int_equal(d.n_answers, 0);
	assert_false(d.recommendation_moved);
	assert_false(d.fleet_moved);
	assert_int_equal(d.n_reasons, 0);
	assert_int_equal(d.n_lines, 0);
	for (int i = 0; i < ARCH_COUNT; i++) {
		assert_int_equal(d.archs[i].rank[SIDE_BEFORE], d.archs[i].rank[SIDE_AFTER]);
		assert_int_equal(d.archs[i].rank[SIDE_AFTER], i);
	}
	verdict_free(a);
	verdict_free(b);
}

/* The volume alone: one answer differs, the recommendation's cost lines move. */
static void test_volume_is_the_one_difference(void **state)
{
	/* 30M and 60M: the same model, GPU and precision at both (at 20M an int4 fleet of
	 * A100s is cheaper than two MI300Xs; at 25M gpt-oss-120b ties and wins on speed) */
	struct verdict *a = run_with(REGULATED, AK_REQUESTS, 30000000), *b = run_with(REGULATED, AK_REQUESTS, 60000000);
	struct verdict_diff d;

	(void)state;
	compare_verdicts(a, b, &d);
	assert_int_equal(d.n_answers, 1);
	assert_int_equal(d.answers[0].key, AK_REQUESTS);
	assert_true(d.answers[0].value[SIDE_BEFORE] == 30000000);
	assert_true(d.answers[0].value[SIDE_AFTER] == 60000000);
	assert_true(d.recommended[SIDE_AFTER].cost.total > d.recommended[SIDE_BEFORE].cost.total);
	assert_false(d.recommendation_moved);      /* the same option, more replicas */
	assert_true(d.fleet_moved);
	assert_true(d.recommended[SIDE_AFTER].replicas > d.recommended[SIDE_BEFORE].replicas);
	assert_true(d.n_lines > 0);
	bool total = false;
	for (int i = 0; i < d.n_lines; i++)
		total = total || d.lines[i].line == CL_TOTAL;
	assert_true(total);
	verdict_free(a);
	verdict_free(b);
}

/* No ML-ops team excludes self-hosting: the recommendation moves, the fleet goes, the
 * exclusion is a reason of the after side only, and the diff carries both costs. */
static void test_a_flip_moves_the_recommendation(void **state)
{
	struct verdict *a = run(REGULATED), *b = run_with(REGULATED, AK_MLOPS, MLOPS_NONE);
	struct verdict_diff d;
	bool excl = false;

	(void)state;
	compare_verdicts(a, b, &d);
	assert_int_equal(d.n_answers, 1);
	assert_int_equal(d.answers[0].key, AK_MLOPS);
	assert_true(d.recommendation_moved);
	assert_int_equal(d.recommended[SIDE_BEFORE].arch, a->recommended);
	assert_int_equal(d.recommended[SIDE_AFTER].arch, b->recommended);
	assert_non_null(d.recommended[SIDE_BEFORE].gpu);
	for (int i = 0; i < d.n_reasons; i++)
		if (d.reasons[i].arch == ARCH_SELF_SINGLE && !d.reasons[i].fired[SIDE_BEFORE] && d.reasons[i].excludes[SIDE_AFTER])
			excl = true;
	assert_true(excl);
	for (int i = 0; i < ARCH_COUNT; i++)
		if (d.archs[i].arch == ARCH_SELF_SINGLE) {
			assert_true(d.archs[i].feasible[SIDE_BEFORE]);
			assert_false(d.archs[i].feasible[SIDE_AFTER]);
			/* excluded, it keeps its plan's cost, as the memo's ranking shows it */
			assert_true(b->scores[ARCH_SELF_SINGLE].best.feasible);
			assert_true(d.archs[i].cost[SIDE_AFTER] == b->scores[ARCH_SELF_SINGLE].best.cost.total);
		}
	verdict_free(a);
	verdict_free(b);
}

/* Swapped sides swap the values. */
static void test_sides_are_ordered(void **state)
{
	struct verdict *a = run(REGULATED), *b = run_with(REGULATED, AK_MLOPS, MLOPS_NONE);
	struct verdict_diff ab, ba;

	(void)state;
	compare_verdicts(a, b, &ab);
	compare_verdicts(b, a, &ba);
	assert_true(ab.answers[0].value[SIDE_BEFORE] == ba.answers[0].value[SIDE_AFTER]);
	assert_int_equal(ab.recommended[SIDE_BEFORE].arch, ba.recommended[SIDE_AFTER].arch);
	assert_int_equal(ab.n_reasons, ba.n_reasons);
	verdict_free(a);
	verdict_free(b);
}

static int marked(const struct cost_row *rows, int n, const struct cost_row **which)
{
	int count = 0;

	for (int i = 0; i < n; i++)
		if (rows[i].recommended) {
			count++;
			*which = &rows[i];
		}
	return count;
}

/* details.c: exactly the recommended option's row is marked, with its plan; every
 * row says why; self-hosted rows that run carry their replica's footprint. */
static void test_details_mark_the_recommendation(void **state)
{
	const char *cases[] = { REGULATED, "privacy: none\nrequests_per_month: 300000\nmlops: none\n" };

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct verdict *v = run(cases[c]);
		const struct plan *p = &v->scores[v->recommended].best;
		const struct cost_row *row = NULL;
		int n = marked(v->api, v->n_api, &row) + marked(v->managed, v->n_managed, &row) +
			marked(v->self_hosted, v->n_self_hosted, &row);
		assert_int_equal(n, 1);
		assert_ptr_equal(row->model, p->model);
		assert_true(fabs(row->opt.cost.total - p->cost.total) < 0.01);
		assert_true(strstr(row->why, "recommendation") != NULL);
		for (int i = 0; i < v->n_self_hosted; i++) {
			const struct cost_row *r = &v->self_hosted[i];
			assert_true(r->why[0] != '\0');
			if (r->opt.feasible && r->opt.gpu) {
				assert_true(r->footprint_present);
				assert_ptr_equal(r->footprint.gpu, r->opt.gpu);
				assert_int_equal(r->footprint.gpu_count, r->opt.gpu_count);
			}
		}
		verdict_free(v);
	}
}

/* A row below the task's tier says so. */
static void test_details_say_why_not(void **state)
{
	struct verdict *v = run(REGULATED);
	bool seen = false;

	(void)state;
	for (int i = 0; i < v->n_self_hosted; i++)
		if (!v->self_hosted[i].meets_quality && v->self_hosted[i].usable && v->self_hosted[i].opt.feasible) {
			assert_non_null(strstr(v->self_hosted[i].why, "Below the task"));
			seen = true;
		}
	assert_true(seen);
	verdict_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_answers_differ_in_nothing),
		cmocka_unit_test(test_volume_is_the_one_difference),
		cmocka_unit_test(test_a_flip_moves_the_recommendation),
		cmocka_unit_test(test_sides_are_ordered),
		cmocka_unit_test(test_details_mark_the_recommendation),
		cmocka_unit_test(test_details_say_why_not),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
