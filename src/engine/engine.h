/* engine.h — what the engine's files share (not for the screens, the CLI or the
 * reports: they see evaluate.h and verdict.h). Data flow, top to bottom:
 *
 *   candidates.c  every open model sized on every priced GPU and precision (footprint.c)
 *   fleet.c       one candidate's fleet at a volume: replicas, GPU-hours, the monthly cost
 *   api.c         per-token charges; offers.c  managed offers
 *   finetune.c    the tuning compute a month
 *   plans.c       the best plan of each architecture at a volume (pick.h decides every choice)
 *   score.c       the rules, cost and quality points, the ranking
 *   tables.c      the cost tables; crossovers.c  cost curves and where they cross
 *   flips.c       what would change the recommendation; claims.c, notes.c  checks and caveats
 *   evaluate.c    all of it in one pass into a verdict */
#ifndef OW_ENGINE_H
#define OW_ENGINE_H

#include "cost.h"
#include "evaluate.h"

/* What sizing a replica reads from the answers, and nothing else: candidates built
 * for one request shape serve every decision with that shape, whatever the volume. */
struct request_shape {
	int64_t input_tokens, output_tokens;
	int64_t longest;                         /* answers_longest(): what one sequence must hold */
	double ttft_ms, tokens_per_s_per_user;   /* the latency targets in force; 0: none */
};
struct request_shape candidates_shape_of(const struct catalog *c, const struct answers *a);
bool candidates_shape_equal(const struct request_shape *x, const struct request_shape *y);

/* One (model, GPU, precision) way to serve, sized for a request shape. */
struct candidate {
	/* What every choice reads, first: one cache line for the picks' scan. */
	uint32_t tasks;                /* bit per task whose policy allows this precision here */
	int tier;                      /* the model's quality tier */
	bool mau_capped;               /* its licence caps users at 700M or fewer (Llama community) */
	bool noncommercial;            /* its licence forbids commercial use */
	enum size_class size;          /* its total parameters' class, for the hidden costs */
	double replica_rate;           /* requests a replica serves an hour: 3600 / sec_per_request */
	double replica_usd_per_hour[BASIS_COUNT];   /* GPUs × the rate on each basis; NAN: not priced on it */
	double active_params;          /* what its tuning compute scales with */
	double user_tokens_per_s;      /* decode speed each user sees at the replica's batch */
	int order;                     /* catalog order: model, then GPU, then precision */
	/* The rest. */
	int64_t gpu_count;             /* GPUs one replica needs */
	int64_t tensor_parallel;       /* how wide it splits each layer (the footprint re-sizes it so) */
	double sec_per_request;        /* replica time one average request takes at its batch */
	int64_t batch;                 /* sequences a replica serves at once */
	double ttft_ms;                /* time to first token at that load */
	double replica_facility_usd_per_hour;       /* owned: the power and colocation part */
	const struct model *model;
	const struct gpu *gpu;
	enum precision precision;
};

/* Which fleets a choice may take: one GPU a replica, several, or either; and devices. */
enum fleet_class { CLASS_SINGLE, CLASS_MULTI, CLASS_EDGE, CLASS_COUNT, CLASS_ANY = CLASS_COUNT };

/* Replicas of one model on one GPU at one precision: tensor parallelism 1 .. 64. */
#define LAYOUTS_MAX 7

/* One class's candidates, each model's run in catalog order. */
struct candidate_set {
	struct candidate *c; int n;
	int *first, *count;            /* per model index: its run in c[] */
};

/* Every candidate of a catalog for one request shape: on datacenter and workstation
 * GPUs with a price (by replica class), and on edge devices (on-device plans). */
struct candidates {
	struct candidate_set set[CLASS_COUNT];
	/* Fine-tuned models on managed providers: each offer's model on the provider's
	 * dedicated GPU, per offer (first/count indexed by the offer's place in catalog
	 * order, provider by provider), priced at the provider's GPU-hour rate. */
	struct candidate_set dedicated;
};

/* The what-ifs the sensitivity analysis turns (sensitivity.c): multipliers of every
 * GPU's price, every per-token price, the hidden costs and the traffic's peak. 1 in
 * every decision but the analysis's own. */
struct what_if {
	double gpu_price, token_price, hidden, peak;
};

struct engine {
	const struct catalog *c;
	struct what_if what_if;
	struct request_shape shape;
	struct candidates cands;
	const struct gpu *train_gpu[BASIS_COUNT];   /* where fine-tuning runs, by price basis */
};

void engine_init(struct engine *e, const struct catalog *c, const struct answers *a);
void engine_free(struct engine *e);

/* candidates.c: every candidate, sized for the request shape. */
void candidates_build(const struct catalog *c, const struct request_shape *shape, struct candidates *out);
void candidates_free(struct candidates *cs);
/* The run of set's candidates for model (or offer) i, *n of them; NULL when none
 * (an empty set has no array to point into). */
const struct candidate *candidates_run(const struct candidate_set *set, int i, int *n);
/* cd's replica price on every basis, from its GPU and GPU count. */
void candidate_price(const struct catalog *c, struct candidate *cd);

/* The licence gates a decision's rules set (score.c fills them). */
struct gates {
	bool mau;              /* over 700M MAU: licences that cap users are out */
	bool noncommercial;    /* commercial use: non-commercial licences are out of self-hosting */
};
/* The licence caps monthly active users at 700M or fewer (the Llama community licence). */
static inline bool candidate_mau_capped(const struct licence *l)
{
	return l->mau_limit > 0 && l->mau_limit <= 700000000;
}
/* m's licence is closed to these answers: the user cap when over it; non-commercial
 * terms when self-hosting commercially. */
static inline bool candidate_gated(const struct model *m, const struct gates *g, bool self_hosting)
{
	return (g->mau && candidate_mau_capped(m->licence)) ||
	       (g->noncommercial && self_hosting && !m->licence->commercial);
}
/* cd may serve the task at its precision (edge: quantised precisions too) under the gates. */
static inline bool candidate_allowed(const struct candidate *cd, int task, const struct gates *g)
{
	return (cd->tasks & 1u << task) && !(g->mau && cd->mau_capped) && !(g->noncommercial && cd->noncommercial);
}
/* The replica evaluate() serves model m on g at p for this request shape; a model
 * whose context window is shorter than the longest request is not sized (why_not). */
void candidate_footprint(const struct catalog *c, const struct request_shape *shape, const struct model *m,
			 const struct gpu *g, enum precision p, int64_t min_tp, struct footprint *f);
/* The plan's replica is cd: its model, GPU, precision, layout, batch and speeds. */
void candidate_replica(const struct candidate *cd, struct plan *o);

/* fleet.c: what a fleet's cost reads from the answers, found once per choice. */
struct fleet_rates {
	const struct cost_model *cm;
	int mlops, traffic, basis;           /* the answers' level, shape, and the fleet's price basis */
	double tune_usd_per_param;           /* fine-tuning compute a month per active parameter */
	double tune_labour;                  /* fine-tuning labour a month */
	double gpu_price, hidden, peak;      /* the engine's what-ifs (1: none) */
	double spares;                       /* replicas beyond the peak's */
	double floor_hours, floor_per_request, floor_fixed[SIZE_COUNT];   /* fleet_floor's terms */
};
struct fleet_rates fleet_rates_of(const struct engine *e, const struct answers *a);
/* The least fleet_cost(r, cd, requests, ...) can be, from a few products: a pick skips
 * the candidates whose floor is above the best cost found (an exact bound: test_engine
 * checks floor <= cost for every candidate). Inline: the picks' scan calls it for
 * nearly every candidate. */
static inline double fleet_floor(const struct fleet_rates *r, const struct candidate *cd, double requests)
{
	double usd = cd->replica_usd_per_hour[r->basis];
	double work = requests / cd->replica_rate * r->floor_per_request;   /* replica-hours the volume needs */

	/* 1e-9 below: replicas round from 1e-9 under the exact count (fleet.c), and these
	 * sums round in another order than fleet_cost's. */
	return (((work > r->floor_hours ? work : r->floor_hours) + r->spares * r->floor_hours) * usd * r->gpu_price +
		r->floor_fixed[cd->size] +
		r->tune_usd_per_param * cd->active_params) * (1 - 1e-9);
}
/* Candidate cd's fleet at a volume: its monthly total returned; o (when not NULL) gets
 * the whole plan: sizing, every cost line. The one place a fleet is costed. */
double fleet_cost(const struct fleet_rates *r, const struct candidate *cd, double requests, struct plan *o);

/* offers.c: the managed offer choice's cost: offer number `order` (catalog order) of
 * provider p at a volume, into b; NAN when it cannot serve these answers (a tuned
 * model that fits none of the provider's dedicated GPUs). */
double offer_cost(const struct engine *e, const struct answers *a, const struct fleet_rates *r,
		  const struct provider *p, const struct offer *of, int order, double requests,
		  struct cost_breakdown *b, const struct candidate **config);

/* offers.c: a tuned model's dedicated deployment `config` (from offer_cost; nothing when
 * NULL) sized for the volume into o: its GPUs, replicas, speed and capacity. */
void offer_deployment(const struct engine *e, const struct answers *a, const struct candidate *config,
		      double requests, struct plan *o);

/* What the rules conclude for one set of answers. */
struct decision {
	struct arch_score scores[ARCH_COUNT];
	int order[ARCH_COUNT];
	enum arch recommended;
	struct gates gates;
	struct contradicted_rule contradicted[MAX_CONTRADICTED];   /* cost claims the plans refute */
	int n_contradicted;
};

/* score.c: score every architecture at the answers. explain keeps every reason's text
 * (the flips only need the winner). */
void score_decide(const struct engine *e, const struct answers *a, struct decision *d, bool explain);
bool score_rule_fires(const struct rule *r, const struct answers *a);
struct gates score_gates(const struct catalog *c, const struct answers *a);

/* plans.c: the best plan of one architecture at a volume. */
void plan_best(const struct engine *e, const struct answers *a, enum arch arch, double requests,
	       const struct gates *g, struct plan *o);
/* The same option (the same model; a provider's offer; a hybrid's two models) at
 * another volume, re-sized there; NAN when it has no plan. */
double plan_cost_at(const struct engine *e, const struct answers *a, const struct plan *o, double requests);
/* The cheapest fleet of one model on any GPU and precision the task allows (ungated). */
void plan_self_for_model(const struct engine *e, const struct answers *a, const struct model *m,
			 double requests, struct plan *o);

/* crossovers.c */
void crossovers_curves(const struct engine *e, struct verdict *v);
void crossovers_find(const struct engine *e, struct verdict *v);
/* The lowest volume (1K..100B) where x and y swap which is cheaper; 0 if none. */
double crossovers_first(const struct engine *e, const struct answers *a, const struct plan *x,
			const struct plan *y, bool *x_cheaper_below);
/* The first crossing of x and y at or above volume `from` (0: none up to 100B). */
double crossovers_first_above(const struct engine *e, const struct answers *a, const struct plan *x,
			      const struct plan *y, double from, bool *x_cheaper_below);

/* tables.c, flips.c, claims.c, notes.c */
void tables_fill(const struct engine *e, struct verdict *v, const struct decision *d);
void flips_find(const struct engine *e, struct verdict *v);
void sensitivity_find(const struct engine *e, struct verdict *v);
void advice_find(const struct engine *e, struct verdict *v);
void claims_check(const struct catalog *c, struct verdict *v);
void claims_seed_crossovers(const struct engine *e, struct verdict *v);
void notes_add(struct verdict *v, const struct decision *d);
void verdict_warn(struct verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void verdict_caveat(struct verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
