/* catalog_index.c — catalog.yaml (the catalog's date and presets), the order in
 * which the files load, overlays, and resolving ids between files. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_load.h"
#include "util.h"

/* A preset's file is the catalog's own: relative, and no ".." on the way out. */
static bool preset_file_inside(const char *file)
{
	if (file[0] == '\0' || file[0] == '/')
		return false;
	for (const char *p = file; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p))
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
			return false;
	return true;
}

/* ... and no link leads out of it either: the real path of an existing file lies in the
 * real path of dir (a missing one is reported where it is used, and by catalog check). */
static bool preset_path_inside(const char *dir, const char *path, char *real, size_t size)
{
	char d[PATH_MAX], p[PATH_MAX];
	size_t n;

	if (realpath(path, p) == NULL || realpath(dir, d) == NULL)
		return true;
	snprintf(real, size, "%s", p);
	n = strlen(d);
	return strncmp(p, d, n) == 0 && (p[n] == '/' || p[n] == '\0' || (n == 1 && d[0] == '/'));
}

static int load_index(struct loadctx *lc, struct catalog *c, const char *dir)
{
	static const char *const keys[] = { "openweigh_catalog", "as_of", "presets", NULL };
	static const char *const pkeys[] = { "id", "title", "file", NULL };
	char path[4096], real[PATH_MAX];
	struct ynode *root = NULL;
	const struct ynode *list;
	int rc = -1;

	snprintf(path, sizeof path, "%s/catalog.yaml", dir);
	if (open_single_file(lc, path, keys, &root) ||
	    yr_date(&lc->r, root, "as_of", YR_REQUIRED, &c->as_of))
		goto out;
	list = ymap_get(root, "presets");
	if (list && yr_expect_seq(&lc->r, list, "presets"))
		goto out;
	c->presets = xcalloc(list ? list->n : 1, sizeof *c->presets);
	for (size_t i = 0; list && i < list->n; i++) {
		struct preset *p = &c->presets[c->n_presets++];
		char *file = NULL;
		const struct ynode *n = list->items[i];
		if (yr_expect_map(&lc->r, n, "a preset") || yr_known_keys(&lc->r, n, pkeys) ||
		    yr_id(&lc->r, n, "id", &p->id) || yr_str(&lc->r, n, "title", YR_REQUIRED, &p->title) ||
		    yr_str(&lc->r, n, "file", YR_REQUIRED, &file))
			goto out;
		if (!preset_file_inside(file)) {
			yr_fail(&lc->r, ymap_get(n, "file"), "a preset's file must be a path inside the catalog's folder, "
				"not '%.80s'", file);
			free(file);
			goto out;
		}
		snprintf(path, sizeof path, "%s/%s", dir, file);
		if (!preset_path_inside(dir, path, real, sizeof real)) {
			yr_fail(&lc->r, ymap_get(n, "file"), "a preset's file must lie inside the catalog's folder: "
				"'%.80s' leads to '%.200s'", file, real);
			free(file);
			goto out;
		}
		free(file);
		p->path = xstrdup(path);
	}
	rc = 0;
out:
	ytree_free(root);
	return rc;
}

static bool has_index(const char *dir)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof path, "%s/catalog.yaml", dir);
	return stat(path, &st) == 0;
}

/* A YAML file in an overlay that no layer reads (a misspelt gpu.yaml) is an error: left
 * unread, the prices in it would silently not apply. */
static int overlay_files_known(const char *dir, struct ow_error *e)
{
	static const char *const known[] = { "licences.yaml", "models.yaml", "gpus.yaml", "providers.yaml",
					     "imported-models.yaml", "imported-providers.yaml", "architectures.yaml",
					     "rules.yaml", "costs.yaml", "price-names.yaml", NULL };
	DIR *d = opendir(dir);
	struct dirent *ent;
	int rc = 0;

	if (d == NULL)   /* load_dir reports a folder it cannot read */
		return 0;
	while (rc == 0 && (ent = readdir(d)) != NULL) {
		size_t n = strlen(ent->d_name);
		bool yaml = (n > 5 && !strcmp(ent->d_name + n - 5, ".yaml")) || (n > 4 && !strcmp(ent->d_name + n - 4, ".yml"));
		int i = 0;
		while (yaml && known[i] != NULL && strcmp(known[i], ent->d_name) != 0)
			i++;
		if (yaml && known[i] == NULL) {
			ow_error_set(e, OW_EXIT_INPUT, dir, 0, 0,
				     "'%s' is not a catalog file, so this overlay would not read it (an overlay holds "
				     "licences, models, gpus, providers, architectures, rules, costs or price-names .yaml, "
				     "and import-prices' imported-models and imported-providers .yaml)", ent->d_name);
			rc = -1;
		}
	}
	closedir(d);
	return rc;
}

static int load_dir(struct loadctx *lc, struct catalog *c, const char *dir, bool full)
{
	if (full && load_index(lc, c, dir))
		return -1;
	return load_lists(lc, c, dir, full) || load_architectures(lc, c, dir, full) ||
	       load_rules(lc, c, dir, full) || load_costs(lc, c, dir, full) ? -1 : 0;
}

static int fail_origin(struct ow_error *e, const struct origin *o, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_origin(struct ow_error *e, const struct origin *o, const char *fmt, ...)
{
	char msg[OW_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ow_error_set(e, OW_EXIT_INPUT, o->file, o->line, o->col, "%s", msg);
	return -1;
}

/* Ids that point across files must exist: licences of models, models of offers. */
static int resolve(struct catalog *c, struct ow_error *e)
{
	for (int i = 0; i < c->n_models; i++) {
		struct model *m = &c->models[i];
		m->licence = catalog_licence(c, m->licence_id);
		if (m->licence == NULL)
			return fail_origin(e, &m->at, "model '%s' names licence '%s', which licences.yaml does not define",
					   m->id, m->licence_id);
	}
	for (int i = 0; i < c->n_providers; i++) {
		struct dedicated_rate *d = &c->providers[i].dedicated;
		if (d->present && (d->gpu = catalog_gpu(c, d->gpu_id)) == NULL)
			return fail_origin(e, &c->providers[i].at, "provider '%s' serves fine-tuned models on GPU '%s', which gpus.yaml does not define",
					   c->providers[i].id, d->gpu_id);
	}
	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++) {
			struct offer *o = &c->providers[i].offers[j];
			o->model = catalog_model(c, o->model_id);
			if (o->model == NULL)
				return fail_origin(e, &o->at, "provider '%s' offers model '%s', which models.yaml does not define",
						   c->providers[i].id, o->model_id);
			if (!model_is_open(o->model))
				return fail_origin(e, &o->at, "provider '%s' offers closed model '%s'; managed inference serves open weights",
						   c->providers[i].id, o->model_id);
		}
	return 0;
}

struct catalog *catalog_load(const char *dir, const char *const *overlays, int n_overlays,
			     struct ow_error *e)
{
	struct catalog *c = xcalloc(1, sizeof *c);
	struct loadctx lc;
	int rc;

	memset(&lc, 0, sizeof lc);
	lc.r.e = e;
	SHA256Init(&lc.hash);
	c->dir = xstrdup(dir);
	rc = load_dir(&lc, c, dir, true);
	c->overlay_dirs = xcalloc((size_t)n_overlays + 1, sizeof *c->overlay_dirs);
	for (int i = 0; rc == 0 && i < n_overlays; i++) {
		/* A directory with its own catalog.yaml is a whole catalog, not an overlay. */
		bool full = has_index(overlays[i]);
		lc.overlay = !full;
		if (full) {
			ow_error_set(e, OW_EXIT_INPUT, overlays[i], 0, 0,
				     "an overlay must not contain catalog.yaml (that makes it a whole catalog; pass it with --catalog alone)");
			rc = -1;
			break;
		}
		c->overlay_dirs[c->n_overlays++] = xstrdup(overlays[i]);
		rc = overlay_files_known(overlays[i], e) || load_dir(&lc, c, overlays[i], false) ? -1 : 0;
	}
	c->paths = lc.paths;
	c->n_paths = lc.n_paths;
	if (rc == 0)
		rc = resolve(c, e);
	if (rc != 0) {
		catalog_free(c);
		return NULL;
	}
	SHA256End(&lc.hash, c->sha256);   /* lower-case hex, as before */
	return c;
}
