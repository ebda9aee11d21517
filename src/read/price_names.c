/* price_names.c — reading price-names.yaml (see price_names.h), strictly, as every
 * catalog file is read. */
#include "price_names.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "yread.h"
#include "ytree.h"

/* A list of strings under key (absent: none). */
static int pn_strings(struct yread *r, const struct ynode *map, const char *key, char ***out, int *n)
{
	const struct ynode *seq = ymap_get(map, key);

	if (seq == NULL)
		return 0;
	if (yr_expect_seq(r, seq, key))
		return -1;
	*out = xcalloc(seq->n + 1, sizeof **out);
	for (unsigned i = 0; i < seq->n; i++) {
		const struct ynode *s = seq->items[i];
		if (s->kind != Y_SCALAR || s->value[0] == '\0')
			return yr_fail(r, s, "%s: expected a name", key);
		(*out)[(*n)++] = xstrdup(s->value);
	}
	return 0;
}

static void pn_source_free(struct price_source *s)
{
	free(s->data); free(s->vendor); free(s->api_provider); free(s->licence);
	free(s->provider); free(s->skip);
	for (int i = 0; i < s->n_families; i++)
		free(s->families[i]);
	free(s->families);
}

static void pn_alias_free(struct price_alias *a)
{
	free(a->model);
	for (int i = 0; i < a->n_names; i++)
		free(a->names[i]);
	for (int i = 0; i < a->n_not; i++)
		free(a->not[i]);
	free(a->names);
	free(a->not);
}

/* One source: exactly one of vendor, provider and skip says what it is; a vendor may
 * also send its open models to a provider. */
static int pn_source(struct yread *r, const struct ynode *n, struct price_source *s)
{
	static const char *const keys[] = { "data", "vendor", "api_provider", "licence", "families",
					    "provider", "skip", NULL };

	s->at = (struct origin){ (char *)r->file, n->line, n->col, false };
	if (yr_expect_map(r, n, "a source") || yr_known_keys(r, n, keys) ||
	    yr_str(r, n, "data", YR_REQUIRED, &s->data) || yr_str(r, n, "vendor", YR_OPTIONAL, &s->vendor) ||
	    yr_str(r, n, "api_provider", YR_OPTIONAL, &s->api_provider) ||
	    yr_str(r, n, "licence", YR_OPTIONAL, &s->licence) ||
	    pn_strings(r, n, "families", &s->families, &s->n_families) ||
	    (ymap_get(n, "provider") && yr_id(r, n, "provider", &s->provider)) ||
	    yr_str(r, n, "skip", YR_OPTIONAL, &s->skip))
		return -1;
	if (s->skip && (s->vendor || s->provider))
		return yr_fail(r, n, "source '%s': skip goes alone, without vendor or provider", s->data);
	if (!s->skip && !s->vendor && !s->provider)
		return yr_fail(r, n, "source '%s' needs vendor, provider or skip", s->data);
	if (s->vendor && (!s->licence || s->n_families == 0))
		return yr_fail(r, n, "vendor source '%s' needs its licence and families", s->data);
	if (!s->vendor && (s->licence || s->families || s->api_provider))
		return yr_fail(r, n, "source '%s': licence, families and api_provider go with vendor", s->data);
	if (s->vendor && !s->api_provider)
		s->api_provider = xstrdup(s->data);
	return 0;
}

static int pn_alias(struct yread *r, const struct ynode *n, struct price_alias *a)
{
	static const char *const keys[] = { "model", "names", "not", NULL };

	if (yr_expect_map(r, n, "a model's names") || yr_known_keys(r, n, keys) || yr_id(r, n, "model", &a->model) ||
	    pn_strings(r, n, "names", &a->names, &a->n_names) || pn_strings(r, n, "not", &a->not, &a->n_not))
		return -1;
	return a->n_names || a->n_not ? 0 : yr_fail(r, n, "model '%s' needs names or not", a->model);
}

/* Append or replace (same data id) one source. */
static int pn_add_source(struct yread *r, const struct ynode *n, struct price_names *pn)
{
	struct price_source s = { 0 };

	if (pn_source(r, n, &s)) {
		pn_source_free(&s);
		return -1;
	}
	for (int i = 0; i < pn->n_sources; i++)
		if (strcmp(pn->sources[i].data, s.data) == 0) {
			pn_source_free(&pn->sources[i]);
			pn->sources[i] = s;
			return 0;
		}
	pn->sources = xreallocarray(pn->sources, (size_t)pn->n_sources + 1, sizeof *pn->sources);
	pn->sources[pn->n_sources++] = s;
	return 0;
}

static int pn_add_alias(struct yread *r, const struct ynode *n, struct price_names *pn)
{
	struct price_alias a = { 0 };

	if (pn_alias(r, n, &a)) {
		pn_alias_free(&a);
		return -1;
	}
	for (int i = 0; i < pn->n_aliases; i++)
		if (strcmp(pn->aliases[i].model, a.model) == 0) {
			pn_alias_free(&pn->aliases[i]);
			pn->aliases[i] = a;
			return 0;
		}
	pn->aliases = xreallocarray(pn->aliases, (size_t)pn->n_aliases + 1, sizeof *pn->aliases);
	pn->aliases[pn->n_aliases++] = a;
	return 0;
}

static int pn_list(struct yread *r, const struct ynode *root, const char *key, struct price_names *pn,
		   int (*add)(struct yread *, const struct ynode *, struct price_names *))
{
	const struct ynode *seq = ymap_get(root, key);

	if (seq == NULL)
		return 0;
	if (yr_expect_seq(r, seq, key))
		return -1;
	for (unsigned i = 0; i < seq->n; i++)
		if (add(r, seq->items[i], pn))
			return -1;
	return 0;
}

static int pn_file(const char *path, struct price_names *pn, struct ow_error *e)
{
	static const char *const keys[] = { "openweigh_catalog", "sources", "names", NULL };
	struct ynode *root = ytree_load(path, e);
	struct yread r;
	int64_t version = 0;
	int rc;

	if (root == NULL)
		return -1;
	pn->files = xreallocarray(pn->files, (size_t)pn->n_files + 1, sizeof *pn->files);
	pn->files[pn->n_files] = xstrdup(path);
	r = (struct yread){ pn->files[pn->n_files++], e };
	rc = yr_expect_map(&r, root, "a catalog file") || yr_known_keys(&r, root, keys) ||
	     yr_int(&r, root, "openweigh_catalog", YR_REQUIRED, 1, 1, &version) ||
	     pn_list(&r, root, "sources", pn, pn_add_source) || pn_list(&r, root, "names", pn, pn_add_alias) ? -1 : 0;
	ytree_free(root);
	return rc;
}

int price_names_load(const char *const *dirs, int n_dirs, struct price_names *pn, struct ow_error *e)
{
	char path[4096];
	struct stat st;

	memset(pn, 0, sizeof *pn);
	for (int i = 0; i < n_dirs; i++) {
		snprintf(path, sizeof path, "%s/price-names.yaml", dirs[i]);
		if (stat(path, &st) != 0 && errno == ENOENT)
			continue;
		if (pn_file(path, pn, e) != 0) {
			price_names_free(pn);
			return -1;
		}
	}
	return 0;
}

void price_names_free(struct price_names *pn)
{
	for (int i = 0; i < pn->n_sources; i++)
		pn_source_free(&pn->sources[i]);
	for (int i = 0; i < pn->n_aliases; i++)
		pn_alias_free(&pn->aliases[i]);
	for (int i = 0; i < pn->n_files; i++)
		free(pn->files[i]);
	free(pn->sources);
	free(pn->aliases);
	free(pn->files);
	memset(pn, 0, sizeof *pn);
}

const struct price_source *price_names_source(const struct price_names *pn, const char *data_id)
{
	for (int i = 0; i < pn->n_sources; i++)
		if (strcmp(pn->sources[i].data, data_id) == 0)
			return &pn->sources[i];
	return NULL;
}

const struct price_alias *price_names_alias(const struct price_names *pn, const char *model_id)
{
	for (int i = 0; i < pn->n_aliases; i++)
		if (strcmp(pn->aliases[i].model, model_id) == 0)
			return &pn->aliases[i];
	return NULL;
}
