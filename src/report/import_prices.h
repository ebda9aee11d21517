/* import_prices.h — `openweigh catalog import-prices`: genai-prices' data.json laid
 * over the catalog as an overlay (imported-models.yaml, imported-providers.yaml), and
 * the report of what it added, updated, left unmatched or skipped, and why. */
#ifndef OW_IMPORT_PRICES_H
#define OW_IMPORT_PRICES_H

#include <stdint.h>
#include "catalog.h"
#include "genai_prices.h"
#include "price_names.h"
#include "util.h"

/* A price as the catalog holds it (USD per 1M tokens), taken from the data. */
struct import_price {
	double input, output;
	double cached_input, cache_write;   /* < 0: the data gives none */
	int64_t long_above;                 /* 0: no long-context tier */
	double long_input, long_output;
};

/* A closed model written to imported-models.yaml: a catalog model with the data's
 * price (base set), or one the catalog lacks (base NULL), tier unknown. */
struct import_model {
	const struct model *base;
	const struct gp_model *from;
	const struct price_source *src;
	char id[128], family[64];
	struct import_price price;
};

/* One offer of a provider written to imported-providers.yaml: kept as the catalog
 * has it (from NULL), or priced from the data. */
struct import_offer {
	const struct offer *base;
	const char *model_id;
	const struct gp_model *from;
	const char *data_provider;
	double input, output;
};

struct import_provider {
	const struct provider *base;        /* NULL: a provider the catalog lacks */
	const char *id;
	const struct gp_provider *from;     /* the data provider that named it */
	struct import_offer *offers;
	int n_offers;
	bool priced;                        /* some offer comes from the data */
};

struct import_result {
	struct import_model *models;
	int n_models;
	struct import_provider *providers;
	int n_providers;
	int added, updated, confirmed, unmatched, skipped;
	struct strbuf report;               /* lines for standard error */
	char source[200];                   /* "genai-prices data.json (sha256 ...)" */
	int32_t date;
};

/* Match every data model to the catalog and decide what is written; pure. */
void import_plan(const struct catalog *c, const struct price_names *pn, const struct gp_data *d,
		 const char *data_name, int32_t date, struct import_result *r);
void import_result_free(struct import_result *r);

/* The two overlay files' text (import_yaml.c); NULL when nothing goes in that file. */
char *import_models_yaml(const struct import_result *r);
char *import_providers_yaml(const struct import_result *r);

/* The command: 0, or the exit code after the message (openweigh(1), catalog import-prices). */
int import_prices_command(const char *data_path, const char *out_dir, bool force, const char *catalog_opt,
			  int32_t date);

/* The first line of every file the import writes: how a later import knows its own. */
#define IMPORT_MARK "# Written by openweigh catalog import-prices"

#endif
