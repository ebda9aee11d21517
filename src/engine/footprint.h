/* footprint.h — what serving a model on a GPU takes, from first principles:
 * weights, KV cache, overhead, GPU count, tensor parallelism, tokens/s. */
#ifndef OW_FOOTPRINT_H
#define OW_FOOTPRINT_H

#include <stdbool.h>
#include <stdint.h>
#include "catalog.h"

struct footprint {
	const struct model *model;
	const struct gpu *gpu;
	enum precision precision;
	int64_t batch, context;           /* sequences decoded together; tokens each holds */
	bool feasible;                    /* the GPU can run this precision and it fits a fleet */
	char why_not[160];                /* when not feasible */
	int64_t gpu_count;                /* GPUs one replica needs */
	int64_t tensor_parallel, pipeline_stages;
	double weights_bytes;
	double active_params;             /* read per decoded token (declared; = params for dense) */
	double active_weights_bytes;      /* their bytes at this precision (MoE: one token's experts) */
	double kv_bytes_per_token;        /* the full-attention layers: what grows with context */
	double state_bytes;               /* per sequence, fixed: linear/Mamba recurrent state */
	double kv_bytes;                  /* the batch's KV cache (windows capped) and state */
	double overhead_bytes;            /* all GPUs of the replica */
	double total_bytes;
	double per_gpu_bytes;             /* the largest share one GPU holds */
	double gpu_usable_bytes;          /* per GPU */
	double decode_tokens_per_s;       /* aggregate across the batch */
	double prefill_tokens_per_s;
	double decode_tokens_per_s_single;/* one sequence alone: what a user sees */
	int64_t max_batch_fit;            /* sequences of this context that fit beside the weights */
	bool weight_only;                 /* 4-bit weights dequantised to 16 bits for compute: the
					     GPU has no tensor cores for the format (prefill at 16-bit rate) */
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

/* Compute the footprint of one replica. Always fills f; f->feasible says if it runs. */
void footprint_compute(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p, int64_t batch, int64_t context, struct footprint *f);

/* The footprint a serving fleet uses: GPUs chosen so one request of the longest
 * context fits, then as many average-length requests batched as memory and the
 * cost model's batch limit allow. */
void footprint_serving(const struct cost_model *cm, const struct model *m, const struct gpu *g,
		       enum precision p, int64_t longest, int64_t average, struct footprint *f);

/* Seconds of replica time one request of (in, out) tokens takes when served at
 * batch f->batch, and the requests one replica serves per hour. */
double footprint_seconds_per_request(const struct footprint *f, double in, double out);

#endif
