/* ytree_int.h — what the one-pass parser (ytree.c) shares with the split parser
 * (ytree_split.c). Not for other callers: they use ytree.h. */
#ifndef OW_YTREE_INT_H
#define OW_YTREE_INT_H

#include "ytree.h"

/* Parse text as one document whose first line is line_offset + 1 of the file,
 * of at most max_nodes nodes. NULL on error (e filled); max_depth, when not
 * NULL, gets the deepest nesting reached (the root is 0). */
struct ynode *ytree_parse_part(const char *name, const char *text, size_t len, int line_offset,
			       size_t max_nodes, int *max_depth, struct ow_error *e);
/* Append the items of part (a sequence's root) to seq, a sequence in root's tree,
 * and hand part's memory to root. part is then freed with root. */
void ytree_adopt(struct ynode *root, struct ynode *seq, struct ynode *part);
/* The tree of text parsed in parts on several threads, or NULL when the text is
 * too small, does not split safely, or any part fails (the caller then parses it
 * in one pass, which gives the same tree or the error). Never sets an error. */
struct ynode *ytree_parse_split(const char *name, const char *text, size_t len);
/* For tests and the fuzzer: split texts of at least min_bytes (0: the default,
 * 1 MiB) into parts pieces (0: one per online CPU, at most 4). */
void ytree_split_tune(size_t min_bytes, int parts);
/* Every node's kind, style, position and text, one per line (malloc'd): what
 * two trees must share to be the same. */
char *ytree_dump(const struct ynode *n);

#endif
