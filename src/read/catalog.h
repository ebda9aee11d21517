/* catalog.h — the data openweigh decides with: models, GPUs, providers, licences,
 * architectures, decision rules and cost constants, each entry sourced and dated.
 * Loaded from the catalog folder by catalog_load.c; format in openweigh-catalog(5). */
#ifndef OW_CATALOG_H
#define OW_CATALOG_H

#include <stdbool.h>
#include <stdint.h>
#include "owerr.h"

/* Where an entry came from, so the memo can say which figures a team overrode. */
struct origin {
	char *file;
	int line, col;
	bool overlay;     /* from an overlay directory, not the base catalog */
};

struct sourced {       /* every figure's provenance */
	char *source;
	int32_t as_of;     /* days since 1970-01-01 */
};

enum openness { OPEN_CLOSED, OPEN_WEIGHT_RESTRICTED, OPEN_WEIGHT_PERMISSIVE, OPEN_FULL, OPENNESS_COUNT };
extern const char *const openness_names[OPENNESS_COUNT];

struct licence {
	char *id, *name, *terms, *attribution, *url;
	bool commercial;
	int64_t mau_limit;         /* 0: no limit */
	struct sourced src;
	struct origin at;
};

struct api_price {             /* USD per 1M tokens */
	bool present;
	char *provider;
	double input, output;
	double cached_input;       /* < 0: not offered */
	double cache_write;        /* writing the prompt cache; < 0: not given (recorded, not costed) */
	double batch_discount;     /* fraction off with the batch API; 0 if none */
	int64_t long_above;        /* 0: no long-context tier */
	double long_input, long_output;
	struct sourced src;
};

enum mlp_kind { MLP_GATED, MLP_PLAIN, MLP_UNGATED, MLP_KIND_COUNT };
enum attn_kind { ATTN_GQA, ATTN_MLA };
extern const char *const mlp_kind_names[MLP_KIND_COUNT];

/* What one layer holds besides its MLP (openweigh-catalog(5), "Layer types"):
 * attention over every past token (full), over the last `window` tokens (sliding),
 * within the current chunk of `window` tokens (chunked), a Gated DeltaNet linear
 * attention (linear) or a Mamba-2 mixer (mamba) with a fixed state per sequence, or
 * nothing (mlp: an MLP-only block, as Nemotron-H interleaves them). */
enum layer_kind { LAYER_FULL, LAYER_SLIDING, LAYER_CHUNKED, LAYER_LINEAR, LAYER_MAMBA, LAYER_MLP,
		  LAYER_KIND_COUNT };
extern const char *const layer_kind_names[LAYER_KIND_COUNT];

/* `count` layers of one kind. Attention geometry left 0 is the shape's own. */
struct layer_group {
	enum layer_kind kind;
	int64_t count;
	bool no_ffn;                     /* a mixer-only block (Nemotron-H): no MLP in these layers */
	int64_t window;                  /* sliding window or chunk, tokens */
	int64_t heads, kv_heads, head_dim, v_head_dim;
	bool k_eq_v;                     /* one projection serves as keys and values (Gemma 4 global) */
	bool gated;                      /* a sigmoid output gate doubles the query projection (Qwen3.5) */
	/* linear (Gated DeltaNet): query/key heads, value heads and their dims */
	int64_t key_heads, value_heads, key_head_dim, value_head_dim;
	/* mamba (Mamba-2): heads × head_dim is the inner width; state per head, B/C groups */
	int64_t state_size, groups;
	int64_t conv_kernel;             /* linear and mamba: the causal convolution's width */
};

#define SHAPE_MAX_GROUPS 8

/* A DeepSeek sparse-attention indexer (DSA): per layer it caches one key of head_dim. */
struct indexer {
	int64_t heads, head_dim, top_k;
};

/* The checkpoint as published. scope says which weights are in `precision`:
 * all linear layers, or only the routed experts (gpt-oss's MXFP4, Kimi K2.5's INT4). */
enum native_scope { NATIVE_ALL, NATIVE_EXPERTS };

/* The layer-level description of a shape. */
struct shape_layers {
	struct layer_group groups[SHAPE_MAX_GROUPS];
	int n_groups;                    /* 0: every layer full attention with the shape's geometry */
	int64_t moe_every;               /* 1 (or 0): every layer past first_dense_layers is MoE;
					    k: every k-th (Llama 4 Maverick), the others dense_ffn */
	int64_t shared_ffn;              /* width of one shared expert; 0: ffn */
	int64_t moe_dense_ffn;           /* a dense MLP beside the experts in each MoE layer (Gemma 4) */
	struct indexer indexer;          /* heads 0: none */
	int64_t mtp_layers;              /* multi-token-prediction layers: shipped, not counted */
	int native_precision;            /* enum precision, or -1: not stated (16-bit) */
	enum native_scope native_scope;
	/* The routed experts' parameters, all and one token's, as shape_derive() counts them:
	 * set by the loader (derived says so); the footprint reads them for every GPU. */
	bool derived;
	int64_t routed, routed_active;
};

struct shape {
	bool present;
	int64_t layers, hidden, ffn, heads, kv_heads, head_dim, vocab;
	bool tied_embeddings, qkv_bias, qk_norm, post_norms;
	enum mlp_kind mlp;
	enum attn_kind attention;
	int64_t experts, experts_per_token, shared_experts, first_dense_layers, dense_ffn;
	int64_t q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim;
	int64_t sliding_window;          /* informational for shapes without layer_types (Gemma 2) */
	struct shape_layers lay;
	int64_t params, active_params;   /* declared; active_params = params for dense */
	struct sourced src;
};

struct benchmarks {
	bool present;
	double mmlu, humaneval, mt_bench;   /* < 0: not given */
	struct sourced src;
};

/* quality_tier: unknown (a closed model import-prices added): listed and costed, never
 * recommended until someone sets its tier (plans.c skips it, tables.c says why). */
#define TIER_UNKNOWN 0

struct model {
	char *id, *name, *family, *vendor, *licence_id;
	enum openness openness;
	int quality_tier;          /* 1 frontier .. 4 small, or TIER_UNKNOWN */
	int64_t context_tokens;    /* 0: unknown (a closed model the price data gives none for) */
	int32_t released;          /* 0: not given */
	bool legacy;               /* superseded: kept for comparison, flagged in listings */
	struct benchmarks bench;
	struct api_price api;
	struct shape shape;
	const struct licence *licence;   /* resolved after loading */
	struct origin at;
};

/* Bases a GPU can be rented on (DESIGN.md "The cost model"); owned fleets use the purchase. */
enum rate_basis { RATE_ON_DEMAND, RATE_RESERVED, RATE_SPOT, RATE_COUNT };
extern const char *const rate_basis_keys[RATE_COUNT];   /* the gpus.yaml keys: price, price_reserved, price_spot */

/* How a self-hosted fleet's GPUs are paid for: rented on one of the rate bases, or
 * bought (the purchase amortised, plus power and colocation: costs.yaml, owned). */
enum price_basis { BASIS_ON_DEMAND = RATE_ON_DEMAND, BASIS_RESERVED = RATE_RESERVED, BASIS_SPOT = RATE_SPOT,
		   BASIS_OWNED = RATE_COUNT, BASIS_COUNT };
extern const char *const price_basis_names[BASIS_COUNT + 1];   /* "on-demand", ..., NULL-terminated */

struct gpu_rate {
	bool present;
	double usd_per_hour;       /* per GPU */
	int64_t term_months;       /* reserved: the commitment; else 0 */
	char *provider;
	struct sourced src;
};

enum gpu_kind { GPU_DATACENTER, GPU_WORKSTATION, GPU_EDGE, GPU_KIND_COUNT };
extern const char *const gpu_kind_names[GPU_KIND_COUNT];

struct gpu {
	char *id, *name, *vendor, *interconnect;
	enum gpu_kind kind;
	double memory_gb, bandwidth_gbs;
	double fp16_tflops, bf16_tflops, fp8_tflops, int8_tops;   /* 0: unsupported */
	double interconnect_gbs;
	int64_t max_per_node;
	double usable_fraction;    /* 0: use the catalog default */
	double prefill_efficiency; /* 0: use the catalog default (achieved ÷ peak FLOPs) */
	struct sourced src;
	struct gpu_rate rates[RATE_COUNT];   /* rental by basis; rates[RATE_ON_DEMAND] is the list price */
	double mxfp4_tflops, nvfp4_tflops; /* dense FP4 tensor throughput by format; 0: no such units */
	int64_t nvlink_domain;     /* GPUs one NVLink domain joins (GB200 NVL72: 72); 0: max_per_node */
	bool kv_fp8;               /* converts an fp8 KV cache natively (Hopper, Blackwell, MI300-class) */
	bool has_purchase;
	double purchase_usd;       /* one GPU bought (its share of a server), for owned fleets */
	struct sourced purchase_src;
	double power_w;            /* board power at load; 0: not given */
	struct origin at;
};

enum provider_status { PROV_ACTIVE, PROV_CLOSED };
enum finetune_support { FT_SUPPORT_NONE, FT_SUPPORT_LORA, FT_SUPPORT_FULL };

struct offer {
	char *model_id;
	const struct model *model;   /* resolved */
	double input, output;
	bool retired;
	struct sourced src;
	struct origin at;
};

/* What a provider charges to serve a fine-tuned model: a dedicated deployment on its
 * GPUs, billed by the GPU-hour (shared per-token prices are for the base models). */
struct dedicated_rate {
	bool present;
	char *gpu_id;
	const struct gpu *gpu;         /* resolved */
	double usd_per_gpu_hour;
	struct sourced src;
};

struct provider {
	char *id, *name, *pricing, *latency;
	enum provider_status status;
	int32_t closed_on;
	enum finetune_support finetune;
	struct dedicated_rate dedicated;
	struct sourced src;
	struct offer *offers;
	int n_offers;
	struct origin at;
};

/* The six deployment architectures (ids are part of the contract). */
enum arch {
	ARCH_DIRECT_API, ARCH_MANAGED, ARCH_SELF_SINGLE, ARCH_SELF_MULTI, ARCH_HYBRID, ARCH_ON_DEVICE,
	ARCH_COUNT
};
extern const char *const arch_ids[ARCH_COUNT];
int arch_from_id(const char *id);   /* -1 if unknown */
/* arch's id, or "nothing feasible" for ARCH_COUNT (what a change leaves when it
 * makes every architecture infeasible). */
const char *arch_id_or_none(int arch);

struct architecture {
	char *name, *models_supported, *complexity, *use_case;
	double base_score;
	struct origin at;
};

/* A rule's condition on one answer: the key and the values (enum/bool) or a range. */
struct rule_cond {
	int key;                   /* index into the answers key table (answers.h) */
	uint32_t values;           /* bit i set: enum value i matches (bool: 0 false, 1 true) */
	bool ranged;
	double min, max;           /* numeric keys: min ≤ v < max */
};

enum model_gate { GATE_NONE, GATE_MAU_LIMIT, GATE_NON_COMMERCIAL };

/* A rule's claim about costs ("self-hosting is cheaper at scale"): it holds at a set of
 * answers when the cheapest plan of the `cheaper` architectures costs less than the
 * cheapest of the `than` ones; the rule fires only then. Bit per enum arch. */
struct rule_claim {
	uint32_t cheaper, than;    /* 0, 0: no claim */
};

struct rule {
	char *id, *because, *row;
	struct rule_claim claim;
	struct rule_cond *conds;
	int n_conds;
	double weight[ARCH_COUNT];
	bool exclude[ARCH_COUNT];
	enum model_gate gate;
	struct origin at;
};

enum task { TASK_REASONING, TASK_GENERAL, TASK_EXTRACTION, TASK_CODE, TASK_COUNT };
enum precision { PREC_FP16, PREC_BF16, PREC_FP8, PREC_INT8, PREC_INT4, PREC_MXFP4, PREC_NVFP4, PREC_COUNT };
extern const char *const precision_names[PREC_COUNT + 1];   /* NULL-terminated */
int precision_from_name(const char *s);

enum mlops_level { MLOPS_NONE, MLOPS_PARTIAL, MLOPS_DEDICATED, MLOPS_COUNT };
enum size_class { SIZE_SMALL, SIZE_LARGE, SIZE_XL, SIZE_COUNT };
enum traffic { TRAFFIC_STEADY, TRAFFIC_BUSINESS, TRAFFIC_BURSTY, TRAFFIC_COUNT };
enum latency { LAT_BATCH, LAT_INTERACTIVE, LAT_REALTIME, LAT_COUNT };

/* The seed's hidden costs of self-hosting for one ML-ops level and model size, at
 * their floor: what a fleet of up to one node costs a month (USD). */
struct hidden_costs {
	double engineering, orchestration, monitoring;
};

/* The uncertain assumptions the sensitivity analysis turns (costs.yaml, sensitivity):
 * the first six multiply a catalog figure or an answer, the last two are the answer's
 * value itself. */
enum assumption {
	ASSUME_GPU_PRICE, ASSUME_TOKEN_PRICE, ASSUME_VOLUME, ASSUME_OUTPUT, ASSUME_PEAK, ASSUME_HIDDEN,
	ASSUME_CACHE, ASSUME_GROWTH, ASSUME_COUNT
};
extern const char *const assumption_names[ASSUME_COUNT + 1];   /* the costs.yaml keys, NULL-terminated */
extern const char *const assumption_words[ASSUME_COUNT];       /* the same in words, for memos */
#define ASSUME_MULTIPLIERS ASSUME_CACHE   /* assumptions before it are multipliers */

/* Constants of the footprint and cost models (costs.yaml), each with its source. */
struct cost_model {
	/* footprint */
	double bytes_per_param[PREC_COUNT];
	double int4_group_size, int4_scale_bytes;   /* group-wise scales of int4 weights */
	double mxfp4_group_size, mxfp4_scale_bytes; /* OCP MX: one E8M0 scale per 32 values */
	double nvfp4_group_size, nvfp4_scale_bytes; /* NVFP4: one E4M3 scale per 16 values */
	double state_bytes;                         /* bytes per recurrent-state element (linear, mamba) */
	bool quant_keeps_embeddings_16bit;
	double kv_bytes;                            /* bytes per KV element */
	double overhead_gb;                         /* per GPU: CUDA context, activations, slack */
	double usable_fraction;                     /* of GPU memory the runtime may use */
	double headroom_fraction;                   /* of GPU memory kept free beyond weights + KV */
	double decode_efficiency, prefill_efficiency;
	int64_t max_batch;                          /* the serving engine's most sequences in a batch */
	char *kv_fp8_note;                          /* what an fp8 KV cache costs in quality, sourced */
	/* latency targets by the latency answer (0: none) */
	struct latency_target { double ttft_ms, tokens_per_s_per_user; } latency[LAT_COUNT];
	int64_t node_size;                          /* GPUs per node, tensor parallel limit */
	/* fleet */
	double hours_per_month;                     /* 730 */
	struct traffic_shape {
		double hours;            /* hours a month the traffic arrives over */
		double peak;             /* peak ÷ average rate the fleet must carry */
		double headroom;         /* autoscaled: capacity kept above the load (the scale-up margin) */
		double cold_start_hours; /* autoscaled: hours per peak replica lost to scale-ups */
	} traffic[TRAFFIC_COUNT];
	/* owned GPUs: the purchase amortised, power and housing */
	struct owned_costs {
		double years;                 /* amortisation period */
		double capex_overhead;        /* networking, cabling, insurance on top of the GPUs */
		double host_fraction;         /* the server around the GPUs (CPUs, memory, NICs, chassis) ÷ the GPUs' price */
		double host_power_factor;     /* a GPU's share of its server's power ÷ its board power */
		double pue;                   /* facility power ÷ IT power */
		double usd_per_kwh;           /* electricity */
		double colocation_usd_per_kw_month;
	} owned;
	/* hidden costs by ML-ops level and model size, growing with the fleet */
	double size_small_max_b, size_large_max_b;  /* size classes by total parameters, billions */
	struct hidden_costs hidden[MLOPS_COUNT][SIZE_COUNT];   /* floors */
	double fte_usd_month;                       /* one loaded ML-ops engineer a month */
	double gpus_per_fte[MLOPS_COUNT];           /* GPUs one engineer runs */
	double on_call_fte;                         /* an off-hours on-call rotation, in FTE */
	double gpus_per_on_call;                    /* GPUs one rotation covers */
	double orchestration_per_gpu, monitoring_per_gpu;   /* beyond the first node */
	/* fine-tuning */
	double lora_flops_factor, full_flops_factor;   /* × params × tokens */
	double finetune_mfu;                        /* training utilisation of peak */
	double full_bytes_per_param, lora_bytes_per_param;   /* training memory a parameter */
	double finetune_labour_usd[2];              /* seed: $1,000–5,000 per update cycle */
	/* on-device */
	double edge_engineering[MLOPS_COUNT];
	double edge_max_params_b;
	/* hybrid */
	double hybrid_api_share;
	/* sensitivity: each assumption's low and high value */
	struct { double low, high; } sensitivity[ASSUME_COUNT];
	struct sourced src;
};

/* Scoring constants and the quality policy (rules.yaml). */
struct policy {
	int required_tier[TASK_COUNT];
	uint32_t precisions[TASK_COUNT];            /* bit per enum precision allowed */
	double cost_weight, cost_cap;               /* points per 100 % premium over the cheapest, cap */
	double quality_gap_weight;                  /* points per tier short of the need */
};

struct catalog {
	char *dir;                 /* base directory */
	char **overlay_dirs;
	int n_overlays;
	int32_t as_of;
	char sha256[65];
	struct model *models; int n_models;
	struct gpu *gpus; int n_gpus;
	struct provider *providers; int n_providers;
	struct licence *licences; int n_licences;
	struct architecture arch[ARCH_COUNT];
	struct rule *rules; int n_rules;
	struct cost_model cost;
	struct policy policy;
	struct preset { char *id, *path, *title; } *presets; int n_presets;
	char **paths; int n_paths;     /* every file read; origins point into these */
};

/* Load the catalog from dir, then lay each overlay directory over it by id.
 * A directory holding catalog.yaml is a full catalog; one without is an overlay
 * (any subset of the files). NULL on error with e set. */
struct catalog *catalog_load(const char *dir, const char *const *overlays, int n_overlays,
			     struct ow_error *e);
void catalog_free(struct catalog *c);

const struct model *catalog_model(const struct catalog *c, const char *id);
const struct gpu *catalog_gpu(const struct catalog *c, const char *id);
const struct licence *catalog_licence(const struct catalog *c, const char *id);
const struct provider *catalog_provider(const struct catalog *c, const char *id);

/* Parameters derived from a shape (the formula in openweigh-catalog(5), "Parameter
 * count"), every product and sum overflow-checked. */
struct shape_count {
	int64_t params, active;          /* total; per token (routed experts at experts_per_token) */
	int64_t routed, routed_active;   /* the routed experts' share of each */
	const char *overflow;            /* NULL, or the term that overflowed 64 bits ("hidden x heads x head_dim") */
};
/* 0, or -1 with c->overflow naming the fields whose product does not fit. */
int shape_derive(const struct shape *s, struct shape_count *c);
int64_t shape_params(const struct shape *s);          /* -1 on overflow */
/* The shape's layer groups; without layer_types, one group of every layer full
 * attention, written into *one. */
const struct layer_group *shape_groups(const struct shape *s, struct layer_group *one, int *n);
/* A group's geometry field, or the shape's when the group leaves it 0. */
static inline int64_t shape_or(int64_t v, int64_t dflt) { return v ? v : dflt; }
int64_t shape_active_params(const struct shape *s);   /* -1 on overflow */
/* Parameters in the embedding table and output head (kept 16-bit when quantised). */
int64_t shape_embedding_params(const struct shape *s);
/* The layers of each kind (0 for a kind the shape has none of). */
int64_t shape_layers_of(const struct shape *s, enum layer_kind k);
enum size_class size_class_of(const struct cost_model *cm, double params);
bool model_is_open(const struct model *m);
/* A quality tier as shown: "1" .. "4", or "unknown" (TIER_UNKNOWN). */
const char *quality_tier_name(int tier);

#endif
