/* fuzz_answers.c — libFuzzer target: any bytes as an answers file, then evaluate()
 * and both memos on what parses. Must never crash, leak or trip a sanitizer, and
 * what would be printed (an error message, a memo) must be inert in a terminal.
 * The same bytes also go through the sanitiser itself, whole and in two chunks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cli.h"
#include "evaluate.h"
#include "inert.h"
#include "memo.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog *catalog_once(void)
{
	static struct catalog *c;
	struct ow_error e;
	const char *dir = getenv("OW_CATALOG");

	if (c == NULL) {
		c = catalog_load(dir ? dir : "catalog", NULL, 0, &e);
		if (c == NULL)
			abort();   /* the shipped catalog must load: a setup error, not a finding */
	}
	return c;
}

/* Any bytes escaped in each mode are inert, and the same whether the sanitiser reads
 * them whole or, as a stream does, in two chunks split anywhere. */
static void fuzz_sanitizer(const uint8_t *data, size_t size)
{
	char *text = calloc(1, size + 1);
	size_t cut = size ? data[0] % (size + 1) : 0;

	memcpy(text, data, size);   /* up to the first NUL: what a C string holds */
	for (int mode = SAN_DOC; mode <= SAN_JSON; mode++) {
		struct strbuf whole, parts;
		size_t len = strlen(text), first = cut < len ? cut : len, done;
		sb_init(&whole);
		sb_init(&parts);
		sanitize_chunk(&whole, text, len, (enum sanitize_mode)mode, true);
		done = sanitize_chunk(&parts, text, first, (enum sanitize_mode)mode, false);
		sanitize_chunk(&parts, text + done, len - done, (enum sanitize_mode)mode, true);
		assert_inert(whole.s, mode == SAN_JSON);
		if (mode == SAN_LINE && strchr(whole.s, '\n'))
			abort();
		if (strcmp(whole.s, parts.s) != 0)
			abort();
		sb_free(&whole);
		sb_free(&parts);
	}
	free(text);
}

static void check_document(const char *text, bool json)
{
	char *doc = cli_document(text, json);

	assert_inert(doc, json);
	free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog *c = catalog_once();
	struct answers a;
	struct ow_error e;
	char msg[2048];

	fuzz_sanitizer(data, size);
	if (answers_parse("fuzz.yaml", (const char *)data, size, &a, &e) != 0) {
		ow_error_format(&e, msg, sizeof msg);   /* what cli_report prints */
		assert_inert(msg, false);
		if (strchr(msg, '\n'))
			abort();
	} else {
		struct verdict *v = evaluate(c, &a);
		char *md = memo_markdown(v, "2026-01-01T00:00:00Z"), *js = memo_json(v, "2026-01-01T00:00:00Z");
		char *yaml = answers_to_yaml(&a);
		struct answers back;
		/* What we write, we read back to the same answers. */
		if (answers_parse("round-trip", yaml, strlen(yaml), &back, &e) != 0 ||
		    memcmp(&back, &a, sizeof a) != 0)
			abort();
		check_document(md, false);
		check_document(js, true);
		free(yaml);
		free(md);
		free(js);
		verdict_free(v);
	}
	return 0;
}
