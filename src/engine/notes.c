/* notes.c — the warnings and caveats a memo carries: licence terms, the seed's
 * "Honest limitations" where they apply, the quality gap, stale prices, and the
 * seed's GPU claims that do not hold. */
#include <math.h>
#include <stdio.h>

#include "engine.h"
#include "util.h"
#include "yread.h"

/* Prices older than this, relative to the catalog's own date, are flagged (issue: Catalog). */
#define STALE_DAYS 180

static void notes_licence(struct verdict *v, const struct model *m)
{
	const struct licence *l = m->licence;
	char lim[32];

	if (!model_is_open(m))
		return;
	verdict_caveat(v, "Licence of %s: %s. %s", m->id, l->name, l->terms);
	if (l->mau_limit > 0) {
		fmt_int(lim, sizeof lim, (double)l->mau_limit);
		verdict_caveat(v, "%s: above %s monthly active users a separate licence from %s is needed.",
			       l->name, lim, m->vendor);
	}
	if (l->attribution)
		verdict_caveat(v, "%s requires attribution: \"%s\".", l->name, l->attribution);
	if (m->openness == OPEN_WEIGHT_RESTRICTED)
		verdict_caveat(v, "Licence terms for open-weight models change between versions (Meta's Llama licence has); re-read the terms of the exact version you deploy.");
	verdict_caveat(v, "Some open-weight models have disputed training-data provenance, which may be a legal risk in some jurisdictions (seed, Honest limitations).");
}

static void notes_quality(struct verdict *v, const struct plan *o)
{
	const struct catalog *c = v->catalog;
	int need = c->policy.required_tier[v->answers.task];

	if (o->model && o->model->quality_tier > need)
		verdict_warn(v, "The recommended model %s is tier %d; %s calls for tier %d. Evaluate it on your own data before committing.",
			     o->model->id, o->model->quality_tier, task_phrases[v->answers.task], need);
	if (o->model && model_is_open(o->model))
		verdict_caveat(v, "Quality gap (seed): frontier closed models lead open-weight models by 3-10 points on benchmarks and 0.5-1.0 on MT-Bench; the gap matters for complex reasoning and is negligible for classification and extraction, where 70B+ open models are comparable.");
	if (o->precision == PREC_INT4 || o->precision == PREC_INT8 || o->precision == PREC_FP8)
		verdict_caveat(v, "Quantisation to %s lowers cost but costs about 1-3%% quality, varying by task (seed, Honest limitations).",
			       precision_names[o->precision]);
	verdict_caveat(v, "Benchmark scores (MMLU, HumanEval, MT-Bench) are not your workload: evaluate the candidates on your own tasks and data.");
}

static void notes_cost(struct verdict *v, const struct plan *o)
{
	if (o->arch == ARCH_SELF_SINGLE || o->arch == ARCH_SELF_MULTI || o->arch == ARCH_HYBRID) {
		verdict_caveat(v, "Hidden costs of self-hosting grow from the seed's estimates with the fleet (engineering per GPU, on-call rotations, tooling); they vary enormously with team experience.");
		if (o->basis == BASIS_OWNED)
			verdict_caveat(v, "Owned GPUs: %lld bought%s, the host adding %.0f%% to the GPUs' price, amortised over %.0f years with %.0f%% for networking, power at PUE %.2f and $%.3f/kWh, colocation $%.0f/kW-month (costs.yaml, owned); a site's own figures replace these.",
				       (long long)o->gpus_bought,
				       o->gpus_bought > o->replicas * o->gpu_count ? " in whole servers, more than the replicas use" : "",
				       v->catalog->cost.owned.host_fraction * 100,
				       v->catalog->cost.owned.years, v->catalog->cost.owned.capex_overhead * 100, v->catalog->cost.owned.pue,
				       v->catalog->cost.owned.usd_per_kwh, v->catalog->cost.owned.colocation_usd_per_kw_month);
		else
			verdict_caveat(v, "GPUs priced %s (gpu_pricing); the other bases (on-demand, reserved, spot, owned) can differ by several times for the same fleet.",
				       price_basis_names[o->basis]);
	}
	if (o->arch == ARCH_MANAGED && o->provider)
		verdict_caveat(v, "Managed inference on %s: open-model prices without running GPUs; check its data-retention terms against your privacy needs.",
			       o->provider->name);
	if (v->answers.fine_tuning == FT_API && o->arch != ARCH_DIRECT_API)
		verdict_caveat(v, "API fine-tuning charges (training tokens, higher per-token prices for tuned models) are not in the catalog and not included.");
}

static void notes_stale(struct verdict *v, const struct model *m, const struct sourced *src,
		       const char *what)
{
	char d[16];

	if (src->as_of == 0 || v->catalog->as_of - src->as_of <= STALE_DAYS)
		return;
	format_date(src->as_of, d, sizeof d);
	verdict_warn(v, "The %s of %s is dated %s, more than %d days before the catalog (%s); check it.",
		     what, m->id, d, STALE_DAYS, src->source);
}

/* A seed claim that fails is a warning when the recommendation serves that model;
 * otherwise the memo's "Checking the seed's GPU table" section says it. */
static void notes_claims(struct verdict *v, const struct plan *o)
{
	char text[400];

	for (int i = 0; i < v->n_claims; i++) {
		const struct claim_check *k = &v->claims[i];
		if (k->holds || o->model != k->model)
			continue;
		claims_sentence(k, text, sizeof text);
		verdict_warn(v, "%s", text);
	}
}

void notes_add(struct verdict *v, const struct decision *d)
{
	const struct plan *o = &v->scores[v->recommended].best;

	if (!v->scores[v->recommended].feasible)
		verdict_warn(v, "No architecture is feasible with these answers; the ranking shows the least bad. Revisit the hard requirements.");
	if (v->answers.context_tokens < v->answers.input_tokens + v->answers.output_tokens) {
		char ctx[32], req[32];
		fmt_int(ctx, sizeof ctx, (double)v->answers.context_tokens);
		fmt_int(req, sizeof req, (double)(v->answers.input_tokens + v->answers.output_tokens));
		verdict_warn(v, "The longest context asked (%s tokens) is shorter than an average request (%s input and output tokens): everything is sized for %s.",
			     ctx, req, req);
	}
	/* LoRA or full tuning asked, but what is recommended sends requests to a closed API,
	 * which takes no adapters or weights: its price is the untuned model's */
	if ((v->answers.fine_tuning == FT_LORA || v->answers.fine_tuning == FT_FULL) &&
	    (o->arch == ARCH_DIRECT_API || o->arch == ARCH_HYBRID) && v->feasible_any)
		verdict_warn(v, "You asked for %s fine-tuning, but %s goes to %s, a closed API that takes no %s: it is priced untuned. Its vendor's own fine-tuning (fine_tuning: api) or an open model would meet the need.",
			     v->answers.fine_tuning == FT_FULL ? "full" : "LoRA",
			     o->arch == ARCH_HYBRID ? "the hybrid's hard share" : "every request",
			     (o->arch == ARCH_HYBRID ? o->api_model : o->model)->id,
			     v->answers.fine_tuning == FT_FULL ? "custom weights" : "LoRA adapters");
	if (d->gates.mau)
		verdict_warn(v, "Over 700M monthly active users: models whose licence caps users (Llama community licences, the Qwen licence) are excluded.");
	if (o->model) {
		notes_quality(v, o);
		notes_licence(v, o->model);
		if (o->model->api.present && o->arch == ARCH_DIRECT_API)
			notes_stale(v, o->model, &o->model->api.src, "API price");
	}
	if (o->api_model)
		notes_licence(v, o->api_model);
	if (o->gpu && o->gpu->rates[RATE_ON_DEMAND].present && o->gpu->rates[RATE_ON_DEMAND].src.as_of && o->model)
		notes_stale(v, o->model, &o->gpu->rates[RATE_ON_DEMAND].src, "GPU price used for");
	notes_cost(v, o);
	notes_claims(v, o);
	if (v->footprint_present && v->footprint.kv_precision == PREC_FP8)
		verdict_caveat(v, "The footprint holds the KV cache in fp8 (%s supports it): %s", v->footprint.gpu->id,
			       v->catalog->cost.kv_fp8_note);
}
