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

/* A short label for an option: "self-hosted-multi-gpu (llama-3.1-70b)". */
void plan_label(const struct plan *o, char *buf, size_t size);

#endif
