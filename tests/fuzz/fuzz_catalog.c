/* fuzz_catalog.c — libFuzzer target: the first byte picks a catalog file (low bits)
 * and whether the rest replaces it in a copy of the shipped catalog (symlinks in a
 * private folder under /dev/shm) or is laid over it as an overlay (bit 7); load
 * it, and evaluate and check what loads. What would be printed — the load error, the
 * memos as documents, `catalog check`'s findings — must be inert in a terminal. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "check.h"
#include "cli.h"
#include "evaluate.h"
#include "inert.h"
#include "memo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = { "catalog.yaml", "models.yaml", "gpus.yaml", "providers.yaml",
				     "licences.yaml", "architectures.yaml", "rules.yaml", "costs.yaml" };
#define N_FILES (sizeof files / sizeof files[0])

static char dir[64], overlay[64];

/* A private folder (mkdtemp: unpredictable name, mode 0700) with links to the shipped files. */
static void setup_once(void)
{
	const char *src = getenv("OW_CATALOG");
	char from[4200], to[4200], real[4096];

	if (dir[0])
		return;
	snprintf(dir, sizeof dir, "/dev/shm/owfuzz-XXXXXX");
	snprintf(overlay, sizeof overlay, "/dev/shm/owfuzzov-XXXXXX");
	if (mkdtemp(dir) == NULL || mkdtemp(overlay) == NULL ||
	    realpath(src ? src : "catalog", real) == NULL)
		abort();
	for (size_t i = 0; i < N_FILES; i++) {
		snprintf(from, sizeof from, "%s/%s", real, files[i]);
		snprintf(to, sizeof to, "%s/%s", dir, files[i]);
		if (symlink(from, to) != 0)
			abort();
	}
}

/* Both memos as the command line writes them. */
static void check_memos(const struct verdict *v)
{
	char *md = memo_markdown(v, "2026-01-01T00:00:00Z"), *js = memo_json(v, "2026-01-01T00:00:00Z");
	char *doc_md = cli_document(md, false), *doc_js = cli_document(js, true);

	assert_inert(doc_md, false);
	assert_inert(doc_js, true);
	free(md);
	free(js);
	free(doc_md);
	free(doc_js);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4200], real[4096];
	struct ow_error e;
	struct catalog *c;
	const char *src = getenv("OW_CATALOG");
	size_t which;
	bool as_overlay;
	FILE *f;

	if (size < 1)
		return 0;
	setup_once();
	which = (data[0] & 0x7f) % N_FILES;
	as_overlay = data[0] & 0x80;
	snprintf(path, sizeof path, "%s/%s", as_overlay ? overlay : dir, files[which]);
	unlink(path);
	f = fopen(path, "wb");
	if (f == NULL)
		abort();
	fwrite(data + 1, 1, size - 1, f);
	fclose(f);
	{
		const char *ovs[1] = { overlay };
		c = catalog_load(dir, ovs, as_overlay ? 1 : 0, &e);
	}
	if (c) {
		struct answers a;
		struct check_result r;
		struct verdict *v;
		answers_default(&a);
		v = evaluate(c, &a);
		check_memos(v);
		verdict_free(v);
		catalog_check(c, c->as_of, &r);
		assert_inert(r.out.s, false);
		sb_free(&r.out);
		catalog_free(c);
	} else {
		char msg[2048];
		ow_error_format(&e, msg, sizeof msg);
		assert_inert(msg, false);
	}
	unlink(path);
	if (as_overlay)
		return 0;
	/* Put the shipped file back for the next input. */
	if (realpath(src ? src : "catalog", real) == NULL)
		abort();
	snprintf(real + strlen(real), sizeof real - strlen(real), "/%s", files[which]);
	if (symlink(real, path) != 0)
		abort();
	return 0;
}
