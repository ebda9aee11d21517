/* catalog_load.h — shared by the catalog's file parsers (internal to src/). */
#ifndef OW_CATALOG_LOAD_H
#define OW_CATALOG_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sha2.h>   /* libmd: SHA-256 for the catalog fingerprint */
#include "catalog.h"
#include "yread.h"

struct loadctx {
	struct yread r;
	bool overlay;          /* loading an overlay directory */
	SHA2_CTX hash;         /* the catalog fingerprint: every byte read */
	char **paths;          /* every file read, kept for origins and messages */
	int n_paths;
};

/* One of the id-keyed list files and how to read its entries. */
struct list_spec {
	const char *file, *key, *what;
	size_t size;                          /* sizeof entry */
	size_t id_offset;                     /* offsetof(entry, id) */
	size_t origin_offset;                 /* offsetof(entry, at) */
	int (*parse)(struct loadctx *, const struct ynode *, void *);
	void (*free_entry)(void *);
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
