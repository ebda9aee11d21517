/* genai_prices.c — reading genai-prices' data.json (see genai_prices.h). Every value
 * read is checked against data.schema.json's type for it (pydantic/genai-prices,
 * prices/data.schema.json), and the required keys of Provider and ModelInfo are
 * required; a bad value is reported at its JSON path, and nothing is kept. */
#include "genai_prices.h"

#include <cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sha2.h>

#include "util.h"
#include "yread.h"
#include "ytree.h"

struct gpread {
	const char *file;
	struct ow_error *e;
};

static int gp_fail(struct gpread *r, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int gp_fail(struct gpread *r, const char *path, const char *fmt, ...)
{
	char msg[OW_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ow_error_set(r->e, OW_EXIT_INPUT, r->file, 0, 0, "%s: %s", path, msg);
	return -1;
}

/* A JSON path into buf (vsnprintf: a path past the buffer is cut, never overrun). */
static char *jpath(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static char *jpath(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return buf;
}

static const char *json_type(const cJSON *v)
{
	if (cJSON_IsNumber(v)) return "a number";
	if (cJSON_IsString(v)) return "a string";
	if (cJSON_IsBool(v)) return "a boolean";
	if (cJSON_IsNull(v)) return "null";
	if (cJSON_IsArray(v)) return "an array";
	return "an object";
}

static int gp_expect(struct gpread *r, const cJSON *v, const char *path, cJSON_bool ok, const char *want)
{
	if (v == NULL)
		return gp_fail(r, path, "missing (expected %s)", want);
	return ok ? 0 : gp_fail(r, path, "expected %s, not %s", want, json_type(v));
}

/* A number the schema types "number": finite (cJSON reads 1e999 as infinity). */
static int gp_number(struct gpread *r, const cJSON *v, const char *path, double *out)
{
	if (gp_expect(r, v, path, cJSON_IsNumber(v), "a number"))
		return -1;
	if (!isfinite(v->valuedouble))
		return gp_fail(r, path, "expected a finite number");
	*out = v->valuedouble;
	return 0;
}

/* "integer": a whole number that fits 64 bits. */
static int gp_integer(struct gpread *r, const cJSON *v, const char *path, int64_t *out)
{
	double d;

	if (gp_number(r, v, path, &d))
		return -1;
	if (d != floor(d) || fabs(d) > 9e15)
		return gp_fail(r, path, "expected an integer, not %g", d);
	*out = (int64_t)d;
	return 0;
}

/* A required (or optional, when absent) string member; *out borrows cJSON's. */
static int gp_string(struct gpread *r, const cJSON *obj, const char *key, const char *path, bool required,
		     const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	char at[512];

	jpath(at, sizeof at, "%s.%s", path, key);
	if (v == NULL)
		return required ? gp_fail(r, path, "missing required key '%s'", key) : 0;
	if (gp_expect(r, v, at, cJSON_IsString(v), "a string"))
		return -1;
	*out = v->valuestring;
	return 0;
}

/* ---- match rules ----------------------------------------------------------------- */

static const char *const clause_keys[] = { "starts_with", "ends_with", "contains", "equals", "regex", "or", "and" };

/* Python's \d, \w, \s and (?: as POSIX extended regex; anything else is kept, and a
 * pattern regcomp refuses never matches (gp_match). */
static char *regex_posix(const char *py)
{
	struct strbuf sb;

	sb_init(&sb);
	for (const char *p = py; *p; p++) {
		if (p[0] == '(' && p[1] == '?' && p[2] == ':') {
			sb_add(&sb, "(");
			p += 2;
		} else if (p[0] == '\\' && (p[1] == 'd' || p[1] == 'w' || p[1] == 's')) {
			sb_add(&sb, p[1] == 'd' ? "[0-9]" : p[1] == 'w' ? "[A-Za-z0-9_]" : "[[:space:]]");
			p++;
		} else if (p[0] == '\\' && p[1]) {
			sb_addn(&sb, p, 2);
			p++;
		} else {
			sb_addn(&sb, p, 1);
		}
	}
	return sb.s;
}

static int gp_clause(struct gpread *r, const cJSON *v, const char *path, struct gp_clause *c);

static int gp_clause_list(struct gpread *r, const cJSON *v, const char *path, struct gp_clause *c)
{
	char at[512];
	int i = 0;
	const cJSON *item;

	if (gp_expect(r, v, path, cJSON_IsArray(v), "an array of match rules"))
		return -1;
	c->kids = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *c->kids);
	cJSON_ArrayForEach(item, v) {
		jpath(at, sizeof at, "%s[%d]", path, i++);
		c->n_kids++;   /* counted first: a half-read rule is freed with its parent */
		if (gp_clause(r, item, at, &c->kids[c->n_kids - 1]))
			return -1;
	}
	return 0;
}

/* One rule: an object with exactly one of the clause keys (schema: additionalProperties false). */
static int gp_clause(struct gpread *r, const cJSON *v, const char *path, struct gp_clause *c)
{
	char at[512];
	const cJSON *k;

	if (gp_expect(r, v, path, cJSON_IsObject(v), "a match rule (an object)"))
		return -1;
	k = v->child;
	if (k == NULL || k->next != NULL)
		return gp_fail(r, path, "expected a match rule with exactly one key");
	for (int i = 0; i < (int)ARRAY_LEN(clause_keys); i++) {
		if (strcmp(k->string, clause_keys[i]) != 0)
			continue;
		jpath(at, sizeof at, "%s.%s", path, k->string);
		c->kind = (enum gp_clause_kind)i;
		if (c->kind == GP_OR || c->kind == GP_AND)
			return gp_clause_list(r, k, at, c);
		if (gp_expect(r, k, at, cJSON_IsString(k), "a string"))
			return -1;
		c->text = xstrdup(k->valuestring);
		if (c->kind == GP_REGEX) {
			char *posix = regex_posix(c->text);
			c->compiled = regcomp(&c->re, posix, REG_EXTENDED | REG_NOSUB) == 0;
			free(posix);
		}
		return 0;
	}
	return gp_fail(r, path, "unknown match rule '%s'", k->string);
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

bool gp_match(const struct gp_clause *c, const char *name)
{
	size_t n = strlen(name), t = c->text ? strlen(c->text) : 0;

	switch (c->kind) {
	case GP_STARTS_WITH: return strncasecmp(name, c->text, t) == 0;
	case GP_ENDS_WITH: return n >= t && strcasecmp(name + n - t, c->text) == 0;
	case GP_CONTAINS: return contains_nocase(name, c->text);
	case GP_EQUALS: return strcasecmp(name, c->text) == 0;
	case GP_REGEX: return c->compiled && regexec(&c->re, name, 0, NULL, 0) == 0;
	case GP_OR:
		for (int i = 0; i < c->n_kids; i++)
			if (gp_match(&c->kids[i], name))
				return true;
		return false;
	case GP_AND:
		for (int i = 0; i < c->n_kids; i++)
			if (!gp_match(&c->kids[i], name))
				return false;
		return c->n_kids > 0;
	}
	return false;
}

static void gp_clause_free(struct gp_clause *c)
{
	for (int i = 0; i < c->n_kids; i++)
		gp_clause_free(&c->kids[i]);
	free(c->kids);
	if (c->kind == GP_REGEX && c->compiled)
		regfree(&c->re);
	free(c->text);
}

/* ---- prices ---------------------------------------------------------------------- */

/* schema: TieredPrices {base: number, tiers: [{start: integer, price: number}]} */
static int gp_tiered(struct gpread *r, const cJSON *v, const char *path, struct gp_price *p)
{
	char at[512];
	const cJSON *tiers = cJSON_GetObjectItemCaseSensitive(v, "tiers"), *t;
	const cJSON *base = cJSON_GetObjectItemCaseSensitive(v, "base");
	int i = 0;

	if (base == NULL || tiers == NULL)
		return gp_fail(r, path, "expected a number or tiered prices {base, tiers}");
	jpath(at, sizeof at, "%s.base", path);
	if (gp_number(r, base, at, &p->base))
		return -1;
	jpath(at, sizeof at, "%s.tiers", path);
	if (gp_expect(r, tiers, at, cJSON_IsArray(tiers), "an array"))
		return -1;
	cJSON_ArrayForEach(t, tiers) {
		int64_t start;
		double price;
		jpath(at, sizeof at, "%s.tiers[%d]", path, i++);
		if (gp_expect(r, t, at, cJSON_IsObject(t), "a tier {start, price}") ||
		    gp_integer(r, cJSON_GetObjectItemCaseSensitive(t, "start"), jpath(at, sizeof at, "%s.tiers[%d].start", path, i - 1), &start))
			return -1;
		jpath(at, sizeof at, "%s.tiers[%d].price", path, i - 1);
		if (gp_number(r, cJSON_GetObjectItemCaseSensitive(t, "price"), at, &price))
			return -1;
		if (p->n_tiers++ == 0) {
			p->tier_start = start;
			p->tier_price = price;
		}
	}
	return 0;
}

static int gp_price_value(struct gpread *r, const cJSON *v, const char *path, struct gp_price *p)
{
	p->present = true;
	if (cJSON_IsObject(v))
		return gp_tiered(r, v, path, p);
	if (!cJSON_IsNumber(v))
		return gp_fail(r, path, "expected a number or tiered prices {base, tiers}, not %s", json_type(v));
	return gp_number(r, v, path, &p->base);
}

/* schema: ModelPrice, every member a number or TieredPrices (requests_kcount a number). */
static int gp_model_price(struct gpread *r, const cJSON *v, const char *path, struct gp_prices *p)
{
	static const char *const carried[] = { "input_mtok", "output_mtok", "cache_read_mtok", "cache_write_mtok" };
	struct gp_price *slots[] = { &p->input, &p->output, &p->cache_read, &p->cache_write };
	const cJSON *k;
	char at[512];

	if (gp_expect(r, v, path, cJSON_IsObject(v), "an object of prices"))
		return -1;
	cJSON_ArrayForEach(k, v) {
		struct gp_price other = { 0 }, *slot = &other;
		jpath(at, sizeof at, "%s.%s", path, k->string);
		for (size_t i = 0; i < ARRAY_LEN(carried); i++)
			if (strcmp(k->string, carried[i]) == 0)
				slot = slots[i];
		if (slot == &other)
			p->n_other++;
		if (gp_price_value(r, k, at, slot))
			return -1;
	}
	return 0;
}

/* "HH:MM[:SS[.f]][Z|+HH:MM]" (schema format time) to minutes since midnight. */
static int gp_minutes(const char *s, int *out)
{
	int h, m;

	if (!isdigit((unsigned char)s[0]) || sscanf(s, "%2d:%2d", &h, &m) != 2 || h > 23 || m > 59 || s[2] != ':')
		return -1;
	*out = h * 60 + m;
	return 0;
}

static int gp_constraint(struct gpread *r, const cJSON *v, const char *path, struct gp_conditional *c)
{
	const char *date = NULL, *start = NULL, *end = NULL;

	if (gp_expect(r, v, path, cJSON_IsObject(v), "a constraint (an object)") ||
	    gp_string(r, v, "start_date", path, false, &date) || gp_string(r, v, "start_time", path, false, &start) ||
	    gp_string(r, v, "end_time", path, false, &end))
		return -1;
	if (date) {
		c->when = GP_FROM_DATE;
		if (parse_date(date, &c->start_date) != 0)
			return gp_fail(r, path, "start_date: expected a date YYYY-MM-DD, not '%s'", date);
		return 0;
	}
	if (start == NULL || end == NULL)
		return gp_fail(r, path, "expected start_date, or start_time and end_time");
	c->when = GP_TIME_OF_DAY;
	if (gp_minutes(start, &c->start_minute) || gp_minutes(end, &c->end_minute))
		return gp_fail(r, path, "expected times HH:MM:SS, not '%s' and '%s'", start, end);
	return 0;
}

/* prices: a ModelPrice, or a list of ConditionalPrice {constraint?, prices}. */
static int gp_prices(struct gpread *r, const cJSON *v, const char *path, struct gp_model *m)
{
	char at[512];
	const cJSON *item;
	int i = 0;

	if (!cJSON_IsArray(v)) {
		m->prices = xcalloc(1, sizeof *m->prices);
		m->n_prices = 1;
		return gp_model_price(r, v, path, &m->prices[0].prices);
	}
	if (cJSON_GetArraySize(v) == 0)
		return gp_fail(r, path, "expected at least one price");
	m->prices = xcalloc((size_t)cJSON_GetArraySize(v), sizeof *m->prices);
	cJSON_ArrayForEach(item, v) {
		struct gp_conditional *c = &m->prices[m->n_prices++];
		const cJSON *cons = cJSON_GetObjectItemCaseSensitive(item, "constraint");
		jpath(at, sizeof at, "%s[%d]", path, i++);
		if (gp_expect(r, item, at, cJSON_IsObject(item), "a conditional price {constraint, prices}"))
			return -1;
		if (cJSON_GetObjectItemCaseSensitive(item, "prices") == NULL)
			return gp_fail(r, at, "missing required key 'prices'");
		if (cons && gp_constraint(r, cons, jpath(at, sizeof at, "%s[%d].constraint", path, i - 1), c))
			return -1;
		jpath(at, sizeof at, "%s[%d].prices", path, i - 1);
		if (gp_model_price(r, cJSON_GetObjectItemCaseSensitive(item, "prices"), at, &c->prices))
			return -1;
	}
	return 0;
}

const struct gp_prices *gp_prices_on(const struct gp_model *m, int32_t date, bool *part_of_day)
{
	const struct gp_conditional *chosen = &m->prices[0], *best_tod = NULL;
	int tod_minutes = 0, best_minutes = 0;

	*part_of_day = false;
	for (int i = m->n_prices - 1; i >= 0; i--) {
		const struct gp_conditional *c = &m->prices[i];
		if (c->when == GP_TIME_OF_DAY) {
			int span = ((c->end_minute - c->start_minute) % 1440 + 1440) % 1440;
			*part_of_day = true;
			tod_minutes += span;
			if (span > best_minutes) {
				best_minutes = span;
				best_tod = c;
			}
			continue;
		}
		if (c->when == GP_ALWAYS || c->start_date <= date) {
			chosen = c;
			break;
		}
	}
	/* the rest of the day is the undated (or dated) price's */
	if (best_tod && best_minutes > 1440 - tod_minutes)
		return &best_tod->prices;
	return &chosen->prices;
}

/* ---- models and providers ---------------------------------------------------------- */

static int gp_model(struct gpread *r, const cJSON *v, const char *path, struct gp_model *m)
{
	const char *id = NULL, *name = NULL;
	const cJSON *match = cJSON_GetObjectItemCaseSensitive(v, "match");
	const cJSON *prices = cJSON_GetObjectItemCaseSensitive(v, "prices");
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(v, "context_window");
	const cJSON *dep = cJSON_GetObjectItemCaseSensitive(v, "deprecated");
	char at[512];

	if (gp_expect(r, v, path, cJSON_IsObject(v), "a model (an object)") ||
	    gp_string(r, v, "id", path, true, &id) || gp_string(r, v, "name", path, false, &name))
		return -1;
	m->id = xstrdup(id);
	m->name = xstrdup(name ? name : id);
	if (match == NULL || prices == NULL)
		return gp_fail(r, path, "missing required key '%s' (model '%s')", match ? "prices" : "match", id);
	jpath(at, sizeof at, "%s.match", path);
	if (gp_clause(r, match, at, &m->match))
		return -1;
	jpath(at, sizeof at, "%s.context_window", path);
	if (ctx && gp_integer(r, ctx, at, &m->context_window))
		return -1;
	jpath(at, sizeof at, "%s.deprecated", path);
	if (dep && gp_expect(r, dep, at, cJSON_IsBool(dep), "a boolean"))
		return -1;
	m->deprecated = cJSON_IsTrue(dep);
	jpath(at, sizeof at, "%s.prices", path);
	return gp_prices(r, prices, at, m);
}

static int gp_provider(struct gpread *r, const cJSON *v, const char *path, struct gp_provider *p)
{
	const char *id = NULL, *name = NULL, *pattern = NULL;
	const cJSON *models = cJSON_GetObjectItemCaseSensitive(v, "models"), *item;
	char at[512];
	int i = 0;

	if (gp_expect(r, v, path, cJSON_IsObject(v), "a provider (an object)") ||
	    gp_string(r, v, "id", path, true, &id) || gp_string(r, v, "name", path, true, &name) ||
	    gp_string(r, v, "api_pattern", path, true, &pattern))
		return -1;
	p->id = xstrdup(id);
	p->name = xstrdup(name);
	if (models == NULL)
		return gp_fail(r, path, "missing required key 'models' (provider '%s')", id);
	jpath(at, sizeof at, "%s.models", path);
	if (gp_expect(r, models, at, cJSON_IsArray(models), "an array of models"))
		return -1;
	p->models = xcalloc((size_t)cJSON_GetArraySize(models) + 1, sizeof *p->models);
	cJSON_ArrayForEach(item, models) {
		struct gp_model *m = &p->models[p->n_models++];
		m->index = i;
		jpath(at, sizeof at, "%s.models[%d]", path, i++);
		if (gp_model(r, item, at, m))
			return -1;
	}
	return 0;
}

/* Line and column of byte `at` in text, for JSON that does not parse. */
static void gp_position(const char *text, const char *at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at && *p; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static int gp_parse(struct gpread *r, const char *text, struct gp_data *d)
{
	cJSON *root = cJSON_Parse(text), *item;
	char at[64];
	int i = 0, rc = 0, line, col;

	if (root == NULL) {
		gp_position(text, cJSON_GetErrorPtr(), &line, &col);
		ow_error_set(r->e, OW_EXIT_INPUT, r->file, line, col, "not valid JSON");
		return -1;
	}
	if (!cJSON_IsArray(root)) {
		cJSON_Delete(root);
		return gp_fail(r, "(top level)", "expected an array of providers (genai-prices data.json)");
	}
	d->providers = xcalloc((size_t)cJSON_GetArraySize(root) + 1, sizeof *d->providers);
	cJSON_ArrayForEach(item, root) {
		jpath(at, sizeof at, "providers[%d]", i++);
		if ((rc = gp_provider(r, item, at, &d->providers[d->n_providers++])) != 0)
			break;
	}
	cJSON_Delete(root);
	return rc;
}

int gp_load(const char *path, struct gp_data *d, struct ow_error *e)
{
	struct gpread r = { path, e };
	size_t len = 0;
	char *text = read_file_limited(path, YTREE_MAX_BYTES, &len, e);
	int rc;

	memset(d, 0, sizeof *d);
	if (text == NULL)
		return -1;
	if (memchr(text, '\0', len) != NULL) {
		free(text);
		ow_error_set(e, OW_EXIT_INPUT, path, 0, 0, "holds a NUL byte: not a JSON text");
		return -1;
	}
	SHA256Data((const uint8_t *)text, len, d->sha256);
	rc = gp_parse(&r, text, d);
	free(text);
	if (rc != 0)
		gp_free(d);
	return rc;
}

void gp_free(struct gp_data *d)
{
	for (int i = 0; i < d->n_providers; i++) {
		struct gp_provider *p = &d->providers[i];
		for (int j = 0; j < p->n_models; j++) {
			gp_clause_free(&p->models[j].match);
			free(p->models[j].id);
			free(p->models[j].name);
			free(p->models[j].prices);
		}
		free(p->models);
		free(p->id);
		free(p->name);
	}
	free(d->providers);
	memset(d, 0, sizeof *d);
}
