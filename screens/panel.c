/* panel.c — the live panel beside the questions (the recommendation, the monthly cost
 * of the best option of each architecture in rank order, the footprint), and the
 * compare line under the title while a baseline is pinned. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

static int panel_recommended(struct app *app, WINDOW *w, int y, int x, int width)
{
	const struct verdict *v = app->v;
	const struct plan *p = &v->scores[v->recommended].best;
	char buf[200], m[32];

	wattron(w, app->th.head);
	text_put(w, y++, x, width, "Recommended");
	wattroff(w, app->th.head);
	if (!v->feasible_any) {   /* say so plainly, and the first answer that would change it */
		wattron(w, app->th.warn);
		text_put(w, y++, x + 1, width - 1, "Nothing is feasible");
		wattroff(w, app->th.warn);
		if (v->n_relax > 0)
			text_putf(w, y++, x + 1, width - 1, "try %s: %s", question_label(v->relax[0].key), v->relax[0].value);
		text_put(w, y++, x + 1, width - 1, "(the verdict, 5, lists all)");
		return y + 1;
	}
	wattron(w, A_BOLD);
	text_put(w, y++, x + 1, width - 1, app->cat->arch[v->recommended].name);
	wattroff(w, A_BOLD);
	words_plan(p, buf, sizeof buf);
	text_put(w, y++, x + 1, width - 1, buf);
	words_fleet(p, buf, sizeof buf);
	text_put(w, y++, x + 1, width - 1, buf);
	words_money(m, sizeof m, p->cost.total);
	wattron(w, app->th.good);
	text_putf(w, y++, x + 1, width - 1, "%s a month", m);
	wattroff(w, app->th.good);
	return y;
}

/* One architecture: its id cut to leave its cost whole; '>' marks the first, or the
 * one picked while the panel has the keys. */
static void panel_cost_line(struct app *app, WINDOW *w, int y, int x, int width, int arch, bool top)
{
	const struct arch_score *s = &app->v->scores[arch];
	char m[32];

	if (s->feasible)
		words_money(m, sizeof m, s->best.cost.total);
	else
		snprintf(m, sizeof m, "excluded");
	int mw = text_width(m);
	if (!s->feasible)
		wattron(w, A_DIM);
	text_put(w, y, x, 1, top ? ">" : " ");
	text_put(w, y, x + 1, width - mw - 2, arch_ids[arch]);
	text_put_right(w, y, x, width, m);
	wattroff(w, A_DIM);
}

static int panel_costs(struct app *app, WINDOW *w, int y, int x, int width, int n, int sel)
{
	char vol[32];

	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.head);
	text_putf(w, y++, x, width, "Monthly cost at %s req/month", vol);
	wattroff(w, app->th.head);
	for (int i = 0; i < n && i < ARCH_COUNT; i++) {
		if (i == sel)
			wattron(w, app->th.sel);
		panel_cost_line(app, w, y++, x, width, app->v->order[i], sel >= 0 ? i == sel : i == 0);
		wattroff(w, app->th.sel);
	}
	return y;
}

static void panel_footprint(struct app *app, WINDOW *w, int y, int x, int width)
{
	const struct footprint *f = &app->v->footprint;
	char a[32], g[64];

	wattron(w, app->th.head);
	if (!app->v->footprint_present) {
		text_put(w, y, x, width, "Footprint");
		wattroff(w, app->th.head);
		text_put(w, y + 1, x + 1, width - 1, "no self-hosted option fits");
		return;
	}
	/* the memo's distinction: an API or managed recommendation has no GPUs of its own */
	text_putf(w, y++, x, width, app->v->footprint_alternative ? "Footprint if self-hosted" : "Footprint of one replica");
	wattroff(w, app->th.head);
	words_gpu(f->gpu, g, sizeof g);
	text_putf(w, y++, x + 1, width - 1, "%lld x %s, TP %lld", (long long)f->gpu_count, g,
		  (long long)f->tensor_parallel);
	text_putf(w, y++, x + 1, width - 1, "%.1f GB; %.1f/%.1f per GPU", f->total_bytes / 1e9,
		  f->per_gpu_bytes / 1e9, f->gpu_usable_bytes / 1e9);
	fmt_short(a, sizeof a, (double)f->batch);
	text_putf(w, y, x + 1, width - 1, "batch %s, %.0f tok/s a user, %.0f ms", a, f->tokens_per_s_per_user,
		  f->ttft_ms);
}

void panel_draw(struct app *app, WINDOW *w, struct rect r, int sel)
{
	int x = r.x + 2, width = r.w - 3, y = r.y;
	/* Fixed parts: recommendation 5, blank, cost heading, blank, footprint 4. */
	int n_costs = r.h - 12;

	vline_draw(app, w, r.y, r.x, r.h);
	if (n_costs < 1)
		n_costs = r.h >= 8 ? 1 : 0;
	y = panel_recommended(app, w, y, x, width) + 1;
	if (n_costs > 0)
		y = panel_costs(app, w, y, x, width, n_costs, sel) + 1;
	if (y + 4 <= r.y + r.h)
		panel_footprint(app, w, y, x, width);
}

void panel_summary(struct app *app, WINDOW *w, int y, int width)
{
	const struct verdict *v = app->v;
	const struct plan *p = &v->scores[v->recommended].best;
	char m[32], what[160], vol[32];

	if (!v->feasible_any) {
		wattron(w, app->th.warn);
		text_put(w, y, 1, width - 2, "> nothing feasible: see the verdict (5)");
		wattroff(w, app->th.warn);
		return;
	}
	words_money(m, sizeof m, p->cost.total);
	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.good);
	text_putf(w, y, 1, width - 2, "> %s %s/month", arch_ids[v->recommended], m);
	wattroff(w, app->th.good);
	words_plan(p, what, sizeof what);
	text_put(w, y + 1, 3, width - 4, what);
}

/* ---- the compare line ------------------------------------------------------------------- */

static void panel_more(char *buf, size_t size, int width, const char *sep, const char *part)
{
	char next[320];

	snprintf(next, sizeof next, "%s%s", sep, part);
	text_append(buf, size, width, next);
}

/* "vs baseline: +$5,679 a month; same architecture; 19 -> 28 replicas; 1 answer
 * changed": the most telling parts first, each kept whole or left out. */
static void panel_compare_text(struct app *app, char *buf, size_t size, int width)
{
	const struct verdict_diff *d = &app->base.diff;
	const struct plan *p = d->recommended;
	char m[32], part[300], fa[120], fb[120];
	double delta = p[1].cost.total - p[0].cost.total;

	snprintf(buf, size, "vs baseline:");
	words_money(m, sizeof m, fabs(delta));
	if (fabs(delta) < 0.5)
		snprintf(part, sizeof part, "the same cost");
	else
		snprintf(part, sizeof part, "%s%s a month", delta < 0 ? "-" : "+", m);
	panel_more(buf, size, width, " ", part);
	if (p[0].arch != p[1].arch)
		snprintf(part, sizeof part, "%s -> %s", arch_ids[p[0].arch], arch_ids[p[1].arch]);
	else if (d->recommendation_moved)
		snprintf(part, sizeof part, "another %s option", arch_ids[p[1].arch]);
	else
		snprintf(part, sizeof part, "same architecture");
	panel_more(buf, size, width, "; ", part);
	words_fleet(&p[0], fa, sizeof fa);
	words_fleet(&p[1], fb, sizeof fb);
	if (!d->fleet_moved)
		snprintf(part, sizeof part, "same fleet");
	else if (p[0].gpu == p[1].gpu && p[0].gpu_count == p[1].gpu_count && p[0].gpu)
		snprintf(part, sizeof part, "%lld -> %lld replicas", (long long)p[0].replicas, (long long)p[1].replicas);
	else
		snprintf(part, sizeof part, "fleet %s -> %s", fa, fb);
	panel_more(buf, size, width, "; ", part);
	snprintf(part, sizeof part, "%d answer%s changed", d->n_answers, d->n_answers == 1 ? "" : "s");
	panel_more(buf, size, width, "; ", part);
}

void panel_compare_draw(struct app *app)
{
	WINDOW *w = app->wcompare;
	char buf[512];

	if (w == NULL)
		return;
	werase(w);
	if (!app->base.pinned || app->v == NULL)
		return;
	panel_compare_text(app, buf, sizeof buf, app->cols - 2);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, app->cols - 2, buf);
	wattroff(w, A_BOLD);
}
