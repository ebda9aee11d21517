/* memo_compare.c — `openweigh compare A B`: two scenarios side by side, from the
 * verdict_diff the wizard's baseline view reads too: the answers that differ, the
 * recommendation in both, each architecture's cost, score and rank in both, and why
 * it changed (the reasons that fired on one side only or weigh differently, and the
 * recommendation's cost lines that moved). Markdown or JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "evaluate.h"
#include "util.h"

static const char *cmp_usd(char *buf, double v)
{
	if (isnan(v))
		return "—";
	fmt_usd(buf, 32, v);
	return buf;
}

/* A cost in the architectures' table: "—" when there is no plan, marked when the
 * rules exclude the architecture. */
static const char *cmp_arch_usd(char *buf, double v, bool feasible)
{
	cmp_usd(buf, v);
	if (!isnan(v) && !feasible)
		strcat(buf, " (excluded)");
	return buf;
}

/* One answer's value as the answers file writes it. */
static void cmp_value_text(int key, double value, char *buf, size_t size)
{
	struct answers a;

	answers_default(&a);
	answers_set(&a, key, value);
	answers_value_text(&a, key, buf, size);
}

static void cmp_recommendation(struct strbuf *sb, const struct verdict *v, const char *side, const char *name)
{
	const struct plan *p = &v->scores[v->recommended].best;
	char label[160], usd[32];

	if (!v->feasible_any) {
		sb_addf(sb, "- **%s** (`%s`): nothing is feasible.\n", side, name);
		return;
	}
	plan_label(p, label, sizeof label);
	sb_addf(sb, "- **%s** (`%s`): %s, %s a month", side, name, label, cmp_usd(usd, p->cost.total));
	if (p->gpu && p->arch != ARCH_ON_DEVICE)
		sb_addf(sb, " on %lld x %lld %s %s", (long long)p->replicas, (long long)p->gpu_count, p->gpu->id,
			precision_names[p->precision]);
	sb_add(sb, ".\n");
}

char *compare_markdown(const struct verdict *a, const struct verdict *b, const struct verdict_diff *d,
		       const char *name_a, const char *name_b)
{
	struct strbuf sb;
	char x[64], y[64];

	sb_init(&sb);
	sb_add(&sb, "# openweigh comparison\n\n## Recommendation\n\n");
	cmp_recommendation(&sb, a, "A", name_a);
	cmp_recommendation(&sb, b, "B", name_b);
	sb_addf(&sb, "\n%s\n\n", d->recommendation_moved ? "The recommendation changes."
			: d->fleet_moved ? "The same option is recommended, on another fleet."
			: "The recommendation is the same.");
	sb_add(&sb, "## Answers that differ\n\n");
	if (d->n_answers == 0)
		sb_add(&sb, "None: the two files give the same answers.\n\n");
	else
		sb_add(&sb, "| answer | A | B |\n|---|---|---|\n");
	for (int i = 0; i < d->n_answers; i++) {
		cmp_value_text(d->answers[i].key, d->answers[i].value[SIDE_BEFORE], x, sizeof x);
		cmp_value_text(d->answers[i].key, d->answers[i].value[SIDE_AFTER], y, sizeof y);
		sb_addf(&sb, "| %s | %s | %s |\n", answer_fields[d->answers[i].key].key, x, y);
	}
	sb_add(&sb, d->n_answers ? "\n" : "");
	sb_add(&sb, "## Each architecture (in B's order)\n\n| architecture | A monthly | B monthly | A score | B score | A rank | B rank |\n|---|---|---|---|---|---|---|\n");
	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct diff_arch *r = &d->archs[i];
		sb_addf(&sb, "| %s | %s | %s | %.1f | %.1f | %d | %d |\n", arch_ids[r->arch],
			cmp_arch_usd(x, r->cost[SIDE_BEFORE], r->feasible[SIDE_BEFORE]),
			cmp_arch_usd(y, r->cost[SIDE_AFTER], r->feasible[SIDE_AFTER]), r->score[SIDE_BEFORE], r->score[SIDE_AFTER],
			r->rank[SIDE_BEFORE] + 1, r->rank[SIDE_AFTER] + 1);
	}
	sb_add(&sb, "\n## Why it changed\n\nThe reasons that fired on one side only or weigh differently:\n\n");
	if (d->n_reasons == 0)
		sb_add(&sb, "- None.\n");
	for (int i = 0; i < d->n_reasons; i++) {
		const struct diff_reason *r = &d->reasons[i];
		for (int s = 0; s < SIDE_COUNT; s++)
			snprintf(s ? y : x, 64, "%s", !r->fired[s] ? "—" : r->excludes[s] ? "excluded" : "");
		if (r->fired[SIDE_BEFORE] && !r->excludes[SIDE_BEFORE])
			snprintf(x, sizeof x, "%+.1f", r->points[SIDE_BEFORE]);
		if (r->fired[SIDE_AFTER] && !r->excludes[SIDE_AFTER])
			snprintf(y, sizeof y, "%+.1f", r->points[SIDE_AFTER]);
		sb_addf(&sb, "- %s, A %s, B %s: %s\n", arch_ids[r->arch], x, y, r->text);
	}
	sb_add(&sb, "\n## The recommendation's cost, line by line\n\n");
	if (d->n_lines == 0)
		sb_add(&sb, "No line differs.\n");
	else
		sb_add(&sb, "| line | A | B |\n|---|---|---|\n");
	for (int i = 0; i < d->n_lines; i++)
		sb_addf(&sb, "| %s | %s | %s |\n", cost_line_names[d->lines[i].line], cmp_usd(x, d->lines[i].usd[SIDE_BEFORE]),
			cmp_usd(y, d->lines[i].usd[SIDE_AFTER]));
	return sb.s;
}

static void cmp_json_number(cJSON *o, const char *name, double v)
{
	if (isnan(v))
		cJSON_AddNullToObject(o, name);
	else
		cJSON_AddNumberToObject(o, name, round(v * 100) / 100);
}

static cJSON *cmp_json_side(const struct verdict *v, const char *name)
{
	const struct plan *p = &v->scores[v->recommended].best;
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "file", name);
	if (!v->feasible_any) {
		cJSON_AddNullToObject(o, "architecture");
		return o;
	}
	cJSON_AddStringToObject(o, "architecture", arch_ids[v->recommended]);
	if (p->model)
		cJSON_AddStringToObject(o, "model", p->model->id);
	if (p->api_model)
		cJSON_AddStringToObject(o, "api_model", p->api_model->id);
	if (p->provider)
		cJSON_AddStringToObject(o, "provider", p->provider->id);
	if (p->gpu && p->arch != ARCH_ON_DEVICE) {
		cJSON_AddStringToObject(o, "gpu", p->gpu->id);
		cJSON_AddStringToObject(o, "precision", precision_names[p->precision]);
		cJSON_AddNumberToObject(o, "gpu_count", (double)p->gpu_count);
		cJSON_AddNumberToObject(o, "replicas", (double)p->replicas);
		cJSON_AddNumberToObject(o, "gpus_total", (double)(p->replicas * p->gpu_count));
	}
	cmp_json_number(o, "monthly_cost_usd", p->cost.total);
	return o;
}

char *compare_json(const struct verdict *a, const struct verdict *b, const struct verdict_diff *d,
		   const char *name_a, const char *name_b, const char *generated_at)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	char *out;

	cJSON_AddStringToObject(root, "openweigh_version", PACKAGE_VERSION);
	cJSON_AddStringToObject(root, "generated_at", generated_at);
	cJSON_AddItemToObject(root, "a", cmp_json_side(a, name_a));
	cJSON_AddItemToObject(root, "b", cmp_json_side(b, name_b));
	cJSON_AddBoolToObject(root, "recommendation_changed", d->recommendation_moved);
	cJSON_AddBoolToObject(root, "fleet_changed", d->fleet_moved);
	arr = cJSON_AddArrayToObject(root, "answers_changed");
	for (int i = 0; i < d->n_answers; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "answer", answer_fields[d->answers[i].key].key);
		answer_value_json(o, "a", d->answers[i].key, d->answers[i].value[SIDE_BEFORE]);
		answer_value_json(o, "b", d->answers[i].key, d->answers[i].value[SIDE_AFTER]);
		cJSON_AddItemToArray(arr, o);
	}
	arr = cJSON_AddArrayToObject(root, "architectures");
	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct diff_arch *r = &d->archs[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "architecture", arch_ids[r->arch]);
		for (int s = 0; s < SIDE_COUNT; s++) {
			cJSON *side = cJSON_AddObjectToObject(o, s ? "b" : "a");
			cJSON_AddBoolToObject(side, "feasible", r->feasible[s]);
			cmp_json_number(side, "monthly_cost_usd", r->cost[s]);
			cmp_json_number(side, "score", r->score[s]);
			cJSON_AddNumberToObject(side, "rank", r->rank[s] + 1);
		}
		cJSON_AddItemToArray(arr, o);
	}
	arr = cJSON_AddArrayToObject(root, "reasons_changed");
	for (int i = 0; i < d->n_reasons; i++) {
		const struct diff_reason *r = &d->reasons[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "architecture", arch_ids[r->arch]);
		cJSON_AddStringToObject(o, "text", r->text);
		for (int s = 0; s < SIDE_COUNT; s++) {
			const char *k = s ? "b" : "a";
			if (!r->fired[s])
				cJSON_AddNullToObject(o, k);
			else if (r->excludes[s])
				cJSON_AddStringToObject(o, k, "excluded");
			else
				cJSON_AddNumberToObject(o, k, r->points[s]);
		}
		cJSON_AddItemToArray(arr, o);
	}
	arr = cJSON_AddArrayToObject(root, "cost_lines_changed");
	for (int i = 0; i < d->n_lines; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "line", cost_line_names[d->lines[i].line]);
		cmp_json_number(o, "a", d->lines[i].usd[SIDE_BEFORE]);
		cmp_json_number(o, "b", d->lines[i].usd[SIDE_AFTER]);
		cJSON_AddItemToArray(arr, o);
	}
	out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}
