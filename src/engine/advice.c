/* advice.c — what a decision-maker reads beside the verdict, each drawn from it: the
 * risks of the recommendation (a licence cap, a single point of failure, a price
 * that flips it within its range, a quality shortfall, a model marked legacy) and, when it
 * runs its own GPUs, a staged path that starts on a cheaper option and moves at a
 * trigger found from the cost curves. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "pick.h"
#include "util.h"

static void advice_risk(struct verdict *v, enum risk_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void advice_risk(struct verdict *v, enum risk_kind kind, const char *fmt, ...)
{
	struct risk *r;
	va_list ap;

	if (v->n_risks >= (int)(sizeof v->risks / sizeof v->risks[0]))
		return;
	r = &v->risks[v->n_risks++];
	r->kind = kind;
	va_start(ap, fmt);
	vsnprintf(r->text, sizeof r->text, fmt, ap);
	va_end(ap);
}

/* A licence that caps users or asks for attribution at a scale. */
static void advice_licence(struct verdict *v, const struct model *m)
{
	const struct licence *l = m->licence;
	char cap[32];

	if (!model_is_open(m) || l->mau_limit <= 0)
		return;
	fmt_short(cap, sizeof cap, (double)l->mau_limit);
	advice_risk(v, RISK_LICENCE, "%s's licence (%s) caps use at %s monthly active users; you answered under that, and past it a separate licence from %s is needed.",
		    m->id, l->name, cap, m->vendor);
}

/* How far a flip lies from today's value: a factor for multipliers, else a
 * difference (a share of requests or a growth rate). */
static double advice_distance(const struct sensitivity *s)
{
	if (s->assumption < ASSUME_MULTIPLIERS)
		return fabs(log(s->flips_at / s->base));
	return fabs(s->flips_at - s->base);
}

/* One risk for the assumptions whose plausible range holds a flip: the nearest
 * flip first, at most three named. */
static void advice_sensitive(struct verdict *v)
{
	const struct sensitivity *by[ASSUME_COUNT];
	char text[300] = "", part[120];
	int n = 0;

	for (int i = 0; i < v->n_sensitivity; i++)
		if (v->sensitivity[i].flips)
			by[n++] = &v->sensitivity[i];
	if (n == 0)
		return;
	for (int i = 1; i < n; i++)   /* insertion sort: eight entries at most */
		for (int j = i; j > 0 && advice_distance(by[j]) < advice_distance(by[j - 1]); j--) {
			const struct sensitivity *t = by[j];
			by[j] = by[j - 1], by[j - 1] = t;
		}
	for (int i = 0; i < n && i < 3; i++) {
		const struct sensitivity *s = by[i];
		if (s->assumption < ASSUME_MULTIPLIERS)
			snprintf(part, sizeof part, "%s%s at %.2fx (%s)", i ? "; " : "", assumption_words[s->assumption],
				 s->flips_at, arch_id_or_none(s->flips_to));
		else
			snprintf(part, sizeof part, "%s%s at %.0f %% (%s)", i ? "; " : "", assumption_words[s->assumption],
				 s->flips_at * 100, arch_id_or_none(s->flips_to));
		strncat(text, part, sizeof text - strlen(text) - 1);
	}
	advice_risk(v, RISK_PRICE, "The decision turns within the plausible range of %s.", text);
}

static void advice_risks(struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;
	const struct model *m = o->api_model ? o->api_model : o->model;
	bool own_gpus = o->arch == ARCH_SELF_SINGLE || o->arch == ARCH_SELF_MULTI || o->arch == ARCH_HYBRID;
	int sf;

	if (o->model)
		advice_licence(v, o->model);
	if (own_gpus && o->replicas - o->spare_replicas <= 1 && o->spare_replicas == 0)
		advice_risk(v, RISK_SINGLE_POINT, "One replica serves everything and none is spare (spare_replicas: 0): a GPU or node failure stops the service until it is replaced.");
	else if (own_gpus && o->spare_replicas > 0 && o->replicas - o->spare_replicas <= 1)
		advice_risk(v, RISK_SINGLE_POINT, "The peak needs one replica; without %s the fleet would be a single point of failure, so %s in the cost.",
			    o->spare_replicas == 1 ? "its spare" : "its spares", o->spare_replicas == 1 ? "the spare is" : "the spares are");
	if (o->model && o->model->legacy)
		advice_risk(v, RISK_LEGACY, "%s is marked legacy in the catalog (a successor is listed): evaluate the current model before committing to this one.",
			    o->model->id);
	if (m != NULL && (sf = pick_model_shortfall(v->catalog, v->answers.task, m)) > 0)
		advice_risk(v, RISK_QUALITY, "%s is %d tier%s below what %s needs; evaluate it on your own data first.",
			    m->id, sf, sf == 1 ? "" : "s", task_phrases[v->answers.task]);
	advice_sensitive(v);
}

/* Run on the option that costs least at low volume, move when the recommendation
 * gets cheaper: only for a recommendation that runs its own GPUs, when a feasible
 * API or managed option is cheaper today. */
static void advice_migration(const struct engine *e, struct verdict *v)
{
	const struct plan *rec = &v->scores[v->recommended].best;
	struct migration *mg = &v->migration;
	bool x_below;

	if (rec->arch != ARCH_SELF_SINGLE && rec->arch != ARCH_SELF_MULTI && rec->arch != ARCH_HYBRID)
		return;
	for (int k = 0; k < ARCH_COUNT; k++) {
		const struct arch_score *sc = &v->scores[k];
		if ((k != ARCH_DIRECT_API && k != ARCH_MANAGED) || !sc->feasible || !sc->best.feasible ||
		    sc->best.cost.total >= rec->cost.total ||
		    (mg->present && sc->best.cost.total >= mg->start.cost.total))
			continue;
		mg->present = true;
		mg->start = sc->best;
	}
	if (!mg->present)
		return;
	mg->trigger_requests = crossovers_first_above(e, &v->answers, &mg->start, rec,
						     (double)v->answers.requests_per_month, &x_below);
	if (mg->trigger_requests > 0 && x_below)
		mg->trigger_bill = plan_cost_at(e, &v->answers, &mg->start, mg->trigger_requests);
	else
		mg->trigger_requests = 0;   /* the start stays cheaper above your volume: control, not cost, is the reason to move */
}

void advice_find(const struct engine *e, struct verdict *v)
{
	if (!v->feasible_any)
		return;
	advice_risks(v);
	advice_migration(e, v);
}
