/* fuzz_ysplit.c — libFuzzer target, differential: the first byte picks how many
 * pieces (2..8) the rest is cut into; whenever the split parse accepts the text,
 * the one-pass parse must accept it too and build the same tree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ytree_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ow_error e;
	struct ynode *split, *whole;
	const char *text = (const char *)data + 1;
	size_t len;

	if (size < 1)
		return 0;
	len = size - 1;
	ytree_split_tune(1, 2 + data[0] % 7);
	split = ytree_parse_split("f.yaml", text, len);
	ytree_split_tune(0, 0);
	if (split == NULL)
		return 0;
	whole = ytree_parse_part("f.yaml", text, len, 0, YTREE_MAX_NODES, NULL, &e);
	if (whole == NULL)
		abort();          /* the pieces accepted what the whole refuses */
	char *a = ytree_dump(split), *b = ytree_dump(whole);
	if (strcmp(a, b) != 0)
		abort();          /* the pieces built another tree */
	free(a);
	free(b);
	ytree_free(split);
	ytree_free(whole);
	return 0;
}
