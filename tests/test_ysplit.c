/* test_ysplit.c — a large YAML list parsed in parts on several threads gives the
 * tree the one-pass parse gives (every node's kind, style, text, line and column),
 * refuses every cut it cannot prove safe, and reports errors exactly as before. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "ytree_int.h"

/* The one-pass tree of text, dumped; NULL when it does not parse. */
static char *serial_dump(const char *text, size_t len)
{
	struct ow_error e;
	struct ynode *r = ytree_parse_part("t.yaml", text, len, 0, YTREE_MAX_NODES, NULL, &e);
	char *d = r ? ytree_dump(r) : NULL;

	ytree_free(r);
	return d;
}

/* Split text into parts pieces: whether it split, and (when it did) the same tree as one pass. */
static bool split_same(const char *text, int parts)
{
	struct ynode *r;
	char *want = serial_dump(text, strlen(text)), *got;

	ytree_split_tune(1, parts);
	r = ytree_parse_split("t.yaml", text, strlen(text));
	ytree_split_tune(0, 0);
	if (r == NULL) {
		free(want);
		return false;
	}
	assert_non_null(want);
	got = ytree_dump(r);
	assert_string_equal(got, want);
	free(got);
	free(want);
	ytree_free(r);
	return true;
}

/* A list of n block-style entries under key, in a mapping with a header key. */
static char *entries(int n, const char *key, const char *eol)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "# a comment%sschema: 1%s%s:%s", eol, eol, key, eol);
	for (int i = 0; i < n; i++)
		sb_addf(&sb, "  - id: m%d%s    tags: [a, \"b\"]%s    notes:%s      - 'x'%s    n: %d%s",
			i, eol, eol, eol, eol, i, eol);
	return sb.s;
}

static void test_split_entries_same_tree(void **state)
{
	(void)state;
	for (int parts = 2; parts <= 8; parts++) {
		char *lf = entries(40, "models", "\n"), *crlf = entries(40, "models", "\r\n");
		assert_true(split_same(lf, parts));
		assert_true(split_same(crlf, parts));
		free(lf);
		free(crlf);
	}
}

/* Every shipped file: any that splits gives the one-pass tree; models.yaml splits. */
static void test_split_shipped_files_same_tree(void **state)
{
	static const char *const files[] = { "catalog.yaml", "models.yaml", "gpus.yaml", "providers.yaml",
					     "licences.yaml", "architectures.yaml", "rules.yaml", "costs.yaml" };
	(void)state;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		char path[4200];
		size_t len;
		struct ow_error e;
		char *text;

		snprintf(path, sizeof path, "%s/%s", shipped_dir(), files[f]);
		text = read_file_limited(path, YTREE_MAX_BYTES, &len, &e);
		assert_non_null(text);
		for (int parts = 2; parts <= 4; parts++) {
			bool split = split_same(text, parts);
			if (strcmp(files[f], "models.yaml") == 0)
				assert_true(split);
		}
		free(text);
	}
}

/* libyaml counts a lone CR as a line end: the later pieces' lines must too. */
static void test_split_lone_cr_lines(void **state)
{
	char *t = entries(20, "models", "\n");

	(void)state;
	t[strlen("# a comment")] = '\r';
	assert_true(split_same(t, 2));
	assert_true(split_same(t, 3));
	free(t);
}

static void test_split_indentless_list(void **state)
{
	const char *t = "models:\n- a\n- b: 1\n  c: [x]\n- |\n  - not an item\n- d\n- e\n- f\n";

	(void)state;
	assert_true(split_same(t, 2));
	assert_true(split_same(t, 3));
}

/* Texts where a line that looks like an item is not one, or where the pieces
 * would not mean what the whole means: none may split. */
static void test_split_refuses_unsafe_cuts(void **state)
{
	static const char *const texts[] = {
		/* the item-like lines are a block scalar's text */
		"models: []\nnotes: |\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n",
		/* a plain scalar continued on item-like lines */
		"models: [a]\nnotes: this\n  - a\n  - b\n  - c\n  - d\n",
		/* a quoted scalar over item-like lines */
		"models:\n  - 'a\n  - b\n  - c\n  - d'\n  - e\n  - f\n",
		/* a flow list left open over item-like lines */
		"models: [a,\n  - b,\n  - c,\n  - d]\n",
		/* a flow list, then lines the one-pass parse refuses */
		"models: [a]\n  - b\n  - c\n  - d\n  - e\n",
		/* a key after the list */
		"models:\n  - a\n  - b\n  - c\n  - d\nother: 1\n",
		"models:\n- a\n- b\n- c\n- d\nother: 1\n",
		/* a document end, then a second document */
		"models:\n  - a\n  - b\n...\n  - c\n  - d\n",
		"models:\n  - a\n  - b\n  - c\n...\n  - d\n  - e\n  - f\n",
		/* the same after a lone CR (found by fuzz_ysplit) */
		"-\r...\n-\r\n-\r",
		"- a\r...\n- b\n",
		"models:\n  - a\n  - b\r...\n  - d\n  - e\n  - f\n",
		/* a second document */
		"models:\n  - a\n  - b\n---\n  - c\n  - d\n",
		/* a NEL (a line break to libyaml) before the cut */
		"models:\n  - \"a\xc2\x85\"\n  - b\n  - c\n  - d\n",
		/* item-like lines after a flow list at their column (the one-pass parse refuses) */
		"note: |\n  - x\nmodels:\n  [a, b]\n  - c\n  - d\n  - e\n",
		/* item-like lines after a list at another column (the one-pass parse refuses) */
		"note: |\n  - x\nmodels:\n    - a\n    - b\n  - c\n  - d\n",
		/* an explicit key without a value ends a piece: its empty value takes the
		 * position of the next token (found by review) */
		"  - ? x\n  - b\n",
		"models:\n  - ? x\n  - b\n",
		"models:\n  - a:\n      ? x\n  - b\n  - c\n  - d\n",
		/* the list nested deeper than the root's last value */
		"top:\n  models:\n    - a\n    - b\n    - c\n    - d\n",
		/* the list is not the last value of a flow root */
		"{models: [a]}\n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (int parts = 2; parts <= 4; parts++)
			if (split_same(texts[i], parts))
				fail_msg("text %zu split in %d parts", i, parts);
}

/* An error in a later piece is reported where the one-pass parse reports it. */
static void test_split_error_as_one_pass(void **state)
{
	char *t = entries(40, "models", "\n"), *bad;
	struct ow_error want, got;
	struct ynode *r;

	(void)state;
	bad = strstr(t, "  - id: m33\n    tags: [a, \"b\"]");
	assert_non_null(bad);
	bad[strlen("  - id: m33\n    tags: [a, \"b\"")] = ' ';   /* the flow list left open */
	assert_null(ytree_parse_part("t.yaml", t, strlen(t), 0, YTREE_MAX_NODES, NULL, &want));
	ytree_split_tune(1, 4);
	r = ytree_parse("t.yaml", t, strlen(t), &got);
	ytree_split_tune(0, 0);
	assert_null(r);
	assert_int_equal(got.line, want.line);
	assert_int_equal(got.col, want.col);
	assert_string_equal(got.msg, want.msg);
	assert_true(want.line > 33 * 5);          /* the error is in the last piece */
	free(t);
}

/* Nesting and size limits hold over the whole tree, not per piece. */
static void test_split_depth_limit_whole_tree(void **state)
{
	struct strbuf sb;
	struct ow_error e;
	struct ynode *r;

	(void)state;
	sb_init(&sb);
	sb_add(&sb, "models:\n");
	for (int i = 0; i < 20; i++)
		sb_add(&sb, "  - a\n");
	/* An item nested 31 deep: depth 32 in a piece, 33 in the whole file. */
	sb_add(&sb, "  - ");
	for (int i = 0; i < 31; i++)
		sb_add(&sb, "[");
	sb_add(&sb, "x");
	for (int i = 0; i < 31; i++)
		sb_add(&sb, "]");
	sb_add(&sb, "\n");
	ytree_split_tune(1, 2);
	r = ytree_parse("t.yaml", sb.s, strlen(sb.s), &e);
	ytree_split_tune(0, 0);
	assert_null(r);
	assert_non_null(strstr(e.msg, "deeper than 32"));
	sb_free(&sb);
}

/* The node limit holds over the whole file: each piece gets its share of it. */
static void test_split_node_limit_whole_file(void **state)
{
	const size_t items = YTREE_MAX_NODES;    /* with the root, its key and the list: over */
	size_t len = strlen("models:\n") + 4 * items;
	char *t = xcalloc(1, len + 1);
	struct ow_error want, got;
	struct ynode *r;

	(void)state;
	memcpy(t, "models:\n", 8);
	for (size_t i = 0; i < items; i++)
		memcpy(t + 8 + 4 * i, "- a\n", 4);
	assert_null(ytree_parse_part("t.yaml", t, len, 0, YTREE_MAX_NODES, NULL, &want));
	ytree_split_tune(0, 4);
	r = ytree_parse("t.yaml", t, len, &got);
	ytree_split_tune(0, 0);
	assert_null(r);
	assert_int_equal(got.line, want.line);
	assert_string_equal(got.msg, want.msg);
	assert_string_equal(got.msg, "more than 2000000 YAML nodes");
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_entries_same_tree),
		cmocka_unit_test(test_split_shipped_files_same_tree),
		cmocka_unit_test(test_split_lone_cr_lines),
		cmocka_unit_test(test_split_indentless_list),
		cmocka_unit_test(test_split_refuses_unsafe_cuts),
		cmocka_unit_test(test_split_error_as_one_pass),
		cmocka_unit_test(test_split_depth_limit_whole_tree),
		cmocka_unit_test(test_split_node_limit_whole_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
