/* sensitivity.c — what the verdict is sensitive to: each uncertain assumption (every
 * GPU price, every per-token price, the volume, the output length, the traffic's
 * peak, the hidden costs, the prompt-cache share, a year's growth) at the low and high
 * values costs.yaml gives, the recommendation's monthly cost at both, and the value
 * at which another architecture would be recommended, found by bisection. */
#include <math.h>
#include <string.h>

#include "engine.h"

/* Bisection steps: a multiplier to about 1 % of its range's log width, a share to
 * about 0.5 %. The output length re-sizes every candidate at each step, and gets the
 * same steps: a flip reported 4 % off (4 steps) hid a knife edge at 0.997x. */
#define SENS_STEPS 7

/* The assumption's value in the base verdict: 1 for a multiplier, else the answer. */
static double sens_base(const struct verdict *v, enum assumption what)
{
	if (what == ASSUME_CACHE)
		return v->answers.cache_hit_rate;
	if (what == ASSUME_GROWTH)
		return v->answers.growth_per_year;
	return 1;
}

/* The decision with one assumption at value x (growth: at the volume a year on). */
static void sens_decide(const struct engine *e, const struct verdict *v, enum assumption what, double x,
			struct decision *d)
{
	struct engine t = *e;
	struct answers a = v->answers;
	bool resize = false;

	switch (what) {
	case ASSUME_GPU_PRICE: t.what_if.gpu_price = x; break;
	case ASSUME_TOKEN_PRICE: t.what_if.token_price = x; break;
	case ASSUME_PEAK: t.what_if.peak = x; break;
	case ASSUME_HIDDEN: t.what_if.hidden = x; break;
	case ASSUME_VOLUME: a.requests_per_month = (int64_t)llround((double)a.requests_per_month * x); break;
	case ASSUME_GROWTH: a.requests_per_month = (int64_t)llround((double)a.requests_per_month * (1 + x)); break;
	case ASSUME_CACHE: a.cache_hit_rate = x; break;
	case ASSUME_OUTPUT:
		a.output_tokens = llround((double)a.output_tokens * x) > 0 ? llround((double)a.output_tokens * x) : 1;
		resize = true;
		break;
	case ASSUME_COUNT: break;
	}
	if (resize) {   /* a new request shape: its own candidates */
		engine_init(&t, e->c, &a);
		score_decide(&t, &a, d, false);
		engine_free(&t);
		return;
	}
	score_decide(&t, &a, d, false);
}

/* The winner at x; ARCH_COUNT when nothing is feasible there. */
static enum arch sens_winner(const struct decision *d)
{
	return d->scores[d->recommended].feasible ? d->recommended : ARCH_COUNT;
}

/* The value between `same` (the recommendation stands) and `other` (it does not)
 * where it stops standing, to the bisection's steps; *winner gets who wins there. */
static double sens_bisect(const struct engine *e, const struct verdict *v, enum assumption what, double same,
			  double other, enum arch *winner)
{
	bool mult = what < ASSUME_MULTIPLIERS;

	for (int i = 0; i < SENS_STEPS; i++) {
		double mid = mult ? sqrt(same * other) : (same + other) / 2;
		struct decision d;
		sens_decide(e, v, what, mid, &d);
		if (sens_winner(&d) == v->recommended) {
			same = mid;
		} else {
			other = mid;
			*winner = sens_winner(&d);
		}
	}
	return other;
}

/* How far x is from the base, to compare a flip below it with one above. */
static double sens_distance(enum assumption what, double base, double x)
{
	return what < ASSUME_MULTIPLIERS ? fabs(log(x / base)) : fabs(x - base);
}

/* The volume and a year's growth move only the volume: their flips are the volume
 * search's (flips.c, exact to 0.01 %), within their range. */
static bool sens_from_volume_flips(const struct verdict *v, struct sensitivity *s)
{
	const struct volume_flip *f[2] = { &v->flip_volume_down, &v->flip_volume_up };
	double vol = (double)v->answers.requests_per_month;

	if (vol <= 0)
		return false;
	for (int i = 0; i < 2; i++) {
		double at = f[i]->requests_per_month / vol - (s->assumption == ASSUME_GROWTH ? 1 : 0);
		if (!f[i]->found || at < s->low || at > s->high)
			continue;
		if (!s->flips || sens_distance(s->assumption, s->base, at) < sens_distance(s->assumption, s->base, s->flips_at)) {
			s->flips = true;
			s->flips_at = at;
			s->flips_to = f[i]->winner;
		}
	}
	return true;
}

static void sens_one(const struct engine *e, struct verdict *v, enum assumption what)
{
	const struct cost_model *cm = &e->c->cost;
	struct sensitivity *s = &v->sensitivity[v->n_sensitivity++];
	double end[2] = { cm->sensitivity[what].low, cm->sensitivity[what].high };
	double *cost[2] = { &s->cost_low, &s->cost_high };

	memset(s, 0, sizeof *s);
	s->assumption = what;
	s->base = sens_base(v, what);
	s->low = end[0];
	s->high = end[1];
	bool by_volume = (what == ASSUME_VOLUME || what == ASSUME_GROWTH) && sens_from_volume_flips(v, s);

	for (int i = 0; i < 2; i++) {
		struct decision d;
		enum arch w;
		sens_decide(e, v, what, end[i], &d);
		w = sens_winner(&d);
		*cost[i] = d.scores[v->recommended].best.feasible ? d.scores[v->recommended].best.cost.total : NAN;
		if (by_volume || w == v->recommended || end[i] == s->base)
			continue;
		double at = sens_bisect(e, v, what, s->base, end[i], &w);
		if (!s->flips || sens_distance(what, s->base, at) < sens_distance(what, s->base, s->flips_at)) {
			s->flips = true;
			s->flips_at = at;
			s->flips_to = w;
		}
	}
}

void sensitivity_find(const struct engine *e, struct verdict *v)
{
	if (!v->feasible_any)
		return;
	for (int k = 0; k < ASSUME_COUNT; k++)
		sens_one(e, v, (enum assumption)k);
}
