/* catalog_load.h — shared by the catalog's file parsers (internal to src/). */
#ifndef OW_CATALOG_LOAD_H
#define OW_CATALOG_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include "catalog.h"
#include "sha256.h"
#include "yread.h"

struct loadctx {
	struct yread r;
	bool overlay;          /* loading an overlay directory */
	struct sha256 hash;
	char **paths;          /* every file read, kept for origins and messages */
	int n_paths;
};

struct ynode *lc_load_tree(struct loadctx *lc, const char *path);
const char *lc_keep_path(struct loadctx *lc, const char *path);
int open_single_file(struct loadctx *lc, const char *path, const char *const *keys,
		     struct ynode **root);
int read_sourced(struct yread *r, const struct ynode *map, struct sourced *s);
void set_origin(struct loadctx *lc, struct origin *o, const struct ynode *n);

/* The four id-keyed lists (licences, models, gpus, providers) from dir. */
int load_lists(struct loadctx *lc, struct catalog *c, const char *dir, bool required);
/* architectures.yaml, rules.yaml, costs.yaml (catalog_policy.c). */
int load_architectures(struct loadctx *lc, struct catalog *c, const char *dir, bool required);
int load_rules(struct loadctx *lc, struct catalog *c, const char *dir, bool required);
int load_costs(struct loadctx *lc, struct catalog *c, const char *dir, bool required);

void model_free(struct model *m);
void gpu_free(struct gpu *g);
void provider_free(struct provider *p);
void licence_free(struct licence *l);
void rule_free(struct rule *r);

#endif
