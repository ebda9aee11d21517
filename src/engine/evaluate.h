/* evaluate.h — the one pure function: (catalog, answers) → verdict. No I/O, no curses. */
#ifndef OW_EVALUATE_H
#define OW_EVALUATE_H

#include "verdict.h"

/* Evaluate the answers against the catalog. The verdict points into the
 * catalog, which must outlive it. Free with verdict_free(). */
struct verdict *evaluate(const struct catalog *c, const struct answers *a);
void verdict_free(struct verdict *v);

/* Plan p of v (one of its options) re-costed at another volume, re-sized there as the
 * curves and crossovers are; NAN when it has no plan. Sizes the candidates again: for
 * reports and tests, not for drawing. */
double verdict_cost_at(const struct verdict *v, const struct plan *p, double requests);

/* One sentence on a checked seed claim, with its arithmetic. */
void claims_sentence(const struct claim_check *k, char *buf, size_t size);

/* A short label for an option: "self-hosted-multi-gpu (llama-3.1-70b)". */
void plan_label(const struct plan *o, char *buf, size_t size);

#endif
