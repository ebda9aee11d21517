/* idindex.c — a small open-addressing hash table of ids (see idindex.h). */
#include "idindex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a, 64-bit (Fowler, Noll, Vo). */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

void idindex_init(struct idindex *x, size_t expected)
{
	x->cap = 16;
	while (x->cap < expected * 2)
		x->cap *= 2;
	x->keys = xcalloc(x->cap, sizeof *x->keys);
	x->pos = xcalloc(x->cap, sizeof *x->pos);
	x->n = 0;
}

static size_t slot_of(const struct idindex *x, const char *id)
{
	size_t i = (size_t)hash(id) & (x->cap - 1);
	while (x->keys[i] && strcmp(x->keys[i], id) != 0)
		i = (i + 1) & (x->cap - 1);
	return i;
}

int idindex_get(const struct idindex *x, const char *id)
{
	size_t i;

	if (x->cap == 0)
		return -1;
	i = slot_of(x, id);
	return x->keys[i] ? x->pos[i] : -1;
}

static void grow(struct idindex *x)
{
	struct idindex bigger;

	idindex_init(&bigger, x->cap);
	for (size_t i = 0; i < x->cap; i++)
		if (x->keys[i])
			idindex_put(&bigger, x->keys[i], x->pos[i]);
	idindex_free(x);
	*x = bigger;
}

void idindex_put(struct idindex *x, const char *id, int pos)
{
	size_t i;

	if ((x->n + 1) * 2 > x->cap)
		grow(x);
	i = slot_of(x, id);
	if (x->keys[i] == NULL)
		x->n++;
	x->keys[i] = id;
	x->pos[i] = pos;
}

void idindex_free(struct idindex *x)
{
	free(x->keys);
	free(x->pos);
	memset(x, 0, sizeof *x);
}
