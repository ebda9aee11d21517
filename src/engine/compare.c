/* compare.c — the difference of two verdicts (see compare.h). */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const cost_line_names[CL_COUNT] = {
	[CL_API] = "tokens", [CL_GPU] = "GPU rental", [CL_HARDWARE] = "hardware",
	[CL_FACILITY] = "power and space", [CL_ENGINEERING] = "engineering", [CL_ON_CALL] = "on-call",
	[CL_ORCHESTRATION] = "orchestration", [CL_MONITORING] = "monitoring",
	[CL_FINETUNE] = "tuning compute", [CL_FINETUNE_LABOUR] = "tuning labour", [CL_TOTAL] = "total",
};

static void compare_answers(const struct answers *a, const struct answers *b, struct verdict_diff *out)
{
	for (int key = 0; key < AK_COUNT; key++) {
		double x = answers_get(a, key), y = answers_get(b, key);
		if (x != y)
			out->answers[out->n_answers++] = (struct diff_answer){ .key = key, .value = { x, y } };
	}
}

static bool compare_same_option(const struct plan *a, const struct plan *b)
{
	return a->arch == b->arch && a->feasible == b->feasible && a->model == b->model &&
	       a->api_model == b->api_model && a->provider == b->provider;
}

static bool compare_same_fleet(const struct plan *a, const struct plan *b)
{
	return a->gpu == b->gpu && a->precision == b->precision && a->gpu_count == b->gpu_count &&
	       a->replicas == b->replicas;
}

static int compare_rank(const struct verdict *v, enum arch arch)
{
	for (int i = 0; i < ARCH_COUNT; i++)
		if (v->order[i] == (int)arch)
			return i;
	return ARCH_COUNT;
}

static void compare_archs(const struct verdict *const v[SIDE_COUNT], struct verdict_diff *out)
{
	for (int i = 0; i < ARCH_COUNT; i++) {
		enum arch arch = (enum arch)v[SIDE_AFTER]->order[i];
		struct diff_arch *d = &out->archs[i];
		d->arch = arch;
		for (int s = 0; s < SIDE_COUNT; s++) {
			const struct arch_score *sc = &v[s]->scores[arch];
			d->feasible[s] = sc->feasible;
			/* an excluded architecture's plan still has its cost, as in the memo's ranking */
			d->cost[s] = sc->best.feasible ? sc->best.cost.total : NAN;
			d->score[s] = sc->score;
			d->rank[s] = compare_rank(v[s], arch);
		}
	}
}

/* The same reason on the other side: the same rule, or for computed reasons the same text. */
static const struct reason *compare_find_reason(const struct arch_score *s, const struct reason *r)
{
	for (int i = 0; i < s->n_reasons; i++) {
		const struct reason *x = &s->reasons[i];
		if (r->rule != NULL ? x->rule == r->rule : x->rule == NULL && strcmp(x->text, r->text) == 0)
			return x;
	}
	return NULL;
}

static void compare_add_reason(struct verdict_diff *out, enum arch arch, const struct reason *r[SIDE_COUNT])
{
	struct diff_reason *d;

	if (out->n_reasons >= DIFF_MAX_REASONS)
		return;
	d = &out->reasons[out->n_reasons++];
	d->arch = arch;
	snprintf(d->text, sizeof d->text, "%s", (r[SIDE_AFTER] ? r[SIDE_AFTER] : r[SIDE_BEFORE])->text);
	for (int s = 0; s < SIDE_COUNT; s++) {
		d->fired[s] = r[s] != NULL;
		d->points[s] = r[s] ? r[s]->points : 0;
		d->excludes[s] = r[s] ? r[s]->excludes : false;
	}
}

/* Reasons of one side that the other lacks or weighs differently; each pair once. */
static void compare_reasons_of(const struct verdict *const v[SIDE_COUNT], enum arch arch, int side,
			       struct verdict_diff *out)
{
	const struct arch_score *mine = &v[side]->scores[arch], *theirs = &v[!side]->scores[arch];

	for (int i = 0; i < mine->n_reasons; i++) {
		const struct reason *r[SIDE_COUNT];
		r[side] = &mine->reasons[i];
		r[!side] = compare_find_reason(theirs, r[side]);
		if (r[!side] == NULL || (side == SIDE_AFTER && (r[0]->points != r[1]->points ||
							     r[0]->excludes != r[1]->excludes)))
			compare_add_reason(out, arch, r);
	}
}

static void compare_lines(const struct plan *p, struct verdict_diff *out)
{
	for (int l = 0; l < CL_COUNT; l++) {
		double a = cost_line_usd(&p[SIDE_BEFORE].cost, (enum cost_line)l);
		double b = cost_line_usd(&p[SIDE_AFTER].cost, (enum cost_line)l);
		if (fabs(a - b) >= 0.005)
			out->lines[out->n_lines++] = (struct diff_line){ .line = (enum cost_line)l, .usd = { a, b } };
	}
}

void compare_verdicts(const struct verdict *before, const struct verdict *after, struct verdict_diff *out)
{
	const struct verdict *const v[SIDE_COUNT] = { before, after };

	memset(out, 0, sizeof *out);
	compare_answers(&before->answers, &after->answers, out);
	for (int s = 0; s < SIDE_COUNT; s++)
		out->recommended[s] = v[s]->scores[v[s]->recommended].best;
	/* nothing feasible on one side: no recommendation there, whatever ranks first */
	out->recommendation_moved = before->feasible_any != after->feasible_any ||
				    before->recommended != after->recommended ||
				    !compare_same_option(&out->recommended[0], &out->recommended[1]);
	out->fleet_moved = before->feasible_any != after->feasible_any ||
			   !compare_same_fleet(&out->recommended[0], &out->recommended[1]);
	compare_archs(v, out);
	for (int a = 0; a < ARCH_COUNT; a++) {
		compare_reasons_of(v, (enum arch)v[SIDE_AFTER]->order[a], SIDE_BEFORE, out);
		compare_reasons_of(v, (enum arch)v[SIDE_AFTER]->order[a], SIDE_AFTER, out);
	}
	compare_lines(out->recommended, out);
}
