/* catalog_list.c — `openweigh catalog list`: aligned tables or JSON arrays. */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"
#include "yread.h"

/* The file an entry in effect was read from (the last layer that defines its id). */
static void add_from(cJSON *o, const struct origin *at)
{
	cJSON_AddStringToObject(o, "from", at->file ? at->file : "");
}

static void add_sourced(cJSON *o, const char *prefix, const struct sourced *s)
{
	char key[64], d[16];

	format_date(s->as_of, d, sizeof d);
	snprintf(key, sizeof key, "%sas_of", prefix);
	cJSON_AddStringToObject(o, key, d);
	snprintf(key, sizeof key, "%ssource", prefix);
	cJSON_AddStringToObject(o, key, s->source);
}

static cJSON *model_json(const struct model *m)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", m->id);
	cJSON_AddStringToObject(o, "name", m->name);
	cJSON_AddStringToObject(o, "vendor", m->vendor);
	cJSON_AddStringToObject(o, "openness", openness_names[m->openness]);
	cJSON_AddStringToObject(o, "licence", m->licence_id);
	if (m->quality_tier == TIER_UNKNOWN)
		cJSON_AddNullToObject(o, "quality_tier");
	else
		cJSON_AddNumberToObject(o, "quality_tier", m->quality_tier);
	if (m->context_tokens)
		cJSON_AddNumberToObject(o, "context_tokens", (double)m->context_tokens);
	else
		cJSON_AddNullToObject(o, "context_tokens");
	if (m->released) {
		char d[16];
		format_date(m->released, d, sizeof d);
		cJSON_AddStringToObject(o, "released", d);
	} else {
		cJSON_AddNullToObject(o, "released");
	}
	cJSON_AddBoolToObject(o, "legacy", m->legacy);
	if (m->shape.present) {
		cJSON_AddNumberToObject(o, "params", (double)m->shape.params);
		cJSON_AddNumberToObject(o, "active_params", (double)m->shape.active_params);
		add_sourced(o, "shape_", &m->shape.src);
	} else {
		cJSON_AddNullToObject(o, "params");
	}
	if (m->api.present) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddNumberToObject(p, "input", m->api.input);
		cJSON_AddNumberToObject(p, "output", m->api.output);
		if (m->api.cached_input >= 0)
			cJSON_AddNumberToObject(p, "cached_input", m->api.cached_input);
		if (m->api.cache_write >= 0)
			cJSON_AddNumberToObject(p, "cache_write", m->api.cache_write);
		if (m->api.long_above > 0) {
			cJSON *lc = cJSON_CreateObject();
			cJSON_AddNumberToObject(lc, "above_tokens", (double)m->api.long_above);
			cJSON_AddNumberToObject(lc, "input", m->api.long_input);
			cJSON_AddNumberToObject(lc, "output", m->api.long_output);
			cJSON_AddItemToObject(p, "long_context", lc);
		}
		cJSON_AddNumberToObject(p, "batch_discount", m->api.batch_discount);
		cJSON_AddItemToObject(o, "prices", p);
		add_sourced(o, "", &m->api.src);
	}
	if (m->at.overlay)
		cJSON_AddBoolToObject(o, "from_overlay", true);
	add_from(o, &m->at);
	return o;
}

static cJSON *gpu_json(const struct gpu *g)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", g->id);
	cJSON_AddStringToObject(o, "name", g->name);
	cJSON_AddStringToObject(o, "kind", gpu_kind_names[g->kind]);
	cJSON_AddNumberToObject(o, "memory_gb", g->memory_gb);
	cJSON_AddNumberToObject(o, "bandwidth_gbs", g->bandwidth_gbs);
	cJSON_AddNumberToObject(o, "bf16_tflops", g->bf16_tflops);
	cJSON_AddNumberToObject(o, "fp8_tflops", g->fp8_tflops);
	add_sourced(o, "", &g->src);
	if (g->rates[RATE_ON_DEMAND].present) {
		cJSON_AddNumberToObject(o, "usd_per_hour", g->rates[RATE_ON_DEMAND].usd_per_hour);
		cJSON_AddStringToObject(o, "price_provider", g->rates[RATE_ON_DEMAND].provider);
		add_sourced(o, "price_", &g->rates[RATE_ON_DEMAND].src);
	}
	if (g->at.overlay)
		cJSON_AddBoolToObject(o, "from_overlay", true);
	add_from(o, &g->at);
	return o;
}

static cJSON *provider_json(const struct provider *p)
{
	cJSON *o = cJSON_CreateObject(), *offers = cJSON_CreateArray();

	cJSON_AddStringToObject(o, "id", p->id);
	cJSON_AddStringToObject(o, "name", p->name);
	cJSON_AddStringToObject(o, "status", p->status == PROV_ACTIVE ? "active" : "closed");
	add_sourced(o, "", &p->src);
	for (int i = 0; i < p->n_offers; i++) {
		cJSON *f = cJSON_CreateObject();
		cJSON_AddStringToObject(f, "model", p->offers[i].model_id);
		cJSON_AddNumberToObject(f, "input", p->offers[i].input);
		cJSON_AddNumberToObject(f, "output", p->offers[i].output);
		cJSON_AddBoolToObject(f, "retired", p->offers[i].retired);
		add_sourced(f, "", &p->offers[i].src);
		cJSON_AddItemToArray(offers, f);
	}
	cJSON_AddItemToObject(o, "offers", offers);
	add_from(o, &p->at);
	return o;
}

/* The release date as YYYY-MM-DD, or "-" when the catalog gives none. */
static void list_model_dates(const struct model *m, char *released, size_t size)
{
	if (m->released)
		format_date(m->released, released, size);
	else
		snprintf(released, size, "-");
}

static void list_models(const struct catalog *c)
{
	char d[16], params[32], released[16];

	printf("%-24s %-24s %-22s %7s %10s %-10s %-6s %8s %8s  %s\n", "ID", "OPENNESS", "LICENCE", "TIER",
	       "PARAMS", "RELEASED", "LEGACY", "IN $/1M", "OUT $/1M", "PRICE AS OF");
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		if (m->shape.present)
			fmt_short(params, sizeof params, (double)m->shape.params);
		else
			snprintf(params, sizeof params, "-");
		if (m->api.present)
			format_date(m->api.src.as_of, d, sizeof d);
		list_model_dates(m, released, sizeof released);
		printf("%-24s %-24s %-22s %7s %10s %-10s %-6s ", m->id, openness_names[m->openness], m->licence_id,
		       quality_tier_name(m->quality_tier), params, released, m->legacy ? "legacy" : "-");
		if (m->api.present)
			printf("%8.3f %8.3f  %s\n", m->api.input, m->api.output, d);
		else
			printf("%8s %8s  %s\n", "-", "-", "-");
	}
}

static void list_gpus(const struct catalog *c)
{
	char d[16];

	printf("%-22s %-11s %8s %9s %8s %8s %8s  %-14s %s\n", "ID", "KIND", "MEM GB", "BW GB/s",
	       "BF16 TF", "FP8 TF", "$/HOUR", "PROVIDER", "PRICE AS OF");
	for (int i = 0; i < c->n_gpus; i++) {
		const struct gpu *g = &c->gpus[i];
		printf("%-22s %-11s %8.0f %9.0f %8.0f %8.0f ", g->id, gpu_kind_names[g->kind], g->memory_gb,
		       g->bandwidth_gbs, g->bf16_tflops, g->fp8_tflops);
		if (g->rates[RATE_ON_DEMAND].present) {
			format_date(g->rates[RATE_ON_DEMAND].src.as_of, d, sizeof d);
			printf("%8.3f  %-14.14s %s\n", g->rates[RATE_ON_DEMAND].usd_per_hour, g->rates[RATE_ON_DEMAND].provider, d);
		} else {
			printf("%8s  %-14s %s\n", "-", "-", "-");
		}
	}
}

static void list_providers(const struct catalog *c)
{
	char d[16];

	printf("%-14s %-8s %-10s %-10s %-9s %6s  %s\n", "ID", "STATUS", "PRICING", "LATENCY", "FINETUNE",
	       "OFFERS", "CLOSED ON");
	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		static const char *const ft[] = { "none", "lora", "full" };
		if (p->status == PROV_CLOSED)
			format_date(p->closed_on, d, sizeof d);
		printf("%-14s %-8s %-10s %-10s %-9s %6d  %s\n", p->id,
		       p->status == PROV_ACTIVE ? "active" : "closed", p->pricing, p->latency,
		       ft[p->finetune], p->n_offers, p->status == PROV_CLOSED ? d : "-");
	}
}

/* The presets --answers NAME takes (shell completion reads the first column). */
static void list_presets(const struct catalog *c)
{
	printf("%-24s %s\n", "ID", "TITLE");
	for (int i = 0; i < c->n_presets; i++)
		printf("%-24s %s\n", c->presets[i].id, c->presets[i].title);
}

static cJSON *preset_json(const struct preset *p)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", p->id);
	cJSON_AddStringToObject(o, "title", p->title);
	cJSON_AddStringToObject(o, "file", p->path);
	return o;
}

int cmd_catalog_list(const struct catalog *c, const char *what, bool json)
{
	cJSON *arr;
	char *s;

	if (strcmp(what, "models") && strcmp(what, "gpus") && strcmp(what, "providers") && strcmp(what, "presets")) {
		fprintf(stderr, "openweigh: catalog list takes models, gpus, providers or presets, not '%s'\n", what);
		return OW_EXIT_INPUT;
	}
	if (!json) {
		if (!strcmp(what, "models"))
			list_models(c);
		else if (!strcmp(what, "gpus"))
			list_gpus(c);
		else if (!strcmp(what, "presets"))
			list_presets(c);
		else
			list_providers(c);
		return fflush(stdout) == 0 ? OW_EXIT_OK : OW_EXIT_IO;
	}
	arr = cJSON_CreateArray();
	if (!strcmp(what, "models"))
		for (int i = 0; i < c->n_models; i++)
			cJSON_AddItemToArray(arr, model_json(&c->models[i]));
	else if (!strcmp(what, "gpus"))
		for (int i = 0; i < c->n_gpus; i++)
			cJSON_AddItemToArray(arr, gpu_json(&c->gpus[i]));
	else if (!strcmp(what, "presets"))
		for (int i = 0; i < c->n_presets; i++)
			cJSON_AddItemToArray(arr, preset_json(&c->presets[i]));
	else
		for (int i = 0; i < c->n_providers; i++)
			cJSON_AddItemToArray(arr, provider_json(&c->providers[i]));
	s = cJSON_Print(arr);
	puts(s);
	free(s);
	cJSON_Delete(arr);
	return fflush(stdout) == 0 ? OW_EXIT_OK : OW_EXIT_IO;
}
