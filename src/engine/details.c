/* details.c — the detail fields of the cost rows (see details.h). */
#include "details.h"

#include <stdio.h>

#include "evaluate.h"
#include "util.h"

/* The recommendation is this row: same model, and the same provider or fleet. */
static bool details_is_recommended(const struct verdict *v, const struct cost_row *r)
{
	const struct plan *p = &v->scores[v->recommended].best, *o = &r->opt;

	if (!v->feasible_any || !p->feasible || !o->feasible || p->arch != o->arch || p->model != o->model)
		return false;
	if (p->arch == ARCH_MANAGED)
		return p->provider == o->provider;
	if (p->arch == ARCH_SELF_SINGLE || p->arch == ARCH_SELF_MULTI)
		return p->gpu == o->gpu && p->precision == o->precision && p->gpu_count == o->gpu_count;
	return p->arch == ARCH_DIRECT_API;
}

static const char *details_exclusion(const struct arch_score *s)
{
	for (int i = 0; i < s->n_reasons; i++)
		if (s->reasons[i].excludes)
			return s->reasons[i].text;
	return "excluded by the rules";
}

static void details_why(const struct catalog *c, const struct verdict *v, struct cost_row *r)
{
	const struct arch_score *mine = &v->scores[r->opt.arch];
	const struct arch_score *best = &v->scores[v->recommended];
	size_t n = sizeof r->why;
	char a[32], b[32];

	if (r->recommended)
		snprintf(r->why, n, "This is the recommendation: %s scores highest of the feasible "
			 "architectures (%.1f), and this is its pick.", arch_ids[v->recommended], best->score);
	else if (!r->usable)
		snprintf(r->why, n, "Not usable with these answers: %s.", r->note[0] ? r->note : "excluded");
	else if (!r->opt.feasible)
		snprintf(r->why, n, "Cannot serve the volume: %s.", r->opt.why_not[0] ? r->opt.why_not : r->note);
	else if (!r->meets_quality)
		snprintf(r->why, n, "Below the task: %s work needs a model of tier %d or better; this one is tier %d.",
			 task_names[v->answers.task], c->policy.required_tier[v->answers.task], r->model->quality_tier);
	else if (!mine->feasible)
		snprintf(r->why, n, "Its architecture, %s, is excluded: %s", arch_ids[mine->arch], details_exclusion(mine));
	else if (mine->arch != v->recommended)
		snprintf(r->why, n, "%s scores %.1f, below %s at %.1f.", arch_ids[mine->arch], mine->score,
			 arch_ids[v->recommended], best->score);
	else {
		fmt_usd(a, sizeof a, best->best.cost.total);
		fmt_usd(b, sizeof b, r->opt.cost.total);
		snprintf(r->why, n, "The recommendation is another %s option: %s at %s a month, against %s here.",
			 arch_ids[mine->arch], best->best.model ? best->best.model->id : "?", a, b);
	}
}

static void details_footprint(const struct engine *e, struct cost_row *r)
{
	const struct plan *o = &r->opt;

	if (!o->feasible || o->gpu == NULL || o->model == NULL)
		return;
	candidate_footprint(e->c, &e->shape, o->model, o->gpu, o->precision, o->tensor_parallel, &r->footprint);
	r->footprint_present = true;
}

/* Rows a table could not cost keep the table's architecture (self-hosted: one GPU). */
static void details_table(const struct engine *e, struct verdict *v, struct cost_row *rows, int n,
			  enum arch arch)
{
	for (int i = 0; i < n; i++) {
		if (!rows[i].opt.feasible && rows[i].opt.model == NULL)
			rows[i].opt.arch = arch;
		rows[i].recommended = details_is_recommended(v, &rows[i]);
		details_why(e->c, v, &rows[i]);
		details_footprint(e, &rows[i]);
	}
}

void details_fill(const struct engine *e, struct verdict *v)
{
	details_table(e, v, v->api, v->n_api, ARCH_DIRECT_API);
	details_table(e, v, v->managed, v->n_managed, ARCH_MANAGED);
	details_table(e, v, v->self_hosted, v->n_self_hosted, ARCH_SELF_SINGLE);
}
