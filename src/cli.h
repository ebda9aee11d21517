/* cli.h — the command line (DESIGN.md "Command line"): parsing, the non-interactive
 * commands, and the hand-off to the wizard. */
#ifndef OW_CLI_H
#define OW_CLI_H

#include <stdbool.h>
#include "catalog.h"

struct wizard_opts {
	const struct catalog *catalog;
	const char *answers_path;   /* --answers FILE, or NULL to resume the session */
	bool no_color, ascii, no_mouse;
};

/* The wizard's entry point, supplied by main.c; returns an exit code. */
typedef int (*wizard_fn)(const struct wizard_opts *opts);

int cli_main(int argc, char **argv, wizard_fn wizard);

/* Load the catalog as the options say: shipped (or --catalog DIR when it is a whole
 * catalog), then the system overlays ($XDG_CONFIG_DIRS), the user's overlay, then --catalog
 * DIR when it is an overlay (paths.h, catalog_layers). */
struct catalog *cli_load_catalog(const char *catalog_opt, struct ow_error *e);

/* A document as it leaves for stdout or a file (Markdown, text or JSON): controls,
 * C1 and bidirectional characters escaped (sanitize.h); malloc'd. */
char *cli_document(const char *text, bool json);

/* Print "openweigh: FILE:LINE:COL: message" to stderr; return e->code. */
int cli_report(const struct ow_error *e);

/* `openweigh catalog list [models|gpus|providers] [--json]` (catalog_list.c). */
int cmd_catalog_list(const struct catalog *c, const char *what, bool json);

#endif
