/* paths.h — where openweigh finds its catalog and keeps per-user state. */
#ifndef OW_PATHS_H
#define OW_PATHS_H

#include <stddef.h>
#include "owerr.h"

/* The shipped catalog: the source tree's when this binary runs from its build
 * tree, else the installed one under $(pkgdatadir). */
void shipped_catalog_dir(char *buf, size_t size);
/* $XDG_CONFIG_HOME/openweigh/catalog (or ~/.config/...); 0 if it exists, -1 if not. */
int user_overlay_dir(char *buf, size_t size);
/* $XDG_STATE_HOME/openweigh (or ~/.local/state/openweigh); -1 without HOME. */
int state_dir(char *buf, size_t size);

/* The folders a catalog is read from (DESIGN.md, "Command line"): the whole catalog
 * (shipped, or --catalog DIR when it holds catalog.yaml), then the overlays in order:
 * every $XDG_CONFIG_DIRS/openweigh/catalog that exists (default /etc/xdg), the least
 * important first so the first folder of the list wins; the user's; --catalog DIR. */
#define CATALOG_MAX_LAYERS 12
struct catalog_layers {
	char base[4096];
	int n;
	char dir[CATALOG_MAX_LAYERS][4096];
	const char *kind[CATALOG_MAX_LAYERS];   /* "system", "user", "--catalog" */
};
/* 0, or -1 with e set (--catalog not a folder). */
int catalog_layers(const char *catalog_opt, struct catalog_layers *l, struct ow_error *e);

#endif
