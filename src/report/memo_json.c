/* memo_json.c — the JSON memo; keys are part of the contract (DESIGN.md "JSON memo"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "memo.h"
#include "evaluate.h"
#include "util.h"
#include "yread.h"

/* cJSON prints NaN and infinity as null; round money to cents. */
static double cents(double usd)
{
	return isfinite(usd) ? round(usd * 100) / 100 : NAN;
}

/* An architecture id, or null for ARCH_COUNT (nothing feasible). */
static void json_arch(cJSON *o, const char *key, int arch)
{
	if (arch >= 0 && arch < ARCH_COUNT)
		cJSON_AddStringToObject(o, key, arch_ids[arch]);
	else
		cJSON_AddNullToObject(o, key);
}

void answer_value_json(cJSON *o, const char *name, int key, double value)
{
	const struct answer_field *f = &answer_fields[key];

	if (f->type == AT_ENUM)
		cJSON_AddStringToObject(o, name, f->names[(int)value]);
	else if (f->type == AT_BOOL)
		cJSON_AddBoolToObject(o, name, value != 0);
	else
		cJSON_AddNumberToObject(o, name, value);
}

static cJSON *answers_json(const struct answers *a)
{
	cJSON *o = cJSON_CreateObject();

	for (int k = 0; k < AK_COUNT; k++)
		answer_value_json(o, answer_fields[k].key, k, answers_get(a, k));
	return o;
}

static cJSON *reasons_json(const struct arch_score *sc)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < sc->n_reasons; i++) {
		const struct reason *r = &sc->reasons[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "text", r->text);
		cJSON_AddNumberToObject(o, "points", round(r->points * 100) / 100 + 0.0);   /* no -0 */
		cJSON_AddBoolToObject(o, "excludes", r->excludes);
		if (r->rule)
			cJSON_AddStringToObject(o, "rule", r->rule->id);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *breakdown_json(const struct cost_breakdown *b)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "api", cents(b->api));
	cJSON_AddNumberToObject(o, "gpu_lease", cents(b->gpu_lease));
	cJSON_AddNumberToObject(o, "hardware", cents(b->hardware));
	cJSON_AddNumberToObject(o, "facility", cents(b->facility));
	cJSON_AddNumberToObject(o, "engineering", cents(b->engineering));
	cJSON_AddNumberToObject(o, "on_call", cents(b->on_call));
	cJSON_AddNumberToObject(o, "orchestration", cents(b->orchestration));
	cJSON_AddNumberToObject(o, "monitoring", cents(b->monitoring));
	cJSON_AddNumberToObject(o, "finetune", cents(b->finetune));
	cJSON_AddNumberToObject(o, "finetune_labour", cents(b->finetune_labour));
	cJSON_AddNumberToObject(o, "total", cents(b->total));
	return o;
}

static void plan_fields(cJSON *o, const struct plan *op)
{
	if (op->model)
		cJSON_AddStringToObject(o, "model", op->model->id);
	if (op->api_model)
		cJSON_AddStringToObject(o, "api_model", op->api_model->id);
	if (op->provider)
		cJSON_AddStringToObject(o, "provider", op->provider->id);
	if (op->gpu) {
		cJSON_AddStringToObject(o, "precision", precision_names[op->precision]);
		cJSON_AddStringToObject(o, "gpu", op->gpu->id);
		cJSON_AddNumberToObject(o, "gpu_count", (double)op->gpu_count);
		if (op->arch != ARCH_ON_DEVICE) {
			cJSON_AddNumberToObject(o, "replicas", (double)op->replicas);
			cJSON_AddNumberToObject(o, "gpus_total", (double)(op->replicas * op->gpu_count));
			if (op->basis == BASIS_OWNED && op->arch != ARCH_MANAGED)   /* whole servers */
				cJSON_AddNumberToObject(o, "gpus_bought", (double)op->gpus_bought);
			cJSON_AddNumberToObject(o, "gpu_hours", round(op->gpu_hours));
			cJSON_AddNumberToObject(o, "requests_per_month_capacity", round(op->capacity_requests));
			cJSON_AddNumberToObject(o, "spare_replicas", (double)op->spare_replicas);
		}
		cJSON_AddNumberToObject(o, "batch", (double)op->batch);
		cJSON_AddNumberToObject(o, "tokens_per_s_per_user", round(op->user_tokens_per_s * 10) / 10);
		cJSON_AddNumberToObject(o, "ttft_ms", round(op->ttft_ms));
		if (op->arch == ARCH_SELF_SINGLE || op->arch == ARCH_SELF_MULTI || op->arch == ARCH_HYBRID) {
			cJSON_AddStringToObject(o, "price_basis", price_basis_names[op->basis]);
			cJSON_AddBoolToObject(o, "autoscaled", op->autoscaled);
		}
	}
	cJSON_AddNumberToObject(o, "monthly_cost_usd", cents(op->cost.total));
	cJSON_AddItemToObject(o, "cost", breakdown_json(&op->cost));
}

/* The keys DESIGN.md's contract lists for an object, present as null where they do not
 * apply (an API has no GPU; nothing feasible, no model), never missing. */
static void json_nulls(cJSON *o, const char *const *keys)
{
	for (int i = 0; keys[i] != NULL; i++)
		if (!cJSON_HasObjectItem(o, keys[i]))
			cJSON_AddNullToObject(o, keys[i]);
}

static cJSON *rows_json(const struct verdict *v, const struct cost_row *rows, int n)
{
	static const char *const self_hosted_contract[] = { "gpu", "gpu_count", "replicas", "gpus_total",
							    "price_basis", NULL };
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < n; i++) {
		const struct cost_row *r = &rows[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "model", r->model->id);
		if (r->provider)
			cJSON_AddStringToObject(o, "provider", r->provider->id);
		if (r->opt.arch != ARCH_SELF_SINGLE && r->opt.arch != ARCH_SELF_MULTI) {
			cJSON_AddNumberToObject(o, "input_usd_per_mtok", r->input_price);
			cJSON_AddNumberToObject(o, "output_usd_per_mtok", r->output_price);
		} else {
			cJSON_AddStringToObject(o, "architecture", arch_ids[r->opt.arch]);
		}
		plan_fields(o, &r->opt);
		/* no price where the Markdown shows none: a row that cannot run, a managed
		 * offer that cannot be used (retired, closed, untunable), a short window */
		if (!r->opt.feasible || (r->opt.arch == ARCH_MANAGED && !r->usable) ||
		    r->model->context_tokens < answers_longest(&v->answers))
			cJSON_ReplaceItemInObject(o, "monthly_cost_usd", cJSON_CreateNull());
		if (r->opt.arch == ARCH_SELF_SINGLE || r->opt.arch == ARCH_SELF_MULTI)
			json_nulls(o, self_hosted_contract);
		if (r->model->quality_tier == TIER_UNKNOWN)
			cJSON_AddNullToObject(o, "quality_tier");
		else
			cJSON_AddNumberToObject(o, "quality_tier", r->model->quality_tier);
		if (r->model->context_tokens == 0)   /* not known */
			cJSON_AddNullToObject(o, "context_window_tokens");
		else
			cJSON_AddNumberToObject(o, "context_window_tokens", (double)r->model->context_tokens);
		cJSON_AddBoolToObject(o, "meets_quality", r->meets_quality);
		cJSON_AddBoolToObject(o, "usable", r->usable && r->opt.feasible);
		if (r->cheapest)
			cJSON_AddBoolToObject(o, "cheapest", true);
		if (r->note[0])
			cJSON_AddStringToObject(o, "note", r->note);
		if (r->model->at.overlay)
			cJSON_AddBoolToObject(o, "from_overlay", true);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

cJSON *costs_to_json(const struct verdict *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "requests_per_month", (double)v->answers.requests_per_month);
	cJSON_AddItemToObject(o, "api", rows_json(v, v->api, v->n_api));
	cJSON_AddItemToObject(o, "managed", rows_json(v, v->managed, v->n_managed));
	cJSON_AddItemToObject(o, "self_hosted", rows_json(v, v->self_hosted, v->n_self_hosted));
	return o;
}

cJSON *crossovers_to_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_crossovers; i++) {
		const struct crossover *c = &v->crossovers[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "a", c->a);
		cJSON_AddStringToObject(o, "b", c->b);
		cJSON_AddNumberToObject(o, "requests_per_month", c->requests_per_month);
		cJSON_AddStringToObject(o, "cheaper_below", c->a_cheaper_below ? c->a : c->b);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

cJSON *footprint_to_json(const struct footprint *f)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "model", f->model->id);
	cJSON_AddStringToObject(o, "precision", precision_names[f->precision]);
	cJSON_AddStringToObject(o, "gpu", f->gpu->id);
	cJSON_AddBoolToObject(o, "feasible", f->feasible);
	if (!f->feasible)
		cJSON_AddStringToObject(o, "why_not", f->why_not);
	cJSON_AddNumberToObject(o, "batch", (double)f->batch);
	cJSON_AddNumberToObject(o, "context", (double)f->context);
	cJSON_AddNumberToObject(o, "gpu_count", (double)f->gpu_count);
	cJSON_AddNumberToObject(o, "tensor_parallel", (double)f->tensor_parallel);
	cJSON_AddNumberToObject(o, "pipeline_stages", (double)f->pipeline_stages);
	cJSON_AddNumberToObject(o, "weights_bytes", round(f->weights_bytes));
	cJSON_AddNumberToObject(o, "kv_bytes_per_token", round(f->kv_bytes_per_token));
	cJSON_AddNumberToObject(o, "kv_bytes", round(f->kv_bytes));
	cJSON_AddNumberToObject(o, "kv_copies", round(f->kv_copies * 100) / 100);
	cJSON_AddNumberToObject(o, "state_bytes", round(f->state_bytes));
	cJSON_AddNumberToObject(o, "active_params", round(f->active_params));
	cJSON_AddBoolToObject(o, "weight_only", f->weight_only);
	cJSON_AddNumberToObject(o, "overhead_bytes", round(f->overhead_bytes));
	cJSON_AddNumberToObject(o, "total_bytes", round(f->total_bytes));
	cJSON_AddNumberToObject(o, "per_gpu_bytes", round(f->per_gpu_bytes));
	cJSON_AddNumberToObject(o, "gpu_usable_bytes", round(f->gpu_usable_bytes));
	cJSON_AddNumberToObject(o, "headroom_bytes", round(f->headroom_bytes));
	cJSON_AddStringToObject(o, "kv_precision", precision_names[f->kv_precision]);
	cJSON_AddNumberToObject(o, "input_tokens", (double)f->input_tokens);
	cJSON_AddNumberToObject(o, "output_tokens", (double)f->output_tokens);
	cJSON_AddNumberToObject(o, "max_batch_fit", (double)f->max_batch_fit);
	cJSON_AddStringToObject(o, "batch_limited_by", batch_limit_words[f->limited_by]);
	cJSON_AddNumberToObject(o, "decode_tokens_per_s", round(f->decode_tokens_per_s * 10) / 10);
	cJSON_AddNumberToObject(o, "decode_tokens_per_s_single", round(f->decode_tokens_per_s_single * 10) / 10);
	cJSON_AddNumberToObject(o, "prefill_tokens_per_s", round(f->prefill_tokens_per_s));
	cJSON_AddNumberToObject(o, "tokens_per_s_per_user", round(f->tokens_per_s_per_user * 10) / 10);
	cJSON_AddNumberToObject(o, "ttft_ms", round(f->ttft_ms));
	cJSON_AddNumberToObject(o, "output_tokens_per_s", round(f->output_tokens_per_s));
	cJSON_AddNumberToObject(o, "requests_per_month_capacity",
				f->output_tokens > 0 ? round(f->output_tokens_per_s / (double)f->output_tokens * 3600 * 730) : 0);
	return o;
}

/* Nothing feasible: architecture null, no plan; else the plan, its premium over the
 * cheapest option and whether the runner-up is within a point. */
static cJSON *recommendation_json(const struct verdict *v)
{
	static const char *const contract[] = { "model", "precision", "gpu", "gpu_count", "replicas", "gpus_total",
						"price_basis", "monthly_cost_usd", "premium_usd", "close_call", NULL };
	const struct arch_score *sc = &v->scores[v->recommended];
	cJSON *o = cJSON_CreateObject(), *reasons = cJSON_CreateArray();

	json_arch(o, "architecture", v->feasible_any ? (int)v->recommended : ARCH_COUNT);
	cJSON_AddBoolToObject(o, "feasible", v->feasible_any);
	if (v->feasible_any) {
		plan_fields(o, &sc->best);
		cJSON_AddNumberToObject(o, "premium_usd", cents(v->premium_usd));
		cJSON_AddBoolToObject(o, "close_call", v->close_call);
		if (isfinite(v->margin))
			cJSON_AddNumberToObject(o, "margin_points", round(v->margin * 100) / 100);
		for (int i = 0; i < sc->n_reasons; i++)
			cJSON_AddItemToArray(reasons, cJSON_CreateString(sc->reasons[i].text));
	}
	json_nulls(o, contract);
	cJSON_AddItemToObject(o, "reasons", reasons);
	return o;
}

static cJSON *cheapest_json(const struct verdict *v)
{
	const struct plan *p = &v->scores[v->cheapest_arch].best;
	cJSON *o;

	if (!v->has_cheapest)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "architecture", arch_ids[v->cheapest_arch]);
	cJSON_AddStringToObject(o, "model", p->model->id);
	if (p->api_model)
		cJSON_AddStringToObject(o, "api_model", p->api_model->id);
	cJSON_AddNumberToObject(o, "monthly_cost_usd", cents(p->cost.total));
	cJSON_AddBoolToObject(o, "feasible", v->scores[v->cheapest_arch].feasible);
	return o;
}

static cJSON *relax_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_relax; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "answer", answer_fields[v->relax[i].key].key);
		cJSON_AddStringToObject(o, "value", v->relax[i].value);
		cJSON_AddStringToObject(o, "architecture", arch_ids[v->relax[i].arch]);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *sensitivity_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_sensitivity; i++) {
		const struct sensitivity *s = &v->sensitivity[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "assumption", assumption_names[s->assumption]);
		cJSON_AddBoolToObject(o, "multiplier", s->assumption < ASSUME_MULTIPLIERS);
		cJSON_AddNumberToObject(o, "base", s->base);
		cJSON_AddNumberToObject(o, "low", s->low);
		cJSON_AddNumberToObject(o, "high", s->high);
		cJSON_AddNumberToObject(o, "monthly_cost_low_usd", cents(s->cost_low));
		cJSON_AddNumberToObject(o, "monthly_cost_high_usd", cents(s->cost_high));
		if (s->flips) {
			json_arch(o, "flips_to", s->flips_to);
			cJSON_AddNumberToObject(o, "flips_at", s->flips_at);
		} else {
			cJSON_AddNullToObject(o, "flips_to");
			cJSON_AddNullToObject(o, "flips_at");
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static const char *const risk_kind_ids[] = { "licence", "single-point-of-failure", "price", "quality", "legacy" };

static cJSON *risks_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_risks; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kind", risk_kind_ids[v->risks[i].kind]);
		cJSON_AddStringToObject(o, "text", v->risks[i].text);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

/* The staged path, or null: where to start, and the volume and bill to move at
 * (null when the start stays cheaper and control is the reason to move). */
static cJSON *migration_json(const struct verdict *v)
{
	const struct migration *mg = &v->migration;
	cJSON *o, *start;

	if (!mg->present)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	start = cJSON_CreateObject();
	cJSON_AddStringToObject(start, "architecture", arch_ids[mg->start.arch]);
	plan_fields(start, &mg->start);
	cJSON_AddItemToObject(o, "start", start);
	json_arch(o, "move_to", v->recommended);
	if (mg->trigger_requests > 0) {
		cJSON_AddNumberToObject(o, "trigger_requests_per_month", round(mg->trigger_requests));
		cJSON_AddNumberToObject(o, "trigger_monthly_bill_usd", cents(mg->trigger_bill));
	} else {
		cJSON_AddNullToObject(o, "trigger_requests_per_month");
		cJSON_AddNullToObject(o, "trigger_monthly_bill_usd");
	}
	return o;
}

/* Rules whose cost claim the costs refuted: they added nothing. */
static cJSON *contradicted_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_contradicted; i++) {
		const struct contradicted_rule *r = &v->contradicted[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "rule", r->rule->id);
		cJSON_AddNumberToObject(o, "claimed_cheaper_usd", cents(r->cheaper_usd));
		cJSON_AddNumberToObject(o, "other_usd", cents(r->than_usd));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *scores_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct arch_score *sc = &v->scores[v->order[i]];
		cJSON *o = cJSON_CreateObject(), *best = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "architecture", arch_ids[sc->arch]);
		cJSON_AddNumberToObject(o, "score", round(sc->score * 100) / 100);
		cJSON_AddBoolToObject(o, "feasible", sc->feasible);
		cJSON_AddItemToObject(o, "reasons", reasons_json(sc));
		if (sc->best.feasible) {
			plan_fields(best, &sc->best);
			cJSON_AddNumberToObject(best, "monthly_cost_usd_in_12_months", cents(sc->cost_in_12_months));
			cJSON_AddItemToObject(o, "best_plan", best);
		} else {
			cJSON_Delete(best);
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *flips_json(const struct verdict *v)
{
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_CreateArray();
	const struct volume_flip *vf[2] = { &v->flip_volume_up, &v->flip_volume_down };
	const char *names[2] = { "volume_up", "volume_down" };

	for (int i = 0; i < 2; i++) {
		cJSON *f = cJSON_CreateObject();
		if (vf[i]->found) {
			cJSON_AddNumberToObject(f, "requests_per_month", vf[i]->requests_per_month);
			json_arch(f, "architecture", vf[i]->winner);
			/* where that architecture's band ends, further the same way (null: not within
			 * three decades of the volume), and what wins beyond */
			if (vf[i]->ends) {
				cJSON_AddNumberToObject(f, "until_requests_per_month", vf[i]->ends_at);
				json_arch(f, "then_architecture", vf[i]->then);
			} else {
				cJSON_AddNullToObject(f, "until_requests_per_month");
				cJSON_AddNullToObject(f, "then_architecture");
			}
			cJSON_AddItemToObject(o, names[i], f);
		} else {
			cJSON_Delete(f);
			cJSON_AddNullToObject(o, names[i]);
		}
	}
	for (int i = 0; i < v->n_flips; i++) {
		cJSON *f = cJSON_CreateObject();
		cJSON_AddStringToObject(f, "answer", answer_fields[v->flips[i].key].key);
		cJSON_AddStringToObject(f, "value", v->flips[i].value);
		json_arch(f, "architecture", v->flips[i].winner);
		cJSON_AddItemToArray(arr, f);
	}
	cJSON_AddItemToObject(o, "answers", arr);
	return o;
}

static cJSON *claims_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < v->n_claims; i++) {
		const struct claim_check *k = &v->claims[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "claim", k->text);
		cJSON_AddNumberToObject(o, "claimed_gpus", (double)k->claimed_gpus);
		cJSON_AddNumberToObject(o, "needed_gpus", (double)k->needed_gpus);
		cJSON_AddNumberToObject(o, "weights_bytes", round(k->weights_bytes));
		cJSON_AddBoolToObject(o, "holds", k->holds);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *seed_crossovers_json(const struct verdict *v)
{
	cJSON *arr = cJSON_CreateArray();
	const struct seed_crossover *xs = v->seed_crossovers;
	int n = v->n_seed_crossovers;

	for (int i = 0; i < n; i++) {
		const struct seed_crossover *x = &xs[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "scenario", x->text);
		cJSON_AddStringToObject(o, "self_hosted_model", x->self_model->id);
		cJSON_AddStringToObject(o, "api_model", x->api_model->id);
		cJSON_AddNumberToObject(o, "seed_requests_per_month", x->seed_requests);
		if (x->requests > 0)
			cJSON_AddNumberToObject(o, "requests_per_month", x->requests);
		else
			cJSON_AddNullToObject(o, "requests_per_month");
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *strings_json(char **s, int n)
{
	cJSON *arr = cJSON_CreateArray();
	for (int i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(s[i]));
	return arr;
}

static cJSON *catalog_json(const struct catalog *c)
{
	cJSON *o = cJSON_CreateObject(), *ov = cJSON_CreateArray();
	char d[16];

	format_date(c->as_of, d, sizeof d);
	cJSON_AddStringToObject(o, "as_of", d);
	cJSON_AddStringToObject(o, "sha256", c->sha256);
	for (int i = 0; i < c->n_overlays; i++)
		cJSON_AddItemToArray(ov, cJSON_CreateString(c->overlay_dirs[i]));
	cJSON_AddItemToObject(o, "overlays", ov);
	return o;
}

char *memo_json(const struct verdict *v, const char *generated_at)
{
	cJSON *root = cJSON_CreateObject();
	char *out;

	cJSON_AddStringToObject(root, "openweigh_version", PACKAGE_VERSION);
	cJSON_AddStringToObject(root, "generated_at", generated_at);
	cJSON_AddItemToObject(root, "catalog", catalog_json(v->catalog));
	cJSON_AddItemToObject(root, "answers", answers_json(&v->answers));
	cJSON_AddItemToObject(root, "recommendation", recommendation_json(v));
	cJSON_AddItemToObject(root, "cheapest", cheapest_json(v));
	cJSON_AddItemToObject(root, "what_to_relax", relax_json(v));
	cJSON_AddItemToObject(root, "rules_contradicted_by_costs", contradicted_json(v));
	cJSON_AddItemToObject(root, "sensitivity", sensitivity_json(v));
	cJSON_AddItemToObject(root, "risks", risks_json(v));
	cJSON_AddItemToObject(root, "migration", migration_json(v));
	cJSON_AddItemToObject(root, "scores", scores_json(v));
	cJSON_AddItemToObject(root, "costs", costs_to_json(v));
	cJSON_AddItemToObject(root, "crossovers", crossovers_to_json(v));
	if (v->footprint_present)
		cJSON_AddItemToObject(root, "footprint", footprint_to_json(&v->footprint));
	else
		cJSON_AddNullToObject(root, "footprint");
	cJSON_AddItemToObject(root, "what_would_flip_it", flips_json(v));
	cJSON_AddItemToObject(root, "seed_gpu_claims", claims_json(v));
	cJSON_AddItemToObject(root, "seed_crossovers", seed_crossovers_json(v));
	{
		cJSON *t = cJSON_AddObjectToObject(root, "latency_targets");
		cJSON_AddNumberToObject(t, "ttft_ms", v->ttft_ms_target);
		cJSON_AddNumberToObject(t, "tokens_per_s_per_user", v->tokens_per_s_target);
	}
	cJSON_AddItemToObject(root, "warnings", strings_json(v->warnings, v->n_warnings));
	cJSON_AddItemToObject(root, "caveats", strings_json(v->caveats, v->n_caveats));
	out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}
