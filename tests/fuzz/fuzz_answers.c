/* fuzz_answers.c — libFuzzer target: any bytes as an answers file, then evaluate()
 * and both memos on what parses. Must never crash, leak or trip a sanitizer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "evaluate.h"
#include "memo.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog *c = catalog_once();
	struct answers a;
	struct ow_error e;

	if (answers_parse("fuzz.yaml", (const char *)data, size, &a, &e) == 0) {
		struct verdict *v = evaluate(c, &a);
		char *md = memo_markdown(v, "2026-01-01T00:00:00Z"), *js = memo_json(v, "2026-01-01T00:00:00Z");
		char *yaml = answers_to_yaml(&a);
		struct answers back;
		/* What we write, we read back to the same answers. */
		if (answers_parse("round-trip", yaml, strlen(yaml), &back, &e) != 0 ||
		    memcmp(&back, &a, sizeof a) != 0)
			abort();
		free(yaml);
		free(md);
		free(js);
		verdict_free(v);
	}
	return 0;
}
