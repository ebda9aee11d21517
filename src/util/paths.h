/* paths.h — where openweigh finds its catalog and keeps per-user state. */
#ifndef OW_PATHS_H
#define OW_PATHS_H

#include <stddef.h>

/* The shipped catalog: the source tree's when this binary runs from its build
 * tree, else the installed one under $(pkgdatadir). */
void shipped_catalog_dir(char *buf, size_t size);
/* $XDG_CONFIG_HOME/openweigh/catalog (or ~/.config/...); 0 if it exists, -1 if not. */
int user_overlay_dir(char *buf, size_t size);
/* $XDG_STATE_HOME/openweigh (or ~/.local/state/openweigh); -1 without HOME. */
int state_dir(char *buf, size_t size);

#endif
