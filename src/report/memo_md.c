/* memo_md.c — the Markdown decision memo: what a tech lead reads and acts on. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "evaluate.h"
#include "util.h"
#include "yread.h"

static const char *usd(char *buf, double v)
{
	fmt_usd(buf, 32, v);
	return buf;
}

static const char *vol(char *buf, double v)
{
	fmt_int(buf, 32, v);
	return buf;
}

static void section_flips(struct strbuf *sb, const struct verdict *v)
{
	sb_add(sb, "## What would flip it\n\n");
	for (int up = 1; up >= 0; up--) {
		const struct volume_flip *f = up ? &v->flip_volume_up : &v->flip_volume_down;
		char range[96], beyond[64];
		if (!f->found)
			continue;
		memo_flip_range(range, sizeof range, f, up, false);
		memo_flip_beyond(beyond, sizeof beyond, f, up, v->recommended);
		sb_addf(sb, "- %s, **%s** would win%s.\n", range, arch_id_or_none(f->winner), beyond);
	}
	if (!v->flip_volume_up.found && !v->flip_volume_down.found)
		sb_add(sb, "- No volume from 1/1000 to 1000 times yours changes the recommendation.\n");
	for (int i = 0; i < v->n_flips; i++)
		sb_addf(sb, "- `%s: %s` instead would make **%s** win.\n",
			answer_fields[v->flips[i].key].key, v->flips[i].value, arch_id_or_none(v->flips[i].winner));
	if (v->n_flips == 0)
		sb_add(sb, "- No single change of a choice answer changes the recommendation.\n");
	sb_add(sb, "\n");
}

/* Where cost x falls on a tornado row of BAR columns either side of today's cost. */
static int tornado_at(double x, double base, double widest, int bar)
{
	double at = widest > 0 ? (x - base) / widest * bar : 0;

	return (int)lround(fmax(-bar, fmin(bar, at)));
}

/* A tornado of the recommendation's monthly cost at each assumption's low and high
 * value, the widest swing first, and where the verdict would flip. Each row runs from
 * its cheaper end (left, with the value that gives it) to its dearer end (right). */
static void section_sensitivity(struct strbuf *sb, const struct verdict *v)
{
	enum { BAR = 14 };   /* a row fits 80 columns */
	const struct sensitivity *by[ASSUME_COUNT];
	double base = v->scores[v->recommended].best.cost.total, widest = 0;
	int n = v->n_sensitivity;

	if (n == 0)
		return;
	for (int i = 0; i < n; i++) {
		by[i] = &v->sensitivity[i];
		widest = fmax(widest, fmax(fabs(by[i]->cost_low - base), fabs(by[i]->cost_high - base)));
	}
	for (int i = 1; i < n; i++)   /* insertion sort by swing, widest first */
		for (int j = i; j > 0 && fabs(by[j]->cost_high - by[j]->cost_low) > fabs(by[j - 1]->cost_high - by[j - 1]->cost_low); j--) {
			const struct sensitivity *t = by[j];
			by[j] = by[j - 1];
			by[j - 1] = t;
		}
	sb_add(sb, "## Sensitivity\n\nThe recommendation's monthly cost with each assumption at the low and the high end of its range (`costs.yaml`, sensitivity), the widest swing first: on the left the cheaper end's cost and the value that gives it, on the right the dearer end's; `|` is today's cost.\n\n```\n");
	for (int i = 0; i < n; i++) {
		const struct sensitivity *s = by[i];
		bool low_cheaper = !(s->cost_high < s->cost_low);   /* an end without a cost ("-") stays where it is */
		double cheap = low_cheaper ? s->cost_low : s->cost_high, dear = low_cheaper ? s->cost_high : s->cost_low;
		char at_cheap[16], at_dear[16], a[32], b[32], bar[2 * BAR + 2];
		int from = tornado_at(cheap, base, widest, BAR), to = tornado_at(dear, base, widest, BAR);
		memset(bar, ' ', sizeof bar - 1);
		bar[sizeof bar - 1] = '\0';
		for (int k = from; k <= to && !isnan(cheap) && !isnan(dear); k++)   /* cheaper end to dearer */
			bar[BAR + k] = '#';
		bar[BAR] = '|';
		memo_assumption_value(at_cheap, sizeof at_cheap, s, low_cheaper ? s->low : s->high);
		memo_assumption_value(at_dear, sizeof at_dear, s, low_cheaper ? s->high : s->low);
		sb_addf(sb, "%-15s %6s %8s %s %-8s %s\n", assumption_names[s->assumption], at_cheap,
			isnan(cheap) ? "-" : usd(a, cheap), bar, isnan(dear) ? "-" : usd(b, dear), at_dear);
	}
	sb_add(sb, "```\n\n");
	int flips = 0;
	for (int i = 0; i < n; i++) {
		char at[16];
		if (!by[i]->flips)
			continue;
		flips++;
		memo_sensitivity_flip(at, sizeof at, by[i]);
		/* growth moves the volume a year on, not today's: the flip is a year away */
		sb_addf(sb, "- At %s = %s, **%s** would be recommended %s.\n", assumption_names[by[i]->assumption], at,
			arch_id_or_none(by[i]->flips_to),
			by[i]->assumption == ASSUME_GROWTH ? "in 12 months, at the volume then" : "instead");
	}
	sb_addf(sb, "- Nothing %sin these ranges changes the recommendation.\n\n", flips ? "else " : "");
}

static void section_inputs(struct strbuf *sb, const struct verdict *v)
{
	char val[64];

	sb_add(sb, "## Inputs\n\n| answer | value |\n|---|---|\n");
	for (int k = 0; k < AK_COUNT; k++) {
		answers_value_text(&v->answers, k, val, sizeof val);
		if (k == AK_GROWTH || k == AK_CACHE_HIT)   /* a share: say it as a percentage too */
			sb_addf(sb, "| %s | %s (%s%.0f %%) |\n", answer_fields[k].key, val,
				k == AK_GROWTH && answers_get(&v->answers, k) > 0 ? "+" : "", answers_get(&v->answers, k) * 100);
		else if ((k == AK_TTFT || k == AK_USER_SPEED) && answers_get(&v->answers, k) == 0) {
			double t = k == AK_TTFT ? v->ttft_ms_target : v->tokens_per_s_target;
			if (t > 0)
				sb_addf(sb, "| %s | 0 (the latency's: %.0f) |\n", answer_fields[k].key, t);
			else
				sb_addf(sb, "| %s | 0 (none for batch work) |\n", answer_fields[k].key);
		}
		else
			sb_addf(sb, "| %s | %s |\n", answer_fields[k].key, val);
	}
	sb_add(sb, "\n");
}

/* Ranks 1 and 2 can be one model served two ways: say so, and how they differ. */
static void ranking_same_model(struct strbuf *sb, const struct verdict *v)
{
	const struct plan *a = &v->scores[v->order[0]].best, *b = &v->scores[v->order[1]].best;
	char fa[200], fb[200], ca[32], cb[32];

	if (!a->feasible || !b->feasible || a->model == NULL || a->model != b->model || a->api_model || b->api_model ||
	    a->gpu == NULL || b->gpu == NULL)
		return;
	memo_fleet_words(fa, sizeof fa, a);
	memo_fleet_words(fb, sizeof fb, b);
	sb_addf(sb, "\nRanks 1 and 2 are the same model, %s, served two ways: %s (%s, %s a month) and %s (%s, %s a month).\n",
		a->model->id, arch_ids[a->arch], fa, usd(ca, a->cost.total), arch_ids[b->arch], fb, usd(cb, b->cost.total));
}

static void section_ranking(struct strbuf *sb, const struct verdict *v)
{
	char b[32], c[32];

	sb_add(sb, "## Ranking\n\n| # | architecture | score | feasible | best option | monthly | in 12 months |\n|---|---|---|---|---|---|---|\n");
	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct arch_score *sc = &v->scores[v->order[i]];
		char label[120];
		plan_label(&sc->best, label, sizeof label);
		sb_addf(sb, "| %d | %s | %.1f | %s | %s | %s | %s |\n", i + 1, arch_ids[sc->arch], sc->score,
			sc->feasible ? "yes" : "no", sc->best.feasible ? label : "—",
			sc->best.feasible ? usd(b, sc->best.cost.total) : "—",
			sc->best.feasible && isfinite(sc->cost_in_12_months) ? usd(c, sc->cost_in_12_months) : "—");
	}
	ranking_same_model(sb, v);
	sb_add(sb, "\nEvery rule that fired, per architecture:\n\n");
	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct arch_score *sc = &v->scores[v->order[i]];
		sb_addf(sb, "- **%s**\n", arch_ids[sc->arch]);
		for (int j = 0; j < sc->n_reasons; j++) {
			const struct reason *r = &sc->reasons[j];
			if (r->excludes)
				sb_addf(sb, "  - EXCLUDED: %s\n", r->text);
			else
				sb_addf(sb, "  - %+.1f %s\n", round(r->points * 10) / 10 + 0.0, r->text);   /* no -0.0 */
		}
	}
	sb_add(sb, "\n");
}

char *costs_markdown(const struct verdict *v)
{
	struct strbuf sb;
	char b[32], c[32], d[32], e[32], f[32], g[32];

	sb_init(&sb);
	sb_addf(&sb, "## Costs at %s requests/month (%lld input + %lld output tokens each)\n\n",
		vol(b, (double)v->answers.requests_per_month), (long long)v->answers.input_tokens,
		(long long)v->answers.output_tokens);
	sb_add(&sb, "### Closed and first-party APIs\n\n| model | tier | input $/1M | output $/1M | monthly | note |\n|---|---|---|---|---|---|\n");
	for (int i = 0; i < v->n_api; i++) {
		const struct cost_row *r = &v->api[i];
		sb_addf(&sb, "| %s | %s | %.3f | %.3f | %s | %s%s%s%s%s |\n", r->model->id,
			quality_tier_name(r->model->quality_tier), r->input_price, r->output_price,
			r->opt.feasible ? usd(b, r->opt.cost.total) : "—",
			r->meets_quality ? "" : "below the task's tier; ", r->note,
			r->usable || r->note[0] ? "" : " (excluded by the rules)",
			r->cheapest && r->note[0] ? "; " : "", r->cheapest ? "**cheapest that meets the task**" : "");
	}
	sb_add(&sb, "\n### Managed inference (open models via API)\n\n| provider | model | input $/1M | output $/1M | monthly | note |\n|---|---|---|---|---|---|\n");
	for (int i = 0; i < v->n_managed; i++) {
		const struct cost_row *r = &v->managed[i];
		sb_addf(&sb, "| %s | %s | %.3f | %.3f | %s | %s%s%s |\n", r->provider->id, r->model->id,
			r->input_price, r->output_price, r->usable ? usd(b, r->opt.cost.total) : "—", r->note,
			r->cheapest && r->note[0] ? "; " : "", r->cheapest ? "**cheapest that meets the task**" : "");
	}
	sb_add(&sb, "\n### Self-hosted (cheapest fleet per model, with the hidden costs)\n\n| model | fleet | batch, tokens/s a user, first token | GPUs | engineering and on-call | orchestration | monitoring | fine-tune | total | note |\n|---|---|---|---|---|---|---|---|---|---|\n");
	for (int i = 0; i < v->n_self_hosted; i++) {
		const struct cost_row *r = &v->self_hosted[i];
		const struct plan *o = &r->opt;
		if (!o->feasible) {
			sb_addf(&sb, "| %s | — | | | | | | | — | %s |\n", r->model->id, r->note);
			continue;
		}
		sb_addf(&sb, "| %s | %lld x %lld x %s %s, %s | %lld, %.0f, %.0f ms | %s | %s | %s | %s | %s | %s | %s |\n",
			r->model->id, (long long)o->replicas, (long long)o->gpu_count, o->gpu->id,
			precision_names[o->precision], price_basis_names[o->basis], (long long)o->batch,
			o->user_tokens_per_s, o->ttft_ms, usd(b, o->cost.gpu_lease + o->cost.hardware + o->cost.facility),
			usd(c, o->cost.engineering + o->cost.on_call), usd(d, o->cost.orchestration),
			usd(e, o->cost.monitoring), usd(f, o->cost.finetune + o->cost.finetune_labour),
			usd(g, o->cost.total), r->cheapest ? "**cheapest that meets the task**" : r->note);
	}
	sb_add(&sb, "\nFleet: replicas (the spares included) x GPUs per replica x GPU, precision, how the GPUs are paid for; "
		    "batch: the sequences one replica serves at once, at that decode speed per user and time to first token.\n\n");
	return sb.s;
}

static void section_total_cost(struct strbuf *sb, const struct verdict *v)
{
	char b[32];
	static const struct { const char *label; size_t off; } lines[] = {
		{ "Per-token charges", offsetof(struct cost_breakdown, api) },
		{ "GPU lease", offsetof(struct cost_breakdown, gpu_lease) },
		{ "GPUs owned (amortised)", offsetof(struct cost_breakdown, hardware) },
		{ "Power and colocation", offsetof(struct cost_breakdown, facility) },
		{ "ML engineering", offsetof(struct cost_breakdown, engineering) },
		{ "On-call", offsetof(struct cost_breakdown, on_call) },
		{ "Infrastructure (orchestration)", offsetof(struct cost_breakdown, orchestration) },
		{ "Monitoring", offsetof(struct cost_breakdown, monitoring) },
		{ "Fine-tuning compute", offsetof(struct cost_breakdown, finetune) },
		{ "Fine-tuning labour", offsetof(struct cost_breakdown, finetune_labour) },
		{ "**Total monthly**", offsetof(struct cost_breakdown, total) },
	};

	sb_add(sb, "## True total cost (best option of each feasible architecture)\n\n| cost component |");
	for (int i = 0; i < ARCH_COUNT; i++)
		if (v->scores[v->order[i]].best.feasible)
			sb_addf(sb, " %s |", arch_ids[v->order[i]]);
	sb_add(sb, "\n|---|");
	for (int i = 0; i < ARCH_COUNT; i++)
		if (v->scores[v->order[i]].best.feasible)
			sb_add(sb, "---|");
	sb_add(sb, "\n");
	for (size_t l = 0; l < ARRAY_LEN(lines); l++) {
		sb_addf(sb, "| %s |", lines[l].label);
		for (int i = 0; i < ARCH_COUNT; i++) {
			const struct plan *o = &v->scores[v->order[i]].best;
			if (o->feasible)
				sb_addf(sb, " %s |", usd(b, *(const double *)((const char *)&o->cost + lines[l].off)));
		}
		sb_add(sb, "\n");
	}
	sb_add(sb, "| Quality tier |");
	for (int i = 0; i < ARCH_COUNT; i++) {
		const struct plan *o = &v->scores[v->order[i]].best;
		if (o->feasible)
			sb_addf(sb, " %d |", o->model->quality_tier);
	}
	sb_add(sb, "\n\n");
}

static void section_crossovers(struct strbuf *sb, const struct verdict *v)
{
	char b[32];

	sb_add(sb, "## Crossover points\n\n");
	if (v->n_crossovers > 0)
		sb_add(sb, "Each option keeps the model it has at your volume (named); \"What would flip it\" decides every choice again at each volume, so it may name another model, and another volume.\n\n");
	if (v->n_crossovers == 0)
		sb_add(sb, "No crossover between the recommendation and its rivals from 1K to 100B requests/month.\n\n");
	for (int i = 0; i < v->n_crossovers; i++) {
		const struct crossover *c = &v->crossovers[i];
		sb_addf(sb, "- %s and %s cost the same at **%s requests/month**; below it %s is cheaper.\n",
			c->a, c->b, vol(b, c->requests_per_month), c->a_cheaper_below ? c->a : c->b);
	}
	sb_add(sb, "\n");
}

/* Memory of the layout sized; per GPU only once the batch is (serve). */
static void footprint_text_memory(struct strbuf *sb, const struct footprint *f, bool served)
{
	sb_addf(sb, "  KV cache         %10.2f GB  (%.0f bytes/token x %lld tokens x batch %lld)\n",
		f->kv_bytes / 1e9, f->kv_bytes_per_token, (long long)f->context, (long long)f->batch);
	if (f->kv_copies > 1.0001)   /* tensor parallelism wider than the KV heads */
		sb_addf(sb, "    held %.1f times  (tensor parallel %lld is wider than the KV heads: they are copied)\n",
			f->kv_copies, (long long)f->tensor_parallel);
	if (f->window_bytes > 0)   /* sliding and chunked layers: at most their window */
		sb_addf(sb, "    of which windows %8.2f GB  (sliding layers, %.0f bytes/sequence x batch %lld; the rest: full attention)\n",
			f->window_bytes * (double)f->batch / 1e9, f->window_bytes, (long long)f->batch);
	if (f->state_bytes > 0)   /* linear and Mamba layers: a fixed state, whatever the context */
		sb_addf(sb, "    of which state %10.2f GB  (%.0f bytes/sequence x batch %lld)\n",
			f->state_bytes * (double)f->batch / 1e9, f->state_bytes, (long long)f->batch);
	if (f->weight_only)
		sb_addf(sb, "  %s weights dequantised to 16 bits for compute (no %s tensor cores)\n",
			precision_names[f->precision], precision_names[f->precision]);
	sb_addf(sb, "  overhead         %10.2f GB  (%lld GPU%s)\n", f->overhead_bytes / 1e9,
		(long long)f->gpu_count, f->gpu_count == 1 ? "" : "s");
	sb_addf(sb, "  total            %10.2f GB\n", f->total_bytes / 1e9);
	if (served)
		sb_addf(sb, "  per GPU          %10.2f GB of %.2f GB usable, %.2f GB of it kept free\n",
			f->per_gpu_bytes / 1e9, f->gpu_usable_bytes / 1e9, f->headroom_bytes / 1e9);
	else
		sb_addf(sb, "  per GPU          %10.2f GB usable, %.2f GB of it kept free\n", f->gpu_usable_bytes / 1e9,
			f->headroom_bytes / 1e9);
	sb_addf(sb, "  GPUs             %10lld  (tensor parallel %lld x pipeline %lld)\n",
		(long long)f->gpu_count, (long long)f->tensor_parallel, (long long)f->pipeline_stages);
	sb_addf(sb, "  KV precision     %10s\n", precision_names[f->kv_precision]);
}

/* The batch and what it serves. */
static void footprint_text_speed(struct strbuf *sb, const struct footprint *f)
{
	sb_addf(sb, "  batch            %10lld  (limited by %s; memory holds %lld)\n", (long long)f->batch,
		batch_limit_words[f->limited_by], (long long)f->max_batch_fit);
	sb_addf(sb, "  per user         %10.1f tokens/s, first token in %.0f ms (%lld in / %lld out tokens)\n",
		f->tokens_per_s_per_user, f->ttft_ms, (long long)f->input_tokens, (long long)f->output_tokens);
	sb_addf(sb, "  output           %10.0f tokens/s a replica, prefill interleaved\n", f->output_tokens_per_s);
	sb_addf(sb, "  decode           %10.0f tokens/s aggregate, %.0f tokens/s for one sequence alone\n",
		f->decode_tokens_per_s, f->decode_tokens_per_s_single);
	sb_addf(sb, "  prefill          %10.0f tokens/s\n", f->prefill_tokens_per_s);
}

/* The sizing's lines; a footprint that is not feasible shows what was sized before it
 * stopped: for a precision or window refusal the weights, for memory the largest layout
 * tried, for a latency target the replica alone (FIT_* in footprint.h). */
char *footprint_text(const struct footprint *f)
{
	struct strbuf sb;
	bool laid_out = f->fit == FIT_OK || f->fit == FIT_MEMORY || f->fit == FIT_LATENCY;
	bool served = f->fit == FIT_OK || f->fit == FIT_LATENCY;

	sb_init(&sb);
	sb_addf(&sb, "%s, %s on %s\n", f->model->id, precision_names[f->precision], f->gpu->name);
	if (!f->feasible)
		sb_addf(&sb, "  NOT FEASIBLE: %s\n", f->why_not);
	sb_addf(&sb, "  weights          %10.2f GB\n", f->weights_bytes / 1e9);
	if (laid_out)
		footprint_text_memory(&sb, f, served);
	if (served)
		footprint_text_speed(&sb, f);
	return sb.s;
}

static void section_footprint(struct strbuf *sb, const struct verdict *v)
{
	char *t;

	sb_add(sb, "## Inference footprint\n\n");
	if (!v->footprint_present) {
		sb_add(sb, "No self-hosted option fits a priced GPU.\n\n");
		return;
	}
	if (v->footprint_alternative)
		sb_add(sb, "The recommendation runs on someone else's GPUs; this is the footprint of the cheapest self-hosted alternative.\n\n");
	t = footprint_text(&v->footprint);
	sb_addf(sb, "```\n%s```\n\n", t);
	free(t);
}

static void section_finetune(struct strbuf *sb, const struct verdict *v)
{
	const struct finetune_estimate *f = &v->finetune;
	char a[32], b[32], c[32], d[32];

	if (!f->present)
		return;
	sb_addf(sb, "## Fine-tuning\n\nOne %s run of %s: %.2e FLOPs, %.*f GPU-hours on %s, %s a run, %s a month at %lld runs a year. ",
		f->full ? "full" : "LoRA", f->model->id, f->flops_per_run,
		f->gpu_hours_per_run >= 10 ? 0 : f->gpu_hours_per_run >= 0.01 ? 2 : 4, f->gpu_hours_per_run,
		f->gpu->id,   /* not "0 GPU-hours" */
		usd(a, f->usd_per_run), usd(b, f->usd_per_month), (long long)v->answers.finetune_cycles_per_year);
	sb_addf(sb, "The seed budgets %s-%s per update cycle, which includes people's time, not only compute.\n\n",
		usd(c, f->seed_labour_low), usd(d, f->seed_labour_high));
}

static void section_claims(struct strbuf *sb, const struct verdict *v)
{
	sb_add(sb, "## Checking the seed's GPU table\n\n| seed's claim | weights | GPUs needed | holds |\n|---|---|---|---|\n");
	for (int i = 0; i < v->n_claims; i++) {
		const struct claim_check *k = &v->claims[i];
		sb_addf(sb, "| %s | %.1f GB | %lld | %s |\n", k->text, k->weights_bytes / 1e9,
			(long long)k->needed_gpus, k->holds ? "yes" : "**no**");
	}
	sb_add(sb, "\n");
	for (int i = 0; i < v->n_claims; i++) {
		char text[400];
		if (v->claims[i].holds)
			continue;
		claims_sentence(&v->claims[i], text, sizeof text);
		sb_addf(sb, "%s\n\n", text);
	}
}

static void section_seed_crossovers(struct strbuf *sb, const struct verdict *v)
{
	char a[32], b[32];
	const struct seed_crossover *xs = v->seed_crossovers;
	int n = v->n_seed_crossovers;

	sb_addf(sb, "## Checking the seed's crossover table\n\nAt your answers (%lld input + %lld output tokens, ML ops `%s`, traffic `%s`), hidden costs included:\n\n"
		"| scenario | seed's breakeven | openweigh's | self-hosting cheaper |\n|---|---|---|---|\n",
		(long long)v->answers.input_tokens, (long long)v->answers.output_tokens,
		mlops_names[v->answers.mlops], traffic_names[v->answers.traffic]);
	for (int i = 0; i < n; i++) {
		const struct seed_crossover *x = &xs[i];
		fmt_int(a, sizeof a, x->seed_requests);
		fmt_int(b, sizeof b, x->requests);
		if (x->requests > 0)
			sb_addf(sb, "| %s | ~%s | %s | %s |\n", x->text, a, b,
				x->self_cheaper_above ? "above it" : "below it");
		else
			sb_addf(sb, "| %s | ~%s | none from 1K to 100B requests/month | never |\n", x->text, a);
	}
	sb_add(sb, "\n");
}

static void section_list(struct strbuf *sb, const char *title, char **items, int n)
{
	if (n == 0)
		return;
	sb_addf(sb, "## %s\n\n", title);
	for (int i = 0; i < n; i++)
		sb_addf(sb, "- %s\n", items[i]);
	sb_add(sb, "\n");
}

/* Which entries a team's overlay replaced or added, so nobody mistakes them for shipped figures. */
static void overlay_entries(struct strbuf *sb, const struct catalog *c)
{
	struct strbuf list;

	sb_init(&list);
	for (int i = 0; i < c->n_models; i++)
		if (c->models[i].at.overlay)
			sb_addf(&list, "%smodel `%s`", list.len ? ", " : "", c->models[i].id);
	for (int i = 0; i < c->n_gpus; i++)
		if (c->gpus[i].at.overlay)
			sb_addf(&list, "%sGPU `%s`", list.len ? ", " : "", c->gpus[i].id);
	for (int i = 0; i < c->n_providers; i++)
		if (c->providers[i].at.overlay)
			sb_addf(&list, "%sprovider `%s`", list.len ? ", " : "", c->providers[i].id);
	for (int i = 0; i < c->n_licences; i++)
		if (c->licences[i].at.overlay)
			sb_addf(&list, "%slicence `%s`", list.len ? ", " : "", c->licences[i].id);
	if (list.len)
		sb_addf(sb, "- From an overlay, not the shipped catalog: %s.\n", list.s);
	sb_free(&list);
}

/* Whether the recommended fleet is up all month, for the traffic's hours, or follows the load. */
static const char *memo_fleet_uptime(const struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;

	if (o->gpu == NULL || o->arch == ARCH_ON_DEVICE || o->arch == ARCH_MANAGED)
		return "";
	if (o->basis == BASIS_OWNED || o->basis == BASIS_RESERVED)
		return "Its GPUs are paid for every hour of the month (owned or reserved), so it stays up.";
	if (o->autoscaled)
		return "It autoscales: replicas follow the load with headroom, at least one stays up, and each scale-up pays for warming up.";
	if (v->answers.traffic == TRAFFIC_BUSINESS)
		return "It runs in business hours only and is down otherwise.";
	return "It stays up all month: following the load would cost more.";
}

static void section_assumptions(struct strbuf *sb, const struct verdict *v)
{
	const struct cost_model *cm = &v->catalog->cost;
	const struct traffic_shape *t = &cm->traffic[v->answers.traffic];
	char d[16];

	format_date(v->catalog->as_of, d, sizeof d);
	sb_add(sb, "## Assumptions\n\n");
	sb_addf(sb, "- Catalog dated %s (sha256 %.16s…); every price carries its own date and source in the catalog.\n", d, v->catalog->sha256);
	for (int i = 0; i < v->catalog->n_overlays; i++)
		sb_addf(sb, "- Overlay applied: `%s`.\n", v->catalog->overlay_dirs[i]);
	overlay_entries(sb, v->catalog);
	sb_addf(sb, "- GPUs use %.0f%% of their memory, less %.1f GB each for the runtime and %.0f%% kept free for activations; decode reaches %.0f%% of memory bandwidth, prefill %.0f%% of peak FLOPs; at most %lld sequences batched; the KV cache in fp8 where the GPU converts it natively, else 16-bit.\n",
		cm->usable_fraction * 100, cm->overhead_gb, cm->headroom_fraction * 100, cm->decode_efficiency * 100,
		cm->prefill_efficiency * 100, (long long)cm->max_batch);
	if (v->ttft_ms_target > 0 || v->tokens_per_s_target > 0)
		sb_addf(sb, "- Latency targets met at the fleet's load: the first token within %.0f ms, %.0f tokens/s for each user; replicas batch no more requests than that allows. %lld spare replica%s beyond the peak's.\n",
			v->ttft_ms_target, v->tokens_per_s_target, (long long)v->answers.spare_replicas,
			v->answers.spare_replicas == 1 ? "" : "s");
	else
		sb_addf(sb, "- No latency targets (batch work): replicas batch as many requests as memory allows. %lld spare replica%s beyond the peak's.\n",
			(long long)v->answers.spare_replicas, v->answers.spare_replicas == 1 ? "" : "s");
	sb_addf(sb, "- Traffic `%s`: load arrives over %.0f hours a month and peaks at %.1fx the average; fleets are sized for the peak. %s\n",
		traffic_names[v->answers.traffic], t->hours, t->peak, memo_fleet_uptime(v));
	sb_addf(sb, "- Cost model constants: %s\n\n", cm->src.source);
}

/* The summary first, then the appendix in a fixed order. */
char *memo_markdown(const struct verdict *v, const char *generated_at)
{
	struct strbuf sb;
	char *costs;

	sb_init(&sb);
	sb_addf(&sb, "# openweigh decision memo\n\nGenerated %s by openweigh %s.\n\n", generated_at, PACKAGE_VERSION);
	memo_summary(&sb, v);
	sb_add(&sb, "# Appendix\n\n");
	if (v->feasible_any) {
		section_sensitivity(&sb, v);
		section_flips(&sb, v);
	}
	section_list(&sb, "Warnings", v->warnings, v->n_warnings);
	section_ranking(&sb, v);
	section_total_cost(&sb, v);
	costs = costs_markdown(v);
	sb_add(&sb, costs);
	free(costs);
	section_crossovers(&sb, v);
	section_footprint(&sb, v);
	section_finetune(&sb, v);
	section_claims(&sb, v);
	section_seed_crossovers(&sb, v);
	section_list(&sb, "Caveats", v->caveats, v->n_caveats);
	section_inputs(&sb, v);
	section_assumptions(&sb, v);
	return sb.s;
}
