/* test_catalog.c — the shipped catalog loads and passes its own check; overlays
 * replace entries by id in the documented order; the fingerprint follows content. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "check.h"
#include <sys/types.h>
#include <sha2.h>
#include "cli.h"
#include "util.h"
#include "yread.h"

static void test_shipped_catalog_passes_check(void **state)
{
	struct catalog *c = load_shipped();
	struct check_result r;
	(void)state;
	catalog_check(c, c->as_of, &r);
	if (r.errors)
		fail_msg("%s", r.out.s);
	assert_int_equal(r.errors, 0);
	/* The seed's two impossible 405B configurations are reported. */
	assert_int_equal(r.notes, 2);
	assert_non_null(strstr(r.out.s, "405B (FP16) on 8x A100 (80GB)"));
	sb_free(&r.out);
	assert_int_equal(strlen(c->sha256), 64);
	assert_true(c->n_models >= 30);
	assert_non_null(catalog_gpu(c, "h100"));
	assert_int_equal(catalog_provider(c, "anyscale")->status, PROV_CLOSED);
	catalog_free(c);
}

static void test_every_design_id_exists(void **state)
{
	static const char *const models[] = { "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b",
		"mistral-large-2", "qwen-2.5-72b", "gemma-2-9b", "olmo-2-13b", "pythia-12b", "gpt-4o",
		"gpt-4o-mini", "gpt-4.1", "claude-opus-4", "claude-sonnet-4", "claude-haiku-3.5", "gemini-2.5-pro" };
	static const char *const gpus[] = { "t4", "a10g", "l4", "l40s", "a100-40gb", "a100-80gb", "h100",
		"h200", "b200", "mi300x", "rtx-4090" };
	struct catalog *c = load_shipped();
	(void)state;
	for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
		if (catalog_model(c, models[i]) == NULL)
			fail_msg("model %s missing", models[i]);
	for (size_t i = 0; i < sizeof gpus / sizeof gpus[0]; i++)
		if (catalog_gpu(c, gpus[i]) == NULL)
			fail_msg("gpu %s missing", gpus[i]);
	catalog_free(c);
}

static const char overlay_models[] =
	"openweigh_catalog: 1\nmodels:\n"
	"  - id: gpt-4o\n    name: \"GPT-4o (negotiated)\"\n    family: gpt-4o\n    vendor: OpenAI\n"
	"    openness: closed\n    licence: proprietary-api\n    quality_tier: 1\n    context_tokens: 128000\n"
	"    api:\n      provider: openai\n      input: 2.00\n      output: 8.00\n"
	"      source: \"our contract\"\n      as_of: 2026-11-01\n";

/* An overlay replaces an entry by id and marks it; the rest stays. */
static void test_overlay_replaces_by_id(void **state)
{
	char *ov = overlay_with("models.yaml", overlay_models);
	const char *ovs[1] = { ov };
	struct ow_error e;
	struct catalog *base = load_shipped(), *c = catalog_load(shipped_dir(), ovs, 1, &e);
	(void)state;
	assert_non_null(c);
	assert_int_equal(c->n_models, base->n_models);
	assert_float_equal(catalog_model(c, "gpt-4o")->api.input, 2.00, 0);
	assert_true(catalog_model(c, "gpt-4o")->at.overlay);
	assert_false(catalog_model(c, "gpt-4o-mini")->at.overlay);
	assert_string_not_equal(c->sha256, base->sha256);
	catalog_free(c);
	catalog_free(base);
	remove_tree(ov);
}

/* Precedence: shipped < $XDG_CONFIG_HOME/openweigh/catalog < --catalog DIR. */
static void test_overlay_precedence(void **state)
{
	char xdg[] = "/tmp/owxdg-XXXXXX", path[4200];
	char *cli_ov, *text;
	struct ow_error e;
	struct catalog *c;
	FILE *f;
	(void)state;
	assert_non_null(mkdtemp(xdg));
	snprintf(path, sizeof path, "%s/openweigh", xdg);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/openweigh/catalog", xdg);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/openweigh/catalog/models.yaml", xdg);
	f = fopen(path, "w");
	fputs(overlay_models, f);   /* XDG says 2.00 */
	fclose(f);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("OW_TEST_UNUSED", "", 1);
	c = cli_load_catalog(NULL, &e);
	assert_non_null(c);
	assert_float_equal(catalog_model(c, "gpt-4o")->api.input, 2.00, 0);
	catalog_free(c);
	text = xstrdup(overlay_models);
	memcpy(strstr(text, "input: 2.00"), "input: 1.50", 11);   /* --catalog says 1.50 */
	cli_ov = overlay_with("models.yaml", text);
	c = cli_load_catalog(cli_ov, &e);
	assert_non_null(c);
	assert_float_equal(catalog_model(c, "gpt-4o")->api.input, 1.50, 0);
	assert_int_equal(c->n_overlays, 2);
	catalog_free(c);
	free(text);
	remove_tree(cli_ov);
	unlink(path);
	snprintf(path, sizeof path, "%s/openweigh/catalog", xdg);
	rmdir(path);
	snprintf(path, sizeof path, "%s/openweigh", xdg);
	rmdir(path);
	rmdir(xdg);
	unsetenv("XDG_CONFIG_HOME");
}

/* An overlay that is wrong fails with its own position, not the base file's. */
static void test_overlay_errors_point_at_overlay(void **state)
{
	char *ov = overlay_with("gpus.yaml", "openweigh_catalog: 1\ngpus:\n  - id: h100\n    memory_gb: -1\n");
	const char *ovs[1] = { ov };
	char want[4200];
	struct ow_error e;
	(void)state;
	assert_null(catalog_load(shipped_dir(), ovs, 1, &e));
	snprintf(want, sizeof want, "%s/gpus.yaml", ov);
	assert_string_equal(e.file, want);
	assert_int_equal(e.line, 3);
	remove_tree(ov);
}

/* Parameter-count check fails a shape that does not match its declared count. */
static void test_check_catches_wrong_params(void **state)
{
	char *ov = overlay_with("models.yaml",
		"openweigh_catalog: 1\nmodels:\n  - id: fake-8b\n    name: F\n    family: f\n    vendor: V\n"
		"    openness: open-weight-permissive\n    licence: apache-2.0\n    quality_tier: 3\n    context_tokens: 8192\n"
		"    shape:\n      layers: 32\n      hidden: 4096\n      ffn: 14336\n      heads: 32\n      kv_heads: 8\n"
		"      head_dim: 128\n      vocab: 128256\n      tied_embeddings: false\n      params: 9000000000\n"
		"      source: s\n      as_of: 2026-01-01\n");
	const char *ovs[1] = { ov };
	struct ow_error e;
	struct catalog *c = catalog_load(shipped_dir(), ovs, 1, &e);
	struct check_result r;
	(void)state;
	assert_non_null(c);
	catalog_check(c, c->as_of, &r);
	assert_int_equal(r.errors, 1);
	assert_non_null(strstr(r.out.s, "model 'fake-8b': its shape gives 8030261248 parameters, -10.8% from the declared 9000000000"));
	assert_non_null(strstr(r.out.s, "/models.yaml:3:5: error:"));
	sb_free(&r.out);
	catalog_free(c);
	remove_tree(ov);
}

/* Figures older than 180 days are stale warnings, not errors. */
static void test_check_stale(void **state)
{
	struct catalog *c = load_shipped();
	struct check_result r;
	(void)state;
	catalog_check(c, c->as_of + 400, &r);
	assert_int_equal(r.errors, 0);
	assert_true(r.warnings > 10);
	assert_non_null(strstr(r.out.s, "stale (over 180 days)"));
	sb_free(&r.out);
	catalog_free(c);
}

/* A figure dated after today is an error; the shipped catalog has none at its own date. */
static void test_check_future_date(void **state)
{
	struct catalog *c = load_shipped();
	struct check_result r;
	(void)state;
	catalog_check(c, c->as_of, &r);
	assert_int_equal(r.warnings, 0);
	assert_null(strstr(r.out.s, "in the future"));
	sb_free(&r.out);
	catalog_check(c, c->as_of - 400, &r);
	assert_true(r.errors > 0);
	assert_non_null(strstr(r.out.s, "in the future"));
	sb_free(&r.out);
	catalog_free(c);
}

/* Two entries with one id in one file: an error at the second, naming the first. */
static void test_duplicate_id(void **state)
{
	static const char lic[] = "  - id: dup\n    name: D\n    commercial: true\n    terms: t\n    source: s\n    as_of: 2026-01-01\n";
	char text[512], want[4200];
	char *ov;
	const char *ovs[1];
	struct ow_error e;
	(void)state;
	snprintf(text, sizeof text, "openweigh_catalog: 1\nlicences:\n%s%s", lic, lic);
	ov = overlay_with("licences.yaml", text);
	ovs[0] = ov;
	assert_null(catalog_load(shipped_dir(), ovs, 1, &e));
	snprintf(want, sizeof want, "%s/licences.yaml", ov);
	assert_string_equal(e.file, want);
	assert_int_equal(e.line, 9);
	assert_string_equal(e.msg, "duplicate licence id 'dup' (first at line 3)");
	remove_tree(ov);
}

/* The fingerprint in every memo is SHA-256 (libmd) of every byte the catalog was read
 * from, file after file in the order read, overlays included: a change to any figure
 * changes it. */
static void test_fingerprint_covers_every_file(void **state)
{
	char *ov = overlay_with("gpus.yaml", "openweigh_catalog: 1\ngpus: []\n");
	const char *ovs[1] = { ov };
	struct ow_error e;
	struct catalog *c = catalog_load(shipped_dir(), ovs, 1, &e);
	SHA2_CTX h;
	char want[SHA256_DIGEST_STRING_LENGTH];
	(void)state;

	assert_non_null(c);
	assert_true(c->n_paths >= 9);   /* the eight shipped files and the overlay's */
	SHA256Init(&h);
	for (int i = 0; i < c->n_paths; i++) {
		size_t len;
		char *text = read_file_limited(c->paths[i], 1u << 26, &len, &e);
		assert_non_null(text);
		SHA256Update(&h, (const uint8_t *)text, len);
		free(text);
	}
	SHA256End(&h, want);
	assert_string_equal(c->sha256, want);
	assert_string_equal(SHA256Data((const uint8_t *)"abc", 3, want),   /* FIPS 180-2 B.1 */
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	catalog_free(c);
	remove_tree(ov);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_catalog_passes_check),
		cmocka_unit_test(test_every_design_id_exists),
		cmocka_unit_test(test_overlay_replaces_by_id),
		cmocka_unit_test(test_overlay_precedence),
		cmocka_unit_test(test_overlay_errors_point_at_overlay),
		cmocka_unit_test(test_check_catches_wrong_params),
		cmocka_unit_test(test_check_stale),
		cmocka_unit_test(test_check_future_date),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_fingerprint_covers_every_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
