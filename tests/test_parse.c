/* test_parse.c — malformed answers and catalog files, each answered with the exact
 * FILE:LINE:COL and message a user sees. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "volume.h"

static void expect_answers_error(const char *text, int line, int col, const char *msg)
{
	struct answers a;
	struct ow_error e;

	memset(&e, 0, sizeof e);
	assert_int_equal(answers_parse("a.yaml", text, strlen(text), &a, &e), -1);
	assert_string_equal(e.file, "a.yaml");
	assert_string_equal(e.msg, msg);
	if (e.line != line || e.col != col)
		fail_msg("%s: at %d:%d, expected %d:%d", msg, e.line, e.col, line, col);
	assert_int_equal(e.code, OW_EXIT_INPUT);
}

#define HEAD "openweigh_answers: 1\n"
#define REST "privacy: none\nrequests_per_month: 1000\ninput_tokens: 10\noutput_tokens: 10\n" \
	     "context_tokens: 4096\ntask: general\nmlops: none\nfine_tuning: none\nedge: none\n" \
	     "latency: batch\nvendor_independence: low\ncompliance: none\n"
#define ALL HEAD REST "over_700m_mau: false\n"

static void test_answers_valid_baseline(void **state)
{
	struct answers a;
	struct ow_error e;
	(void)state;
	assert_int_equal(answers_parse("a.yaml", ALL, strlen(ALL), &a, &e), 0);
	assert_int_equal(a.requests_per_month, 1000);
	assert_int_equal(a.traffic, TRAFFIC_STEADY);   /* optional key, default */
}

static void test_answers_malformed(void **state)
{
	(void)state;
	expect_answers_error(HEAD "privcy: none\n", 2, 1, "unknown key 'privcy'");
	expect_answers_error(HEAD "privacy: secret\n", 2, 10,
			     "'privacy' must be one of none, confidential, regulated, air-gapped; not 'secret'");
	expect_answers_error(ALL "requests_per_month: 5\n", 15, 1,
			     "duplicate key 'requests_per_month' (first at line 3)");
	expect_answers_error(HEAD "requests_per_month: -5\n", 2, 21,
			     "'requests_per_month' is -5; it must be between 0 and 1000000000000");
	expect_answers_error(HEAD "requests_per_month: lots\n", 2, 21,
			     "'requests_per_month' must be a whole number, not 'lots'");
	expect_answers_error(HEAD "requests_per_month: 99999999999999999999\n", 2, 21,
			     "'requests_per_month' is too large for a 64-bit integer");
	expect_answers_error(HEAD "requests_per_month: 1e30\n", 2, 21,
			     "'requests_per_month' must be a whole number, not '1e30'");
	expect_answers_error(HEAD "requests_per_month: \"1000\"\n", 2, 21,
			     "'requests_per_month' must be a whole number, not the quoted string \"1000\"");
	expect_answers_error(ALL "growth_per_year: .nan\n", 15, 18,
			     "'growth_per_year' must be a finite number, not '.nan'");
	expect_answers_error(ALL "growth_per_year: inf\n", 15, 18,
			     "'growth_per_year' must be a finite number, not 'inf'");
	expect_answers_error(HEAD REST "over_700m_mau: yes\n", 14, 16,
			     "'over_700m_mau' must be true or false, not 'yes'");
	expect_answers_error(HEAD REST "over_700m_mau: \"false\"\n", 14, 16,
			     "'over_700m_mau' must be true or false, not the quoted string \"false\"");
	expect_answers_error("privacy: none\n", 1, 1,
			     "missing 'openweigh_answers: 1' (is this an openweigh answers file?)");
	expect_answers_error("openweigh_answers: 2\n", 1, 20,
			     "answers format version 2 is not supported (this openweigh reads version 1)");
	expect_answers_error(HEAD REST, 1, 1, "missing required key 'over_700m_mau'");
	expect_answers_error("- a\n- b\n", 1, 1, "an answers file must be a mapping, not a list");
	expect_answers_error(HEAD "privacy: &p none\ntask: *p\n", 3, 7, "YAML aliases (*name) are not allowed");
	expect_answers_error(HEAD "privacy: [none\n", 3, 1, "did not find expected ',' or ']'");
	expect_answers_error(HEAD REST "over_700m_mau: false\ninput_tokens: 0\n", 15, 1,
			     "duplicate key 'input_tokens' (first at line 4)");
	expect_answers_error("", 1, 1, "the file is empty");
	expect_answers_error(HEAD "context_tokens: 0\n", 2, 17,
			     "'context_tokens' is 0; it must be between 1 and 10000000");
}

/* ---- catalog files ------------------------------------------------------------- */

static void expect_catalog_error(const char *file, const char *text, int line, int col,
				 const char *msg)
{
	char *dir = catalog_with(file, text), path[4200];
	struct ow_error e;
	struct catalog *c;

	memset(&e, 0, sizeof e);
	c = catalog_load(dir, NULL, 0, &e);
	assert_null(c);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	assert_string_equal(e.msg, msg);
	assert_string_equal(e.file, path);
	if (e.line != line || e.col != col)
		fail_msg("%s: at %d:%d, expected %d:%d", msg, e.line, e.col, line, col);
	remove_tree(dir);
}

#define MODEL_HEAD "openweigh_catalog: 1\nmodels:\n  - id: m1\n    name: M\n    family: f\n    vendor: V\n"

static void test_catalog_models(void **state)
{
	(void)state;
	expect_catalog_error("models.yaml", "openweigh_catalog: 1\nmodels:\n  - id: m1\n    colour: red\n",
			     4, 5, "unknown key 'colour'");
	expect_catalog_error("models.yaml", MODEL_HEAD "    openness: open-weight-permissive\n    licence: apache-2.0\n"
			     "    quality_tier: 3\n    context_tokens: 4096\n", 3, 5,
			     "open model 'm1' needs its architecture 'shape'");
	expect_catalog_error("models.yaml", MODEL_HEAD "    openness: closed\n    licence: proprietary-api\n"
			     "    quality_tier: 7\n", 9, 19, "'quality_tier' is 7; it must be between 1 and 4");
	expect_catalog_error("models.yaml", MODEL_HEAD "    openness: half-open\n", 7, 15,
			     "'openness' must be one of closed, open-weight-restricted, open-weight-permissive, fully-open; not 'half-open'");
	expect_catalog_error("models.yaml", "openweigh_catalog: 1\nmodels:\n  - id: Bad_Id\n", 3, 9,
			     "'id' must use lower-case letters, digits, '.' and '-' only, not 'Bad_Id'");
	expect_catalog_error("models.yaml", "openweigh_catalog: 2\nmodels: []\n", 1, 20,
			     "'openweigh_catalog' is 2; it must be between 1 and 1");
}

static void test_catalog_gpus_and_providers(void **state)
{
	(void)state;
	expect_catalog_error("gpus.yaml", "openweigh_catalog: 1\ngpus:\n  - id: g\n    name: G\n    vendor: V\n"
			     "    kind: datacenter\n    memory_gb: 80\n    bandwidth_gbs: 0\n", 8, 20,
			     "'bandwidth_gbs' is 0; it must be between 1 and 1e+06");
	expect_catalog_error("providers.yaml", "openweigh_catalog: 1\nproviders:\n  - id: p\n    name: P\n"
			     "    status: active\n    pricing: per-token\n    latency: low\n    finetune: none\n"
			     "    source: s\n    as_of: 2026-01-01\n    offers:\n      - model: no-such-model\n"
			     "        input: 1\n        output: 1\n        source: s\n        as_of: 2026-01-01\n",
			     12, 9, "provider 'p' offers model 'no-such-model', which models.yaml does not define");
	expect_catalog_error("providers.yaml", "openweigh_catalog: 1\nproviders:\n  - id: p\n    name: P\n"
			     "    status: closed\n", 3, 5, "missing required key 'closed_on'");
	expect_catalog_error("gpus.yaml", "openweigh_catalog: 1\ngpus: {}\n", 2, 7, "gpus must be a list, not a mapping");
	expect_catalog_error("gpus.yaml", "openweigh_catalog: 1\ngpus:\n  - id: g\n    name: G\n    vendor: V\n"
			     "    kind: datacenter\n    memory_gb: 80\n    bandwidth_gbs: 2000\n    fp16_tflops: 300\n"
			     "    bf16_tflops: 300\n    fp8_tflops: 0\n    int8_tops: 0\n    interconnect: x\n"
			     "    interconnect_gbs: 600\n    max_per_node: 8\n    source: s\n    as_of: 2026-01-01\n"
			     "    price: {usd_per_hour: 0, provider: p, source: s, as_of: 2026-01-01}\n", 18, 27,
			     "'usd_per_hour' is 0; it must be between 0.01 and 1000");
	expect_catalog_error("models.yaml", MODEL_HEAD "    openness: closed\n    licence: proprietary-api\n"
			     "    quality_tier: 1\n    context_tokens: 8192\n    api: {provider: x, input: 0, output: 0, source: s, as_of: 2026-01-01}\n",
			     11, 31, "an API price of $0 for both input and output is not a price");
}

static void test_catalog_rules_costs_index(void **state)
{
	(void)state;
	expect_catalog_error("rules.yaml", "openweigh_catalog: 1\nquality:\n  required_tier: {reasoning: 1, general: 2, extraction: 3, code: 1}\n"
			     "  precisions: {reasoning: [bf16], general: [bf16], extraction: [bf16], code: [bf16]}\n"
			     "scoring: {cost_weight: 1, cost_cap: 5, quality_gap_weight: 3}\nrules:\n"
			     "  - id: r\n    when: { budget: [low] }\n    weights: { direct-api: 1 }\n    because: b\n",
			     8, 13, "unknown answers key 'budget' in a rule condition");
	expect_catalog_error("rules.yaml", "openweigh_catalog: 1\nquality:\n  required_tier: {reasoning: 1, general: 2, extraction: 3, code: 1}\n"
			     "  precisions: {reasoning: [bf16], general: [bf32], extraction: [bf16], code: [bf16]}\n",
			     4, 45, "unknown precision (fp16, bf16, fp8, int8, int4, mxfp4, nvfp4)");
	expect_catalog_error("catalog.yaml", "openweigh_catalog: 1\n", 1, 1, "missing required key 'as_of'");
	expect_catalog_error("catalog.yaml", "openweigh_catalog: 1\nas_of: 2026-02-30\n", 2, 8,
			     "'as_of' must be a date YYYY-MM-DD, not '2026-02-30'");
	expect_catalog_error("architectures.yaml", "openweigh_catalog: 1\narchitectures:\n  cloud-magic: {}\n", 3, 3,
			     "unknown architecture 'cloud-magic' (the ids are fixed: direct-api, managed-inference, self-hosted-single-gpu, self-hosted-multi-gpu, hybrid, on-device)");
}

/* Hostile files stay bounded: too large, too deep, alias bombs. */
static void test_catalog_bounded(void **state)
{
	size_t big = 50u * 1024 * 1024;   /* the 50 MB file of issue "Reliability" */
	char *text = malloc(big + 64), *deep = malloc(200);
	(void)state;
	assert_non_null(text);
	strcpy(text, "openweigh_catalog: 1\nmodels: []\n");
	memset(text + strlen(text), '#', big);
	text[big + 30] = '\0';
	expect_catalog_error("models.yaml", text, 0, 0, "file is larger than 33554432 bytes");
	free(text);
	strcpy(deep, "openweigh_catalog: 1\ngpus: ");
	for (int i = 0; i < 40; i++)
		strcat(deep, "[");
	expect_catalog_error("gpus.yaml", deep, 2, 39, "nesting is deeper than 32 levels");
	free(deep);
	expect_catalog_error("licences.yaml",
			     "openweigh_catalog: 1\nlicences:\n  - &a [x, x, x, x, x, x, x, x, x]\n"
			     "  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  - [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
			     4, 9, "YAML aliases (*name) are not allowed");
}

/* A missing file is an I/O error (exit 2), not bad input. */
static void test_catalog_missing_file(void **state)
{
	char *dir = catalog_with("costs.yaml", NULL);
	struct ow_error e;
	(void)state;
	assert_null(catalog_load(dir, NULL, 0, &e));
	assert_int_equal(e.code, OW_EXIT_IO);
	assert_non_null(strstr(e.msg, "cannot open"));
	remove_tree(dir);
}

/* Volumes and tokens as people type them into the wizard. */
static void test_volume_input(void **state)
{
	double v;
	int64_t chars;
	(void)state;
	assert_int_equal(parse_amount("2.5M", &v), 0);
	assert_float_equal(v, 2.5e6, 0);
	assert_int_equal(parse_amount("1,500", &v), 0);
	assert_float_equal(v, 1500, 0);
	assert_int_equal(parse_amount("1T", &v), 0);      /* as the wizard shows 10^12 */
	assert_float_equal(v, 1e12, 0);
	/* a negative amount is a number, for the range to refuse by name */
	assert_int_equal(parse_amount("-3", &v), 0);
	assert_float_equal(v, -3, 0);
	assert_int_equal(parse_volume("-5x-20", &v), 0);  /* a negative side: a negative volume */
	assert_true(v < 0);
	assert_int_equal(parse_amount("lots", &v), -1);
	assert_int_equal(parse_amount("nan", &v), -1);
	/* 5,000 users x 20 requests a day x 365.25/12 days. */
	assert_int_equal(parse_volume("5000x20", &v), 0);
	assert_float_equal(v, 3043750, 0);
	assert_int_equal(parse_volume("5k * 20/day", &v), 0);
	assert_float_equal(v, 3043750, 0);
	assert_float_equal(volume_step(1000000, 1), 2000000, 0);
	assert_float_equal(volume_step(1000000, -1), 500000, 0);
	assert_float_equal(volume_step(1e12, 1), 1e12, 0);
	assert_int_equal(tokens_from_text("abcdefghi", 9, &chars), 3);
	assert_int_equal(chars, 9);
	/* UTF-8 characters, not bytes: "é" is two bytes, one character. */
	assert_int_equal(tokens_from_text("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 8, &chars), 1);
	assert_int_equal(chars, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers_valid_baseline),
		cmocka_unit_test(test_answers_malformed),
		cmocka_unit_test(test_catalog_models),
		cmocka_unit_test(test_catalog_gpus_and_providers),
		cmocka_unit_test(test_catalog_rules_costs_index),
		cmocka_unit_test(test_catalog_bounded),
		cmocka_unit_test(test_catalog_missing_file),
		cmocka_unit_test(test_volume_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
