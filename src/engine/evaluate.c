/* evaluate.c — (catalog, answers) → verdict. Pure: no I/O, no globals, no curses. */
#include "evaluate.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evalint.h"
#include "util.h"
#include "yread.h"

static void push_text(char ***arr, int *n, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void push_text(char ***arr, int *n, const char *fmt, va_list ap)
{
	char buf[600];

	vsnprintf(buf, sizeof buf, fmt, ap);
	*arr = xreallocarray(*arr, (size_t)*n + 1, sizeof **arr);
	(*arr)[(*n)++] = xstrdup(buf);
}

void verdict_warn(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push_text(&v->warnings, &v->n_warnings, fmt, ap);
	va_end(ap);
}

void verdict_caveat(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push_text(&v->caveats, &v->n_caveats, fmt, ap);
	va_end(ap);
}

void plan_label(const struct plan *o, char *buf, size_t size)
{
	if (!o->feasible || o->model == NULL)
		snprintf(buf, size, "%s", arch_ids[o->arch]);
	else if (o->arch == ARCH_MANAGED)
		snprintf(buf, size, "%s (%s on %s)", arch_ids[o->arch], o->model->id, o->provider->id);
	else if (o->arch == ARCH_HYBRID)
		snprintf(buf, size, "%s (%s + %s)", arch_ids[o->arch], o->api_model->id, o->model->id);
	else
		snprintf(buf, size, "%s (%s)", arch_ids[o->arch], o->model->id);
}

/* ---- cost tables ------------------------------------------------------------------- */

static void api_table(const struct eval_state *s, struct verdict *v)
{
	const struct catalog *c = s->c;
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
		api_effective_prices(&m->api, a, &r->input_price, &r->output_price);
		r->meets_quality = tier_shortfall(c, a, m) == 0;
		r->usable = v->scores[ARCH_DIRECT_API].feasible;
		r->opt.arch = ARCH_DIRECT_API;
		r->opt.model = m;
		r->opt.feasible = true;
		r->opt.cost.api = token_cost(r->input_price, r->output_price, a, (double)a->requests_per_month);
		cost_total(&r->opt.cost);
	}
}

static void managed_table(const struct eval_state *s, struct verdict *v, bool gate_mau)
{
	const struct catalog *c = s->c;
	const struct answers *a = &v->answers;
	int total = 0;

	for (int i = 0; i < c->n_providers; i++)
		total += c->providers[i].n_offers;
	v->managed = xcalloc((size_t)total, sizeof *v->managed);
	for (int i = 0; i < c->n_providers; i++) {
		const struct provider *p = &c->providers[i];
		for (int j = 0; j < p->n_offers; j++) {
			const struct offer *of = &p->offers[j];
			struct cost_row *r = &v->managed[v->n_managed++];
			r->model = of->model;
			r->provider = p;
			r->licence = of->model->licence;
			r->input_price = of->input;
			r->output_price = of->output;
			r->meets_quality = tier_shortfall(c, a, of->model) == 0;
			r->usable = p->status == PROV_ACTIVE && !of->retired &&
				    !model_gated(of->model, gate_mau, false, false);
			if (p->status != PROV_ACTIVE) {
				char d[16];
				format_date(p->closed_on, d, sizeof d);
				snprintf(r->note, sizeof r->note, "%s closed on %s", p->name, d);
			} else if (of->retired) {
				snprintf(r->note, sizeof r->note, "retired by %s", p->name);
			} else if (!r->usable) {
				snprintf(r->note, sizeof r->note, "licence: over 700M MAU");
			}
			r->opt.arch = ARCH_MANAGED;
			r->opt.model = of->model;
			r->opt.provider = p;
			r->opt.feasible = r->usable;
			r->opt.cost.api = token_cost(of->input, of->output, a, (double)a->requests_per_month);
			cost_total(&r->opt.cost);
		}
	}
}

/* Per open model, the cheapest fleet on any GPU and precision. */
static void self_hosted_table(const struct eval_state *s, struct verdict *v, const struct decision *d)
{
	const struct catalog *c = s->c;
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
		r->meets_quality = tier_shortfall(c, a, m) == 0;
		r->usable = !model_gated(m, d->gate_mau, d->gate_noncommercial, true);
		self_cheapest_for_model(s, a, m, (double)a->requests_per_month, &r->opt);
		if (!r->opt.feasible)
			snprintf(r->note, sizeof r->note, "does not fit any priced GPU");
		else if (!r->usable)
			snprintf(r->note, sizeof r->note, "%s", !m->licence->commercial
				 ? "licence: non-commercial" : "licence: over 700M MAU");
		else if (!(v->scores[ARCH_SELF_SINGLE].feasible || v->scores[ARCH_SELF_MULTI].feasible))
			snprintf(r->note, sizeof r->note, "self-hosting excluded by the rules");
	}
}

/* The footprint to show: the recommended option's, or the nearest self-hosted one. */
static void pick_footprint(const struct eval_state *s, struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;

	if (o->gpu == NULL) {
		const struct plan *a = &v->scores[ARCH_SELF_SINGLE].best, *b = &v->scores[ARCH_SELF_MULTI].best;
		o = a->feasible && (!b->feasible || a->cost.total <= b->cost.total) ? a : b;
	}
	if (!o->feasible || o->gpu == NULL)
		return;
	serving_footprint(s->c, &v->answers, o->model, o->gpu, o->precision, &v->footprint);
	v->footprint_present = true;
}

/* The cheapest row of all three tables that can be used and meets the task's tier. */
static void mark_cheapest(struct verdict *v)
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

static void twelve_months(const struct eval_state *s, struct verdict *v, const struct decision *d)
{
	double grown = (double)v->answers.requests_per_month * (1 + v->answers.growth_per_year);

	for (int k = 0; k < ARCH_COUNT; k++)
		v->scores[k].cost_in_12_months =
			plan_cost_at(s, &v->answers, &d->scores[k].best, grown);
}

static void cost_curves(const struct eval_state *s, struct verdict *v)
{
	struct cost_curves *cc = &v->curves;

	for (int i = 0; i < CURVE_POINTS; i++)
		cc->requests[i] = round(pow(10, CURVE_FROM_LOG10 + (double)i / CURVE_PER_DECADE));
	for (int k = 0; k < ARCH_COUNT; k++)
		plan_cost_curve(s, &v->answers, &v->scores[k].best, cc->requests, CURVE_POINTS, cc->usd[k]);
}

static void footprint_options(const struct eval_state *s, struct verdict *v)
{
	const struct catalog *c = s->c;

	if (!v->footprint_present)
		return;
	v->footprint_options = xcalloc((size_t)c->n_gpus * PREC_COUNT, sizeof *v->footprint_options);
	for (int g = 0; g < c->n_gpus; g++)
		for (int p = 0; p < PREC_COUNT; p++) {
			struct footprint_option *o = &v->footprint_options[v->n_footprint_options++];
			o->gpu = &c->gpus[g];
			o->precision = (enum precision)p;
			o->priced = plan_self_hosted(c, &v->answers, v->footprint.model, o->gpu, o->precision,
						     &o->f, &o->fleet);
		}
}

struct verdict *evaluate(const struct catalog *c, const struct answers *a)
{
	struct verdict *v = xcalloc(1, sizeof *v);
	struct decision d;
	struct eval_state *s = eval_prepare(c, a);

	v->catalog = c;
	v->state = s;
	v->answers = *a;
	decide(s, a, &d, true);
	memcpy(v->scores, d.scores, sizeof v->scores);
	memcpy(v->order, d.order, sizeof v->order);
	v->recommended = d.recommended;
	api_table(s, v);
	managed_table(s, v, d.gate_mau);
	self_hosted_table(s, v, &d);
	mark_cheapest(v);
	pick_footprint(s, v);
	twelve_months(s, v, &d);
	cost_curves(s, v);
	footprint_options(s, v);
	finetune_monthly(c, a, v->scores[v->recommended].best.model, &v->finetune);
	crossovers_find(s, v);
	flips_find(s, v, &d);
	claims_check(c, v);
	verdict_notes(s, v, &d);
	return v;
}

double verdict_arch_cost_at(const struct verdict *v, enum arch arch, double requests)
{
	if (!v->scores[arch].best.feasible)
		return NAN;
	return plan_cost_at(v->state, &v->answers, &v->scores[arch].best, requests);
}

void verdict_free(struct verdict *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < v->n_warnings; i++)
		free(v->warnings[i]);
	for (int i = 0; i < v->n_caveats; i++)
		free(v->caveats[i]);
	free(v->warnings);
	free(v->caveats);
	free(v->api);
	free(v->managed);
	free(v->self_hosted);
	free(v->footprint_options);
	eval_state_free(v->state);
	free(v);
}
