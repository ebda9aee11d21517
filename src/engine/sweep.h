/* sweep.h — Pareto frontiers of candidates by one sweep (see sweep.c). */
#ifndef OW_SWEEP_H
#define OW_SWEEP_H

#include "evalint.h"

struct sweep_key {
	double usd, sec;
	int tasks;   /* tasks allowed: more first */
	int index;
};

/* The candidates of arr[0..n) in sweep order (index: their place in arr); free() it. */
struct sweep_key *sweep_order(const struct candidate *arr, int n);

/* c dominates d: d is never the better choice while c is there. Must be transitive. */
typedef bool (*dominates_fn)(const void *ctx, const struct candidate *c, const struct candidate *d);

/* Keep, in catalog order, the candidates of arr[0..n) that no other dominates, into out
 * (which may be arr); the sweep checks the speed (c no slower) before calling dom.
 * Returns how many were kept. Of two equal in every respect the first stays. */
int frontier(const struct candidate *arr, int n, struct candidate *out, dominates_fn dom, const void *ctx);

#endif
