/* testutil.h — shared by the cmocka tests: the shipped catalog, answers from text,
 * and catalogs with one file replaced (for the malformed-file tests). */
#ifndef OW_TESTUTIL_H
#define OW_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "answers.h"
#include "catalog.h"
#include "evaluate.h"

/* The shipped catalog (from $OW_CATALOG, set by make check). Fails the test on error. */
struct catalog *load_shipped(void);
const char *shipped_dir(void);
/* Defaults overridden by "key: value" lines. */
void answers_with(struct answers *a, const char *yaml_lines);
/* A temporary catalog folder: the shipped files, with `file` replaced by `text`
 * (text NULL: file removed). Returns the folder; remove with remove_tree(). */
char *catalog_with(const char *file, const char *text);
/* A temporary overlay folder holding one file. */
char *overlay_with(const char *file, const char *text);
void remove_tree(char *dir);
/* The JSON memo of evaluate(c, a), with a fixed timestamp (malloc'd). */
char *memo_json_of(const struct catalog *c, const struct answers *a);

#endif
