/* memo_summary.c — the memo's first page, what a CTO reads in two minutes: the
 * decision in one sentence, its cost now and in a year, the price of control, the
 * reasons that decided it, what would flip it, the risks and a staged path. Every
 * line wrapped to 80 columns and the whole under 40 lines: when it would run
 * longer, fewer flips and risks are shown; the appendix has them all. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "memo.h"
#include "util.h"

#define WIDTH 80
#define MAX_LINES 40

/* How much each list may show: the first level that fits MAX_LINES is used. */
struct budget { int reasons, flips, risks, item_lines; };
static const struct budget budgets[] = {
	{ 3, 5, 3, 3 }, { 3, 3, 2, 3 }, { 3, 2, 1, 2 }, { 2, 2, 1, 2 },
};

/* Append text wrapped at WIDTH, the first line after `first`, the rest after `rest`
 * (a list item's "- " and its hanging indent), in at most max_lines lines: a longer
 * text ends in "..." (the appendix has it whole). */
static void summary_wrap(struct strbuf *sb, const char *first, const char *rest, const char *text, int max_lines)
{
	const char *p = text;
	const char *lead = first;

	for (int line = 1; *p; line++) {
		size_t room = WIDTH - strlen(lead), n = strlen(p), cut = n;
		bool last = line == max_lines && n > room;
		if (last)
			room -= 3;
		if (n > room) {
			cut = room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)   /* one word longer than the line: break it there */
				cut = room;
		}
		sb_addf(sb, "%s%.*s%s\n", lead, (int)cut, p, last ? "..." : "");
		if (last)
			return;
		p += cut;
		while (*p == ' ')
			p++;
		lead = rest;
	}
}

static void summary_para(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void summary_para(struct strbuf *sb, const char *fmt, ...)
{
	char text[1200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	summary_wrap(sb, "", "", text, 4);
}

static void summary_item(struct strbuf *sb, int max_lines, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void summary_item(struct strbuf *sb, int max_lines, const char *fmt, ...)
{
	char text[1200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	summary_wrap(sb, "- ", "  ", text, max_lines);
}

/* "19 replicas (1 a spare) of one MI300X each, rented on demand, each serving 604
 * users at 20 tokens/s, first token in 75 ms" */
void memo_fleet_words(char *buf, size_t size, const struct plan *o)
{
	const char *basis = o->basis == BASIS_RESERVED ? "reserved" : o->basis == BASIS_SPOT ? "on spot" : "rented on demand";
	char spares[48] = "", bought[64];
	int n;

	if (o->basis == BASIS_OWNED) {   /* whole servers: say how many GPUs that buys */
		if (o->gpus_bought > o->replicas * o->gpu_count)
			snprintf(bought, sizeof bought, "%lld GPUs bought in whole servers and housed", (long long)o->gpus_bought);
		else
			snprintf(bought, sizeof bought, "bought and housed");
		basis = bought;
	}
	if (o->spare_replicas == 1)
		snprintf(spares, sizeof spares, " (1 a spare)");
	else if (o->spare_replicas > 1)
		snprintf(spares, sizeof spares, " (%lld of them spares)", (long long)o->spare_replicas);
	if (o->gpu_count == 1)
		n = snprintf(buf, size, "%lld replica%s%s of one %s%s, %s", (long long)o->replicas,
			     o->replicas == 1 ? "" : "s", spares, o->gpu->name, o->replicas == 1 ? "" : " each", basis);
	else
		n = snprintf(buf, size, "%lld replica%s%s of %lld x %s (%lld GPUs), %s", (long long)o->replicas,
			     o->replicas == 1 ? "" : "s", spares, (long long)o->gpu_count, o->gpu->name,
			     (long long)(o->replicas * o->gpu_count), basis);
	if (n > 0 && (size_t)n < size && o->batch > 0)
		snprintf(buf + n, size - (size_t)n, ", each serving %lld requests at once at %.0f tokens/s each, first token in %.0f ms",
			 (long long)o->batch, o->user_tokens_per_s, o->ttft_ms);
}

/* v as fmt_short writes it (8.4M, 108M), rounded up or down to what it shows: a short
 * volume said to hold does ("8.4M or fewer" for a flip at 8,414,087 going down). */
static void fmt_short_rounded(char *buf, size_t size, double v, bool up)
{
	double unit = v >= 1e12 ? 1e12 : v >= 1e9 ? 1e9 : v >= 1e6 ? 1e6 : v >= 1e3 ? 1e3 : 1;
	double step = unit == 1 || v / unit >= 100 ? unit : unit / 10;

	fmt_short(buf, size, (up ? ceil(v / step) : floor(v / step)) * step);
}

void memo_flip_range(char *buf, size_t size, const struct volume_flip *f, bool up, bool brief)
{
	char at[32], end[32];

	if (brief) {   /* the flip rounded away from today's volume, the band's end towards it */
		fmt_short_rounded(at, sizeof at, f->requests_per_month, up);
		fmt_short_rounded(end, sizeof end, f->ends_at, !up);
	} else {
		fmt_int(at, sizeof at, f->requests_per_month);
		fmt_int(end, sizeof end, f->ends_at);
	}
	if (f->ends)
		snprintf(buf, size, "From %s %s to %s requests/month", at, up ? "up" : "down", end);
	else
		snprintf(buf, size, "At %s requests/month or %s", at, up ? "more" : "fewer");
}

void memo_assumption_value(char *buf, size_t size, const struct sensitivity *s, double x)
{
	snprintf(buf, size, "%s%.2g", s->assumption < ASSUME_MULTIPLIERS ? "x" : "", x);
}

void memo_sensitivity_flip(char *buf, size_t size, const struct sensitivity *s)
{
	double x = s->flips_at, step = x != 0 ? pow(10, floor(log10(fabs(x))) - 2) : 1;

	x = x > s->base ? ceil(x / step) * step : floor(x / step) * step;
	snprintf(buf, size, "%s%.3g", s->assumption < ASSUME_MULTIPLIERS ? "x" : "", x);
}

void memo_flip_beyond(char *buf, size_t size, const struct volume_flip *f, bool up, int recommended)
{
	if (!f->ends)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "; %s that, %s", up ? "above" : "below",
			 (int)f->then == recommended ? "the recommendation again" : arch_id_or_none(f->then));
}

/* The decision in one sentence. */
static void summary_decision(struct strbuf *sb, const struct verdict *v)
{
	const struct plan *o = &v->scores[v->recommended].best;
	char fleet[200], m[32], y[32];

	fmt_usd(m, sizeof m, o->cost.total);
	fmt_usd(y, sizeof y, v->scores[v->recommended].cost_in_12_months);
	switch (o->arch) {
	case ARCH_DIRECT_API:
		summary_para(sb, "**Use %s through its vendor's API**, for %s a month (%s a month in 12 months at %+.0f %% a year).",
			     o->model->id, m, y, v->answers.growth_per_year * 100);
		break;
	case ARCH_MANAGED:
		summary_para(sb, "**Use %s on %s's managed inference**, for %s a month (%s in 12 months at %+.0f %% a year).",
			     o->model->id, o->provider->name, m, y, v->answers.growth_per_year * 100);
		break;
	case ARCH_ON_DEVICE:
		summary_para(sb, "**Run %s in %s on each user's %s**; the team's cost is %s a month.", o->model->id,
			     precision_names[o->precision], o->gpu->name, m);
		break;
	case ARCH_HYBRID:
		memo_fleet_words(fleet, sizeof fleet, o);
		summary_para(sb, "**Send the hard %.0f %% of requests to %s and serve the rest with %s in %s on %s**, for %s a month (%s in 12 months).",
			     v->catalog->cost.hybrid_api_share * 100, o->api_model->id, o->model->id,
			     precision_names[o->precision], fleet, m, y);
		break;
	default:
		memo_fleet_words(fleet, sizeof fleet, o);
		summary_para(sb, "**Self-host %s in %s on %s**, for %s a month (%s in 12 months at %+.0f %% a year).",
			     o->model->id, precision_names[o->precision], fleet, m, y, v->answers.growth_per_year * 100);
	}
}

bool memo_premium(char *buf, size_t size, const struct verdict *v)
{
	const struct plan *rec = &v->scores[v->recommended].best, *low = &v->scores[v->cheapest_arch].best;
	bool own = rec->arch == ARCH_SELF_SINGLE || rec->arch == ARCH_SELF_MULTI || rec->arch == ARCH_ON_DEVICE;
	char p[32], l[32];

	if (!v->has_cheapest || v->cheapest_arch == v->recommended || fabs(v->premium_usd) < 0.5)
		return false;
	fmt_usd(p, sizeof p, fabs(v->premium_usd));
	fmt_usd(l, sizeof l, low->cost.total);
	if (v->premium_usd < 0)
		snprintf(buf, size, "It costs %s a month less than the cheapest option that meets the task (%s, %s at %s) because its model falls short of the task's tier.",
			 p, arch_ids[v->cheapest_arch], low->api_model ? low->api_model->id : low->model->id, l);
	else
		snprintf(buf, size, "%s %s a month more than the cheapest option (%s, %s at %s%s)%s.",
			 own && v->answers.privacy >= PRIV_CONFIDENTIAL ? "Keeping the data in-house costs"
			 : own ? "Running it yourself costs" : "It costs", p, arch_ids[v->cheapest_arch],
			 low->api_model ? low->api_model->id : low->model->id, l,
			 v->scores[v->cheapest_arch].feasible ? "" : ", which your answers exclude",
			 own ? ": the price of control" : "");
	return true;
}

/* The price of control: what it costs beyond the cheapest option. */
static void summary_premium(struct strbuf *sb, const struct verdict *v)
{
	char text[400];

	if (memo_premium(text, sizeof text, v))
		summary_para(sb, "%s", text);
}

/* What speaks for it before what speaks against it, each the largest first. */
static bool summary_reason_before(const struct reason *x, const struct reason *y)
{
	if ((x->points > 0) != (y->points > 0))
		return x->points > 0;
	return fabs(x->points) > fabs(y->points);
}

/* The reasons that decided it: those for it, then those against, the largest first. */
static void summary_reasons(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	const struct arch_score *sc = &v->scores[v->recommended];
	bool used[MAX_REASONS] = { false };

	sb_add(sb, "\nWhy:\n\n");
	for (int k = 0; k < b->reasons; k++) {
		int best = -1;
		for (int i = 0; i < sc->n_reasons; i++)
			if (!used[i] && !sc->reasons[i].excludes &&
			    (best < 0 || summary_reason_before(&sc->reasons[i], &sc->reasons[best])))
				best = i;
		if (best < 0 || sc->reasons[best].points == 0)
			break;
		used[best] = true;
		summary_item(sb, b->item_lines, "%+.1f %s", sc->reasons[best].points, sc->reasons[best].text);
	}
	if (v->close_call)
		summary_item(sb, 1, "A close call: %s is within %.1f points.", arch_ids[v->order[1]], v->margin);
}

/* Volume first (in requests, rounded), then answers in the questions' words. */
static void summary_flips(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	int shown = 0, total = v->n_flips + v->flip_volume_up.found + v->flip_volume_down.found;

	sb_add(sb, "\nWhat would flip it:\n\n");
	for (int up = 1; up >= 0; up--) {
		const struct volume_flip *f = up ? &v->flip_volume_up : &v->flip_volume_down;
		char range[96];
		if (!f->found || shown >= b->flips)
			continue;
		memo_flip_range(range, sizeof range, f, up, true);
		summary_item(sb, b->item_lines, "%s: %s.", range, arch_id_or_none(f->winner));
		shown++;
	}
	for (int i = 0; i < v->n_flips && shown < b->flips; i++, shown++)
		summary_item(sb, b->item_lines, "%s: %s instead: %s.", answer_fields[v->flips[i].key].question, v->flips[i].value,
			     arch_id_or_none(v->flips[i].winner));
	if (total == 0)
		summary_item(sb, 1, "Nothing within a thousandfold of your volume or one answer away.");
	else if (total > shown)
		summary_item(sb, 1, "%d more in the appendix (what would flip it, sensitivity).", total - shown);
}

static void summary_risks(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	if (v->n_risks == 0)
		return;
	sb_add(sb, "\nRisks:\n\n");
	for (int i = 0; i < v->n_risks && i < b->risks; i++)
		summary_item(sb, b->item_lines, "%s", v->risks[i].text);
}

/* The staged path: start cheaper, move at a trigger, prepare meanwhile. */
static void summary_migration(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	const struct migration *mg = &v->migration;
	char start[32], n[32], bill[32];
	const char *dpa = v->answers.privacy >= PRIV_CONFIDENTIAL ? " and a data-processing agreement with the provider" : "";

	if (!mg->present)
		return;
	fmt_usd(start, sizeof start, mg->start.cost.total);
	sb_add(sb, "\nA staged path:\n\n");
	summary_item(sb, b->item_lines, "Start on %s (%s%s%s) at %s a month.", arch_ids[mg->start.arch], mg->start.model->id,
		     mg->start.provider ? " on " : "", mg->start.provider ? mg->start.provider->name : "", start);
	if (mg->trigger_requests > 0) {
		fmt_short(n, sizeof n, mg->trigger_requests);
		fmt_usd(bill, sizeof bill, mg->trigger_bill);
		summary_item(sb, b->item_lines, "Move to %s at about %s requests a month, when that bill reaches %s.",
			     arch_ids[v->recommended], n, bill);
	} else {
		summary_item(sb, b->item_lines, "Move to %s when control of the data or the model is needed: above your volume it does not get cheaper, up to 100B requests a month.",
			     arch_ids[v->recommended]);
	}
	summary_item(sb, b->item_lines, "Meanwhile build an evaluation set from your own data (seed: \"always evaluate on your own data\")%s.",
		     dpa);
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Nothing is feasible: say so, why each architecture is out, and which single
 * answer would change that. */
static void summary_nothing_feasible(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	sb_add(sb, "**No architecture is feasible with these answers.** Every option is excluded:\n\n");
	for (int k = 0; k < ARCH_COUNT; k++)
		for (int i = 0; i < v->scores[k].n_reasons; i++)
			if (v->scores[k].reasons[i].excludes) {
				summary_item(sb, b->item_lines, "%s: %s", arch_ids[k], v->scores[k].reasons[i].text);
				break;
			}
	sb_add(sb, "\nWhat to relax (one answer changed):\n\n");
	for (int i = 0; i < v->n_relax; i++)
		summary_item(sb, b->item_lines, "`%s: %s` would make **%s** feasible and recommended.",
			     answer_fields[v->relax[i].key].key, v->relax[i].value, arch_ids[v->relax[i].arch]);
	if (v->n_relax == 0)
		summary_item(sb, 1, "No single answer change is enough.");
	sb_add(sb, "\n");
}

static void summary_render(struct strbuf *sb, const struct verdict *v, const struct budget *b)
{
	sb_add(sb, "## Summary\n\n");
	if (!v->feasible_any) {
		summary_nothing_feasible(sb, v, b);
		return;
	}
	summary_decision(sb, v);
	summary_premium(sb, v);
	summary_reasons(sb, v, b);
	summary_flips(sb, v, b);
	summary_risks(sb, v, b);
	summary_migration(sb, v, b);
	sb_add(sb, "\n");
}

void memo_summary(struct strbuf *sb, const struct verdict *v)
{
	const int levels = (int)(sizeof budgets / sizeof budgets[0]);

	for (int i = 0; i < levels; i++) {
		struct strbuf t;
		sb_init(&t);
		summary_render(&t, v, &budgets[i]);
		if (count_lines(t.s) <= MAX_LINES || i == levels - 1) {
			sb_add(sb, t.s);
			sb_free(&t);
			return;
		}
		sb_free(&t);
	}
}
