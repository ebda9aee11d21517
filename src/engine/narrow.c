/* narrow.c — the volume search's state: for one set of answers, only the candidates,
 * API models, managed offers and on-device plan that can win at some volume. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "evalint.h"
#include "sweep.h"
#include "util.h"

/* What decides between two candidates of one use for fixed answers (the use's tier
 * shortfall being the least for all): the fixed costs a month (hidden costs and
 * fine-tuning), fixed[i] for base[i], beside the replica's price and speed. */
struct narrow_ctx {
	const struct candidate *base;
	const double *fixed;
};

/* c is at least as good as d at every volume: fixed and per-replica costs no higher,
 * serving rate no lower (the frontier sweep checks the speed). */
static bool narrow_dom(const void *ctx, const struct candidate *c, const struct candidate *d)
{
	const struct narrow_ctx *x = ctx;
	return x->fixed[c - x->base] <= x->fixed[d - x->base] &&
	       c->replica_usd_per_hour <= d->replica_usd_per_hour;
}

/* The API models that can be cheapest at some volume: an API charge is volume × a
 * per-request price, so only the least shortfall at (within rounding of) the lowest
 * price can win; with the hybrid's share the same answers pick the same model. */
static void narrow_api(const struct eval_state *s, const struct answers *a, struct eval_state *n)
{
	int best_sf = INT32_MAX;
	double best = INFINITY, in, out;

	for (int i = 0; i < s->n_api; i++) {
		int sf = tier_shortfall(s->c, a, s->api[i]);
		api_effective_prices(&s->api[i]->api, a, &in, &out);
		double per = token_cost(in, out, a, 1);
		if (sf < best_sf || (sf == best_sf && per < best)) {
			best_sf = sf;
			best = per;
		}
	}
	n->api = xcalloc((size_t)s->n_api + 1, sizeof *n->api);
	n->n_api = 0;
	for (int i = 0; i < s->n_api; i++) {
		api_effective_prices(&s->api[i]->api, a, &in, &out);
		if (tier_shortfall(s->c, a, s->api[i]) == best_sf && token_cost(in, out, a, 1) <= best * (1 + 1e-9))
			n->api[n->n_api++] = s->api[i];
	}
}

/* Can use u (USE_SINGLE, USE_MULTI: the task on that class; USE_SIMPLE: the hybrid's
 * simple share, either class) choose c with these answers and gates? */
static bool usable_for(const struct candidate *c, int u, const struct answers *a, bool gate_mau, bool gate_nc)
{
	int task = u == USE_SIMPLE ? TASK_EXTRACTION : a->task;

	if ((gate_mau && c->mau_gated) || (gate_nc && c->nc_gated) || !(c->tasks & 1u << task))
		return false;
	return u == USE_SIMPLE || c->single == (u == USE_SINGLE);
}

/* Use u's choices among the pool at any volume: usable, of the least tier shortfall
 * (a choice settles the shortfall before comparing costs), and on the frontier of
 * fixed cost, replica price and speed. */
static void narrow_use(const struct eval_state *s, const struct answers *a, int u, bool gate_mau,
		       bool gate_nc, struct eval_state *n)
{
	int need = s->c->policy.required_tier[u == USE_SIMPLE ? TASK_EXTRACTION : a->task];
	int least = INT32_MAX, m = 0;
	double ft = finetune_rate(s, a);
	struct candidate *few = xreallocarray(NULL, (size_t)s->n_use[u] + 1, sizeof *few);
	double *fixed = xreallocarray(NULL, (size_t)s->n_use[u] + 1, sizeof *fixed);
	struct narrow_ctx ctx = { few, fixed };

	for (int i = 0; i < s->n_use[u]; i++)
		if (usable_for(&s->use[u][i], u, a, gate_mau, gate_nc) && shortfall(s->use[u][i].tier, need) < least)
			least = shortfall(s->use[u][i].tier, need);
	for (int i = 0; i < s->n_use[u]; i++) {
		const struct candidate *c = &s->use[u][i];
		if (!usable_for(c, u, a, gate_mau, gate_nc) || shortfall(c->tier, need) != least)
			continue;
		fixed[m] = hidden_total(&s->c->cost, a->mlops, c->size) + model_finetune_usd(ft, c->model);
		few[m++] = *c;
	}
	n->use[u] = xreallocarray(NULL, (size_t)m + 1, sizeof *n->use[u]);
	n->n_use[u] = frontier(few, m, n->use[u], narrow_dom, &ctx);
	free(few);
	free(fixed);
}

/* The offers that can be cheapest at some volume: usable, of the least tier shortfall,
 * and not beaten on both the per-request charge and the fixed tuning compute by one
 * before it (or strictly by any). */
static void narrow_offers(const struct eval_state *s, const struct answers *a, bool gate_mau,
			  struct eval_state *n)
{
	const struct catalog *c = s->c;
	int total = 0, least = INT32_MAX, k = 0;
	double ft = finetune_rate(s, a);

	for (int i = 0; i < c->n_providers; i++)
		total += c->providers[i].n_offers;
	const struct offer **of = xcalloc((size_t)total + 1, sizeof *of);
	const struct provider **pr = xcalloc((size_t)total + 1, sizeof *pr);
	double *per = xcalloc((size_t)total + 1, sizeof *per), *fixed = xcalloc((size_t)total + 1, sizeof *fixed);

	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++)
			if (offer_allowed(&c->providers[i], &c->providers[i].offers[j], a, gate_mau)) {
				of[k] = &c->providers[i].offers[j];
				pr[k] = &c->providers[i];
				per[k] = token_cost(of[k]->input, of[k]->output, a, 1);
				fixed[k] = model_finetune_usd(ft, of[k]->model);
				int sf = tier_shortfall(c, a, of[k]->model);
				least = sf < least ? sf : least;
				k++;
			}
	n->offers = xcalloc((size_t)k + 1, sizeof *n->offers);
	n->offer_providers = xcalloc((size_t)k + 1, sizeof *n->offer_providers);
	n->n_offers = 0;
	for (int i = 0; i < k; i++) {
		bool beaten = tier_shortfall(c, a, of[i]->model) != least;
		for (int j = 0; j < k && !beaten; j++)
			beaten = j != i && tier_shortfall(c, a, of[j]->model) == least && per[j] <= per[i] &&
				 fixed[j] <= fixed[i] && (j < i || (per[j] < per[i] && fixed[j] < fixed[i]));
		if (!beaten) {
			n->offers[n->n_offers] = of[i];
			n->offer_providers[n->n_offers++] = pr[i];
		}
	}
	free(of);
	free(pr);
	free(per);
	free(fixed);
}

struct eval_state *eval_narrow(const struct eval_state *s, const struct answers *a, bool gate_mau,
			       bool gate_nc)
{
	struct eval_state *n = xcalloc(1, sizeof *n);
	struct plan *edge = xcalloc(1, sizeof *edge);

	*n = *s;
	for (int u = 0; u < USE_COUNT; u++)
		narrow_use(s, a, u, gate_mau, gate_nc, n);
	narrow_api(s, a, n);
	narrow_offers(s, a, gate_mau, n);
	best_plan(s, a, ARCH_ON_DEVICE, 0, gate_mau, gate_nc, edge);
	n->edge_plan = edge;
	return n;
}

void eval_narrow_free(struct eval_state *n)
{
	if (n == NULL)
		return;
	for (int u = 0; u < USE_COUNT; u++)
		free(n->use[u]);
	free(n->api);
	free(n->offers);
	free(n->offer_providers);
	free((struct plan *)n->edge_plan);
	free(n);
}
