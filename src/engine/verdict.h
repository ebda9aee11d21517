/* verdict.h — everything evaluate() concludes, for the screens and the memos to show.
 * Nothing here is computed by its readers: screens and memos only format it. */
#ifndef OW_VERDICT_H
#define OW_VERDICT_H

#include <stdbool.h>
#include <stdint.h>
#include "answers.h"
#include "catalog.h"
#include "footprint.h"

/* The monthly cost of one option, line by line (USD). */
struct cost_breakdown {
	double api;            /* per-token charges: vendor API or managed provider */
	double gpu_lease;      /* rented GPUs: GPU-hours × the basis's rate */
	double hardware;       /* owned GPUs: the purchase (and its networking) amortised */
	double facility;       /* owned GPUs: power at the facility's PUE, and colocation */
	double engineering, on_call, orchestration, monitoring;   /* hidden costs, growing with the fleet */
	double finetune;       /* compute for the tuning runs, per month */
	double finetune_labour;   /* the seed's labour per update cycle, per month */
	double total;
};

/* One costed way to serve the volume with one architecture. */
struct plan {
	enum arch arch;
	bool feasible;
	char why_not[200];
	const struct model *model;       /* served model (hybrid: the self-hosted part) */
	const struct model *api_model;   /* hybrid: the API part */
	const struct provider *provider; /* managed inference */
	const struct gpu *gpu;
	enum precision precision;
	int64_t gpu_count;               /* GPUs per replica */
	int64_t tensor_parallel;         /* how wide a replica splits each layer */
	enum price_basis basis;          /* how its GPUs are paid for (self-hosted) */
	bool autoscaled;                 /* follows the load, rather than up for the traffic's hours */
	double user_tokens_per_s;        /* decode speed each user sees at the batch (self-hosted, on-device) */
	int64_t batch;                   /* sequences a replica serves at once */
	double ttft_ms;                  /* time to first token at that load */
	int64_t replicas;                /* the peak's and the spares */
	int64_t gpus_bought;             /* owned: whole servers, so at least replicas × gpu_count */
	int64_t spare_replicas;
	double gpu_hours;                /* per month, whole fleet */
	double capacity_requests;        /* per month, the fleet as sized */
	struct cost_breakdown cost;
};

struct reason {
	const struct rule *rule;         /* NULL for computed reasons (cost, quality) */
	double points;
	bool excludes;
	char text[300];
};

#define MAX_REASONS 24

/* A rule whose conditions held but whose cost claim the costs at these answers refute:
 * the cheapest of its `cheaper` architectures costs `cheaper_usd`, no less than the
 * cheapest of the others, `than_usd`. It adds nothing; the memo says so. */
struct contradicted_rule {
	const struct rule *rule;
	double cheaper_usd, than_usd;
};
#define MAX_CONTRADICTED 8

struct arch_score {
	enum arch arch;
	double score;
	bool feasible;
	struct reason reasons[MAX_REASONS];
	int n_reasons;
	struct plan best;              /* the cheapest feasible option of this architecture */
	double cost_in_12_months;        /* best option at the grown volume */
};

struct cost_row {                    /* one line of a cost table */
	const struct model *model;
	const struct provider *provider; /* managed rows; API rows: NULL */
	const struct licence *licence;
	double input_price, output_price;   /* USD / 1M, as charged (after discounts) */
	bool meets_quality;              /* tier good enough for the task */
	bool usable;                     /* not excluded by a licence gate or closure */
	bool cheapest;                   /* the cheapest usable row of all tables meeting the tier */
	char note[160];
	struct plan opt;               /* self-hosted rows: the sized fleet */
	/* details.c, for the wizard's detail view of a row: */
	bool recommended;                /* this row is the recommended option */
	char why[300];                   /* why it is, or is not, the recommendation */
	bool footprint_present;
	struct footprint footprint;      /* self-hosted rows: one replica of the fleet */
};

struct crossover {
	char a[96], b[96];               /* option labels */
	enum arch arch_a, arch_b;
	double requests_per_month;
	bool a_cheaper_below;            /* a costs less than b below the volume */
};

struct volume_flip {                 /* nearest volume where another architecture wins */
	bool found;
	double requests_per_month;
	enum arch winner;
	/* the last volume where the winner still wins, further the same way, within the
	 * search: its band ends there and `then` wins beyond (ARCH_COUNT: nothing feasible) */
	bool ends;
	double ends_at;
	enum arch then;
};

struct answer_change {               /* one answer changed: what it makes feasible (what_to_relax) */
	int key;
	char value[40];
	enum arch arch;                  /* the architecture that then wins */
};

struct answer_flip {                 /* one answer changed ⇒ a different architecture wins */
	int key;
	char value[40];
	enum arch winner;
};

/* One uncertain assumption at its low and high value (costs.yaml, sensitivity). */
struct sensitivity {
	int assumption;                  /* enum assumption */
	double base, low, high;          /* multipliers (base 1) or the answer's own value */
	double cost_low, cost_high;      /* the recommended architecture's monthly cost at each */
	bool flips;                      /* another architecture wins within the range */
	double flips_at;                 /* the value where it starts to */
	enum arch flips_to;              /* ARCH_COUNT: nothing would be feasible */
};

/* A risk of the recommendation, from the verdict (advice.c). */
enum risk_kind { RISK_LICENCE, RISK_SINGLE_POINT, RISK_PRICE, RISK_QUALITY, RISK_LEGACY };
struct risk {
	enum risk_kind kind;
	char text[300];
};

/* A staged path to a recommendation that runs its own GPUs: start on a cheaper
 * feasible API or managed option, move at the volume where the recommendation
 * becomes cheaper, the first crossing above the answers' volume (0: none up to 100B;
 * control is the reason). */
struct migration {
	bool present;
	struct plan start;
	double trigger_requests, trigger_bill;
};

struct claim_check {                 /* the seed's GPU table, checked by the footprint model */
	char text[120];                  /* "405B (FP16) on 8× A100 (80GB)" */
	const struct model *model;
	enum precision precision;
	const struct gpu *gpu;
	int64_t claimed_gpus, needed_gpus;
	double weights_bytes, per_gpu_usable_bytes;
	bool holds;
};

#define SEED_CROSSOVERS 4
struct seed_crossover {               /* the seed's "Cost Crossover Point" table, recomputed */
	char text[80];                       /* "70B model vs GPT-4o" */
	const struct model *self_model, *api_model;
	double seed_requests;                /* the seed's breakeven */
	double requests;                     /* ours at these answers; 0 when never within range */
	bool self_cheaper_above;             /* self-hosting wins above the volume */
};

struct finetune_estimate {
	bool present;
	const struct model *model;
	bool full;
	double flops_per_run, gpu_hours_per_run, usd_per_run, usd_per_month;
	double labour_per_month;         /* the seed's labour per cycle, a month */
	double bytes_needed;             /* training memory: weights, and for full tuning gradients and optimiser */
	int64_t min_gpus;                /* the fewest of the training GPU that hold it */
	const struct gpu *gpu;
	double seed_labour_low, seed_labour_high;
};

/* Each architecture's monthly cost along the volume axis, for the chart: the best plan
 * at the answers re-sized at each volume (10 points a decade, 100 to 10^12 requests a
 * month). NAN where the architecture has no plan. */
#define CURVE_FROM_LOG10 2
#define CURVE_PER_DECADE 10
#define CURVE_POINTS (10 * CURVE_PER_DECADE + 1)
struct cost_curves {
	double requests[CURVE_POINTS];
	double usd[ARCH_COUNT][CURVE_POINTS];
};

/* The footprint model served on one GPU at one precision, and its fleet at the answers
 * (for the footprint screen, which lets the user change both). */
struct footprint_option {
	const struct gpu *gpu;
	enum precision precision;
	struct footprint f;          /* always filled; f.feasible says if it runs */
	struct plan fleet;           /* the fleet and its cost when it runs and the GPU is priced */
	bool priced;
};

struct verdict {
	const struct catalog *catalog;
	struct answers answers;
	enum arch recommended;           /* the top of the ranking; a recommendation only when feasible_any */
	bool feasible_any;               /* some architecture is feasible; else nothing is recommended */
	bool close_call;                 /* the top two are within a point */
	double margin;                   /* points between the top two feasible architectures */
	enum arch cheapest_arch;         /* the cheapest plan of any architecture, excluded or not */
	bool has_cheapest;
	double premium_usd;              /* the recommendation's cost beyond it: the price of control
	                                    (negative when it is cheaper for falling short of the task) */
	struct contradicted_rule contradicted[MAX_CONTRADICTED]; int n_contradicted;
	struct answer_change relax[24]; int n_relax;   /* when nothing is feasible */
	struct arch_score scores[ARCH_COUNT];
	int order[ARCH_COUNT];           /* architectures ranked, best first */
	struct footprint footprint;      /* of the recommended self-hosted/edge option, or the
	                                    closest self-hosted one when an API wins */
	bool footprint_present;
	bool footprint_alternative;      /* the recommendation has no GPUs of its own (an API
	                                    or a managed offer): the footprint is the cheapest
	                                    self-hosted alternative's */
	double ttft_ms_target, tokens_per_s_target;   /* the latency targets in force (0: none) */
	struct cost_row *api; int n_api;
	struct cost_row *managed; int n_managed;
	struct cost_row *self_hosted; int n_self_hosted;
	const struct cost_row *cheapest; /* the row marked cheapest, or NULL */
	struct crossover crossovers[8]; int n_crossovers;
	struct volume_flip flip_volume_up, flip_volume_down;
	struct answer_flip flips[16]; int n_flips;
	struct claim_check claims[8]; int n_claims;
	struct sensitivity sensitivity[ASSUME_COUNT]; int n_sensitivity;
	struct risk risks[8]; int n_risks;
	struct migration migration;
	struct seed_crossover seed_crossovers[SEED_CROSSOVERS]; int n_seed_crossovers;
	struct finetune_estimate finetune;
	struct cost_curves curves;
	struct footprint_option *footprint_options;   /* every GPU x precision for footprint.model */
	int n_footprint_options;
	char **warnings; int n_warnings;
	char **caveats; int n_caveats;
};

#endif
