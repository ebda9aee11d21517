/* import_prices.c — deciding what `catalog import-prices` writes (see import_prices.h).
 *
 * For each source of price-names.yaml, in order, every catalog model is looked up in
 * that data provider by its id and then its names, with the data's own match rules
 * (the first data model that accepts a name, as genai-prices prices a request). A
 * closed model takes the price of its vendor only; an open model becomes an offer of
 * the source's managed provider (the first source to price a model at a provider
 * wins). A vendor's data models left over are added as closed models of unknown tier
 * when their id starts with one of its families; everything else is reported. */
#include "import_prices.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "yread.h"

/* The catalog's bounds on a price (catalog_load.c, MAX_PRICE_PER_M) and a context. */
#define IMPORT_MAX_PRICE   1000.0
#define IMPORT_MIN_CONTEXT 512
#define IMPORT_MAX_CONTEXT 100000000

/* What the report says about one data provider's models, grouped by reason. */
struct import_group {
	char reason[320];
	struct strbuf names;
	int n;
};

struct planner {
	const struct catalog *c;
	const struct price_names *pn;
	struct import_result *r;
	struct import_group groups[24];
	int n_groups;
};

static void plan_note(struct planner *p, const char *reason, const char *name)
{
	struct import_group *g = NULL;

	for (int i = 0; i < p->n_groups && g == NULL; i++)
		if (strcmp(p->groups[i].reason, reason) == 0)
			g = &p->groups[i];
	if (g == NULL && p->n_groups < (int)ARRAY_LEN(p->groups)) {
		g = &p->groups[p->n_groups++];
		snprintf(g->reason, sizeof g->reason, "%s", reason);
		sb_init(&g->names);
		g->n = 0;
	}
	if (g == NULL)
		g = &p->groups[ARRAY_LEN(p->groups) - 1];
	sb_addf(&g->names, "%s%s", g->n++ ? ", " : "", name);
}

/* The grouped lines of one data provider, then the groups are emptied. */
static void plan_flush(struct planner *p, const char *data_id)
{
	for (int i = 0; i < p->n_groups; i++) {
		sb_addf(&p->r->report, "%s (%d) at %s: %s\n", p->groups[i].reason, p->groups[i].n, data_id,
			p->groups[i].names.s);
		sb_free(&p->groups[i].names);
	}
	p->n_groups = 0;
}

static void plan_skip(struct planner *p, const struct gp_model *dm, const char *reason)
{
	struct strbuf why;

	sb_init(&why);
	sb_addf(&why, "skipped, %s", reason);
	plan_note(p, why.s, dm->id);
	sb_free(&why);
	p->r->skipped++;
}

/* ---- prices ------------------------------------------------------------------ */

static bool price_ok(const struct gp_price *x)
{
	return x->present && x->base >= 0 && x->base <= IMPORT_MAX_PRICE &&
	       (x->n_tiers == 0 || (x->tier_price >= 0 && x->tier_price <= IMPORT_MAX_PRICE));
}

/* The long-context tier, when input (and output, if it has one) cross at one size. */
static void import_long_context(const struct gp_prices *g, struct import_price *p)
{
	const struct gp_price *in = &g->input, *out = &g->output;

	if (in->n_tiers == 0 || in->tier_start < 1 || in->tier_start > IMPORT_MAX_CONTEXT ||
	    (out->n_tiers > 0 && out->tier_start != in->tier_start))
		return;
	p->long_above = in->tier_start;
	p->long_input = in->tier_price;
	p->long_output = out->n_tiers > 0 ? out->tier_price : out->base;
}

/* The data model's price on `date` as the catalog holds it; -1 with why when it has none. */
static int import_price_of(const struct gp_model *dm, int32_t date, struct import_price *p, char *why,
			   size_t size)
{
	bool part_of_day;
	const struct gp_prices *g = gp_prices_on(dm, date, &part_of_day);

	memset(p, 0, sizeof *p);
	if (!g->input.present || !g->output.present) {
		snprintf(why, size, "no input and output token prices (embeddings, audio, images or per request)");
		return -1;
	}
	if (!price_ok(&g->input) || !price_ok(&g->output)) {
		snprintf(why, size, "a token price outside the catalog's 0 to %.0f USD per 1M", IMPORT_MAX_PRICE);
		return -1;
	}
	if (g->input.base == 0 && g->output.base == 0) {
		snprintf(why, size, "priced $0 (a free tier is not a price)");
		return -1;
	}
	p->input = g->input.base;
	p->output = g->output.base;
	p->cached_input = price_ok(&g->cache_read) ? g->cache_read.base : -1;
	p->cache_write = price_ok(&g->cache_write) ? g->cache_write.base : -1;
	import_long_context(g, p);
	return 0;
}

/* ---- matching ------------------------------------------------------------------ */

static bool plan_refused(const struct price_alias *a, const struct gp_model *dm)
{
	for (int i = 0; a && i < a->n_not; i++)
		if (strcmp(a->not[i], dm->id) == 0)
			return true;
	return false;
}

/* The first data model of dp that accepts name and is not refused for the model. */
static const struct gp_model *plan_find_name(const struct gp_provider *dp, const struct price_alias *a,
					     const char *name)
{
	for (int i = 0; i < dp->n_models; i++)
		if (gp_match(&dp->models[i].match, name) && !plan_refused(a, &dp->models[i]))
			return &dp->models[i];
	return NULL;
}

/* The data model a catalog model is at this provider: by its id, then its names. */
static const struct gp_model *plan_find(const struct planner *p, const struct gp_provider *dp,
					const struct model *m)
{
	const struct price_alias *a = price_names_alias(p->pn, m->id);
	const struct gp_model *dm = plan_find_name(dp, a, m->id);

	for (int i = 0; dm == NULL && a && i < a->n_names; i++)
		dm = plan_find_name(dp, a, a->names[i]);
	return dm;
}

static struct import_provider *plan_provider(struct planner *p, const char *id, const struct gp_provider *dp)
{
	struct import_result *r = p->r;
	struct import_provider *ip;

	for (int i = 0; i < r->n_providers; i++)
		if (strcmp(r->providers[i].id, id) == 0)
			return &r->providers[i];
	r->providers = xreallocarray(r->providers, (size_t)r->n_providers + 1, sizeof *r->providers);
	ip = &r->providers[r->n_providers++];
	memset(ip, 0, sizeof *ip);
	ip->id = id;
	ip->from = dp;
	ip->base = catalog_provider(p->c, id);
	if (ip->base) {
		ip->offers = xcalloc((size_t)ip->base->n_offers + 1, sizeof *ip->offers);
		for (int i = 0; i < ip->base->n_offers; i++)
			ip->offers[ip->n_offers++] = (struct import_offer){ .base = &ip->base->offers[i],
				.model_id = ip->base->offers[i].model_id };
	}
	return ip;
}

/* A closed model's other prices as the report shows them: "cached 0.5, long 272000: 10 / 45". */
static void plan_api_extras(char *buf, size_t size, double cached, double cache_write, int64_t above,
			    double long_in, double long_out)
{
	char c[32], w[32];
	int n;

	snprintf(c, sizeof c, cached < 0 ? "none" : "%g", cached);
	snprintf(w, sizeof w, cache_write < 0 ? "none" : "%g", cache_write);
	n = snprintf(buf, size, "cached %s, cache write %s, ", c, w);

	if (above > 0)
		snprintf(buf + n, size - (size_t)n, "above %lld tokens %g / %g", (long long)above, long_in, long_out);
	else
		snprintf(buf + n, size - (size_t)n, "no long-context tier");
}

/* Updated (a price differs: old -> new) or confirmed; extras compared when both given. */
static void plan_report_change(struct planner *p, const char *what, double old_in, double old_out,
			       const char *old_extra, const struct import_price *np, const char *new_extra)
{
	if (old_in == np->input && old_out == np->output && strcmp(old_extra, new_extra) == 0) {
		p->r->confirmed++;
		return;
	}
	p->r->updated++;
	sb_addf(&p->r->report, "updated %s: %g / %g -> %g / %g%s%s%s%s\n", what, old_in, old_out, np->input,
		np->output, old_extra[0] ? "; " : "", old_extra, old_extra[0] ? " -> " : "", new_extra);
}

/* An open model's offer at the source's provider. */
static void plan_offer(struct planner *p, const struct price_source *s, const struct gp_provider *dp,
		       const struct model *m, const struct gp_model *dm)
{
	struct import_provider *ip = plan_provider(p, s->provider, dp);
	struct import_offer *o = NULL;
	struct import_price price;
	char why[200], what[300];

	if (import_price_of(dm, p->r->date, &price, why, sizeof why)) {
		plan_skip(p, dm, why);
		return;
	}
	for (int i = 0; i < ip->n_offers && o == NULL; i++)
		if (strcmp(ip->offers[i].model_id, m->id) == 0)
			o = &ip->offers[i];
	if (o && o->from) {
		snprintf(why, sizeof why, "%s's offer already taken from %s", s->provider, o->data_provider);
		plan_skip(p, dm, why);
		return;
	}
	if (o == NULL) {
		ip->offers = xreallocarray(ip->offers, (size_t)ip->n_offers + 1, sizeof *ip->offers);
		o = &ip->offers[ip->n_offers++];
		*o = (struct import_offer){ .model_id = m->id };
		p->r->added++;
		sb_addf(&p->r->report, "added offer %s at %s: %g / %g (from %s %s)\n", m->id, s->provider, price.input,
			price.output, dp->id, dm->id);
	} else {
		snprintf(what, sizeof what, "offer %s at %s", m->id, s->provider);
		plan_report_change(p, what, o->base->input, o->base->output, "", &price, "");
	}
	o->from = dm;
	o->data_provider = dp->id;
	o->input = price.input;
	o->output = price.output;
	ip->priced = true;
}

/* A catalog closed model priced by its vendor. */
static void plan_update(struct planner *p, const struct price_source *s, const struct model *m,
			const struct gp_model *dm)
{
	struct import_model *im;
	char why[200], was[200], now[200];
	struct import_price price;
	const struct api_price *a = &m->api;

	for (int i = 0; i < p->r->n_models; i++)
		if (p->r->models[i].base == m) {
			plan_skip(p, dm, "the catalog model is priced by an earlier source");
			return;
		}
	if (import_price_of(dm, p->r->date, &price, why, sizeof why)) {
		plan_skip(p, dm, why);
		return;
	}
	p->r->models = xreallocarray(p->r->models, (size_t)p->r->n_models + 1, sizeof *p->r->models);
	im = &p->r->models[p->r->n_models++];
	*im = (struct import_model){ .base = m, .from = dm, .src = s, .price = price };
	snprintf(im->id, sizeof im->id, "%s", m->id);
	snprintf(im->family, sizeof im->family, "%s", m->family);
	plan_api_extras(was, sizeof was, a->cached_input, a->cache_write, a->long_above, a->long_input, a->long_output);
	plan_api_extras(now, sizeof now, price.cached_input, price.cache_write, price.long_above, price.long_input,
			price.long_output);
	plan_report_change(p, m->id, a->input, a->output, was, &price, now);
}

/* Every catalog model this source prices; marks the data models used. */
static void plan_known(struct planner *p, const struct price_source *s, const struct gp_provider *dp, bool *used)
{
	char why[300];

	for (int i = 0; i < p->c->n_models; i++) {
		const struct model *m = &p->c->models[i];
		const struct gp_model *dm = plan_find(p, dp, m);
		if (dm == NULL)
			continue;
		used[dm->index] = true;
		if (!model_is_open(m) && s->vendor && m->api.present && strcmp(m->api.provider, s->api_provider) == 0) {
			plan_update(p, s, m, dm);
		} else if (!model_is_open(m)) {
			snprintf(why, sizeof why, "closed models resold (the catalog prices them at their vendor)");
			plan_skip(p, dm, why);
		} else if (s->provider) {
			plan_offer(p, s, dp, m, dm);
		} else {
			snprintf(why, sizeof why, "open models with no managed provider for %s in price-names.yaml", dp->id);
			plan_skip(p, dm, why);
		}
	}
}

/* ---- models the catalog lacks ------------------------------------------------------- */

/* The vendor family a data id belongs to: the longest matching prefix, or NULL. */
static const char *plan_family(const struct price_source *s, const char *id)
{
	const char *best = NULL;

	for (int i = 0; i < s->n_families; i++)
		if (strncasecmp(id, s->families[i], strlen(s->families[i])) == 0 &&
		    (best == NULL || strlen(s->families[i]) > strlen(best)))
			best = s->families[i];
	return best;
}

/* The data id as a catalog id: lower case, anything but [a-z0-9.-] a dash. */
static void plan_id(const char *data_id, char *out, size_t size)
{
	size_t n = 0;

	for (const char *q = data_id; *q && n + 1 < size; q++) {
		char ch = (char)tolower((unsigned char)*q);
		out[n++] = (isalnum((unsigned char)ch) || ch == '.' || ch == '-') ? ch : '-';
	}
	out[n] = '\0';
}

static bool plan_id_taken(const struct planner *p, const char *id)
{
	if (catalog_model(p->c, id))
		return true;
	for (int i = 0; i < p->r->n_models; i++)
		if (strcmp(p->r->models[i].id, id) == 0)
			return true;
	return false;
}

static void plan_add(struct planner *p, const struct price_source *s, const struct gp_model *dm, const char *family)
{
	struct import_model im = { .from = dm, .src = s };
	char why[200];

	plan_id(dm->id, im.id, sizeof im.id);
	snprintf(im.family, sizeof im.family, "%s", family);
	if (import_price_of(dm, p->r->date, &im.price, why, sizeof why) != 0)
		;   /* why says it */
	else if (dm->context_window && (dm->context_window < IMPORT_MIN_CONTEXT || dm->context_window > IMPORT_MAX_CONTEXT))
		snprintf(why, sizeof why, "a context window outside the catalog's %d to %d tokens", IMPORT_MIN_CONTEXT,
			 IMPORT_MAX_CONTEXT);
	else if (plan_id_taken(p, im.id))
		snprintf(why, sizeof why, "its id as a catalog id is already taken");
	else
		why[0] = '\0';
	if (why[0]) {
		plan_skip(p, dm, why);
		return;
	}
	p->r->models = xreallocarray(p->r->models, (size_t)p->r->n_models + 1, sizeof *p->r->models);
	p->r->models[p->r->n_models++] = im;
	p->r->added++;
	sb_addf(&p->r->report, "added %s (%s, tier unknown%s): %g / %g, context %lld%s\n", im.id, s->vendor,
		dm->deprecated ? ", legacy: deprecated by the vendor" : "", im.price.input, im.price.output,
		(long long)dm->context_window, dm->context_window ? "" : " (not given: unknown)");
}

/* The data models no catalog model matched: a vendor's closed families are added. */
static void plan_rest(struct planner *p, const struct price_source *s, const struct gp_provider *dp, const bool *used)
{
	for (int j = 0; j < dp->n_models; j++) {
		const struct gp_model *dm = &dp->models[j];
		const char *family = s->vendor ? plan_family(s, dm->id) : NULL;
		if (used[j])
			continue;
		if (family) {
			plan_add(p, s, dm, family);
		} else {
			plan_note(p, "unmatched", dm->id);
			p->r->unmatched++;
		}
	}
}

/* ---- the plan ------------------------------------------------------------------ */

static const struct gp_provider *plan_data_provider(const struct gp_data *d, const char *id)
{
	for (int i = 0; i < d->n_providers; i++)
		if (strcmp(d->providers[i].id, id) == 0)
			return &d->providers[i];
	return NULL;
}

static void plan_source(struct planner *p, const struct price_source *s, const struct gp_provider *dp)
{
	bool *used;

	if (s->skip) {
		sb_addf(&p->r->report, "skipped %s (%d models): %s\n", dp->id, dp->n_models, s->skip);
		p->r->skipped += dp->n_models;
		return;
	}
	used = xcalloc((size_t)dp->n_models + 1, sizeof *used);
	plan_known(p, s, dp, used);
	plan_rest(p, s, dp, used);
	free(used);
	plan_flush(p, dp->id);
}

void import_plan(const struct catalog *c, const struct price_names *pn, const struct gp_data *d,
		 const char *data_name, int32_t date, struct import_result *r)
{
	struct planner p = { .c = c, .pn = pn, .r = r };
	char day[16];

	memset(r, 0, sizeof *r);
	sb_init(&r->report);
	r->date = date;
	format_date(date, day, sizeof day);
	snprintf(r->source, sizeof r->source, "genai-prices %s (sha256 %.12s), prices in force on %s",
		 data_name, d->sha256, day);
	for (int i = 0; i < pn->n_sources; i++) {
		const struct gp_provider *dp = plan_data_provider(d, pn->sources[i].data);
		if (dp)
			plan_source(&p, &pn->sources[i], dp);
	}
	for (int i = 0; i < d->n_providers; i++)
		if (price_names_source(pn, d->providers[i].id) == NULL) {
			sb_addf(&r->report, "skipped %s (%d models): not a source in price-names.yaml\n",
				d->providers[i].id, d->providers[i].n_models);
			r->skipped += d->providers[i].n_models;
		}
}

void import_result_free(struct import_result *r)
{
	for (int i = 0; i < r->n_providers; i++)
		free(r->providers[i].offers);
	free(r->providers);
	free(r->models);
	sb_free(&r->report);
	memset(r, 0, sizeof *r);
}
