/* test_advice.c — the memo's first page and the advice beside the verdict, over a
 * grid of teams: the summary fits 40 lines of 80 columns; each risk is there exactly
 * when the verdict holds its cause (a licence cap, one replica, a tier shortfall, a
 * legacy model, a flip within a range); the staged path starts on the cheapest feasible API or
 * managed option below the recommendation, and its trigger is where costs cross. */
#include "testutil.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

/* The first team of the grid whose staged path has a trigger: an API or managed
 * start cheaper today, the recommendation cheaper at a higher volume (test_grid runs
 * first and finds it). */
static char migrating[400];

static bool has_risk(const struct verdict *v, enum risk_kind kind)
{
	for (int i = 0; i < v->n_risks; i++)
		if (v->risks[i].kind == kind)
			return true;
	return false;
}

/* Lines and the widest line (in characters, not bytes) before "# Appendix". */
static void summary_size(const char *memo, int *lines, int *widest)
{
	const char *p = strstr(memo, "## Summary"), *end = strstr(memo, "\n# Appendix");

	assert_non_null(p);
	assert_non_null(end);
	*lines = 0, *widest = 0;
	while (p < end) {
		int w = 0;
		for (; p < end && *p != '\n'; p++)
			w += ((unsigned char)*p & 0xC0) != 0x80;   /* count UTF-8 lead bytes */
		if (w > *widest)
			*widest = w;
		(*lines)++;
		p++;
	}
}

static void check_summary(const struct verdict *v, const char *name)
{
	char *md = memo_markdown(v, "2026-01-01T00:00:00Z");
	int lines, widest;

	summary_size(md, &lines, &widest);
	if (lines > 40 || widest > 80)
		fail_msg("%s: summary %d lines, %d columns", name, lines, widest);
	free(md);
}

static void check_risks(const struct verdict *v, const char *name)
{
	const struct plan *o = &v->scores[v->recommended].best;
	const struct model *m = o->api_model ? o->api_model : o->model;
	bool own = o->arch == ARCH_SELF_SINGLE || o->arch == ARCH_SELF_MULTI || o->arch == ARCH_HYBRID;
	bool flips = false;

	for (int i = 0; i < v->n_sensitivity; i++)
		flips |= v->sensitivity[i].flips;
	if (has_risk(v, RISK_LICENCE) != (o->model && o->model->licence->mau_limit > 0 &&
					  o->model->openness != OPEN_CLOSED))
		fail_msg("%s: licence risk", name);
	/* one replica at the peak: a single point of failure, or one the spare covers */
	if (has_risk(v, RISK_SINGLE_POINT) != (own && o->replicas - o->spare_replicas <= 1))
		fail_msg("%s: single-point risk with %lld replicas", name, (long long)o->replicas);
	if (own && o->spare_replicas != v->answers.spare_replicas)
		fail_msg("%s: %lld spares, %lld asked", name, (long long)o->spare_replicas,
			 (long long)v->answers.spare_replicas);
	if (has_risk(v, RISK_QUALITY) != (m->quality_tier > cat->policy.required_tier[v->answers.task]))
		fail_msg("%s: quality risk", name);
	if (has_risk(v, RISK_LEGACY) != (o->model && o->model->legacy))
		fail_msg("%s: legacy risk", name);
	if (has_risk(v, RISK_PRICE) != flips)
		fail_msg("%s: price risk", name);
}

/* Present exactly when the recommendation runs its own GPUs and a feasible API or
 * managed option costs less today; it starts on the cheapest of those. */
static void check_migration(const struct verdict *v, const char *name)
{
	const struct plan *rec = &v->scores[v->recommended].best;
	const struct migration *mg = &v->migration;
	double start = INFINITY;

	if (rec->arch == ARCH_SELF_SINGLE || rec->arch == ARCH_SELF_MULTI || rec->arch == ARCH_HYBRID)
		for (int k = ARCH_DIRECT_API; k <= ARCH_MANAGED; k++)
			if (v->scores[k].feasible && v->scores[k].best.feasible && v->scores[k].best.cost.total < rec->cost.total)
				start = fmin(start, v->scores[k].best.cost.total);
	if (mg->present != isfinite(start))
		fail_msg("%s: migration %s", name, mg->present ? "present" : "absent");
	if (!mg->present)
		return;
	assert_float_equal(mg->start.cost.total, start, 1e-9);
	if (mg->trigger_requests > 0 && !(mg->trigger_requests > (double)v->answers.requests_per_month && mg->trigger_bill > start))
		fail_msg("%s: trigger %.0f requests, %.0f bill", name, mg->trigger_requests, mg->trigger_bill);
}

/* 4 privacy levels x 3 ML-ops x 4 volumes x 4 tasks x 2 edges x 2 fine-tunings; no
 * spare replica at the first and third volumes, one at the others. */
static void test_grid(void **state)
{
	static const char *const priv[] = { "none", "confidential", "regulated", "air-gapped" };
	static const char *const ops[] = { "none", "partial", "dedicated" };
	static const char *const vol[] = { "3000", "300000", "20000000", "2000000000" };
	static const char *const task[] = { "reasoning", "general", "extraction", "code" };
	static const char *const edge[] = { "none", "offline" };
	static const char *const ft[] = { "none", "lora" };
	int n = 0, risks = 0, paths = 0, triggers = 0;
	(void)state;

	for (int a = 0; a < 4; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++)
	for (int d = 0; d < 4; d++) for (int e = 0; e < 2; e++) for (int f = 0; f < 2; f++) {
		char text[400];
		struct answers ans;
		struct verdict *v;
		snprintf(text, sizeof text,
			 "privacy: %s\nmlops: %s\nrequests_per_month: %s\ntask: %s\nedge: %s\nfine_tuning: %s\nspare_replicas: %d\n",
			 priv[a], ops[b], vol[c], task[d], edge[e], ft[f], c % 2);
		answers_with(&ans, text);
		v = evaluate(cat, &ans);
		check_summary(v, text);
		if (v->feasible_any) {
			check_risks(v, text);
			check_migration(v, text);
			risks += v->n_risks > 0;
			paths += v->migration.present;
			triggers += v->migration.trigger_requests > 0;
			if (v->migration.trigger_requests > 0 && migrating[0] == '\0')
				snprintf(migrating, sizeof migrating, "%s", text);
		}
		verdict_free(v);
		n++;
	}
	/* the grid reaches every case it checks */
	assert_true(risks > 0 && paths > 0 && triggers > 0);
	print_message("%d teams: %d with risks, %d staged paths, %d with a trigger\n", n, risks, paths, triggers);
}

/* The trigger is where the chart's curves cross: at the curve point below it the
 * start is cheaper, at the one above it the recommendation; the bill is the start's. */
static void test_trigger_is_the_crossing(void **state)
{
	struct answers a;
	struct verdict *v;
	int i;
	(void)state;

	assert_true(migrating[0] != '\0');
	answers_with(&a, migrating);
	v = evaluate(cat, &a);
	const struct migration *mg = &v->migration;
	const double *start = v->curves.usd[mg->start.arch], *rec = v->curves.usd[v->recommended];
	assert_true(mg->present && mg->trigger_requests > 0);
	for (i = 0; i + 1 < CURVE_POINTS && v->curves.requests[i + 1] < mg->trigger_requests; i++)
		;
	assert_true(i + 1 < CURVE_POINTS);
	assert_true(start[i] < rec[i]);
	assert_true(start[i + 1] >= rec[i + 1]);
	assert_true(mg->trigger_bill >= start[i] && mg->trigger_bill <= start[i + 1]);
	verdict_free(v);
}

/* The JSON carries both: risks[{kind, text}] and migration {start, move_to, trigger...}. */
static void test_json(void **state)
{
	struct answers a;
	char *text;
	cJSON *j, *m;
	(void)state;

	assert_true(migrating[0] != '\0');
	answers_with(&a, migrating);
	text = memo_json_of(cat, &a);
	j = cJSON_Parse(text);
	free(text);
	assert_true(cJSON_IsArray(cJSON_GetObjectItem(j, "risks")));
	m = cJSON_GetObjectItem(j, "migration");
	assert_true(cJSON_IsObject(m));
	assert_string_equal(cJSON_GetObjectItem(m, "move_to")->valuestring,
			    cJSON_GetObjectItem(cJSON_GetObjectItem(j, "recommendation"), "architecture")->valuestring);
	assert_true(cJSON_GetObjectItem(m, "trigger_requests_per_month")->valuedouble > (double)a.requests_per_month);
	assert_true(cJSON_IsNumber(cJSON_GetObjectItem(cJSON_GetObjectItem(m, "start"), "monthly_cost_usd")));
	cJSON_Delete(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_trigger_is_the_crossing),
		cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
