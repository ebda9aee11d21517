/* evaluate.h — the one pure function: (catalog, answers) → verdict. No I/O, no curses. */
#ifndef OW_EVALUATE_H
#define OW_EVALUATE_H

#include "verdict.h"

/* Evaluate the answers against the catalog. The verdict points into the
 * catalog, which must outlive it. Free with verdict_free(). */
struct verdict *evaluate(const struct catalog *c, const struct answers *a);
void verdict_free(struct verdict *v);

/* The monthly cost of the best option of one architecture at another volume
 * (for charts); NAN when the architecture is infeasible there. */
double verdict_arch_cost_at(const struct verdict *v, enum arch arch, double requests_per_month);

/* The seed's "Cost Crossover Point" table recomputed at v's answers, into out; returns
 * the rows. For the memo: evaluate() leaves it out, as no screen shows it and the
 * live panel re-evaluates on every key. */
int verdict_seed_crossovers(const struct verdict *v, struct seed_crossover out[SEED_CROSSOVERS]);

/* The replica evaluate() would serve model on gpu at precision p for these answers:
 * sized for the longest context, batching average requests. */
void serving_footprint(const struct catalog *c, const struct answers *a, const struct model *m,
		       const struct gpu *g, enum precision p, struct footprint *f);
/* The same replica and its fleet, priced with the hidden and fine-tuning costs, as
 * evaluate() prices self-hosting (for a screen that lets the user pick the GPU).
 * False when it can't run there or the GPU has no price; f is filled either way. */
bool plan_self_hosted(const struct catalog *c, const struct answers *a, const struct model *m,
		      const struct gpu *g, enum precision p, struct footprint *f, struct plan *fleet);

/* One sentence on a checked seed claim, with its arithmetic. */
void claim_sentence(const struct claim_check *k, char *buf, size_t size);

/* A short label for an option: "self-hosted-multi-gpu (llama-3.1-70b)". */
void plan_label(const struct plan *o, char *buf, size_t size);

#endif
