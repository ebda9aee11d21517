/* check.h — `openweigh catalog check`: what loading cannot see — internal
 * consistency, staleness, and the seed's claims against the footprint model. */
#ifndef OW_CHECK_H
#define OW_CHECK_H

#include <stdint.h>
#include "catalog.h"
#include "util.h"

enum { CHECK_NOTE, CHECK_WARNING, CHECK_ERROR };

struct check_result {
	int errors, warnings, notes;
	struct strbuf out;        /* one line per finding, "FILE:LINE:COL: severity: message" */
	int keep;                 /* the least severity written to out */
};

/* today: days since 1970-01-01 (the caller's clock; the check itself reads none). */
void catalog_check(const struct catalog *c, int32_t today, struct check_result *r);
/* The same checks, with only the errors written to out (every command runs these). */
void catalog_check_errors(const struct catalog *c, int32_t today, struct check_result *r);

/* One line per file the catalog was read from, layer by layer (the catalog, then each
 * overlay in order): how many of its entries are in effect, the others replaced by a
 * later file. Appended to sb. */
void catalog_layers_text(const struct catalog *c, struct strbuf *sb);

/* Parameters from the shape must be within this fraction of the declared count. */
#define PARAM_TOLERANCE 0.02
/* Figures older than this many days are stale. */
#define STALE_AFTER_DAYS 180

#endif
