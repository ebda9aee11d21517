/* check.c — catalog consistency checks (see check.h). */
#include "check.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "evaluate.h"
#include "sanitize.h"
#include "yread.h"
#include "ytree.h"

static void finding(struct check_result *r, int sev, const struct origin *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void finding(struct check_result *r, int sev, const struct origin *at, const char *fmt, ...)
{
	static const char *const names[] = { "note", "warning", "error" };
	char msg[600], *line;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	line = sanitize_str(msg, SAN_LINE);   /* catalog strings quoted in it: one inert line */
	if (sev >= r->keep && at && at->file)
		sb_addf(&r->out, "%s:%d:%d: %s: %s\n", at->file, at->line, at->col, names[sev], line);
	else if (sev >= r->keep)
		sb_addf(&r->out, "%s: %s\n", names[sev], line);
	free(line);
	if (sev == CHECK_ERROR)
		r->errors++;
	else if (sev == CHECK_WARNING)
		r->warnings++;
	else
		r->notes++;
}

/* One count against its declared figure: an error beyond PARAM_TOLERANCE. */
static void check_count(struct check_result *r, const struct model *m, const char *what, int64_t derived,
			int64_t declared)
{
	double off = ((double)derived - (double)declared) / (double)declared;

	if (fabs(off) > PARAM_TOLERANCE)
		finding(r, CHECK_ERROR, &m->at,
			"model '%s': its shape gives %lld %sparameters, %+.1f%% from the declared %lld (tolerance %.0f%%)",
			m->id, (long long)derived, what, off * 100, (long long)declared, PARAM_TOLERANCE * 100);
}

/* Total and active parameters re-derived from each shape (the loader has already
 * refused shapes whose count overflows; a catalog built otherwise is caught here). */
static void check_params(const struct catalog *c, struct check_result *r)
{
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		struct shape_count k;
		if (!m->shape.present)
			continue;
		if (shape_derive(&m->shape, &k) != 0) {
			finding(r, CHECK_ERROR, &m->at, "model '%s': shape: %s overflows a 64-bit parameter count",
				m->id, k.overflow);
			continue;
		}
		check_count(r, m, "", k.params, m->shape.params);
		if (m->shape.experts > 0)
			check_count(r, m, "active ", k.active, m->shape.active_params);
	}
}

static void stale(struct check_result *r, int32_t today, const struct origin *at, const char *what,
		  const char *id, const struct sourced *s)
{
	char d[16];

	if (s->as_of > today) {
		format_date(s->as_of, d, sizeof d);
		finding(r, CHECK_ERROR, at, "%s of '%s' is dated %s, in the future", what, id, d);
	} else if (today - s->as_of > STALE_AFTER_DAYS) {
		format_date(s->as_of, d, sizeof d);
		finding(r, CHECK_WARNING, at, "%s of '%s' is dated %s, %d days ago: stale (over %d days); source: %s",
			what, id, d, today - s->as_of, STALE_AFTER_DAYS, s->source);
	}
}

/* A date that has not come yet: `what` names it ("the release of 'x'"). */
static void future(struct check_result *r, int32_t today, const struct origin *at, const char *what, int32_t day)
{
	char d[16];

	if (day > today) {
		format_date(day, d, sizeof d);
		finding(r, CHECK_ERROR, at, "%s is dated %s, in the future", what, d);
	}
}

/* future() for a figure of the entry `id`. */
static void future_of(struct check_result *r, int32_t today, const struct origin *at, const char *what,
		      const char *id, int32_t day)
{
	char label[200];

	snprintf(label, sizeof label, "%s of '%s'", what, id);
	future(r, today, at, label, day);
}

/* Every dated figure stale() does not check (it checks the list prices in use). */
static void check_future(const struct catalog *c, int32_t today, struct check_result *r)
{
	static const struct origin none = { 0 };

	future(r, today, &none, "catalog.yaml's as_of", c->as_of);
	future(r, today, &none, "costs.yaml's as_of", c->cost.src.as_of);
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		future_of(r, today, &m->at, "the release", m->id, m->released);
		future_of(r, today, &m->at, "the shape", m->id, m->shape.src.as_of);
		future_of(r, today, &m->at, "the benchmarks", m->id, m->bench.src.as_of);
	}
	for (int i = 0; i < c->n_gpus; i++) {
		const struct gpu *g = &c->gpus[i];
		future_of(r, today, &g->at, "the spec", g->id, g->src.as_of);
		future_of(r, today, &g->at, "the purchase price", g->id, g->purchase_src.as_of);
		for (int b = 0; b < RATE_COUNT; b++)
			if (b != RATE_ON_DEMAND)   /* the list price: stale() */
				future_of(r, today, &g->at, "a reserved or spot price", g->id, g->rates[b].src.as_of);
	}
	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		future_of(r, today, &p->at, "the provider", p->id, p->src.as_of);
		future_of(r, today, &p->at, "the dedicated GPU rate", p->id, p->dedicated.src.as_of);
		for (int j = 0; j < p->n_offers; j++)
			if (p->status != PROV_ACTIVE || p->offers[j].retired)   /* the rest: stale() */
				future_of(r, today, &p->offers[j].at, "the offer price", p->offers[j].model_id,
					  p->offers[j].src.as_of);
	}
	for (int i = 0; i < c->n_licences; i++)
		future_of(r, today, &c->licences[i].at, "the licence", c->licences[i].id, c->licences[i].src.as_of);
}

/* Each preset read as the wizard and --answers read it. */
static void check_presets(const struct catalog *c, struct check_result *r)
{
	for (int i = 0; i < c->n_presets; i++) {
		struct answers a;
		struct ow_error e = { 0 };
		if (answers_load(c->presets[i].path, &a, &e) == 0)
			continue;
		struct origin at = { e.file[0] ? e.file : c->presets[i].path, e.line, e.col, false };
		finding(r, CHECK_ERROR, &at, "preset '%s': %s", c->presets[i].id, e.msg);
	}
}

static void check_dates(const struct catalog *c, int32_t today, struct check_result *r)
{
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		if (m->api.present)
			stale(r, today, &m->at, "the API price", m->id, &m->api.src);
	}
	for (int i = 0; i < c->n_gpus; i++) {
		const struct gpu *g = &c->gpus[i];
		if (g->rates[RATE_ON_DEMAND].present)
			stale(r, today, &g->at, "the hourly price", g->id, &g->rates[RATE_ON_DEMAND].src);
	}
	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++) {
			const struct offer *o = &c->providers[i].offers[j];
			if (c->providers[i].status == PROV_ACTIVE && !o->retired)
				stale(r, today, &o->at, "the offer price", o->model_id, &o->src);
		}
}

/* The seed's GPU table, through the same check the memo runs. */
static void check_claims(const struct catalog *c, struct check_result *r)
{
	struct answers a;
	struct verdict *v;

	answers_default(&a);
	v = evaluate(c, &a);
	for (int i = 0; i < v->n_claims; i++) {
		const struct claim_check *k = &v->claims[i];
		if (k->holds)
			continue;
		finding(r, CHECK_NOTE, NULL,
			"seed claim '%s' does not hold: %.1f GB of %s weights in %s need %lld x %s (%.1f GB usable each, less overhead)",
			k->text, k->weights_bytes / 1e9, k->model->id, precision_names[k->precision],
			(long long)k->needed_gpus, k->gpu->id, k->per_gpu_usable_bytes / 1e9);
	}
	verdict_free(v);
}

/* A scalar anywhere in a catalog file that holds terminal controls or bidirectional
 * overrides: shown escaped wherever it is printed, but worth fixing at its source. */
static void check_strings_in(struct check_result *r, const char *file, const struct ynode *n)
{
	if (n->kind != Y_SCALAR) {
		for (unsigned i = 0; i < n->n; i++)
			check_strings_in(r, file, n->items[i]);
		return;
	}
	if (sanitize_needed(n->value, SAN_DOC)) {
		struct origin at = { (char *)file, n->line, n->col, false };
		finding(r, CHECK_WARNING, &at, "'%.80s' holds control or bidirectional characters "
			"(shown escaped wherever it is printed)", n->value);
	}
}

/* Every file the catalog was read from, read again for its strings alone: the check
 * needs no list of which fields are text. */
static void check_strings(const struct catalog *c, struct check_result *r)
{
	for (int i = 0; i < c->n_paths; i++) {
		struct ow_error e;
		struct ynode *root = ytree_load(c->paths[i], &e);
		if (root != NULL)
			check_strings_in(r, c->paths[i], root);
		ytree_free(root);
	}
}

static void check_all(const struct catalog *c, int32_t today, int keep, struct check_result *r)
{
	memset(r, 0, sizeof *r);
	sb_init(&r->out);
	r->keep = keep;
	check_params(c, r);
	check_dates(c, today, r);
	check_future(c, today, r);
	if (keep <= CHECK_WARNING)    /* a bad preset stops only its own use, not every command */
		check_presets(c, r);
	if (keep <= CHECK_NOTE)       /* notes only: not worth an evaluate() before every command */
		check_claims(c, r);
	if (keep <= CHECK_WARNING)    /* warnings only: not worth a second read of every file */
		check_strings(c, r);
}

/* Entries of one list whose origin is file. */
#define COUNT_FROM(arr, n, file, out)                    \
	for (int i_ = 0; i_ < (n); i_++)                 \
		(out) += (arr)[i_].at.file == (file)

static void layer_file_line(const struct catalog *c, const char *file, struct strbuf *sb)
{
	int models = 0, gpus = 0, providers = 0, licences = 0;

	COUNT_FROM(c->models, c->n_models, file, models);
	COUNT_FROM(c->gpus, c->n_gpus, file, gpus);
	COUNT_FROM(c->providers, c->n_providers, file, providers);
	COUNT_FROM(c->licences, c->n_licences, file, licences);
	const struct { const char *what; int n; } kinds[] = {
		{ "models", models }, { "GPUs", gpus }, { "providers", providers }, { "licences", licences } };
	bool any = false;

	sb_addf(sb, "  %s:", file);
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (kinds[i].n) {
			sb_addf(sb, "%s %d %s", any ? "," : "", kinds[i].n, kinds[i].what);
			any = true;
		}
	sb_add(sb, any ? " in effect\n" : " read\n");
}

void catalog_layers_text(const struct catalog *c, struct strbuf *sb)
{
	for (int l = -1; l < c->n_overlays; l++) {
		const char *dir = l < 0 ? c->dir : c->overlay_dirs[l];
		size_t n = strlen(dir);
		sb_addf(sb, "%s %s:\n", l < 0 ? "catalog" : "overlay", dir);
		for (int i = 0; i < c->n_paths; i++)
			if (strncmp(c->paths[i], dir, n) == 0 && c->paths[i][n] == '/' && strchr(c->paths[i] + n + 1, '/') == NULL)
				layer_file_line(c, c->paths[i], sb);
	}
}

void catalog_check(const struct catalog *c, int32_t today, struct check_result *r)
{
	check_all(c, today, CHECK_NOTE, r);
}

void catalog_check_errors(const struct catalog *c, int32_t today, struct check_result *r)
{
	check_all(c, today, CHECK_ERROR, r);
}
