/* ytree_split.c — a large YAML list parsed on several cores (see ytree_int.h).
 *
 * A 10,000-model catalog is one long block list, and libyaml reads it on one
 * core at about 20 MB/s. The text is cut at lines that start an item of that
 * list ("  - " at the list's indentation); each piece is parsed as a document
 * of its own on its own thread, and the later pieces' items are appended to the
 * first piece's list. The cut is kept only when the text before the last cut
 * holds nothing whose meaning or position a cut could change (unsafe_before)
 * and the pieces prove the rest: every piece parses, the first piece's root
 * (or the root's last value) is a block list at the cut's column, and every
 * later piece is exactly such a list from its first line. A line at that
 * column that starts with "- " can only be an item of that list (block scalars
 * and plain scalars nested in an item must be indented further; quoted scalars
 * and flow collections left open would make the first piece fail). Anything
 * else falls back to the one-pass parse. fuzz_ysplit checks the claim against
 * the one-pass parse. */
#include <stdbool.h>
#include <string.h>

#include "parallel.h"
#include "ytree_int.h"

#define MAX_PARTS PARALLEL_MAX

/* The split is tried from 1 MiB, about 55 ms of libyaml at the 19 MB/s make
 * bench measures (yaml_events_ms_10k: 3.3 MB in 177 ms), against about 25 µs to
 * start and join a thread (thread_start_join_us). Smaller files are not
 * worth the cut scan, or a second parse when a cut is refused; the shipped
 * files are at most 28 KB and never split. */
static size_t split_min_bytes = 1024u * 1024u;
static int split_parts;             /* 0: parallel_threads() */

void ytree_split_tune(size_t min_bytes, int parts)
{
	split_min_bytes = min_bytes ? min_bytes : 1024u * 1024u;
	split_parts = parts < 0 ? 0 : parts > MAX_PARTS ? MAX_PARTS : parts;
}

static int parts_wanted(size_t len)
{
	return len < split_min_bytes ? 1 : split_parts ? split_parts : parallel_threads();
}

/* The indentation of the line starting at s when it is a block list item
 * ("- x", or "-" alone), else -1. */
static int entry_indent(const char *t, size_t len, size_t s)
{
	size_t i = s;

	while (i < len && t[i] == ' ')
		i++;
	if (i >= len || t[i] != '-')
		return -1;
	if (i + 1 < len && t[i + 1] != ' ' && t[i + 1] != '\n' && t[i + 1] != '\r')
		return -1;
	return (int)(i - s);
}

static size_t next_line(const char *t, size_t len, size_t s)
{
	const char *nl = memchr(t + s, '\n', len - s);

	return nl ? (size_t)(nl - t) + 1 : len;
}

/* The least indentation of a list item in [0, end): the list the cuts belong to. */
static int list_indent(const char *t, size_t len, size_t end)
{
	int k = -1;

	for (size_t s = 0; s < end; s = next_line(t, len, s)) {
		int i = entry_indent(t, len, s);
		if (i >= 0 && (k < 0 || i < k))
			k = i;
	}
	return k;
}

/* libyaml's line count over [from, to): LF, CRLF and a lone CR each end a line. */
static int count_lines(const char *t, size_t from, size_t to)
{
	int n = 0;

	for (size_t i = from; i < to; i++)
		n += t[i] == '\n' || (t[i] == '\r' && (i + 1 >= to || t[i + 1] != '\n'));
	return n;
}

/* Whether mark occurs in t[0, end) (memmem is not in C11 or POSIX). */
static int contains(const char *t, size_t end, const char *mark)
{
	size_t m = strlen(mark);

	for (const char *p = t; (size_t)(p - t) + m <= end; p++) {
		p = memchr(p, mark[0], end - m + 1 - (size_t)(p - t));
		if (p == NULL)
			return 0;
		if (memcmp(p, mark, m) == 0)
			return 1;
	}
	return 0;
}

/* Whether t[0, end) may hold a block explicit key ("? " after a line start or a
 * blank). A key left without a value gets an empty value placed at the next
 * token, which at a cut is the end of the piece, not the next item: a cut after
 * one would move that value's column. Conservative: "what? yes" does not match,
 * but "a ? b" in a scalar does, and only costs the split. */
static int explicit_key(const char *t, size_t end)
{
	for (const char *p = t; (p = memchr(p, '?', end - (size_t)(p - t))) != NULL; p++) {
		size_t i = (size_t)(p - t);
		bool after_blank = i == 0 || t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n' ||
				   t[i - 1] == '\r';
		bool before_blank = i + 1 >= end || t[i + 1] == ' ' || t[i + 1] == '\t' || t[i + 1] == '\n' ||
				    t[i + 1] == '\r';
		if (after_blank && before_blank)
			return 1;
		if (i + 1 >= end)
			break;
	}
	return 0;
}

/* Text whose tree a cut could change: a UTF-16 BOM, the
 * Unicode line breaks libyaml also counts (NEL, LS, PS), a document end "..."
 * (after LF or a lone CR, which libyaml also takes for a line end). */
static int unsafe_before(const char *t, size_t len, size_t end)
{
	static const char *const marks[] = { "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9", "\n...", "\r..." };

	if (len >= 2 && ((unsigned char)t[0] == 0xfe || (unsigned char)t[0] == 0xff))
		return 1;
	if (len >= 3 && memcmp(t, "...", 3) == 0)
		return 1;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (contains(t, end, marks[i]))
			return 1;
	return explicit_key(t, end);
}

struct part {
	const char *name, *text;
	size_t len;
	int line_offset;
	size_t max_nodes;        /* the file's limit shared out: the parts together hold no more */
	int max_depth;           /* deepest nesting in the piece (its list is 0) */
	struct ynode *root;
};

static void parse_piece(void *ctx, int i)
{
	struct part *p = (struct part *)ctx + i;
	struct ow_error e;

	p->root = ytree_parse_part(p->name, p->text, p->len, p->line_offset, p->max_nodes, &p->max_depth, &e);
}

/* Cut text into at most n parts at item lines of indentation k; the count made. */
static int cut(const char *name, const char *t, size_t len, int n, int k, struct part *parts)
{
	size_t start = 0;
	int made = 0, line = 0;

	for (int j = 1; j < n; j++) {
		size_t s = (size_t)((double)len * j / n);

		if (s <= start)
			s = start + 1;
		if (s >= len)
			break;
		if (t[s - 1] != '\n')
			s = next_line(t, len, s);
		while (s < len && entry_indent(t, len, s) != k)
			s = next_line(t, len, s);
		if (s >= len)
			break;
		parts[made] = (struct part){ name, t + start, s - start, line, YTREE_MAX_NODES / (size_t)n,
					     0, NULL };
		line += count_lines(t, start, s);
		start = s;
		made++;
	}
	parts[made] = (struct part){ name, t + start, len - start, line, YTREE_MAX_NODES / (size_t)n,
				     0, NULL };
	return made + 1;
}

static int is_block_list_at(const struct ynode *n, int col)
{
	return n->kind == Y_SEQ && !n->flow && n->col == col;
}

/* The list the later parts continue, or NULL when the cut was not safe. */
static struct ynode *continued_list(struct part *parts, int n, int k)
{
	struct ynode *r = parts[0].root, *list = r;
	int depth = 0;

	if (r->kind == Y_MAP && !r->flow && r->n >= 2) {
		list = r->items[r->n - 1];
		depth = 1;
	}
	if (!is_block_list_at(list, k + 1))
		return NULL;
	for (int i = 1; i < n; i++) {
		const struct ynode *p = parts[i].root;
		if (!is_block_list_at(p, k + 1) || parts[i].max_depth + depth > YTREE_MAX_DEPTH)
			return NULL;
	}
	return list;
}

struct ynode *ytree_parse_split(const char *name, const char *text, size_t len)
{
	struct part parts[MAX_PARTS];
	struct ynode *list;
	int n = parts_wanted(len), k;

	if (n < 2 || (k = list_indent(text, len, len / (size_t)n)) < 0)
		return NULL;
	n = cut(name, text, len, n, k, parts);
	if (n < 2 || unsafe_before(text, len, (size_t)(parts[n - 1].text - text)))
		return NULL;
	parallel_run(n, parse_piece, parts);
	for (int i = 0; i < n; i++)
		if (parts[i].root == NULL)
			goto fail;
	list = continued_list(parts, n, k);
	if (list == NULL)
		goto fail;
	for (int i = 1; i < n; i++)
		ytree_adopt(parts[0].root, list, parts[i].root);
	return parts[0].root;
fail:
	for (int i = 0; i < n; i++)
		ytree_free(parts[i].root);
	return NULL;
}
