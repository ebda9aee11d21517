/* import_yaml.c — the text of imported-models.yaml and imported-providers.yaml: whole
 * entries (an overlay replaces an entry by id), the catalog's own fields copied from
 * the layers below and every price from the data, each with its source and date. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_prices.h"
#include "yread.h"

/* A YAML double-quoted scalar: quotes, backslashes and controls escaped. */
static void y_str(struct strbuf *sb, const char *s)
{
	sb_add(sb, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sb_addf(sb, "\\x%02x", *p);
		else
			sb_addn(sb, (const char *)p, 1);
	}
	sb_add(sb, "\"");
}

/* The shortest of %.15g and %.17g that reads back as the same double: a price is
 * written exactly as the data gives it. */
static void y_num(struct strbuf *sb, double v)
{
	char buf[40];

	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	sb_add(sb, buf);
}

static void y_key_str(struct strbuf *sb, const char *indent, const char *key, const char *v)
{
	sb_addf(sb, "%s%s: ", indent, key);
	y_str(sb, v);
	sb_add(sb, "\n");
}

static void y_key_num(struct strbuf *sb, const char *indent, const char *key, double v)
{
	sb_addf(sb, "%s%s: ", indent, key);
	y_num(sb, v);
	sb_add(sb, "\n");
}

static void y_sourced(struct strbuf *sb, const char *indent, const char *source, int32_t as_of)
{
	char d[16];

	format_date(as_of, d, sizeof d);
	y_key_str(sb, indent, "source", source);
	sb_addf(sb, "%sas_of: %s\n", indent, d);
}

static void y_header(struct strbuf *sb, const struct import_result *r, const char *what)
{
	sb_addf(sb, IMPORT_MARK " from %s.\n", r->source);
	sb_addf(sb, "# The %s it prices, each entry whole (an overlay replaces an entry by id). The next\n"
		    "# import replaces this file; hand-written entries go in the file without 'imported-',\n"
		    "# read after this one.\nopenweigh_catalog: 1\n", what);
}

/* ---- models ----------------------------------------------------------------------- */

static void y_benchmarks(struct strbuf *sb, const struct benchmarks *b)
{
	const struct { const char *key; double v; } marks[] = {
		{ "mmlu", b->mmlu }, { "humaneval", b->humaneval }, { "mt_bench", b->mt_bench } };

	if (!b->present)
		return;
	sb_add(sb, "    benchmarks:\n");
	for (size_t i = 0; i < ARRAY_LEN(marks); i++)
		if (marks[i].v >= 0)
			y_key_num(sb, "      ", marks[i].key, marks[i].v);
	y_sourced(sb, "      ", b->src.source, b->src.as_of);
}

static void y_api(struct strbuf *sb, const struct import_result *r, const struct import_model *im)
{
	const struct import_price *p = &im->price;
	char source[600];

	sb_add(sb, "    api:\n");
	y_key_str(sb, "      ", "provider", im->src->api_provider);
	y_key_num(sb, "      ", "input", p->input);
	y_key_num(sb, "      ", "output", p->output);
	if (p->cached_input >= 0)
		y_key_num(sb, "      ", "cached_input", p->cached_input);
	if (p->cache_write >= 0)
		y_key_num(sb, "      ", "cache_write", p->cache_write);
	if (im->base && im->base->api.batch_discount > 0)
		y_key_num(sb, "      ", "batch_discount", im->base->api.batch_discount);
	if (p->long_above > 0) {
		sb_addf(sb, "      long_context:\n        above_tokens: %lld\n", (long long)p->long_above);
		y_key_num(sb, "        ", "input", p->long_input);
		y_key_num(sb, "        ", "output", p->long_output);
	}
	snprintf(source, sizeof source, "%s: %s %s%s", r->source, im->src->data, im->from->id,
		 im->base && im->base->api.batch_discount > 0 ? "; batch_discount as the catalog below had it" : "");
	y_sourced(sb, "      ", source, r->date);
}

static void y_model(struct strbuf *sb, const struct import_result *r, const struct import_model *im)
{
	const struct model *b = im->base;
	char d[16];

	sb_addf(sb, "  - id: %s\n", im->id);
	y_key_str(sb, "    ", "name", b ? b->name : im->from->name);
	y_key_str(sb, "    ", "family", im->family);
	y_key_str(sb, "    ", "vendor", b ? b->vendor : im->src->vendor);
	sb_addf(sb, "    openness: closed\n    licence: %s\n", b ? b->licence_id : im->src->licence);
	if (b && b->quality_tier != TIER_UNKNOWN)
		sb_addf(sb, "    quality_tier: %d\n", b->quality_tier);
	else
		sb_add(sb, "    quality_tier: unknown   # listed, never recommended until a tier is set\n");
	if (b ? b->context_tokens : im->from->context_window)
		sb_addf(sb, "    context_tokens: %lld\n", (long long)(b ? b->context_tokens : im->from->context_window));
	else
		sb_add(sb, "    context_tokens: unknown   # the data gives no context window\n");
	if (b && b->released) {
		format_date(b->released, d, sizeof d);
		sb_addf(sb, "    released: %s\n", d);
	}
	if ((b && b->legacy) || (!b && im->from->deprecated))   /* still served, superseded */
		sb_add(sb, "    legacy: true\n");
	if (b)
		y_benchmarks(sb, &b->bench);
	y_api(sb, r, im);
}

char *import_models_yaml(const struct import_result *r)
{
	struct strbuf sb;

	if (r->n_models == 0)
		return NULL;
	sb_init(&sb);
	y_header(&sb, r, "closed models");
	sb_add(&sb, "models:\n");
	for (int i = 0; i < r->n_models; i++)
		y_model(&sb, r, &r->models[i]);
	return sb.s;
}

/* ---- providers ---------------------------------------------------------------------- */

static void y_offer(struct strbuf *sb, const struct import_result *r, const struct import_offer *o)
{
	char source[600];

	sb_addf(sb, "      - model: %s\n", o->model_id);
	y_key_num(sb, "        ", "input", o->from ? o->input : o->base->input);
	y_key_num(sb, "        ", "output", o->from ? o->output : o->base->output);
	if (o->base && o->base->retired)
		sb_add(sb, "        status: retired\n");
	if (o->from == NULL) {
		y_sourced(sb, "        ", o->base->src.source, o->base->src.as_of);
		return;
	}
	snprintf(source, sizeof source, "%s: %s %s", r->source, o->data_provider, o->from->id);
	y_sourced(sb, "        ", source, r->date);
}

/* What the catalog below says of the provider, or what the data names a new one. */
static void y_provider_head(struct strbuf *sb, const struct import_result *r, const struct import_provider *ip)
{
	static const char *const ft[] = { "none", "lora", "full" };
	const struct provider *b = ip->base;
	char d[16], source[400];

	sb_addf(sb, "  - id: %s\n", ip->id);
	y_key_str(sb, "    ", "name", b ? b->name : ip->from->name);
	sb_addf(sb, "    status: %s\n", b && b->status == PROV_CLOSED ? "closed" : "active");
	if (b && b->status == PROV_CLOSED) {
		format_date(b->closed_on, d, sizeof d);
		sb_addf(sb, "    closed_on: %s\n", d);
	}
	y_key_str(sb, "    ", "pricing", b ? b->pricing : "per-token");
	y_key_str(sb, "    ", "latency", b ? b->latency : "not stated");
	sb_addf(sb, "    finetune: %s\n", ft[b ? b->finetune : FT_SUPPORT_NONE]);
	if (b && b->dedicated.present) {
		sb_addf(sb, "    dedicated:\n      gpu: %s\n", b->dedicated.gpu_id);
		y_key_num(sb, "      ", "usd_per_gpu_hour", b->dedicated.usd_per_gpu_hour);
		y_sourced(sb, "      ", b->dedicated.src.source, b->dedicated.src.as_of);
	}
	if (b) {
		y_sourced(sb, "    ", b->src.source, b->src.as_of);
		return;
	}
	snprintf(source, sizeof source, "%s: provider %s (a provider the catalog lacked; fine-tuning not stated)",
		 r->source, ip->from->id);
	y_sourced(sb, "    ", source, r->date);
}

char *import_providers_yaml(const struct import_result *r)
{
	struct strbuf sb;
	int written = 0;

	sb_init(&sb);
	y_header(&sb, r, "managed providers");
	sb_add(&sb, "providers:\n");
	for (int i = 0; i < r->n_providers; i++) {
		const struct import_provider *ip = &r->providers[i];
		if (!ip->priced)
			continue;
		y_provider_head(&sb, r, ip);
		sb_add(&sb, "    offers:\n");
		for (int j = 0; j < ip->n_offers; j++)
			y_offer(&sb, r, &ip->offers[j]);
		written++;
	}
	if (written == 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb.s;
}
