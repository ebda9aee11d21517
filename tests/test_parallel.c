/* test_parallel.c — a long catalog list read on several threads gives the catalog
 * one thread gives, and the same first error: a bad item, a duplicate id, the
 * earliest of several problems in different threads' runs. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallel.h"
#include "util.h"

#define N_EXTRA 3000
#define ITEM_LINES 9

static char *shipped;          /* the shipped models.yaml, read once */
static int shipped_lines;

static int setup(void **state)
{
	char path[4200];
	size_t len;
	struct ow_error e;

	(void)state;
	snprintf(path, sizeof path, "%s/models.yaml", shipped_dir());
	shipped = read_file_limited(path, 1u << 24, &len, &e);
	if (shipped == NULL)
		return -1;
	for (size_t k = 0; k < len; k++)
		shipped_lines += shipped[k] == '\n';
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(shipped);
	return 0;
}

/* The shipped models.yaml with N_EXTRA closed models appended; item i's
 * quality_tier is tier_of(i), and item dup_at (when >= 0) repeats item 0's id. */
static char *long_models(int (*tier_of)(int), int dup_at)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, shipped);
	for (int i = 0; i < N_EXTRA; i++)
		sb_addf(&sb, "  - id: extra-%d\n    name: Extra %d\n    family: extra\n    vendor: V\n"
			"    openness: closed\n    licence: proprietary-api\n    quality_tier: %d\n"
			"    context_tokens: 128000\n"
			"    api: {provider: x, input: %d.5, output: 9, source: test, as_of: 2026-11-01}\n",
			i == dup_at ? 0 : i, i, tier_of(i), i % 13);
	return sb.s;
}

/* The line of extra item i in long_models' text. */
static int extra_line(int i)
{
	return shipped_lines + 1 + i * ITEM_LINES;
}

/* Load dir with this many threads: the catalog, or NULL with the error in e. */
static struct catalog *load_with(const char *dir, int threads, struct ow_error *e)
{
	struct catalog *c;

	parallel_tune(threads);
	c = catalog_load(dir, NULL, 0, e);
	parallel_tune(0);
	return c;
}

static int tier_ok(int i) { return 1 + i % 4; }
static int bad_at_2500(int i) { return i == 2500 ? 9 : tier_ok(i); }
static int bad_at_100_and_2000(int i) { return i == 100 || i == 2000 ? 0 : tier_ok(i); }
static int bad_at_2900(int i) { return i == 2900 ? 7 : tier_ok(i); }

static void test_long_list_same_catalog(void **state)
{
	char *text = long_models(tier_ok, -1), *dir = catalog_with("models.yaml", text);
	struct ow_error e;
	struct catalog *one = load_with(dir, 1, &e), *many;
	struct answers a;

	(void)state;
	assert_non_null(one);
	for (int threads = 2; threads <= 4; threads++) {
		many = load_with(dir, threads, &e);
		assert_non_null(many);
		assert_int_equal(many->n_models, one->n_models);
		for (int i = 0; i < one->n_models; i++) {
			const struct model *x = &one->models[i], *y = &many->models[i];
			assert_string_equal(x->id, y->id);
			assert_string_equal(x->name, y->name);
			assert_int_equal(x->at.line, y->at.line);
			assert_int_equal(x->at.col, y->at.col);
			assert_int_equal(x->quality_tier, y->quality_tier);
			assert_true(x->api.input == y->api.input);
			assert_true(x->shape.params == y->shape.params);
		}
		answers_with(&a, "");
		char *m1 = memo_json_of(one, &a), *m2 = memo_json_of(many, &a);
		assert_string_equal(m1, m2);
		free(m1);
		free(m2);
		catalog_free(many);
	}
	assert_int_equal(one->models[one->n_models - 1].at.line, extra_line(N_EXTRA - 1));
	catalog_free(one);
	remove_tree(dir);
	free(text);
}

/* The error with threads threads equals the one-thread error, which is at want_line. */
static void same_error(int (*tier_of)(int), int dup_at, int want_line, const char *want_msg)
{
	char *text = long_models(tier_of, dup_at), *dir = catalog_with("models.yaml", text);
	struct ow_error one, many;

	assert_null(load_with(dir, 1, &one));
	assert_int_equal(one.line, want_line);
	assert_non_null(strstr(one.msg, want_msg));
	for (int threads = 2; threads <= 4; threads++) {
		assert_null(load_with(dir, threads, &many));
		assert_string_equal(many.file, one.file);
		assert_int_equal(many.line, one.line);
		assert_int_equal(many.col, one.col);
		assert_string_equal(many.msg, one.msg);
	}
	remove_tree(dir);
	free(text);
}

static void test_long_list_bad_item_late(void **state)
{
	(void)state;
	same_error(bad_at_2500, -1, extra_line(2500) + 6, "quality_tier");
}

static void test_long_list_first_of_two_bad_items(void **state)
{
	(void)state;
	same_error(bad_at_100_and_2000, -1, extra_line(100) + 6, "quality_tier");
}

static void test_long_list_duplicate_before_bad_item(void **state)
{
	(void)state;
	same_error(bad_at_2900, 1500, extra_line(1500), "duplicate model id 'extra-0'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_list_same_catalog),
		cmocka_unit_test(test_long_list_bad_item_late),
		cmocka_unit_test(test_long_list_first_of_two_bad_items),
		cmocka_unit_test(test_long_list_duplicate_before_bad_item),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
