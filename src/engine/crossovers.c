/* crossovers.c — each architecture's cost along the volume axis (the chart's curves)
 * and the volumes where two options cost the same, found on the real stepped cost
 * curves: one scan of the curve grid for sign changes, each narrowed by bisection to
 * the request. */
#include <math.h>
#include <stdio.h>

#include "engine.h"

/* Crossings are looked for from 1K to 100B requests a month: the curve points
 * CROSS_FROM .. CROSS_TO (two crossings closer than 1.26x apart may show as none). */
#define CROSS_FROM ((3 - CURVE_FROM_LOG10) * CURVE_PER_DECADE)
#define CROSS_TO ((11 - CURVE_FROM_LOG10) * CURVE_PER_DECADE)
#define MAX_CROSSINGS 64

static double crossovers_grid(int i)
{
	return round(pow(10, CURVE_FROM_LOG10 + (double)i / CURVE_PER_DECADE));
}

static void crossovers_curve(const struct engine *e, const struct answers *a, const struct plan *o,
			     double *usd)
{
	for (int i = 0; i < CURVE_POINTS; i++)
		usd[i] = plan_cost_at(e, a, o, crossovers_grid(i));
}

void crossovers_curves(const struct engine *e, struct verdict *v)
{
	for (int i = 0; i < CURVE_POINTS; i++)
		v->curves.requests[i] = crossovers_grid(i);
	for (int k = 0; k < ARCH_COUNT; k++)
		crossovers_curve(e, &v->answers, &v->scores[k].best, v->curves.usd[k]);
}

static double crossovers_diff(const struct engine *e, const struct answers *a, const struct plan *x,
			      const struct plan *y, double req)
{
	return plan_cost_at(e, a, x, req) - plan_cost_at(e, a, y, req);
}

/* Smallest whole volume in (lo, hi] where the sign of the difference differs from lo's. */
static double crossovers_bisect(const struct engine *e, const struct answers *a, const struct plan *x,
				const struct plan *y, double lo, double hi)
{
	double dlo = crossovers_diff(e, a, x, y, lo);

	while (hi - lo > 1) {
		double mid = floor(sqrt(lo * hi));
		if (mid <= lo || mid >= hi)
			mid = floor((lo + hi) / 2);
		if ((crossovers_diff(e, a, x, y, mid) < 0) == (dlo < 0))
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* The one scan: the first max crossings of x and y from 1K to 100B, in volume order,
 * into at[] with whether x is cheaper below each; returns how many. Their costs at
 * the curve points are xc and yc when given (the chart's curves), else computed as the
 * scan reaches them (it may stop long before 100B). */
static int crossovers_scan(const struct engine *e, const struct answers *a, const struct plan *x,
			   const double *xc, const struct plan *y, const double *yc, int max, double *at, bool *x_below)
{
	double dprev = NAN;
	int n = 0;

	for (int i = CROSS_FROM; i <= CROSS_TO && n < max; i++) {
		double req = crossovers_grid(i);
		double d = (xc ? xc[i] : plan_cost_at(e, a, x, req)) - (yc ? yc[i] : plan_cost_at(e, a, y, req));
		if (i > CROSS_FROM && !isnan(d) && !isnan(dprev) && (d < 0) != (dprev < 0) && d != 0) {
			x_below[n] = dprev < 0;
			at[n++] = crossovers_bisect(e, a, x, y, crossovers_grid(i - 1), req);
		}
		dprev = d;
	}
	return n;
}

static void crossovers_add(struct verdict *v, const struct plan *x, const struct plan *y, double req,
			   bool x_cheaper_below)
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

/* The recommendation against its three closest feasible rivals (on-device aside: its
 * cost does not move with the volume): each pair's two crossings nearest the volume. */
void crossovers_find(const struct engine *e, struct verdict *v)
{
	const struct plan *rec = &v->scores[v->recommended].best;
	double vol = fmax((double)v->answers.requests_per_month, 1e3);
	int rivals = 0;

	if (!rec->feasible || rec->arch == ARCH_ON_DEVICE)
		return;
	for (int r = 1; r < ARCH_COUNT && rivals < 3; r++) {
		const struct plan *o = &v->scores[v->order[r]].best;
		double at[MAX_CROSSINGS];
		bool below[MAX_CROSSINGS];
		int n;
		if (!o->feasible || o->arch == ARCH_ON_DEVICE)
			continue;
		rivals++;
		n = crossovers_scan(e, &v->answers, rec, v->curves.usd[rec->arch], o, v->curves.usd[o->arch],
				    MAX_CROSSINGS, at, below);
		for (int k = 0; k < 2 && n > 0; k++) {
			int near = 0;
			for (int i = 1; i < n; i++)
				if (fabs(log(at[i] / vol)) < fabs(log(at[near] / vol)))
					near = i;
			crossovers_add(v, rec, o, at[near], below[near]);
			at[near] = at[--n];
			below[near] = below[n];
		}
	}
}

double crossovers_first_above(const struct engine *e, const struct answers *a, const struct plan *x,
			      const struct plan *y, double from, bool *x_cheaper_below)
{
	double at[MAX_CROSSINGS];
	bool below[MAX_CROSSINGS];
	int n = crossovers_scan(e, a, x, NULL, y, NULL, MAX_CROSSINGS, at, below);

	for (int i = 0; i < n; i++)
		if (at[i] >= from) {
			*x_cheaper_below = below[i];
			return at[i];
		}
	return 0;
}

double crossovers_first(const struct engine *e, const struct answers *a, const struct plan *x,
			const struct plan *y, bool *x_cheaper_below)
{
	double at[1];

	return crossovers_scan(e, a, x, NULL, y, NULL, 1, at, x_cheaper_below) ? at[0] : 0;
}
