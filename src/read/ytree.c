/* ytree.c — libyaml events to a positioned tree (see ytree.h). */
#include "ytree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "util.h"

/* Nodes and strings come from a few large blocks freed together: a 10,000-model
 * catalog is two million nodes, and one malloc each would cost more than parsing. */
struct arena {
	struct arena *next;
	size_t used, cap;
	char data[];
};

#define ARENA_BLOCK (256u * 1024u)

/* size bytes aligned to align (a power of two, at most 16). */
static void *arena_alloc_aligned(struct arena **head, size_t size, size_t align)
{
	struct arena *a = *head;

	if (a != NULL)
		a->used = (a->used + align - 1) & ~(align - 1);
	if (a == NULL || a->used + size > a->cap) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		a = xcalloc(1, sizeof *a + cap);
		a->cap = cap;
		a->next = *head;
		*head = a;
	}
	a->used += size;
	return a->data + a->used - size;   /* xcalloc zeroed it */
}

static void *arena_alloc(struct arena **head, size_t size)
{
	return arena_alloc_aligned(head, size, _Alignof(struct ynode));
}

static void arena_free(struct arena *a)
{
	while (a) {
		struct arena *next = a->next;
		free(a);
		a = next;
	}
}

struct builder {
	const char *name;
	const char *text;        /* the whole input, to place reader errors */
	size_t len;
	struct ow_error *e;
	size_t nodes;
	struct arena *arena;
};

static struct ynode *node_new(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *n = arena_alloc(&b->arena, sizeof *n);

	n->kind = kind;
	n->line = (int)mark.line + 1;
	n->col = (int)mark.column + 1;
	b->nodes++;
	return n;
}

static void node_push(struct builder *b, struct ynode *parent, struct ynode *child)
{
	if (parent->n == parent->cap) {
		struct ynode **items;
		parent->cap = parent->cap ? parent->cap * 2 : 8;
		items = arena_alloc_aligned(&b->arena, parent->cap * sizeof *items, 8);
		if (parent->n)
			memcpy(items, parent->items, parent->n * sizeof *items);
		parent->items = items;
	}
	parent->items[parent->n++] = child;
}

/* Frees a whole tree through its root; other nodes live and die with it. */
void ytree_free(struct ynode *n)
{
	if (n != NULL && n->arena != NULL)
		arena_free(n->arena);
}

const char *ynode_kind_name(enum ynode_kind k)
{
	switch (k) {
	case Y_SCALAR: return "a scalar";
	case Y_SEQ: return "a list";
	case Y_MAP: return "a mapping";
	}
	return "a node";
}

const struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	if (map == NULL || map->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < ymap_size(map); i++) {
		const struct ynode *k = ymap_key(map, i);
		if (k->kind == Y_SCALAR && k->value[0] == key[0] && strcmp(k->value, key) == 0)
			return ymap_val(map, i);
	}
	return NULL;
}

static int fail_at(struct builder *b, yaml_mark_t m, const char *msg)
{
	ow_error_set(b->e, OW_EXIT_INPUT, b->name, (int)m.line + 1, (int)m.column + 1, "%s", msg);
	return -1;
}

/* The length of the line break at s (libyaml's: CR LF, CR, LF, NEL, LS, PS), or 0. */
static size_t ytree_break_at(const unsigned char *s, size_t left)
{
	if (s[0] == '\r')
		return left > 1 && s[1] == '\n' ? 2 : 1;
	if (s[0] == '\n')
		return 1;
	if (left > 1 && s[0] == 0xc2 && s[1] == 0x85)
		return 2;
	if (left > 2 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9))
		return 3;
	return 0;
}

/* libyaml's reader reports a byte offset and no mark: count lines and characters
 * (as its marks do: a column is a character, not a byte) up to it. */
static yaml_mark_t ytree_mark_of_offset(const struct builder *b, size_t offset)
{
	const unsigned char *s = (const unsigned char *)b->text;
	yaml_mark_t m = { 0 };
	size_t i = 0;

	if (offset > b->len)
		offset = b->len;
	while (i < offset) {
		size_t br = ytree_break_at(s + i, b->len - i);
		if (br > 0) {
			m.line++;
			m.column = 0;
			i += br;
			continue;
		}
		if ((s[i] & 0xc0) != 0x80)
			m.column++;
		i++;
	}
	m.index = offset;
	return m;
}

/* libyaml could not go on: its reader's errors at the offending byte, others at
 * the mark it gives. */
static int ytree_fail_parser(struct builder *b, const yaml_parser_t *p)
{
	char msg[200];

	if (p->error == YAML_READER_ERROR) {
		size_t at = p->problem_offset;
		const unsigned char *s = (const unsigned char *)b->text;
		if (p->problem && !strcmp(p->problem, "invalid trailing UTF-8 octet") && at <= b->len) {
			/* libyaml points at the byte that broke the sequence (0x67 of "r\xe9g");
			 * the bad byte is the one that started it */
			size_t lead = at;
			while (lead > 0 && (s[lead - 1] & 0xc0) == 0x80)
				lead--;
			lead = lead > 0 ? lead - 1 : 0;
			snprintf(msg, sizeof msg, "invalid UTF-8: byte 0x%02x starts a sequence that byte 0x%02x "
				 "does not continue", s[lead], (unsigned)p->problem_value & 0xff);
			return fail_at(b, ytree_mark_of_offset(b, lead), msg);
		}
		if (p->problem_value >= 0)
			snprintf(msg, sizeof msg, "%s (byte 0x%02x)",
				 p->problem ? p->problem : "cannot read", (unsigned)p->problem_value & 0xff);
		else
			snprintf(msg, sizeof msg, "%s", p->problem ? p->problem : "cannot read");
		return fail_at(b, ytree_mark_of_offset(b, p->problem_offset), msg);
	}
	return fail_at(b, p->problem_mark, p->problem ? p->problem : "invalid YAML");
}

/* An explicit tag of the core schema for a node of kind k, or -1. */
static int ytree_tag_of(const yaml_char_t *tag, enum ynode_kind k)
{
	static const char prefix[] = "tag:yaml.org,2002:";
	static const char *const names[] = { [Y_TAG_STR] = "str", [Y_TAG_INT] = "int",
		[Y_TAG_FLOAT] = "float", [Y_TAG_BOOL] = "bool", [Y_TAG_NULL] = "null",
		[Y_TAG_SEQ] = "seq", [Y_TAG_MAP] = "map" };
	const char *t = (const char *)tag;

	if (t == NULL)
		return Y_TAG_NONE;
	if (strncmp(t, prefix, sizeof prefix - 1) != 0)
		return -1;
	for (int i = Y_TAG_STR; i <= Y_TAG_MAP; i++) {
		if (strcmp(t + sizeof prefix - 1, names[i]) != 0)
			continue;
		if (k == Y_SCALAR)
			return i < Y_TAG_SEQ ? i : -1;
		return (k == Y_SEQ && i == Y_TAG_SEQ) || (k == Y_MAP && i == Y_TAG_MAP) ? i : -1;
	}
	return -1;
}

/* A node's tag, or an error naming the one refused. */
static int ytree_take_tag(struct builder *b, const yaml_char_t *tag, struct ynode *n)
{
	int t = ytree_tag_of(tag, (enum ynode_kind)n->kind);

	if (t < 0) {
		ow_error_set(b->e, OW_EXIT_INPUT, b->name, n->line, n->col,
			     "the tag '%s' is not allowed here (only the YAML core schema's: !!str, "
			     "!!int, !!float, !!bool, !!null, !!seq, !!map)", (const char *)tag);
		return -1;
	}
	n->tag = (unsigned char)t;
	return 0;
}

/* A repeated key in a mapping is an error at the second occurrence. */
static int check_duplicate_key(struct builder *b, const struct ynode *map, const struct ynode *key)
{
	if (key->kind != Y_SCALAR) {
		ow_error_set(b->e, OW_EXIT_INPUT, b->name, key->line, key->col,
			     "mapping keys must be plain scalars");
		return -1;
	}
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = map->items[i];
		if (k->value[0] == key->value[0] && strcmp(k->value, key->value) == 0) {
			ow_error_set(b->e, OW_EXIT_INPUT, b->name, key->line, key->col,
				     "duplicate key '%s' (first at line %d)", key->value, k->line);
			return -1;
		}
	}
	return 0;
}

static int parse_node(struct builder *b, yaml_parser_t *p, yaml_event_t *ev, int depth,
		      struct ynode **out);

/* Children of a sequence or mapping until its end event. */
static int parse_children(struct builder *b, yaml_parser_t *p, struct ynode *parent, int depth)
{
	for (;;) {
		yaml_event_t ev;
		struct ynode *child = NULL;

		if (!yaml_parser_parse(p, &ev))
			return ytree_fail_parser(b, p);
		if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		int rc = parse_node(b, p, &ev, depth + 1, &child);
		yaml_event_delete(&ev);
		if (rc != 0)
			return -1;
		if (parent->kind == Y_MAP && parent->n % 2 == 0 &&
		    check_duplicate_key(b, parent, child) != 0) {
			ytree_free(child);
			return -1;
		}
		node_push(b, parent, child);
	}
}

static int parse_node(struct builder *b, yaml_parser_t *p, yaml_event_t *ev, int depth,
		      struct ynode **out)
{
	if (depth > YTREE_MAX_DEPTH)
		return fail_at(b, ev->start_mark, "nesting is deeper than 32 levels");
	if (b->nodes >= YTREE_MAX_NODES) {
		ow_error_set(b->e, OW_EXIT_INPUT, b->name, (int)ev->start_mark.line + 1,
			     (int)ev->start_mark.column + 1, "more than %u YAML nodes", YTREE_MAX_NODES);
		return -1;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return fail_at(b, ev->start_mark, "YAML aliases (*name) are not allowed");
	case YAML_SCALAR_EVENT: {
		struct ynode *n = node_new(b, Y_SCALAR, ev->start_mark);
		n->value = arena_alloc_aligned(&b->arena, ev->data.scalar.length + 1, 1);
		memcpy(n->value, ev->data.scalar.value, ev->data.scalar.length);
		/* Only a double-quoted "\0" can put a NUL in a scalar (the reader refuses raw ones). */
		if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    strlen(n->value) != ev->data.scalar.length) {
			ytree_free(n);
			return fail_at(b, ev->start_mark, "NUL byte in a scalar");
		}
		if (ytree_take_tag(b, ev->data.scalar.tag, n) != 0)
			return -1;
		/* "!!str 5" is the text "5": never read as a number. */
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && n->tag != Y_TAG_STR;
		*out = n;
		return 0;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		enum ynode_kind k = ev->type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP;
		struct ynode *n = node_new(b, k, ev->start_mark);
		n->flow = k == Y_SEQ ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
				     : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		if (ytree_take_tag(b, k == Y_SEQ ? ev->data.sequence_start.tag : ev->data.mapping_start.tag, n) != 0 ||
		    parse_children(b, p, n, depth) != 0) {
			ytree_free(n);
			return -1;
		}
		*out = n;
		return 0;
	}
	default:
		return fail_at(b, ev->start_mark, "unexpected YAML event");
	}
}

/* Skip stream/document start events, read one root node, refuse a second document. */
static struct ynode *parse_stream(struct builder *b, yaml_parser_t *p)
{
	struct ynode *root = NULL;
	yaml_event_t ev;

	for (;;) {
		if (!yaml_parser_parse(p, &ev)) {
			ytree_fail_parser(b, p);
			ytree_free(root);
			return NULL;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			if (root != NULL) {
				fail_at(b, ev.start_mark, "only one YAML document is allowed per file");
				yaml_event_delete(&ev);
				ytree_free(root);
				return NULL;
			}
			yaml_event_delete(&ev);
			continue;
		}
		int rc = parse_node(b, p, &ev, 0, &root);
		yaml_event_delete(&ev);
		if (rc != 0) {
			ytree_free(root);
			return NULL;
		}
	}
	if (root == NULL)
		ow_error_set(b->e, OW_EXIT_INPUT, b->name, 1, 1, "the file is empty");
	return root;
}

struct ynode *ytree_parse(const char *name, const char *text, size_t len, struct ow_error *e)
{
	struct builder b = { .name = name, .text = text, .len = len, .e = e };
	yaml_parser_t p;
	struct ynode *root;

	if (len > YTREE_MAX_BYTES) {
		ow_error_set(e, OW_EXIT_INPUT, name, 0, 0, "file is larger than %u bytes",
			     YTREE_MAX_BYTES);
		return NULL;
	}
	if (!yaml_parser_initialize(&p)) {
		ow_error_set(e, OW_EXIT_IO, name, 0, 0, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	root = parse_stream(&b, &p);
	yaml_parser_delete(&p);
	if (root == NULL) {
		arena_free(b.arena);
		return NULL;
	}
	root->arena = b.arena;
	return root;
}

struct ynode *ytree_load(const char *path, struct ow_error *e)
{
	size_t len = 0;
	char *text;
	struct ynode *root;

	text = read_file_limited(path, YTREE_MAX_BYTES, &len, e);
	if (text == NULL)
		return NULL;
	root = ytree_parse(path, text, len, e);
	free(text);
	return root;
}
