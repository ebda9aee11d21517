/* footprint.h — what serving a model on a GPU takes, from first principles:
 * weights, KV cache, overhead, GPU count, tensor parallelism, tokens/s. */
#ifndef OW_FOOTPRINT_H
#define OW_FOOTPRINT_H

#include <stdbool.h>
#include <stdint.h>
#include "catalog.h"

/* Why a replica does not run (FIT_OK: it does); footprint_explain says it in words. */
enum fit { FIT_OK, FIT_PRECISION, FIT_MEMORY, FIT_LATENCY, FIT_WINDOW };

/* What stopped a serving batch from growing. */
enum batch_limit { LIMIT_FIXED, LIMIT_MEMORY, LIMIT_ENGINE, LIMIT_DEVICE, LIMIT_USER_SPEED, LIMIT_TTFT, LIMIT_COUNT };
extern const char *const batch_limit_words[LIMIT_COUNT];

/* What a replica is sized to serve (DESIGN.md "The footprint model"). */
struct serving {
	int64_t input_tokens, output_tokens;   /* the average request */
	int64_t context_tokens;                /* the longest one sequence must hold: the layout fits it */
	int64_t hold_tokens;                   /* what each batched sequence holds; 0: input + output */
	int64_t read_tokens;                   /* its mean length while decoding; 0: input + output/2 */
	double ttft_ms, tokens_per_s_per_user; /* latency targets; 0: none */
	int64_t batch;                         /* > 0: this batch; 0: the largest memory and the targets allow */
	int64_t batch_cap;                     /* > 0: at most this many (a device serves its one user) */
	int64_t min_tp;                        /* > 1: tensor parallelism at least this wide */
	int kv_precision;                      /* enum precision, or -1: the GPU's own choice */
};

struct footprint {
	const struct model *model;
	const struct gpu *gpu;
	enum precision precision;
	int64_t batch, context;           /* sequences decoded together; tokens each holds */
	bool feasible;                    /* the GPU can run this precision and it fits a fleet */
	enum fit fit;                     /* why not, when not */
	char why_not[200];                /* the same in words, once footprint_explain has run */
	double alone_tokens_per_s, alone_ttft_ms;   /* FIT_LATENCY: one sequence alone, and the targets */
	double target_tokens_per_s, target_ttft_ms;
	int64_t longest;                  /* FIT_WINDOW: the tokens asked */
	int64_t gpu_count;                /* GPUs one replica needs */
	int64_t tensor_parallel, pipeline_stages;
	double weights_bytes;
	double active_params;             /* read per decoded token (declared; = params for dense) */
	double active_weights_bytes;      /* their bytes at this precision (MoE: one token's experts) */
	double kv_bytes_per_token;        /* the full-attention layers: what grows with context */
	double state_bytes;               /* per sequence, fixed: linear/Mamba recurrent state */
	double window_bytes;              /* per sequence: the sliding and chunked layers' cache, each
					     holding at most its window (outside kv_bytes_per_token) */
	double kv_bytes;                  /* the batch's KV cache (windows capped) and state, on all GPUs */
	double kv_copies;                 /* copies of it across the tensor-parallel group: 1 where the
					   * KV heads split; more where TP exceeds them (MLA: every GPU) */
	double overhead_bytes;            /* all GPUs of the replica */
	double total_bytes;
	double per_gpu_bytes;             /* the largest share one GPU holds */
	double gpu_usable_bytes;          /* per GPU */
	double decode_tokens_per_s;       /* aggregate across the batch */
	double prefill_tokens_per_s;
	double decode_tokens_per_s_single;/* one sequence alone, nothing else running: the idle speed */
	int64_t max_batch_fit;            /* sequences of this context that fit beside the weights */
	bool weight_only;                 /* 4-bit weights dequantised to 16 bits for compute: the
					     GPU has no tensor cores for the format (prefill at 16-bit rate) */
	/* Serving at the batch, for a request of input_tokens in and output_tokens out. */
	enum precision kv_precision;      /* of the KV cache: fp8 where the GPU has it, else 16-bit */
	int64_t input_tokens, output_tokens;
	double headroom_bytes;            /* per GPU, kept free for activations and fragmentation */
	double tokens_per_s_per_user;     /* decode speed each of the batch's users sees, prefill interleaved */
	double ttft_ms;                   /* time to first token at that load */
	double output_tokens_per_s;       /* one replica's steady output, prefill interleaved */
	enum batch_limit limited_by;      /* what stopped the batch growing */
};

/* Weights in bytes at a precision (int4 with its group scales; embeddings
 * kept 16-bit when the cost model says so). */
double weights_bytes(const struct cost_model *cm, const struct model *m, enum precision p);
/* KV bytes per token of the full-attention layers (MLA: latent + rope + indexer key). */
double kv_bytes_per_token(const struct cost_model *cm, const struct model *m);
/* KV bytes of one sequence of `context` tokens: full layers grow with it, sliding and
 * chunked layers hold at most their window. Excludes the recurrent state. */
double kv_bytes_per_sequence(const struct cost_model *cm, const struct model *m, int64_t context);
/* The fixed per-sequence state of linear-attention and Mamba layers, whatever the context. */
double state_bytes_per_sequence(const struct cost_model *cm, const struct model *m);
/* Can this GPU run weights of this precision at all. */
bool gpu_supports(const struct gpu *g, enum precision p, const char **why);

/* False when no layout can run m at p on g: the GPU lacks the precision, or the weights
 * alone overflow the most GPUs a replica may use. A cheap test before sizing many. */
bool footprint_may_fit(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p);

/* The KV cache's precision on g: fp8 where the GPU converts it natively (Hopper,
 * Blackwell, MI300-class: gpus.yaml kv_fp8), else the 16-bit type of its weights. */
enum precision footprint_kv_precision(const struct gpu *g);

/* One replica serving sv: GPUs chosen so one sequence of sv->context_tokens fits (at
 * sv->batch of them when the batch is fixed), then the batch (fixed, or the largest the
 * memory and the latency targets allow; wider tensor parallelism when one sequence
 * alone misses a target). Always fills f; f->feasible says if it runs. */
void footprint_size(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		    enum precision p, const struct serving *sv, struct footprint *f);

/* footprint_size of `batch` sequences each holding `context` tokens, for 1,000/1,000
 * requests, the GPU's KV precision and no targets, explained (the seed's table, the tests). */
void footprint_compute(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p, int64_t batch, int64_t context, struct footprint *f);

/* Say why f does not run in f->why_not (empty when it does). Sizing leaves the words
 * out: only the footprints shown are explained. */
void footprint_explain(struct footprint *f);

/* Seconds of replica time one average request takes at the footprint's batch, prefill
 * included: output_tokens ÷ output_tokens_per_s. */
double footprint_seconds_per_request(const struct footprint *f);

#endif
