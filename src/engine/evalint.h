/* evalint.h — evaluate()'s internals, shared by evaluate.c, score.c, crossover.c,
 * flip.c and claims.c. Not for the screens or the CLI. */
#ifndef OW_EVALINT_H
#define OW_EVALINT_H

#include "cost.h"
#include "evaluate.h"

enum { USE_SINGLE, USE_MULTI, USE_SIMPLE, USE_COUNT };
#define MAX_TIER 4   /* quality tiers run 1 (frontier) .. 4 (small); models.yaml is checked */

/* One (model, GPU, precision) way to self-host, sized once per evaluation. The
 * fields the choice loops read come first, in one cache line. */
struct candidate {
	const struct model *model;
	double sec_per_request;
	double replica_rate;           /* requests per replica-hour */
	double replica_usd_per_hour;   /* GPUs × price */
	uint32_t tasks;                /* bit per task whose policy allows this precision */
	enum precision precision;
	enum size_class size;          /* the model's class for the hidden costs */
	int tier;                      /* the model's quality tier */
	bool single;                   /* one GPU a replica */
	bool mau_gated, nc_gated;      /* the licence's 700M-MAU limit; non-commercial */
	const struct gpu *gpu;
	int64_t gpu_count;             /* GPUs a replica */
	double decode_single;          /* decode tokens/s of one sequence */
};

struct eval_state {
	const struct catalog *c;
	struct answers a;
	struct candidate *cands;   /* datacenter/workstation GPUs with a price, per model */
	int n_cands;
	/* By use (USE_SINGLE, USE_MULTI: the task on one class; USE_SIMPLE: the hybrid's
	 * simple share): all the cands (use_task -1), or in a large pool those no answer
	 * but the task can make the use's pick (for task use_task[u]); in a narrowed
	 * state, the few it picks among. */
	struct candidate *use[USE_COUNT];
	int n_use[USE_COUNT];
	int use_task[USE_COUNT];
	int *tier_order;           /* cands indices by model tier, catalog order within one */
	int tier_end[MAX_TIER + 1];   /* tier k's run in tier_order ends at tier_end[k] */
	struct candidate *edge;    /* edge devices, one per model that fits one */
	int n_edge;
	int *first, *count;        /* per model index: its run of cands (a twin's: its original's) */
	const struct model **api;  /* the API models to choose among: one of each set of twins */
	int n_api;
	/* Narrowed states only: the managed offers that can win (NULL: every offer), and the
	 * on-device plan, which does not depend on the volume. */
	const struct offer **offers;
	const struct provider **offer_providers;
	int n_offers;
	const struct plan *edge_plan;
	const struct gpu *train_gpu;   /* where fine-tuning runs */
};

/* Fine-tuning compute a month per active parameter for these answers. */
static inline double finetune_rate(const struct eval_state *s, const struct answers *a)
{
	return finetune_usd_per_param(s->c, a, s->train_gpu);
}

/* A model's fine-tuning compute a month at rate (finetune_rate's). */
static inline double model_finetune_usd(double rate, const struct model *m)
{
	return m->shape.present ? rate * (double)m->shape.active_params : 0;
}

/* Tiers a model falls short of the tier a task needs (1 frontier .. 4 small). */
static inline int shortfall(int tier, int need)
{
	return tier > need ? tier - need : 0;
}

static inline int model_index(const struct catalog *c, const struct model *m)
{
	return (int)(m - c->models);
}

/* What the rules conclude for one set of answers. */
struct decision {
	struct arch_score scores[ARCH_COUNT];
	int order[ARCH_COUNT];
	enum arch recommended;
	bool gate_mau, gate_noncommercial;   /* licence gates that fired */
};

struct eval_state *eval_prepare(const struct catalog *c, const struct answers *a);
/* For the tests: pools of at least n candidates get per-use lists (default 1,024).
 * Returns the previous value. The verdict is the same either way. */
int eval_use_lists_from(int n);
void eval_state_free(struct eval_state *s);

/* Score every architecture at the answers (volume as given). explain keeps every
 * reason's text; without it only scores, plans and the winner are computed. */
void decide(const struct eval_state *s, const struct answers *a, struct decision *d, bool explain);

/* decide() for answers a that differ from base_a, whose full decision (every plan
 * chosen) is base: each architecture's plan is reused when it cannot tell a from base_a. */
void decide_again(const struct eval_state *s, const struct answers *a, const struct answers *base_a,
		  const struct decision *base, struct decision *d);
/* x and y agree in every answer the architecture's plan choice or cost reads (the
 * licence gates aside, which come from the rules). */
bool plan_inputs_equal(enum arch arch, const struct answers *x, const struct answers *y);
/* The licence gates the architecture's plan reads agree. */
bool plan_gates_equal(enum arch arch, bool mau_x, bool nc_x, bool mau_y, bool nc_y);

/* The best option of one architecture at a volume, given the licence gates. */
void best_plan(const struct eval_state *s, const struct answers *a, enum arch arch,
		 double requests, bool gate_mau, bool gate_nc, struct plan *o);
/* A copy of s whose use lists and API models are only those that can be chosen for these
 * answers at some volume (exact: the rest are dominated in every respect); for the
 * many decisions of the volume search. */
struct eval_state *eval_narrow(const struct eval_state *s, const struct answers *a, bool gate_mau,
			       bool gate_nc);
void eval_narrow_free(struct eval_state *n);
/* Managed offer of provider p usable for these answers (active, not retired, licence,
 * the fine-tuning the provider supports). */
bool offer_allowed(const struct provider *p, const struct offer *of, const struct answers *a, bool gate_mau);
/* The licence gates the rules set for these answers. */
void rule_gates(const struct catalog *c, const struct answers *a, bool *gate_mau, bool *gate_nc);

/* The cheapest fleet for one model on any GPU/precision (arch set single or multi). */
void self_cheapest_for_model(const struct eval_state *s, const struct answers *a,
			     const struct model *m, double requests, struct plan *o);
/* Cost of the same option (same model/provider) re-sized at another volume. */
double plan_cost_at(const struct eval_state *s, const struct answers *a,
		      const struct plan *o, double requests);

/* plan_cost_at at each of n volumes, into out (one pass over a self-hosted plan's
 * configurations). */
void plan_cost_curve(const struct eval_state *s, const struct answers *a, const struct plan *o,
		     const double *reqs, int n, double *out);

bool model_gated(const struct model *m, bool gate_mau, bool gate_nc, bool self_hosting);
int tier_shortfall(const struct catalog *c, const struct answers *a, const struct model *m);
bool rule_fires(const struct rule *r, const struct answers *a);

void crossovers_find(const struct eval_state *s, struct verdict *v);
/* d: the decision at v's answers, with every plan chosen (explain). */
void flips_find(const struct eval_state *s, struct verdict *v, const struct decision *d);
void claims_check(const struct catalog *c, struct verdict *v);
/* The lowest volume (1K..100B) where x and y swap which is cheaper; 0 if none. */
double first_crossing(const struct eval_state *s, const struct answers *a, const struct plan *x,
		      const struct plan *y, bool *x_cheaper_below);
/* Warnings and caveats: licences, quantisation, the quality gap, the seed's claims. */
void verdict_notes(const struct eval_state *s, struct verdict *v, const struct decision *d);
void verdict_warn(struct verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void verdict_caveat(struct verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
