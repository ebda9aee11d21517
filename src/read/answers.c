/* answers.c — the answers file, format version 1 (DESIGN.md, "The answers file"). */
#include "answers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yread.h"
#include "ytree.h"

static const char *const privacy_names[] = { "none", "confidential", "regulated", "air-gapped" };
const char *const task_names[TASK_COUNT + 1] = { "reasoning", "general", "extraction", "code", NULL };
const char *const task_phrases[TASK_COUNT] = {
	[TASK_REASONING] = "a reasoning task", [TASK_GENERAL] = "a general task",
	[TASK_EXTRACTION] = "an extraction task", [TASK_CODE] = "a code task",
};
const char *const mlops_names[MLOPS_COUNT + 1] = { "none", "partial", "dedicated", NULL };
static const char *const finetune_names[] = { "none", "api", "lora", "full" };
static const char *const edge_names[] = { "none", "offline", "realtime" };
const char *const latency_names[LAT_COUNT + 1] = { "batch", "interactive", "realtime", NULL };
static const char *const level_names[] = { "low", "medium", "high" };
static const char *const compliance_names[] = { "none", "data-residency", "sector" };
const char *const traffic_names[TRAFFIC_COUNT + 1] = { "steady", "business-hours", "bursty", NULL };
static const char *const bool_names[] = { "false", "true" };

#define ENUM(list) .type = AT_ENUM, .names = list, .n_names = (int)ARRAY_LEN(list)
/* Bounds: DESIGN.md gives 0 .. 10^12 requests; token counts up to 10^7 cover any context. */
const struct answer_field answer_fields[AK_COUNT] = {
	[AK_PRIVACY] = { .key = "privacy", .question = "Data privacy", ENUM(privacy_names), .optional = false,
		.comment = "none | confidential | regulated | air-gapped" },
	[AK_REQUESTS] = { .key = "requests_per_month", .question = "Requests per month", .type = AT_INT, .min = 0, .max = 1e12, .optional = false,
		.comment = "integer, 0 .. 10^12" },
	[AK_INPUT] = { .key = "input_tokens", .question = "Input tokens/request", .type = AT_INT, .min = 1, .max = 1e7, .optional = false,
		.comment = "average per request" },
	[AK_OUTPUT] = { .key = "output_tokens", .question = "Output tokens/request", .type = AT_INT, .min = 1, .max = 1e7, .optional = false,
		.comment = "average per request" },
	[AK_CONTEXT] = { .key = "context_tokens", .question = "Longest context", .type = AT_INT, .min = 1, .max = 1e7, .optional = false,
		.comment = "longest context a request needs" },
	[AK_TASK] = { .key = "task", .question = "Task type", .type = AT_ENUM, .names = task_names, .n_names = TASK_COUNT, .optional = false,
		.comment = "reasoning | general | extraction | code" },
	[AK_MLOPS] = { .key = "mlops", .question = "ML-ops capacity", .type = AT_ENUM, .names = mlops_names, .n_names = MLOPS_COUNT, .optional = false,
		.comment = "none | partial | dedicated" },
	[AK_FINE_TUNING] = { .key = "fine_tuning", .question = "Fine-tuning", ENUM(finetune_names), .optional = false,
		.comment = "none | api | lora | full" },
	[AK_EDGE] = { .key = "edge", .question = "Edge / on-device", ENUM(edge_names), .optional = false,
		.comment = "none | offline | realtime" },
	[AK_LATENCY] = { .key = "latency", .question = "Latency", .type = AT_ENUM, .names = latency_names, .n_names = LAT_COUNT, .optional = false,
		.comment = "batch | interactive | realtime" },
	[AK_VENDOR] = { .key = "vendor_independence", .question = "Vendor independence", ENUM(level_names), .optional = false,
		.comment = "low | medium | high" },
	[AK_COMPLIANCE] = { .key = "compliance", .question = "Compliance", ENUM(compliance_names), .optional = false,
		.comment = "none | data-residency | sector" },
	[AK_OVER_700M] = { .key = "over_700m_mau", .question = "Over 700M MAU", .type = AT_BOOL, .names = bool_names, .n_names = 2, .optional = false,
		.comment = "licence exposure (Llama community licence)" },
	[AK_TRAFFIC] = { .key = "traffic", .question = "Traffic shape", .type = AT_ENUM, .names = traffic_names, .n_names = TRAFFIC_COUNT, .optional = true,
		.comment = "steady | business-hours | bursty" },
	[AK_GROWTH] = { .key = "growth_per_year", .question = "Growth per year", .type = AT_DOUBLE, .min = -0.99, .max = 100, .optional = true,
		.comment = "0.5 = +50 %/year, for the 12-month view" },
	[AK_FT_TOKENS] = { .key = "finetune_tokens", .question = "Fine-tune tokens/run", .type = AT_INT, .min = 0, .max = 1e15, .optional = true,
		.comment = "tokens in one fine-tuning run (dataset x epochs)" },
	[AK_FT_CYCLES] = { .key = "finetune_cycles_per_year", .question = "Fine-tunes per year", .type = AT_INT, .min = 0, .max = 365, .optional = true,
		.comment = "how often the model is re-tuned" },
	[AK_TTFT] = { .key = "ttft_ms", .question = "First token, ms", .type = AT_INT, .min = 0, .max = 3600000, .optional = true,
		.comment = "at the fleet's load; 0: the latency's" },
	[AK_USER_SPEED] = { .key = "tokens_per_s_per_user", .question = "Tokens/s per user", .type = AT_INT, .min = 0, .max = 100000, .optional = true,
		.comment = "each user, under load; 0: the latency's" },
	[AK_SPARES] = { .key = "spare_replicas", .question = "Spare replicas", .type = AT_INT, .min = 0, .max = 1000, .optional = true,
		.comment = "replicas kept beyond the peak for failures and upgrades" },
	[AK_GPU_PRICING] = { .key = "gpu_pricing", .question = "GPU pricing", .type = AT_ENUM, .names = price_basis_names, .n_names = BASIS_COUNT,
		.optional = true, .comment = "on-demand | reserved | spot | owned (air-gapped implies owned)" },
	[AK_CACHE_HIT] = { .key = "cache_hit_rate", .question = "Prompt cache hits", .type = AT_DOUBLE, .min = 0, .max = 1, .optional = true,
		.comment = "share of input tokens served from a provider's prompt cache" },
};

void answers_default(struct answers *a)
{
	memset(a, 0, sizeof *a);
	a->privacy = PRIV_CONFIDENTIAL;
	a->requests_per_month = 1000000;
	a->input_tokens = 1000;
	a->output_tokens = 1000;
	a->context_tokens = 8192;
	a->task = TASK_GENERAL;
	a->mlops = MLOPS_PARTIAL;
	a->fine_tuning = FT_NONE;
	a->edge = EDGE_NONE;
	a->latency = LAT_INTERACTIVE;
	a->vendor_independence = LEVEL_MEDIUM;
	a->compliance = COMP_NONE;
	a->traffic = TRAFFIC_STEADY;
	a->spare_replicas = 1;
}

int answer_key_from_name(const char *key)
{
	for (int i = 0; i < AK_COUNT; i++)
		if (strcmp(answer_fields[i].key, key) == 0)
			return i;
	return -1;
}

/* Pointers to each field by key; one place that knows the struct layout. */
static void *field_ptr(const struct answers *a, int key)
{
	struct answers *m = (struct answers *)a;
	switch (key) {
	case AK_PRIVACY: return &m->privacy;
	case AK_REQUESTS: return &m->requests_per_month;
	case AK_INPUT: return &m->input_tokens;
	case AK_OUTPUT: return &m->output_tokens;
	case AK_CONTEXT: return &m->context_tokens;
	case AK_TASK: return &m->task;
	case AK_MLOPS: return &m->mlops;
	case AK_FINE_TUNING: return &m->fine_tuning;
	case AK_EDGE: return &m->edge;
	case AK_LATENCY: return &m->latency;
	case AK_VENDOR: return &m->vendor_independence;
	case AK_COMPLIANCE: return &m->compliance;
	case AK_OVER_700M: return &m->over_700m_mau;
	case AK_TRAFFIC: return &m->traffic;
	case AK_GROWTH: return &m->growth_per_year;
	case AK_FT_TOKENS: return &m->finetune_tokens;
	case AK_FT_CYCLES: return &m->finetune_cycles_per_year;
	case AK_TTFT: return &m->ttft_ms;
	case AK_USER_SPEED: return &m->tokens_per_s_per_user;
	case AK_SPARES: return &m->spare_replicas;
	case AK_GPU_PRICING: return &m->gpu_pricing;
	case AK_CACHE_HIT: return &m->cache_hit_rate;
	}
	return NULL;
}

double answers_get(const struct answers *a, int key)
{
	void *p = field_ptr(a, key);

	switch (answer_fields[key].type) {
	case AT_ENUM: return *(int *)p;
	case AT_BOOL: return *(bool *)p ? 1 : 0;
	case AT_INT: return (double)*(int64_t *)p;
	case AT_DOUBLE: return *(double *)p;
	}
	return 0;
}

int answers_set(struct answers *a, int key, double v)
{
	const struct answer_field *f = &answer_fields[key];
	void *p = field_ptr(a, key);

	if (!isfinite(v))
		return -1;
	switch (f->type) {
	case AT_ENUM:
		if (v < 0 || v >= f->n_names || v != floor(v))
			return -1;
		*(int *)p = (int)v;
		return 0;
	case AT_BOOL:
		if (v != 0 && v != 1)
			return -1;
		*(bool *)p = v == 1;
		return 0;
	case AT_INT:
		if (v < f->min || v > f->max || v != floor(v))
			return -1;
		*(int64_t *)p = (int64_t)v;
		return 0;
	case AT_DOUBLE:
		if (v < f->min || v > f->max)
			return -1;
		*(double *)p = v;
		return 0;
	}
	return -1;
}

void answers_value_text(const struct answers *a, int key, char *buf, size_t size)
{
	const struct answer_field *f = &answer_fields[key];
	double v = answers_get(a, key);

	if (f->type == AT_ENUM || f->type == AT_BOOL)
		snprintf(buf, size, "%s", f->names[(int)v]);
	else if (f->type == AT_INT)
		snprintf(buf, size, "%lld", (long long)v);
	else {
		/* the shortest form that reads back the same: 0.3, not 0.29999999999999999 */
		snprintf(buf, size, "%.15g", v);
		if (strtod(buf, NULL) != v)
			snprintf(buf, size, "%.17g", v);
	}
}

/* Read one key if present; a bad value is reported before any missing key. */
static int read_field(struct yread *r, const struct ynode *root, int key, struct answers *a)
{
	const struct answer_field *f = &answer_fields[key];
	int req = YR_OPTIONAL;
	void *p = field_ptr(a, key);

	switch (f->type) {
	case AT_ENUM:
		return yr_enum(r, root, f->key, req, f->names, f->n_names, p);
	case AT_BOOL:
		return yr_bool(r, root, f->key, req, p);
	case AT_INT:
		return yr_int(r, root, f->key, req, (int64_t)f->min, (int64_t)f->max, p);
	case AT_DOUBLE:
		return yr_double(r, root, f->key, req, f->min, f->max, p);
	}
	return -1;
}

static int answers_from_tree(struct yread *r, const struct ynode *root, struct answers *a)
{
	const char *keys[AK_COUNT + 2];
	int64_t version = 0;

	keys[0] = "openweigh_answers";
	for (int i = 0; i < AK_COUNT; i++)
		keys[i + 1] = answer_fields[i].key;
	keys[AK_COUNT + 1] = NULL;
	if (yr_expect_map(r, root, "an answers file") || yr_known_keys(r, root, keys))
		return -1;
	if (ymap_get(root, "openweigh_answers") == NULL)
		return yr_fail(r, root, "missing 'openweigh_answers: 1' (is this an openweigh answers file?)");
	if (yr_int(r, root, "openweigh_answers", YR_REQUIRED, 0, INT64_MAX, &version))
		return -1;
	if (version != 1)
		return yr_fail(r, ymap_get(root, "openweigh_answers"),
			       "answers format version %lld is not supported (this openweigh reads version 1)",
			       (long long)version);
	answers_default(a);
	for (int i = 0; i < AK_COUNT; i++)
		if (read_field(r, root, i, a) != 0)
			return -1;
	for (int i = 0; i < AK_COUNT; i++)
		if (!answer_fields[i].optional && ymap_get(root, answer_fields[i].key) == NULL)
			return yr_fail(r, root, "missing required key '%s'", answer_fields[i].key);
	return 0;
}

int answers_parse(const char *name, const char *text, size_t len, struct answers *a,
		  struct ow_error *e)
{
	struct yread r = { name, e };
	struct answers tmp;
	struct ynode *root = ytree_parse(name, text, len, e);
	int rc;

	if (root == NULL)
		return -1;
	rc = answers_from_tree(&r, root, &tmp);
	ytree_free(root);
	if (rc == 0)
		*a = tmp;    /* all or nothing: a bad file never leaves half its answers */
	return rc;
}

int answers_load(const char *path, struct answers *a, struct ow_error *e)
{
	size_t len = 0;
	char *text = read_file_limited(path, 1024 * 1024, &len, e);
	int rc;

	if (text == NULL)
		return -1;
	rc = answers_parse(path, text, len, a, e);
	free(text);
	return rc;
}

char *answers_to_yaml(const struct answers *a)
{
	struct strbuf sb;
	char val[64];

	sb_init(&sb);
	sb_add(&sb, "# openweigh answers (format version 1); see openweigh-catalog(5)\n");
	sb_add(&sb, "openweigh_answers: 1\n");
	for (int i = 0; i < AK_COUNT; i++) {
		char line[128];
		answers_value_text(a, i, val, sizeof val);
		snprintf(line, sizeof line, "%s: %s", answer_fields[i].key, val);
		sb_addf(&sb, "%-40s # %s\n", line, answer_fields[i].comment);
	}
	char *s = sb.s;
	return s;
}
