/* idindex.h — id → position, so catalogs of 10,000 entries load and look up in
 * linear time (open addressing, FNV-1a). */
#ifndef OW_IDINDEX_H
#define OW_IDINDEX_H

#include <stddef.h>

struct idindex {
	const char **keys;   /* borrowed: the ids live in the entries */
	int *pos;
	size_t cap;          /* a power of two, at least twice the entries */
	size_t n;
};

void idindex_init(struct idindex *x, size_t expected);
/* Position of id, or -1. */
int idindex_get(const struct idindex *x, const char *id);
/* Add (or update) id at pos; the id string must outlive the index. */
void idindex_put(struct idindex *x, const char *id, int pos);
void idindex_free(struct idindex *x);

#endif
