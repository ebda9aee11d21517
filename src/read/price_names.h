/* price_names.h — price-names.yaml: how `catalog import-prices` reads genai-prices'
 * providers (a vendor of closed models, a managed provider of open ones, or skipped
 * with a reason) and the names a catalog model goes by where they differ from its id
 * (openweigh-catalog(5), "PRICE NAMES"). */
#ifndef OW_PRICE_NAMES_H
#define OW_PRICE_NAMES_H

#include "catalog.h"

struct price_source {
	char *data;                 /* genai-prices' provider id */
	char *vendor;               /* a first-party vendor of closed models: its name */
	char *api_provider;         /* its closed models' api.provider (default: data) */
	char *licence;              /* licence of the closed models it adds */
	char **families;            /* its closed model families: name prefixes */
	int n_families;
	char *provider;             /* the catalog provider its open models' offers go to */
	char *skip;                 /* why it is not imported */
	struct origin at;
};

struct price_alias {
	char *model;                /* catalog model id */
	char **names;               /* tried after the id, in order */
	int n_names;
	char **not;                 /* data model ids never taken for it (a prefix rule of an */
	int n_not;                  /* older version that would also accept its id) */
};

struct price_names {
	struct price_source *sources;   /* in the file's order: earlier sources of one provider win */
	int n_sources;
	struct price_alias *aliases;
	int n_aliases;
	char **files;                   /* every file read (origins point into these) */
	int n_files;
};

/* Read price-names.yaml from each folder that has one, in order (the catalog, then
 * its overlays): a later source of the same data id or alias of the same model
 * replaces the earlier. 0, or -1 with e at FILE:LINE:COL. */
int price_names_load(const char *const *dirs, int n_dirs, struct price_names *pn, struct ow_error *e);
void price_names_free(struct price_names *pn);

const struct price_source *price_names_source(const struct price_names *pn, const char *data_id);
const struct price_alias *price_names_alias(const struct price_names *pn, const char *model_id);

#endif
