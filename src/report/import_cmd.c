/* import_cmd.c — `openweigh catalog import-prices DATA.json [-o DIR]`: read the data,
 * load the catalog layers below DIR, plan (import_prices.c), then write DIR's
 * imported-models.yaml and imported-providers.yaml, each atomically, and never a file
 * the import did not write itself (it starts with IMPORT_MARK); the report to stderr. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "import_prices.h"
#include "paths.h"
#include "sanitize.h"
#include "ytree.h"

struct import_target {
	char dir[PATH_MAX];
	bool is_user;                       /* the default: the user's overlay folder */
};

static int import_fail(const struct ow_error *e)
{
	char buf[2048];

	ow_error_format(e, buf, sizeof buf);
	fprintf(stderr, "openweigh: %s\n", buf);
	return e->code ? e->code : OW_EXIT_IO;
}

/* -o DIR, or $XDG_CONFIG_HOME/openweigh/catalog (created 0700 when missing). */
static int import_target_dir(const char *out, struct import_target *t, struct ow_error *e)
{
	struct stat st;
	char probe[PATH_MAX + 32];

	t->dir[0] = '\0';
	t->is_user = out == NULL;
	if (out)
		snprintf(t->dir, sizeof t->dir, "%s", out);
	else if (user_overlay_dir(t->dir, sizeof t->dir) != 0 && t->dir[0] == '\0') {
		ow_error_set(e, OW_EXIT_INPUT, NULL, 0, 0, "no home folder for the user's overlay: give -o DIR");
		return -1;
	}
	if (stat(t->dir, &st) != 0 && make_private_dir(t->dir, out ? 0755 : 0700, e) != 0)
		return -1;
	snprintf(probe, sizeof probe, "%s/catalog.yaml", t->dir);
	if (stat(probe, &st) == 0) {
		ow_error_set(e, OW_EXIT_INPUT, t->dir, 0, 0,
			     "holds catalog.yaml: a whole catalog, not an overlay; import into an overlay folder");
		return -1;
	}
	return 0;
}

/* The catalog as it stands below the target: every layer read before it (all of
 * them when the target is not one), so the files written never copy the target's own
 * entries or those of a layer above it. */
static struct catalog *import_base(const char *catalog_opt, const char *target, struct ow_error *e)
{
	struct catalog_layers *l = xcalloc(1, sizeof *l);
	const char *overlays[CATALOG_MAX_LAYERS];
	char want[PATH_MAX], have[PATH_MAX];
	struct catalog *c = NULL;
	int n = 0;

	if (catalog_layers(catalog_opt, l, e) == 0 && realpath(target, want) != NULL) {
		for (; n < l->n; n++) {
			if (realpath(l->dir[n], have) != NULL && strcmp(have, want) == 0)
				break;
			overlays[n] = l->dir[n];
		}
		c = catalog_load(l->base, overlays, n, e);
	} else if (e->msg[0] == '\0') {
		ow_error_set(e, OW_EXIT_IO, target, 0, 0, "%s", strerror(errno));
	}
	free(l);
	return c;
}

/* Whether path is absent or a file the import wrote (its first line is the mark). */
static int import_owned(const char *path, bool *exists, char **old, struct ow_error *e)
{
	size_t len = 0;

	*old = NULL;
	*exists = access(path, F_OK) == 0;
	if (!*exists)
		return 0;
	*old = read_file_limited(path, YTREE_MAX_BYTES, &len, e);
	if (*old == NULL)
		return -1;
	if (strncmp(*old, IMPORT_MARK, strlen(IMPORT_MARK)) != 0) {
		ow_error_set(e, OW_EXIT_INPUT, path, 0, 0,
			     "was not written by 'openweigh catalog import-prices'; refusing to replace it "
			     "(move it, or use --force)");
		return -1;
	}
	return 0;
}

/* The file may be replaced: absent, the import's own, or --force. */
static int import_check(const char *dir, const char *name, bool force, struct ow_error *e)
{
	char path[PATH_MAX + 64], *old = NULL;
	bool exists;
	int rc;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	rc = import_owned(path, &exists, &old, e);
	if (rc != 0 && force && old != NULL)
		rc = 0;
	free(old);
	return rc;
}

/* Write (or, with nothing to write, remove) one imported file; says what it did. */
static int import_file(const char *dir, const char *name, const char *text, bool force, struct ow_error *e)
{
	char path[PATH_MAX + 64], *old = NULL;
	bool exists;
	mode_t mask = umask(0);
	int rc = 0;

	umask(mask);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (import_owned(path, &exists, &old, e) != 0 && !(force && old != NULL)) {
		free(old);
		return -1;
	}
	if (text == NULL && exists) {
		rc = unlink(path);
		fprintf(stderr, "openweigh: removed %s (nothing to import into it)\n", path);
	} else if (text && old && strcmp(old, text) == 0) {
		fprintf(stderr, "openweigh: %s is unchanged\n", path);
	} else if (text) {
		rc = write_file_atomic(path, text, strlen(text), 0666 & ~mask, WRITE_REPLACE, e);
		if (rc == 0)
			fprintf(stderr, "openweigh: wrote %s\n", path);
	}
	if (rc != 0 && e->msg[0] == '\0')
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "%s", strerror(errno));
	free(old);
	return rc;
}

static void import_report(const struct import_result *r)
{
	char *shown = sanitize_str(r->report.s, SAN_DOC);
	int offers = 0, providers = 0;

	for (int i = 0; i < r->n_providers; i++)
		if (r->providers[i].priced) {
			providers++;
			offers += r->providers[i].n_offers;
		}
	fputs(shown, stderr);
	free(shown);
	fprintf(stderr, "openweigh: import-prices: %d added, %d updated, %d confirmed (same price), %d unmatched, "
		"%d skipped; %d closed models, %d providers with %d offers\n", r->added, r->updated, r->confirmed,
		r->unmatched, r->skipped, r->n_models, providers, offers);
}

/* Plan against the catalog below the target and write the two files. */
static int import_run(const char *data_path, const struct gp_data *d, const struct import_target *t,
		      const char *catalog_opt, bool force, int32_t date, struct ow_error *e)
{
	struct catalog *c = import_base(catalog_opt, t->dir, e);
	const char *dirs[CATALOG_MAX_LAYERS + 1];
	struct price_names pn;
	struct import_result r;
	const char *base = strrchr(data_path, '/');
	char *models, *providers;
	int rc;

	if (c == NULL)
		return -1;
	dirs[0] = c->dir;
	for (int i = 0; i < c->n_overlays; i++)
		dirs[i + 1] = c->overlay_dirs[i];
	if (price_names_load(dirs, c->n_overlays + 1, &pn, e) != 0) {
		catalog_free(c);
		return -1;
	}
	import_plan(c, &pn, d, base ? base + 1 : data_path, date, &r);
	models = import_models_yaml(&r);
	providers = import_providers_yaml(&r);
	import_report(&r);
	/* the folder and both files checked before either is written (a link is refused
	 * even when nothing changes) */
	rc = folder_check(t->dir, e) || import_check(t->dir, "imported-models.yaml", force, e) ||
	     import_check(t->dir, "imported-providers.yaml", force, e) ||
	     import_file(t->dir, "imported-models.yaml", models, force, e) ||
	     import_file(t->dir, "imported-providers.yaml", providers, force, e) ? -1 : 0;
	free(models);
	free(providers);
	import_result_free(&r);
	price_names_free(&pn);
	catalog_free(c);
	return rc;
}

int import_prices_command(const char *data_path, const char *out_dir, bool force, const char *catalog_opt,
			  int32_t date)
{
	struct ow_error e;
	struct gp_data d;
	struct import_target t;
	int rc;

	memset(&e, 0, sizeof e);
	if (gp_load(data_path, &d, &e) != 0)
		return import_fail(&e);   /* nothing written: the target is not even looked at */
	rc = import_target_dir(out_dir, &t, &e) == 0 &&
	     import_run(data_path, &d, &t, catalog_opt, force, date, &e) == 0 ? OW_EXIT_OK : import_fail(&e);
	gp_free(&d);
	return rc;
}
