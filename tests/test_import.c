/* test_import.c — genai-prices' data.json as import-prices reads it: the match rules
 * as genai-prices applies them, the price in force on a date, tiers and cache prices
 * mapped to the catalog's fields, and malformed values named by their JSON path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "genai_prices.h"
#include "import_prices.h"
#include "yread.h"

/* data.json text in a temporary file, read; the file is removed. */
static int load_text(const char *json, struct gp_data *d, struct ow_error *e)
{
	char path[] = "/tmp/owgpXXXXXX";
	int fd = mkstemp(path), rc;
	FILE *f = fdopen(fd, "w");

	assert_non_null(f);
	fputs(json, f);
	fclose(f);
	rc = gp_load(path, d, e);
	unlink(path);
	return rc;
}

static const char one_provider[] =
	"[{\"id\": \"p\", \"name\": \"P\", \"api_pattern\": \"p\", \"models\": ["
	"{\"id\": \"m-1\", \"match\": {\"or\": [{\"starts_with\": \"Model-1\"}, {\"regex\": \"^m1-\\\\d{8}$\"}]},"
	" \"context_window\": 200000,"
	" \"prices\": [{\"prices\": {\"input_mtok\": 2, \"output_mtok\": 10}},"
	"            {\"constraint\": {\"start_date\": \"2026-09-01\"}, \"prices\": {\"input_mtok\": 3, \"output_mtok\": 15,"
	"             \"cache_read_mtok\": 0.3, \"cache_write_mtok\": 3.75}}]},"
	"{\"id\": \"tiered\", \"match\": {\"equals\": \"tiered\"},"
	" \"prices\": {\"input_mtok\": {\"base\": 2.5, \"tiers\": [{\"start\": 272000, \"price\": 5}]},"
	"            \"output_mtok\": {\"base\": 15, \"tiers\": [{\"start\": 272000, \"price\": 22.5}]}}},"
	"{\"id\": \"offpeak\", \"match\": {\"equals\": \"offpeak\"},"
	" \"prices\": [{\"prices\": {\"input_mtok\": 0.135, \"output_mtok\": 0.55}},"
	"            {\"constraint\": {\"start_time\": \"00:30:00Z\", \"end_time\": \"16:30:00Z\"},"
	"             \"prices\": {\"input_mtok\": 0.27, \"output_mtok\": 1.1}}]}]}]";

static int32_t day(const char *s)
{
	int32_t d;

	assert_int_equal(parse_date(s, &d), 0);
	return d;
}

/* starts_with, equals, ends_with and contains ignore case; a Python regex with \d is
 * searched as POSIX; an or takes any. */
static void test_match_rules(void **state)
{
	struct gp_data d;
	struct ow_error e;
	const struct gp_model *m;

	(void)state;
	assert_int_equal(load_text(one_provider, &d, &e), 0);
	m = &d.providers[0].models[0];
	assert_true(gp_match(&m->match, "model-1-20260101"));
	assert_true(gp_match(&m->match, "m1-20260101"));
	assert_false(gp_match(&m->match, "m1-2026"));
	assert_false(gp_match(&m->match, "xmodel-1"));
	assert_true(gp_match(&d.providers[0].models[1].match, "TIERED"));
	assert_false(gp_match(&d.providers[0].models[1].match, "tiered-2"));
	gp_free(&d);
}

/* The price in force: the dated one from its start date on, the first before it; of
 * a time-of-day price (16 of 24 hours here), the one in force most of the day. */
static void test_prices_on_a_date(void **state)
{
	struct gp_data d;
	struct ow_error e;
	bool part;
	const struct gp_prices *p;

	(void)state;
	assert_int_equal(load_text(one_provider, &d, &e), 0);
	p = gp_prices_on(&d.providers[0].models[0], day("2026-08-31"), &part);
	assert_true(p->input.base == 2 && p->output.base == 10 && !p->cache_read.present && !part);
	p = gp_prices_on(&d.providers[0].models[0], day("2026-09-01"), &part);
	assert_true(p->input.base == 3 && p->output.base == 15 && p->cache_write.base == 3.75);
	p = gp_prices_on(&d.providers[0].models[2], day("2026-09-01"), &part);
	assert_true(p->input.base == 0.27 && p->output.base == 1.1 && part);
	gp_free(&d);
}

/* The whole plan on a one-model catalog entry: a vendor's tiered price becomes the
 * catalog's long-context tier, and the model the catalog lacks is added, tier unknown. */
static void test_plan_maps_tiers(void **state)
{
	struct catalog *c = load_shipped();
	struct gp_data d;
	struct ow_error e;
	struct price_source src = { .data = "p", .vendor = "P", .api_provider = "p", .licence = "proprietary-api" };
	char *fam[] = { "tiered", "m-" };
	struct price_names pn = { .sources = &src, .n_sources = 1 };
	struct import_result r;

	(void)state;
	src.families = fam;
	src.n_families = 2;
	assert_int_equal(load_text(one_provider, &d, &e), 0);
	import_plan(c, &pn, &d, "data.json", day("2026-08-21"), &r);
	assert_int_equal(r.n_models, 2);   /* offpeak: no family of the vendor, unmatched */
	assert_string_equal(r.models[1].id, "tiered");
	assert_true(r.models[1].base == NULL && r.models[1].price.input == 2.5 && r.models[1].price.long_above == 272000 &&
		    r.models[1].price.long_input == 5 && r.models[1].price.long_output == 22.5);
	assert_true(r.models[0].price.cached_input < 0 && r.models[0].price.input == 2);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.unmatched, 1);
	import_result_free(&r);
	gp_free(&d);
	catalog_free(c);
}

/* A value of the wrong type, at any depth, is refused at its JSON path. */
static void test_malformed_paths(void **state)
{
	static const struct { const char *json, *want; } cases[] = {
		{ "[{\"id\": \"p\", \"name\": \"P\", \"api_pattern\": \"p\", \"models\": [{\"id\": \"m\", \"match\": {\"equals\": \"m\"},"
		  " \"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": [{\"start\": \"big\", \"price\": 2}]}}}]}]",
		  "providers[0].models[0].prices.input_mtok.tiers[0].start: expected a number, not a string" },
		{ "[{\"id\": \"p\", \"name\": \"P\", \"api_pattern\": \"p\", \"models\": [{\"id\": \"m\", \"match\": {\"equals\": 5},"
		  " \"prices\": {}}]}]", "providers[0].models[0].match.equals: expected a string, not a number" },
		{ "[{\"id\": \"p\", \"name\": \"P\", \"api_pattern\": \"p\", \"models\": [{\"id\": \"m\", \"match\": {\"equals\": \"m\"},"
		  " \"context_window\": 1.5, \"prices\": {}}]}]", "providers[0].models[0].context_window: expected an integer" },
		{ "[{\"id\": \"p\", \"name\": \"P\", \"models\": []}]", "providers[0]: missing required key 'api_pattern'" },
		{ "{}", "(top level): expected an array of providers" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct gp_data d;
		struct ow_error e;
		memset(&e, 0, sizeof e);
		assert_int_equal(load_text(cases[i].json, &d, &e), -1);
		assert_int_equal(e.code, OW_EXIT_INPUT);
		if (strstr(e.msg, cases[i].want) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, e.msg, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_rules),
		cmocka_unit_test(test_prices_on_a_date),
		cmocka_unit_test(test_plan_maps_tiers),
		cmocka_unit_test(test_malformed_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
