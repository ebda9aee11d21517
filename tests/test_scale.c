/* test_scale.c — evaluate()'s shortcuts for large catalogs change nothing a user sees:
 * per-use candidate lists give the verdict the plain scan gives, and a model's twin
 * (identical in every input a choice reads) is never chosen over the model itself. */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evalint.h"
#include "twins.h"
#include "util.h"

static struct catalog *cat;

static int setup(void **state) { (void)state; cat = load_shipped(); return 0; }
static int teardown(void **state) { (void)state; catalog_free(cat); return 0; }

static const char *const presets[] = { "startup-chatbot", "regulated-enterprise", "offline-field-app",
				       "high-volume-extraction", "social-platform" };

static void load_preset(const char *name, struct answers *a)
{
	char path[4096];
	struct ow_error e;

	snprintf(path, sizeof path, "%s/presets/%s.yaml", shipped_dir(), name);
	assert_int_equal(answers_load(path, a, &e), 0);
}


/* The JSON memo (every table, flip, crossover and note) of each preset, with the
 * per-use lists made for every pool and with them never made. */
static void test_use_lists_same_verdict(void **state)
{
	(void)state;
	for (size_t p = 0; p < sizeof presets / sizeof presets[0]; p++) {
		struct answers a;
		load_preset(presets[p], &a);
		int was = eval_use_lists_from(0);
		char *with = memo_json_of(cat, &a);
		eval_use_lists_from(INT_MAX);
		char *without = memo_json_of(cat, &a);
		eval_use_lists_from(was);
		assert_string_equal(with, without);
		free(with);
		free(without);
	}
}

/* Every shipped model again under the id twin-ID, after the originals: the
 * recommendation is the same option, never a twin, and a twin's self-hosted row costs
 * exactly what its original's does. */
static void test_twins_never_chosen_first(void **state)
{
	char path[4096], *text, *dup;
	struct strbuf sb;
	struct ow_error e;
	size_t len = 0;
	(void)state;

	snprintf(path, sizeof path, "%s/models.yaml", shipped_dir());
	text = read_file_limited(path, 1 << 20, &len, &e);
	assert_non_null(text);
	sb_init(&sb);
	for (const char *p = text; *p; p++)   /* "  - id: X" -> "  - id: twin-X" */
		if (strncmp(p, "\n  - id: ", 9) == 0) {
			sb_add(&sb, "\n  - id: twin-");
			p += 8;
		} else {
			sb_addf(&sb, "%c", *p);
		}
	dup = overlay_with("models.yaml", sb.s);
	const char *ovs[1] = { dup };
	struct catalog *twins = catalog_load(shipped_dir(), ovs, 1, &e);
	assert_non_null(twins);
	assert_int_equal(twins->n_models, 2 * cat->n_models);
	for (size_t p = 0; p < sizeof presets / sizeof presets[0]; p++) {
		struct answers a;
		load_preset(presets[p], &a);
		struct verdict *v = evaluate(cat, &a), *w = evaluate(twins, &a);
		const struct plan *x = &v->scores[v->recommended].best, *y = &w->scores[w->recommended].best;
		assert_int_equal(w->recommended, v->recommended);
		assert_true(y->model != NULL && strncmp(y->model->id, "twin-", 5) != 0);
		assert_string_equal(y->model->id, x->model->id);
		assert_true(y->cost.total == x->cost.total);
		for (int i = 0; i < w->n_self_hosted; i++) {
			const struct cost_row *r = &w->self_hosted[i];
			if (strncmp(r->model->id, "twin-", 5) != 0)
				continue;
			for (int j = 0; j < w->n_self_hosted; j++)
				if (strcmp(w->self_hosted[j].model->id, r->model->id + 5) == 0)
					assert_true(w->self_hosted[j].opt.cost.total == r->opt.cost.total);
		}
		verdict_free(v);
		verdict_free(w);
	}
	catalog_free(twins);
	remove_tree(dup);
	sb_free(&sb);
	free(text);
}

/* Twins agree in every input a choice reads; one differing field makes two models
 * different (their ids and names do not count). */
static void test_twins_differ_in_any_choice_input(void **state)
{
	const struct model *m = catalog_model(cat, "llama-3.1-8b"), *other = catalog_model(cat, "mistral-7b");
	struct model t;
	(void)state;

	assert_non_null(m);
	assert_non_null(other);
	t = *m;
	t.id = "someone-else";
	t.name = "Another name";
	assert_true(models_twins(m, &t));
	t.licence = other->licence;
	assert_false(models_twins(m, &t));
	t = *m;
	t.quality_tier++;
	assert_false(models_twins(m, &t));
	t = *m;
	t.context_tokens /= 2;
	assert_false(models_twins(m, &t));
	t = *m;
	t.shape.kv_heads *= 2;
	assert_false(models_twins(m, &t));
	t = *m;
	t.bench.mmlu += 1;
	assert_false(models_twins(m, &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_use_lists_same_verdict),
		cmocka_unit_test(test_twins_never_chosen_first),
		cmocka_unit_test(test_twins_differ_in_any_choice_input),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
