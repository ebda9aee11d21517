/* flip.c — what would change the recommendation: the nearest volume (up and down)
 * at which another architecture wins, and each single answer that would do it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

#define STEPS_PER_DECADE 5   /* a window narrower than 1.6x between steps may be missed */
/* Search at most three decades either way: a flip at 1000x the volume is not advice. */
#define MAX_DECADES 3

static enum arch flips_winner_at(const struct engine *e, const struct answers *base, double req)
{
	struct answers a = *base;
	struct decision d;

	a.requests_per_month = (int64_t)req;
	score_decide(e, &a, &d, false);
	return d.scores[d.recommended].feasible ? d.recommended : ARCH_COUNT;
}

/* Which way the volume search walks. */
enum flips_direction { FLIPS_DOWN = -1, FLIPS_UP = 1 };

/* The flip's volume is found to within this fraction of it (a hundredth of a per
 * cent: the costs behind it are not known to better than a few per cent). */
#define FLIP_PRECISION 1e-4

/* Walk the volume by log steps in one direction from `from` until the winner is not
 * `stays`; bisect the change to FLIP_PRECISION: *last gets the last volume found where
 * `stays` wins, *at the first where *winner does. False when it stays to the limit. */
static bool flips_walk(const struct engine *e, const struct verdict *v, enum flips_direction dir, double from,
		       double limit, enum arch stays, double *last, double *at, enum arch *winner)
{
	const struct answer_field *f = &answer_fields[AK_REQUESTS];
	double step = pow(10, (double)dir / STEPS_PER_DECADE), prev = from, req;
	enum arch w = ARCH_COUNT;

	/* From zero the walk starts at 1,000 requests; else one log step on. */
	for (req = from <= 0 ? 1000 : from * step;; prev = req, req *= step) {
		req = dir > 0 ? ceil(req) : floor(req);
		if (req > f->max || req < 1 || (dir > 0 ? req > limit : req < limit))
			return false;
		if ((w = flips_winner_at(e, &v->answers, req)) != stays)
			break;
	}
	/* The change lies between prev (stays wins) and req (another, w). */
	double same = prev, other = req;
	while (fabs(other - same) > fmax(1, other * FLIP_PRECISION)) {
		double mid = round((same + other) / 2);
		enum arch won;
		if (mid == same || mid == other)
			break;
		if ((won = flips_winner_at(e, &v->answers, mid)) == stays) {
			same = mid;
		} else {
			other = mid;
			w = won;
		}
	}
	*last = same;
	*at = other;
	*winner = w;
	return true;
}

/* The nearest volume one way where another architecture wins, and how far its band
 * goes: the recommendation may win again, or a third architecture, beyond it. */
static void flips_volume(const struct engine *e, const struct verdict *v, enum flips_direction dir,
			struct volume_flip *out)
{
	double from = (double)v->answers.requests_per_month;
	double limit = from <= 0 ? 1e6 : from * pow(10, dir * MAX_DECADES), last, beyond;

	memset(out, 0, sizeof *out);
	if (from <= 0 && dir < 0)
		return;
	/* Each volume reported is one at which what it says holds: the flip's, the first
	 * where the winner wins; the band's end, the last (the bisection leaves a gap of
	 * FLIP_PRECISION between the two sides of each change). */
	out->found = flips_walk(e, v, dir, from, limit, v->recommended, &last, &out->requests_per_month, &out->winner);
	if (out->found)
		out->ends = flips_walk(e, v, dir, out->requests_per_month, limit, out->winner, &out->ends_at, &beyond,
				       &out->then);
}

static void flips_add(struct verdict *v, int key, const char *value, enum arch winner)
{
	struct answer_flip *f;

	if (v->n_flips >= (int)(sizeof v->flips / sizeof v->flips[0]))
		return;
	f = &v->flips[v->n_flips++];
	f->key = key;
	snprintf(f->value, sizeof f->value, "%s", value);
	f->winner = winner;
}

/* The decision with one answer changed. Candidates are sized for a request shape,
 * which the latency answer changes (its targets): then the decision gets its own. */
static void flips_decide(const struct engine *e, const struct answers *a, struct decision *d)
{
	struct request_shape shape = candidates_shape_of(e->c, a);
	struct engine other;

	if (candidates_shape_equal(&shape, &e->shape)) {
		score_decide(e, a, d, false);
		return;
	}
	engine_init(&other, e->c, a);
	score_decide(&other, a, d, false);
	engine_free(&other);
}

/* The winner with one answer changed; ARCH_COUNT when nothing is feasible then. */
static enum arch flips_winner_with(const struct engine *e, const struct answers *a)
{
	struct decision d;

	flips_decide(e, a, &d);
	return d.scores[d.recommended].feasible ? d.recommended : ARCH_COUNT;
}

/* Every other value of every choice answer, decided afresh. */
static void flips_answers(const struct engine *e, struct verdict *v)
{
	for (int key = 0; key < AK_COUNT; key++) {
		const struct answer_field *f = &answer_fields[key];
		int cur;
		if (f->type != AT_ENUM && f->type != AT_BOOL)
			continue;
		cur = (int)answers_get(&v->answers, key);
		for (int val = 0; val < f->n_names; val++) {
			struct answers a = v->answers;
			enum arch w;
			if (val == cur)
				continue;
			answers_set(&a, key, val);
			w = flips_winner_with(e, &a);
			if (w != v->recommended)   /* ARCH_COUNT: nothing would be feasible */
				flips_add(v, key, f->names[val], w);
		}
	}
}

/* Nothing is feasible: each single answer change that makes something so. */
static void flips_relax(const struct engine *e, struct verdict *v)
{
	for (int key = 0; key < AK_COUNT; key++) {
		const struct answer_field *f = &answer_fields[key];
		int cur;
		if (f->type != AT_ENUM && f->type != AT_BOOL)
			continue;
		cur = (int)answers_get(&v->answers, key);
		for (int val = 0; val < f->n_names && v->n_relax < (int)(sizeof v->relax / sizeof v->relax[0]); val++) {
			struct answers a = v->answers;
			struct decision d;
			if (val == cur)
				continue;
			answers_set(&a, key, val);
			flips_decide(e, &a, &d);
			if (!d.scores[d.recommended].feasible)
				continue;
			v->relax[v->n_relax++] = (struct answer_change){ .key = key, .arch = d.recommended };
			snprintf(v->relax[v->n_relax - 1].value, sizeof v->relax[0].value, "%s", f->names[val]);
		}
	}
}

void flips_find(const struct engine *e, struct verdict *v)
{
	if (!v->feasible_any) {
		flips_relax(e, v);
		return;
	}
	flips_volume(e, v, FLIPS_UP, &v->flip_volume_up);
	flips_volume(e, v, FLIPS_DOWN, &v->flip_volume_down);
	flips_answers(e, v);
}
