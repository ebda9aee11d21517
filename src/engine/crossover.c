/* crossover.c — the volumes at which the recommended option and its closest rivals
 * cost the same, found on the real stepped cost curves: sampled on a log grid,
 * then each sign change narrowed by bisection to the request. */
#include <math.h>
#include <stdio.h>

#include "evalint.h"

#define GRID_MIN 1e3        /* 1K requests a month */
#define GRID_MAX 1e11       /* 100B requests a month */
#define GRID_PER_DECADE 10   /* two crossings closer than 1.26x apart may show as none */

static double diff_at(const struct eval_state *s, const struct answers *a, const struct plan *x,
		      const struct plan *y, double req)
{
	return plan_cost_at(s, a, x, req) - plan_cost_at(s, a, y, req);
}

/* Smallest whole volume in (lo, hi] where the sign of the difference differs from lo's. */
static double bisect(const struct eval_state *s, const struct answers *a, const struct plan *x,
		     const struct plan *y, double lo, double hi)
{
	double dlo = diff_at(s, a, x, y, lo);

	while (hi - lo > 1) {
		double mid = floor(sqrt(lo * hi));
		if (mid <= lo || mid >= hi)
			mid = floor((lo + hi) / 2);
		if ((diff_at(s, a, x, y, mid) < 0) == (dlo < 0))
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static void add_crossover(struct verdict *v, const struct plan *x, const struct plan *y,
			  double req, bool x_cheaper_below)
{
	struct crossover *c;

	if (v->n_crossovers >= (int)(sizeof v->crossovers / sizeof v->crossovers[0]))
		return;
	c = &v->crossovers[v->n_crossovers++];
	plan_label(x, c->a, sizeof c->a);
	plan_label(y, c->b, sizeof c->b);
	c->arch_a = x->arch;
	c->arch_b = y->arch;
	c->requests_per_month = req;
	c->a_cheaper_below = x_cheaper_below;
}

#define GRID_STEPS 80   /* log10(GRID_MAX / GRID_MIN) × GRID_PER_DECADE */

static double grid_req(int i)
{
	return round(GRID_MIN * pow(10, (double)i / GRID_PER_DECADE));
}

static void grid_fill(double *reqs)
{
	for (int i = 0; i <= GRID_STEPS; i++)
		reqs[i] = grid_req(i);
}

/* All crossings of one pair, keeping the two nearest the asked volume; xcost holds
 * x's cost at each grid point (shared by every rival of x). */
static void pair(const struct eval_state *s, struct verdict *v, const struct plan *x,
		 const double *xcost, const struct plan *y, const double *reqs)
{
	const struct answers *a = &v->answers;
	double found[64], dprev = NAN, ycost[GRID_STEPS + 1];
	bool below[64];
	int n = 0;

	plan_cost_curve(s, a, y, reqs, GRID_STEPS + 1, ycost);
	for (int i = 0; i <= GRID_STEPS && n < 64; i++) {
		double d = xcost[i] - ycost[i];
		if (i > 0 && !isnan(d) && !isnan(dprev) && (d < 0) != (dprev < 0) && d != 0) {
			below[n] = dprev < 0;
			found[n++] = bisect(s, a, x, y, reqs[i - 1], reqs[i]);
		}
		dprev = d;
	}
	double at = (double)a->requests_per_month > GRID_MIN ? (double)a->requests_per_month : GRID_MIN;
	for (int k = 0; k < 2 && n > 0; k++) {
		int best = 0;
		for (int i = 1; i < n; i++)
			if (fabs(log(found[i] / at)) < fabs(log(found[best] / at)))
				best = i;
		add_crossover(v, x, y, found[best], below[best]);
		found[best] = found[--n];
		below[best] = below[n];
	}
}

double first_crossing(const struct eval_state *s, const struct answers *a, const struct plan *x,
		      const struct plan *y, bool *x_cheaper_below)
{
	double reqs[GRID_STEPS + 1], xc[GRID_STEPS + 1], yc[GRID_STEPS + 1];

	grid_fill(reqs);
	plan_cost_curve(s, a, x, reqs, GRID_STEPS + 1, xc);
	plan_cost_curve(s, a, y, reqs, GRID_STEPS + 1, yc);
	for (int i = 1; i <= GRID_STEPS; i++) {
		double d = xc[i] - yc[i], dprev = xc[i - 1] - yc[i - 1];
		if (!isnan(d) && !isnan(dprev) && (d < 0) != (dprev < 0) && d != 0) {
			*x_cheaper_below = dprev < 0;
			return bisect(s, a, x, y, reqs[i - 1], reqs[i]);
		}
	}
	return 0;
}

void crossovers_find(const struct eval_state *s, struct verdict *v)
{
	const struct plan *rec = &v->scores[v->recommended].best;
	double xcost[GRID_STEPS + 1], reqs[GRID_STEPS + 1];
	int rivals = 0;

	if (!rec->feasible || rec->arch == ARCH_ON_DEVICE)
		return;
	grid_fill(reqs);
	plan_cost_curve(s, &v->answers, rec, reqs, GRID_STEPS + 1, xcost);
	for (int i = 1; i < ARCH_COUNT && rivals < 3; i++) {
		const struct plan *o = &v->scores[v->order[i]].best;
		if (!o->feasible || o->arch == ARCH_ON_DEVICE)
			continue;
		rivals++;
		pair(s, v, rec, xcost, o, reqs);
	}
}
