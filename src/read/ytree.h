/* ytree.h — a YAML document read into a small tree that remembers where each node was.
 *
 * libyaml's event stream is folded into scalars, sequences and mappings with
 * their line and column, so that every later check can say FILE:LINE:COL.
 * Aliases are refused (no alias bombs), nesting and size are bounded, a
 * mapping with a repeated key is an error, and so is a tag outside the core
 * schema (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map). Errors of
 * libyaml's reader (a bad UTF-8 byte, a control character) are placed at the
 * byte's real line and column. */
#ifndef OW_YTREE_H
#define OW_YTREE_H

#include <stddef.h>
#include "owerr.h"

enum ynode_kind { Y_SCALAR, Y_SEQ, Y_MAP };

/* An explicit tag: only the YAML core schema's are read (others are an error). */
enum ynode_tag { Y_TAG_NONE, Y_TAG_STR, Y_TAG_INT, Y_TAG_FLOAT, Y_TAG_BOOL, Y_TAG_NULL,
		 Y_TAG_SEQ, Y_TAG_MAP };

/* 48 bytes: a 10,000-model catalog is half a million of them. */
struct ynode {
	unsigned char kind;      /* enum ynode_kind */
	unsigned char plain;     /* scalar written without quotes or tag */
	unsigned char flow;      /* seq or map written in [ ] or { } */
	unsigned char tag;       /* enum ynode_tag */
	int line, col;           /* 1-based position of the node's start */
	unsigned n;              /* number of items (maps: 2 × pairs); at most YTREE_MAX_NODES */
	unsigned cap;
	char *value;             /* scalar text (NUL-terminated) */
	struct ynode **items;    /* seq: items; map: key0, value0, key1, value1, ... */
	struct arena *arena;     /* the root only: where every node and string lives */
};

/* Limits that keep a hostile file bounded in memory and time. */
#define YTREE_MAX_BYTES (32u * 1024u * 1024u)   /* a 10,000-model catalog is ~7 MB */
#define YTREE_MAX_DEPTH 32
#define YTREE_MAX_NODES 2000000

/* Parse a whole buffer; name is used in errors. NULL on error (e filled). */
struct ynode *ytree_parse(const char *name, const char *text, size_t len, struct ow_error *e);
/* Read and parse a file. NULL on error; e->code is OW_EXIT_IO when the file can't be read. */
struct ynode *ytree_load(const char *path, struct ow_error *e);
void ytree_free(struct ynode *n);

/* The value under key in a mapping, or NULL. */
const struct ynode *ymap_get(const struct ynode *map, const char *key);
/* Pairs of a mapping. */
static inline size_t ymap_size(const struct ynode *m) { return m->n / 2; }
static inline const struct ynode *ymap_key(const struct ynode *m, size_t i) { return m->items[2 * i]; }
static inline const struct ynode *ymap_val(const struct ynode *m, size_t i) { return m->items[2 * i + 1]; }

const char *ynode_kind_name(enum ynode_kind k);

#endif
