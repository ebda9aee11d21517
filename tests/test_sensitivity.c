/* test_sensitivity.c — the memo's sensitivity, through the JSON: an entry for every
 * assumption with both ends costed, and every flip it reports true: at the value
 * reported the other architecture wins, and just inside it the recommendation stands.
 * The catalog-wide multipliers are checked against a catalog scaled by hand; the
 * Markdown's flips and tornado rows say what the numbers do. */
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

/* The shipped catalog with one assumption turned by hand: every GPU price, every
 * per-token price, the hidden costs or the traffic peaks times x. */
static struct catalog *scaled(enum assumption what, double x)
{
	struct catalog *c = load_shipped();
	struct cost_model *cm = &c->cost;

	for (int i = 0; what == ASSUME_GPU_PRICE && i < c->n_gpus; i++) {
		for (int b = 0; b < RATE_COUNT; b++)
			c->gpus[i].rates[b].usd_per_hour *= x;
		c->gpus[i].purchase_usd *= x;
	}
	if (what == ASSUME_GPU_PRICE) {
		cm->owned.usd_per_kwh *= x;
		cm->owned.colocation_usd_per_kw_month *= x;
		for (int i = 0; i < c->n_providers; i++)
			c->providers[i].dedicated.usd_per_gpu_hour *= x;
	}
	for (int i = 0; what == ASSUME_TOKEN_PRICE && i < c->n_models; i++) {
		struct api_price *p = &c->models[i].api;
		p->input *= x, p->output *= x, p->long_input *= x, p->long_output *= x;
		if (p->cached_input > 0)
			p->cached_input *= x;
	}
	for (int i = 0; what == ASSUME_TOKEN_PRICE && i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++) {
			c->providers[i].offers[j].input *= x;
			c->providers[i].offers[j].output *= x;
		}
	if (what == ASSUME_HIDDEN) {
		for (int l = 0; l < MLOPS_COUNT; l++)
			for (int s = 0; s < SIZE_COUNT; s++) {
				cm->hidden[l][s].engineering *= x;
				cm->hidden[l][s].orchestration *= x;
				cm->hidden[l][s].monitoring *= x;
			}
		cm->fte_usd_month *= x;
		cm->orchestration_per_gpu *= x;
		cm->monitoring_per_gpu *= x;
	}
	for (int t = 0; what == ASSUME_PEAK && t < TRAFFIC_COUNT; t++)
		cm->traffic[t].peak *= x;
	return c;
}

/* The architecture recommended with assumption `what` at x (nothing feasible:
 * ARCH_COUNT). */
static int winner_at(const struct answers *base, enum assumption what, double x)
{
	struct answers a = *base;
	struct catalog *c = cat;
	struct verdict *v;
	int w;

	switch (what) {
	case ASSUME_VOLUME: a.requests_per_month = llround((double)a.requests_per_month * x); break;
	case ASSUME_GROWTH: a.requests_per_month = llround((double)a.requests_per_month * (1 + x)); break;
	case ASSUME_OUTPUT: a.output_tokens = llround((double)a.output_tokens * x); break;
	case ASSUME_CACHE: a.cache_hit_rate = x; break;
	default: c = scaled(what, x); break;
	}
	v = evaluate(c, &a);
	w = v->feasible_any ? (int)v->recommended : ARCH_COUNT;
	verdict_free(v);
	if (c != cat)
		catalog_free(c);
	return w;
}

/* Just inside a flip: a step toward the base, about twice the search's resolution. */
static double inside(enum assumption what, double base, double at)
{
	double step = what == ASSUME_VOLUME || what == ASSUME_GROWTH ? 0.001 : 0.02;

	/* Never past the base: a flip within one step of it (inside the search's
	 * resolution: the true flip may lie anywhere between) is checked at the base. */
	if (what < ASSUME_MULTIPLIERS)
		return fabs(log(base / at)) <= step ? base : at * exp(log(base / at) > 0 ? step : -step);
	return fabs(base - at) <= step ? base : at + (base > at ? step : -step);
}

static int check(const char *answers_text)
{
	struct answers a;
	char *text;
	cJSON *j, *s;
	int flips = 0, entries = 0;
	bool seen[ASSUME_COUNT] = { false };

	answers_with(&a, answers_text);
	text = memo_json_of(cat, &a);
	j = cJSON_Parse(text);
	free(text);
	const char *rec = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "recommendation"), "architecture")->valuestring;
	cJSON_ArrayForEach(s, cJSON_GetObjectItem(j, "sensitivity")) {
		const char *name = cJSON_GetObjectItem(s, "assumption")->valuestring;
		int what = -1;
		for (int k = 0; k < ASSUME_COUNT; k++)
			if (strcmp(assumption_names[k], name) == 0)
				what = k;
		assert_true(what >= 0);
		seen[what] = true;
		entries++;
		assert_true(cJSON_IsNumber(cJSON_GetObjectItem(s, "monthly_cost_low_usd")));
		assert_true(cJSON_IsNumber(cJSON_GetObjectItem(s, "monthly_cost_high_usd")));
		cJSON *to = cJSON_GetObjectItem(s, "flips_to");
		if (cJSON_IsNull(to))
			continue;
		double at = cJSON_GetObjectItem(s, "flips_at")->valuedouble, base = cJSON_GetObjectItem(s, "base")->valuedouble;
		int want = arch_from_id(to->valuestring);
		if (winner_at(&a, (enum assumption)what, at) != want)
			fail_msg("%s at %g: not %s", name, at, to->valuestring);
		if (winner_at(&a, (enum assumption)what, inside((enum assumption)what, base, at)) != arch_from_id(rec))
			fail_msg("%s just inside %g: not %s", name, at, rec);
		flips++;
	}
	for (int k = 0; k < ASSUME_COUNT; k++)
		assert_true(seen[k]);
	assert_int_equal(entries, ASSUME_COUNT);
	cJSON_Delete(j);
	return flips;
}

/* Teams near a tipping point, so that most kinds of flip occur and are checked. */
static void test_flips_are_true(void **state)
{
	int flips = 0;
	(void)state;
	flips += check("privacy: confidential\nrequests_per_month: 50000000\ninput_tokens: 1200\noutput_tokens: 150\n"
		       "task: extraction\nmlops: partial\nlatency: batch\ngrowth_per_year: 0.5\n");
	flips += check("privacy: confidential\nrequests_per_month: 80000000\ninput_tokens: 1200\noutput_tokens: 150\n"
		       "task: extraction\nmlops: dedicated\nlatency: batch\n");
	flips += check("privacy: confidential\nrequests_per_month: 65000000\ninput_tokens: 1200\noutput_tokens: 150\n"
		       "task: extraction\nmlops: dedicated\nlatency: batch\ntraffic: bursty\n");
	flips += check("privacy: regulated\nrequests_per_month: 3000000\nmlops: dedicated\ntask: general\n");
	flips += check("privacy: none\nrequests_per_month: 2000000\ntask: reasoning\nmlops: partial\n");
	assert_true(flips >= 10);
}

/* Each end's cost is the recommended architecture's cost with the catalog scaled by
 * hand (GPU prices, per-token prices, hidden costs, peaks) or the answer changed. */
static void test_ends_costed_as_scaled_catalogs(void **state)
{
	struct answers a;
	struct verdict *v;
	(void)state;
	answers_with(&a, "privacy: confidential\nrequests_per_month: 65000000\ninput_tokens: 1200\noutput_tokens: 150\n"
		     "task: extraction\nmlops: dedicated\nlatency: batch\ntraffic: bursty\n");
	v = evaluate(cat, &a);
	for (int i = 0; i < v->n_sensitivity; i++) {
		const struct sensitivity *s = &v->sensitivity[i];
		if (s->assumption == ASSUME_GROWTH)
			continue;   /* its cost is the volume's a year on, checked by the flips */
		for (int end = 0; end < 2; end++) {
			double x = end ? s->high : s->low, want = end ? s->cost_high : s->cost_low;
			struct answers b = a;
			struct catalog *c = cat;
			switch (s->assumption) {
			case ASSUME_VOLUME: b.requests_per_month = llround((double)b.requests_per_month * x); break;
			case ASSUME_OUTPUT: b.output_tokens = llround((double)b.output_tokens * x); break;
			case ASSUME_CACHE: b.cache_hit_rate = x; break;
			default: c = scaled((enum assumption)s->assumption, x); break;
			}
			struct verdict *w = evaluate(c, &b);
			assert_float_equal(w->scores[v->recommended].best.cost.total, want, want * 1e-9);
			verdict_free(w);
			if (c != cat)
				catalog_free(c);
		}
	}
	verdict_free(v);
}

/* A flip is said at a value where it holds: 3 figures, rounded away from the base. */
static void test_flip_said_where_it_holds(void **state)
{
	struct sensitivity s = { .assumption = ASSUME_GROWTH, .base = 0, .flips = true, .flips_at = 1.01252 };
	char buf[32];
	(void)state;
	memo_sensitivity_flip(buf, sizeof buf, &s);
	assert_string_equal(buf, "1.02");
	s = (struct sensitivity){ .assumption = ASSUME_TOKEN_PRICE, .base = 1, .flips = true, .flips_at = 0.60761 };
	memo_sensitivity_flip(buf, sizeof buf, &s);
	assert_string_equal(buf, "x0.607");
	s.flips_at = 1.3601;
	memo_sensitivity_flip(buf, sizeof buf, &s);
	assert_string_equal(buf, "x1.37");
}

/* The tornado's rows run from the cheaper end (left) to the dearer (right), each with
 * the value that gives it, and a row whose both ends cost more than today draws right
 * of the '|' only: a team that caches 90 % of its prompt pays more at 0 and at 0.8. */
static void test_tornado_rows(void **state)
{
	struct answers a;
	struct verdict *v;
	char *md, *row, line[128];
	(void)state;
	answers_with(&a, "privacy: none\nrequests_per_month: 2000000\ninput_tokens: 6000\noutput_tokens: 800\n"
			 "context_tokens: 16384\ntask: code\nmlops: dedicated\nlatency: batch\ncache_hit_rate: 0.9\n");
	v = evaluate(cat, &a);
	md = memo_markdown(v, "2026-11-30T00:00:00Z");
	row = strstr(md, "\ncache_hit_rate ");
	assert_non_null(row);
	snprintf(line, sizeof line, "%.*s", (int)strcspn(row + 1, "\n"), row + 1);
	const char *bar = strchr(line, '|');
	assert_non_null(bar);
	assert_true(bar[-1] == ' ');                         /* nothing cheaper than today */
	assert_non_null(strstr(line, " 0.8  $10,100 "));     /* the cheaper end: 80 % cached */
	assert_non_null(strstr(line, "$15,500  0"));         /* the dearer: none cached */
	free(md);
	verdict_free(v);
}

/* The summary's short volumes hold where they are said: the flip rounded away from
 * today's volume, the band's end towards it. */
static void test_short_flip_volumes_hold(void **state)
{
	struct volume_flip down = { .found = true, .requests_per_month = 8414087, .ends = true, .ends_at = 2972908 };
	struct volume_flip up = { .found = true, .requests_per_month = 1902513681 };
	char buf[96];
	(void)state;
	memo_flip_range(buf, sizeof buf, &down, false, true);
	assert_string_equal(buf, "From 8.4M down to 3M requests/month");
	memo_flip_range(buf, sizeof buf, &up, true, true);
	assert_string_equal(buf, "At 2B requests/month or more");
	down.requests_per_month = 8489999;   /* 8.49M: 8.5M would be past the flip */
	memo_flip_range(buf, sizeof buf, &down, false, true);
	assert_string_equal(buf, "From 8.4M down to 3M requests/month");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flips_are_true),
		cmocka_unit_test(test_ends_costed_as_scaled_catalogs),
		cmocka_unit_test(test_flip_said_where_it_holds),
		cmocka_unit_test(test_tornado_rows),
		cmocka_unit_test(test_short_flip_volumes_hold),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
