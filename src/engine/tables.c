/* tables.c — the cost tables: every API model, every managed offer, and each open
 * model's cheapest fleet, at the volume asked; the cheapest usable row that meets the
 * task marked. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "pick.h"
#include "util.h"
#include "yread.h"

static void tables_api(const struct engine *e, struct verdict *v)
{
	const struct catalog *c = e->c;
	const struct answers *a = &v->answers;

	v->api = xcalloc((size_t)c->n_models, sizeof *v->api);
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		struct cost_row *r;
		if (!m->api.present)
			continue;
		r = &v->api[v->n_api++];
		r->model = m;
		r->licence = m->licence;
		api_prices(&m->api, a, &r->input_price, &r->output_price);
		r->meets_quality = pick_model_shortfall(c, a->task, m) == 0;
		r->usable = v->scores[ARCH_DIRECT_API].feasible && m->quality_tier != TIER_UNKNOWN && window_holds(m, a);
		if (m->quality_tier == TIER_UNKNOWN)
			snprintf(r->note, sizeof r->note, "quality tier unknown: never recommended until the catalog sets one");
		else if (!window_holds(m, a))   /* never priced as if the prompt fitted */
			window_note(m, a, r->note, sizeof r->note);
		r->opt.arch = ARCH_DIRECT_API;
		r->opt.model = m;
		r->opt.feasible = window_holds(m, a);
		r->opt.cost.api = api_token_cost(r->input_price, r->output_price, a, (double)a->requests_per_month);
		cost_sum(&r->opt.cost);
	}
}

/* Why a managed row cannot be used, in words. */
static void tables_managed_note(struct cost_row *r, const struct provider *p, const struct offer *of,
				const struct answers *a, const struct gates *g, double usd)
{
	char d[16];

	if (!window_holds(of->model, a)) {   /* first: no provider status changes it */
		window_note(of->model, a, r->note, sizeof r->note);
	} else if (p->status != PROV_ACTIVE) {
		format_date(p->closed_on, d, sizeof d);
		snprintf(r->note, sizeof r->note, "%s closed on %s", p->name, d);
	} else if (of->retired) {
		snprintf(r->note, sizeof r->note, "retired by %s", p->name);
	} else if (candidate_gated(of->model, g, false)) {
		snprintf(r->note, sizeof r->note, "licence: over 700M MAU");
	} else if ((a->fine_tuning == FT_LORA && p->finetune == FT_SUPPORT_NONE) ||
		   (a->fine_tuning == FT_FULL && p->finetune != FT_SUPPORT_FULL)) {
		snprintf(r->note, sizeof r->note, "%s does not offer %s fine-tuning", p->name, a->fine_tuning == FT_FULL ? "full" : "LoRA");
	} else if (!r->usable && !p->dedicated.present) {
		snprintf(r->note, sizeof r->note, "no price in the catalog for serving a tuned model on %s", p->name);
	} else if (isnan(usd)) {
		snprintf(r->note, sizeof r->note, "the tuned model fits none of %s's dedicated GPUs", p->name);
	} else if (r->opt.cost.gpu_lease > 0) {
		snprintf(r->note, sizeof r->note, "tuned: a dedicated deployment at $%.2f a GPU-hour", p->dedicated.usd_per_gpu_hour);
	}
}

/* Every offer of every provider, priced by offer_cost (per token, or a tuned model's
 * dedicated deployment); a row it cannot serve says why. */
static void tables_managed(const struct engine *e, struct verdict *v, const struct gates *g)
{
	const struct catalog *c = e->c;
	const struct answers *a = &v->answers;
	int total = 0, order = 0;
	struct fleet_rates rates = fleet_rates_of(e, a);

	for (int i = 0; i < c->n_providers; i++)
		total += c->providers[i].n_offers;
	v->managed = xcalloc((size_t)total, sizeof *v->managed);
	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		for (int j = 0; j < p->n_offers; j++, order++) {
			const struct offer *of = &p->offers[j];
			struct cost_row *r = &v->managed[v->n_managed++];
			const struct candidate *config;
			double usd = offer_cost(e, a, &rates, p, of, order, (double)a->requests_per_month, &r->opt.cost, &config);
			r->model = of->model;
			r->provider = p;
			r->licence = of->model->licence;
			r->input_price = of->input;
			r->output_price = of->output;
			r->meets_quality = pick_model_shortfall(c, a->task, of->model) == 0;
			r->usable = offer_allowed(p, of, a, g->mau) && !isnan(usd);
			tables_managed_note(r, p, of, a, g, usd);
			r->opt.arch = ARCH_MANAGED;
			r->opt.model = of->model;
			r->opt.provider = p;
			r->opt.feasible = r->usable;
			offer_deployment(e, a, config, (double)a->requests_per_month, &r->opt);
		}
	}
}

/* Per open model, the cheapest fleet on any GPU and precision. */
static void tables_self_hosted(const struct engine *e, struct verdict *v, const struct decision *d)
{
	const struct catalog *c = e->c;
	const struct answers *a = &v->answers;

	v->self_hosted = xcalloc((size_t)c->n_models, sizeof *v->self_hosted);
	for (int i = 0; i < c->n_models; i++) {
		const struct model *m = &c->models[i];
		struct cost_row *r;
		if (!model_is_open(m))
			continue;
		r = &v->self_hosted[v->n_self_hosted++];
		r->model = m;
		r->licence = m->licence;
		r->meets_quality = pick_model_shortfall(c, a->task, m) == 0;
		r->usable = !candidate_gated(m, &d->gates, true);
		plan_self_for_model(e, a, m, (double)a->requests_per_month, &r->opt);
		if (!window_holds(m, a))
			window_note(m, a, r->note, sizeof r->note);
		else if (!r->opt.feasible)
			snprintf(r->note, sizeof r->note, "fits no priced GPU within the memory and latency targets");
		else if (!r->usable)
			snprintf(r->note, sizeof r->note, "%s", !m->licence->commercial
				 ? "licence: non-commercial" : "licence: over 700M MAU");
		else if (!(v->scores[ARCH_SELF_SINGLE].feasible || v->scores[ARCH_SELF_MULTI].feasible))
			snprintf(r->note, sizeof r->note, "self-hosting excluded by the rules");
	}
}

/* The cheapest row of all three tables that can be used and meets the task's tier. */
static void tables_mark_cheapest(struct verdict *v)
{
	struct cost_row *tables[3] = { v->api, v->managed, v->self_hosted };
	int counts[3] = { v->n_api, v->n_managed, v->n_self_hosted };
	struct cost_row *best = NULL;

	for (int t = 0; t < 3; t++)
		for (int i = 0; i < counts[t]; i++) {
			struct cost_row *r = &tables[t][i];
			if (!r->usable || !r->opt.feasible || !r->meets_quality)
				continue;
			if (best == NULL || r->opt.cost.total < best->opt.cost.total)
				best = r;
		}
	if (best)
		best->cheapest = true;
	v->cheapest = best;
}

void tables_fill(const struct engine *e, struct verdict *v, const struct decision *d)
{
	tables_api(e, v);
	tables_managed(e, v, &d->gates);
	tables_self_hosted(e, v, d);
	tables_mark_cheapest(v);
}
