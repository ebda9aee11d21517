/* panel.c — the live panel beside the questions: the recommendation, the monthly cost
 * of the best option of each architecture in rank order, and the footprint. */
#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

void money(char *buf, size_t size, double usd)
{
	fmt_usd(buf, size, usd);
}

void plan_what(const struct plan *p, char *buf, size_t size)
{
	if (!p->feasible || p->model == NULL)
		snprintf(buf, size, "excluded");
	else if (p->arch == ARCH_MANAGED)
		snprintf(buf, size, "%s on %s", p->model->id, p->provider ? p->provider->id : "?");
	else if (p->arch == ARCH_HYBRID && p->api_model)
		snprintf(buf, size, "%s + %s", p->api_model->id, p->model->id);
	else if (p->gpu)
		snprintf(buf, size, "%s %s", p->model->id, precision_names[p->precision]);
	else
		snprintf(buf, size, "%s", p->model->id);
}

/* "13 x 8 x rtx-4090": replicas x GPUs each; on a device just the device. */
static void fleet_what(const struct plan *p, char *buf, size_t size)
{
	if (p->gpu == NULL)
		snprintf(buf, size, "%s", p->arch == ARCH_MANAGED || p->arch == ARCH_DIRECT_API
			 ? "pay per token, no GPUs to run" : "");
	else if (p->arch == ARCH_ON_DEVICE)
		snprintf(buf, size, "one %s per user", p->gpu->id);
	else
		snprintf(buf, size, "%lld x %lld x %s", (long long)p->replicas, (long long)p->gpu_count,
			 p->gpu->id);
}

static int recommended(struct app *app, WINDOW *w, int y, int x, int width)
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
		return y;
	}
	wattron(w, A_BOLD);
	text_put(w, y++, x + 1, width - 1, app->cat->arch[v->recommended].name);
	wattroff(w, A_BOLD);
	plan_what(p, buf, sizeof buf);
	text_put(w, y++, x + 1, width - 1, buf);
	fleet_what(p, buf, sizeof buf);
	text_put(w, y++, x + 1, width - 1, buf);
	money(m, sizeof m, p->cost.total);
	wattron(w, app->th.good);
	text_putf(w, y++, x + 1, width - 1, "%s a month", m);
	wattroff(w, app->th.good);
	return y;
}

static void cost_line(struct app *app, WINDOW *w, int y, int x, int width, int arch, bool top)
{
	const struct arch_score *s = &app->v->scores[arch];
	char m[32];

	if (s->feasible)
		money(m, sizeof m, s->best.cost.total);
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

static int costs(struct app *app, WINDOW *w, int y, int x, int width, int n, int sel)
{
	char vol[32];

	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.head);
	text_putf(w, y++, x, width, "Monthly cost at %s req/month", vol);
	wattroff(w, app->th.head);
	for (int i = 0; i < n && i < ARCH_COUNT; i++) {
		if (i == sel)
			wattron(w, app->th.sel);
		cost_line(app, w, y++, x, width, app->v->order[i], i == 0);
		wattroff(w, app->th.sel);
	}
	return y;
}

static void footprint_lines(struct app *app, WINDOW *w, int y, int x, int width)
{
	const struct footprint *f = &app->v->footprint;
	char a[32], b[32];

	wattron(w, app->th.head);
	if (!app->v->footprint_present) {
		text_put(w, y, x, width, "Footprint");
		wattroff(w, app->th.head);
		text_put(w, y + 1, x + 1, width - 1, "no self-hosted option fits");
		return;
	}
	text_putf(w, y++, x, width, "Footprint %s %s", f->model->id, precision_names[f->precision]);
	wattroff(w, app->th.head);
	text_putf(w, y++, x + 1, width - 1, "%lld x %s, TP %lld", (long long)f->gpu_count, f->gpu->id,
		  (long long)f->tensor_parallel);
	text_putf(w, y++, x + 1, width - 1, "%.1f GB; %.1f/%.1f per GPU", f->total_bytes / 1e9,
		  f->per_gpu_bytes / 1e9, f->gpu_usable_bytes / 1e9);
	fmt_short(a, sizeof a, f->decode_tokens_per_s);
	fmt_short(b, sizeof b, f->prefill_tokens_per_s);
	text_putf(w, y, x + 1, width - 1, "decode %s prefill %s tok/s", a, b);
}

void panel_draw(struct app *app, WINDOW *w, struct rect r, int sel)
{
	int x = r.x + 2, width = r.w - 3, y = r.y;
	/* Fixed parts: recommendation 5, blank, cost heading, blank, footprint 4. */
	int n_costs = r.h - 12;

	vline_draw(app, w, r.y, r.x, r.h);
	if (n_costs < 1)
		n_costs = r.h >= 8 ? 1 : 0;
	y = recommended(app, w, y, x, width) + 1;
	if (n_costs > 0)
		y = costs(app, w, y, x, width, n_costs, sel) + 1;
	if (y + 4 <= r.y + r.h)
		footprint_lines(app, w, y, x, width);
}

void panel_summary(struct app *app, WINDOW *w, int y, int width)
{
	const struct verdict *v = app->v;
	const struct plan *p = &v->scores[v->recommended].best;
	char m[32], what[160], vol[32];

	money(m, sizeof m, p->cost.total);
	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.good);
	text_putf(w, y, 1, width - 2, "> %s  %s/month at %s req", arch_ids[v->recommended], m, vol);
	wattroff(w, app->th.good);
	plan_what(p, what, sizeof what);
	if (ARCH_COUNT > 1 && v->scores[v->order[1]].feasible) {
		money(m, sizeof m, v->scores[v->order[1]].best.cost.total);
		text_putf(w, y + 1, 3, width - 4, "%s; next: %s %s", what, arch_ids[v->order[1]], m);
	} else {
		text_put(w, y + 1, 3, width - 4, what);
	}
}
