/* genai_prices.h — pydantic/genai-prices' data.json (the maintained price database of
 * API and managed-inference models), read with cJSON and checked against what its
 * data.schema.json requires of the fields openweigh reads; its match rules and its
 * prices in force on a date. */
#ifndef OW_GENAI_PRICES_H
#define OW_GENAI_PRICES_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include "owerr.h"

/* A match rule (schema: ClauseStartsWith ... ClauseAnd). */
enum gp_clause_kind { GP_STARTS_WITH, GP_ENDS_WITH, GP_CONTAINS, GP_EQUALS, GP_REGEX, GP_OR, GP_AND };

struct gp_clause {
	enum gp_clause_kind kind;
	char *text;                    /* the string of a leaf clause */
	bool compiled;                 /* regex: it compiled as a POSIX extended expression */
	regex_t re;
	struct gp_clause *kids;        /* or, and */
	int n_kids;
};

/* One price (USD per 1M tokens): a number, or TieredPrices {base, tiers[{start, price}]}
 * where crossing `start` prompt tokens bills every token at the tier's price. The data
 * holds at most one tier per price today; more are kept as the first (the report says). */
struct gp_price {
	bool present;
	double base;
	int n_tiers;
	int64_t tier_start;            /* the first tier's, when n_tiers > 0 */
	double tier_price;
};

struct gp_prices {
	struct gp_price input, output, cache_read, cache_write;
	int n_other;                   /* prices openweigh does not carry (audio, images, requests) */
};

/* schema: ConditionalPrice; none is "always", a date starts on that day, a time of
 * day holds from start to end every day (minutes since 00:00 UTC). */
enum gp_when { GP_ALWAYS, GP_FROM_DATE, GP_TIME_OF_DAY };

struct gp_conditional {
	enum gp_when when;
	int32_t start_date;            /* days since 1970-01-01 */
	int start_minute, end_minute;
	struct gp_prices prices;
};

struct gp_model {
	char *id, *name;
	struct gp_clause match;
	int64_t context_window;        /* 0: not given */
	bool deprecated;
	struct gp_conditional *prices; /* one GP_ALWAYS entry when the data gives a plain ModelPrice */
	int n_prices;
	int index;                     /* in its provider's models, for JSON paths */
};

struct gp_provider {
	char *id, *name;
	struct gp_model *models;
	int n_models;
};

struct gp_data {
	struct gp_provider *providers;
	int n_providers;
	char sha256[65];               /* of the file's bytes: which version was read */
};

/* Read path into d. Malformed input: -1 with e at "FILE: JSON.PATH: what was
 * expected" (OW_EXIT_INPUT), or FILE:LINE:COL for text that is not JSON. */
int gp_load(const char *path, struct gp_data *d, struct ow_error *e);
void gp_free(struct gp_data *d);

/* Whether the rule accepts a model name, as genai-prices decides it: starts_with,
 * ends_with, contains and equals ignore case; a regex searches the name as written. */
bool gp_match(const struct gp_clause *c, const char *name);

/* The prices in force on day `date`: the last dated entry started by then (entries are
 * tried last to first, the first active wins; none active: the first entry). A
 * time-of-day price holds for part of each day only: the one in force for the most
 * hours is taken, and *part_of_day says a time-of-day entry was passed over or taken. */
const struct gp_prices *gp_prices_on(const struct gp_model *m, int32_t date, bool *part_of_day);

#endif
