/* yread.h — strict typed reads from a ytree mapping, each error at FILE:LINE:COL.
 *
 * Every loader (catalog files, answers files) goes through these, so one
 * error wording serves all of them. Functions return 0 on success, -1 with
 * the error filled. An optional key that is absent leaves *out untouched. */
#ifndef OW_YREAD_H
#define OW_YREAD_H

#include <stdbool.h>
#include <stdint.h>
#include "ytree.h"

struct yread {
	const char *file;
	struct ow_error *e;
};

enum { YR_OPTIONAL = 0, YR_REQUIRED = 1 };

int yr_fail(struct yread *r, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Node must be a mapping (what names it, for the message). */
int yr_expect_map(struct yread *r, const struct ynode *n, const char *what);
int yr_expect_seq(struct yread *r, const struct ynode *n, const char *what);
/* Every key of map must be in allowed (NULL-terminated). */
int yr_known_keys(struct yread *r, const struct ynode *map, const char *const *allowed);

int yr_str(struct yread *r, const struct ynode *map, const char *key, int required, char **out);
int yr_double(struct yread *r, const struct ynode *map, const char *key, int required,
	      double min, double max, double *out);
int yr_int(struct yread *r, const struct ynode *map, const char *key, int required,
	   int64_t min, int64_t max, int64_t *out);
int yr_bool(struct yread *r, const struct ynode *map, const char *key, int required, bool *out);
/* Value must be one of names[0..count); *out gets its index. */
int yr_enum(struct yread *r, const struct ynode *map, const char *key, int required,
	    const char *const *names, int count, int *out);
/* YYYY-MM-DD, stored as days since 1970-01-01. */
int yr_date(struct yread *r, const struct ynode *map, const char *key, int required, int32_t *out);
/* An id: lower-case letters, digits, '.', '-'. */
int yr_id(struct yread *r, const struct ynode *map, const char *key, char **out);

/* Scalar parsers shared with the wizard's input fields (no position). */
int parse_double_strict(const char *s, double *out);
int parse_int64_strict(const char *s, int64_t *out);
int parse_date(const char *s, int32_t *days);
void format_date(int32_t days, char *buf, size_t size);

#endif
