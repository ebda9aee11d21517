/* answers.h — what the person told us: the answers file, format version 1
 * (DESIGN.md). One key table drives the loader, the writer, the rule
 * conditions, the JSON echo and the wizard's questions. */
#ifndef OW_ANSWERS_H
#define OW_ANSWERS_H

#include <stdbool.h>
#include <stdint.h>
#include "catalog.h"
#include "owerr.h"

enum privacy { PRIV_NONE, PRIV_CONFIDENTIAL, PRIV_REGULATED, PRIV_AIRGAPPED, PRIV_COUNT };
enum finetune { FT_NONE, FT_API, FT_LORA, FT_FULL, FT_COUNT };
enum edge { EDGE_NONE, EDGE_OFFLINE, EDGE_REALTIME, EDGE_COUNT };
enum level3 { LEVEL_LOW, LEVEL_MEDIUM, LEVEL_HIGH, LEVEL_COUNT };
enum compliance { COMP_NONE, COMP_RESIDENCY, COMP_SECTOR, COMP_COUNT };

struct answers {
	int privacy;               /* enum privacy */
	int64_t requests_per_month;
	int64_t input_tokens, output_tokens, context_tokens;
	int task;                  /* enum task */
	int mlops;                 /* enum mlops_level */
	int fine_tuning;           /* enum finetune */
	int edge;                  /* enum edge */
	int latency;               /* enum latency */
	int vendor_independence;   /* enum level3 */
	int compliance;            /* enum compliance */
	bool over_700m_mau;
	int traffic;               /* enum traffic */
	double growth_per_year;
	int64_t finetune_tokens;
	int64_t finetune_cycles_per_year;
	int64_t ttft_ms;           /* time-to-first-token target; 0: the latency answer's */
	int64_t tokens_per_s_per_user;  /* per-user decode speed target; 0: the latency answer's */
	int64_t spare_replicas;    /* beyond the peak's, for failures and upgrades */
	int gpu_pricing;           /* enum price_basis: how a self-hosted fleet's GPUs are paid for */
	double cache_hit_rate;     /* share of input tokens a provider's prompt cache serves */
};

enum answer_type { AT_ENUM, AT_INT, AT_BOOL, AT_DOUBLE };

enum answer_key {
	AK_PRIVACY, AK_REQUESTS, AK_INPUT, AK_OUTPUT, AK_CONTEXT, AK_TASK, AK_MLOPS,
	AK_FINE_TUNING, AK_EDGE, AK_LATENCY, AK_VENDOR, AK_COMPLIANCE, AK_OVER_700M,
	AK_TRAFFIC, AK_GROWTH, AK_FT_TOKENS, AK_FT_CYCLES, AK_TTFT, AK_USER_SPEED, AK_SPARES,
	AK_GPU_PRICING, AK_CACHE_HIT, AK_COUNT
};

struct answer_field {
	const char *key;
	const char *question;      /* the question in words ("Data privacy"), for memos */
	enum answer_type type;
	const char *const *names;  /* AT_ENUM */
	int n_names;
	double min, max;           /* AT_INT, AT_DOUBLE */
	bool optional;
	const char *comment;       /* written beside the key in saved files */
};

extern const struct answer_field answer_fields[AK_COUNT];
extern const char *const task_names[TASK_COUNT + 1];
extern const char *const task_phrases[TASK_COUNT];   /* with its article: "an extraction task" */
extern const char *const latency_names[LAT_COUNT + 1];

/* The longest sequence a request of these answers needs: the context asked, or a whole
 * request (input + output) when that is longer. */
static inline int64_t answers_longest(const struct answers *a)
{
	int64_t whole = a->input_tokens + a->output_tokens;

	return a->context_tokens > whole ? a->context_tokens : whole;
}
extern const char *const mlops_names[MLOPS_COUNT + 1];
extern const char *const traffic_names[TRAFFIC_COUNT + 1];

void answers_default(struct answers *a);
int answer_key_from_name(const char *key);   /* -1 if unknown */

/* Generic access by key: enums and bools as their index (false 0, true 1). */
double answers_get(const struct answers *a, int key);
/* Set by key; the value is range-checked. -1 if out of range. */
int answers_set(struct answers *a, int key, double v);
/* The value as the file writes it ("confidential", "1000000", "true"). */
void answers_value_text(const struct answers *a, int key, char *buf, size_t size);

/* Load an answers file (strict). 0 on success; -1 with e set. */
int answers_load(const char *path, struct answers *a, struct ow_error *e);
int answers_parse(const char *name, const char *text, size_t len, struct answers *a,
		  struct ow_error *e);
/* The answers as a YAML document (format version 1), malloc'd. */
char *answers_to_yaml(const struct answers *a);

#endif
