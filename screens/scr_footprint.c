/* scr_footprint.c — screen 4: what the shown self-hosted option takes: memory by part
 * as a bar against the GPUs' memory, GPU count and tensor parallelism, decode and
 * prefill rates, and the fleet's capacity against the volume asked. The precision
 * and GPU can be changed here; every option's numbers are in the verdict
 * (footprint_options), sized exactly as evaluate() sizes its candidates. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

struct f_state {
	int prec, gpu;         /* overrides; -1 follows the verdict */
	int focus;             /* 0 precision, 1 GPU */
	unsigned gen;
	bool valid, have;
	struct footprint f;
	struct plan fleet;
};

static bool overridden(struct f_state *fs)
{
	return fs->prec >= 0 || fs->gpu >= 0;
}

/* The verdict's option for the GPU and precision shown. */
static void compute(struct f_state *fs, struct app *app)
{
	const struct verdict *v = app->v;
	const struct gpu *g;
	enum precision p;

	fs->gen = app->gen;
	fs->valid = true;
	fs->have = v->footprint_present;
	if (!fs->have)
		return;
	g = fs->gpu >= 0 ? &app->cat->gpus[fs->gpu] : v->footprint.gpu;
	p = fs->prec >= 0 ? (enum precision)fs->prec : v->footprint.precision;
	for (int i = 0; i < v->n_footprint_options; i++) {
		const struct footprint_option *o = &v->footprint_options[i];
		if (o->gpu == g && o->precision == p) {
			fs->f = o->f;
			fs->fleet = o->fleet;
		}
	}
}

static void f_init(struct app *app, void *state)
{
	struct f_state *fs = state;

	(void)app;
	fs->prec = fs->gpu = -1;
}

static void f_layout(struct app *app, void *state)
{
	struct f_state *fs = state;

	(void)app;
	fs->valid = false;
}

static void selectors(struct f_state *fs, struct app *app, WINDOW *w, int y, int width)
{
	const struct gpu *g = fs->f.gpu;
	char buf[200], price[32];

	text_put(w, y, 1, 11, "Precision");
	selector_draw(app, w, y, 12, 12, precision_names[fs->f.precision], fs->focus == 0);
	if (g->rates[RATE_ON_DEMAND].present)
		money(price, sizeof price, g->rates[RATE_ON_DEMAND].usd_per_hour);
	snprintf(buf, sizeof buf, "%s: %s, %.0f GB%s%s%s", g->id, g->name, g->memory_gb,
		 g->rates[RATE_ON_DEMAND].present ? ", " : "", g->rates[RATE_ON_DEMAND].present ? price : "", g->rates[RATE_ON_DEMAND].present ? "/h" : "");
	text_put(w, y + 1, 1, 11, "GPU");
	selector_draw(app, w, y + 1, 12, width - 13, buf, fs->focus == 1);
	wattron(w, A_DIM);
	text_put(w, y + 2, 1, width - 2, overridden(fs) ? "Changed here (d: back to the recommended choice)"
						       : "As recommended (Tab, Left/Right to change)");
	wattroff(w, A_DIM);
}

static void memory_bar(struct f_state *fs, struct app *app, WINDOW *w, int y, int width)
{
	const struct footprint *f = &fs->f;
	double physical = (double)f->gpu_count * f->gpu->memory_gb * 1e9;
	double usable = (double)f->gpu_count * f->gpu_usable_bytes, scale = fmax(physical, f->total_bytes);
	struct bar_part parts[3] = {
		{ f->weights_bytes, 'W', app->th.part[0] },
		{ f->kv_bytes, 'K', app->th.part[1] },
		{ f->overhead_bytes, 'O', app->th.part[2] },
	};
	char a[32], b[32], c[32];
	int bw = width - 4;

	fmt_gb(a, sizeof a, physical);
	fmt_gb(b, sizeof b, usable);
	text_putf(w, y, 1, width - 2, "Memory of one replica: %lld x %.0f GB = %s, %s usable",
		  (long long)f->gpu_count, f->gpu->memory_gb, a, b);
	mvwaddch(w, y + 1, 1, '[');
	bar_draw(w, y + 1, 2, bw, parts, 3, scale, '.');
	mvwaddch(w, y + 1, 2 + bw, ']');
	int limit = (int)lround(usable / scale * bw);
	if (limit < bw)
		mvwaddch(w, y + 1, 2 + limit, '|' | A_BOLD);
	fmt_gb(a, sizeof a, f->weights_bytes);
	fmt_gb(b, sizeof b, f->kv_bytes);
	fmt_gb(c, sizeof c, f->overhead_bytes);
	text_putf(w, y + 2, 2, width - 3, "W weights %s  K KV cache %s  O overhead %s  | usable", a, b, c);
	fmt_int(a, sizeof a, f->kv_bytes_per_token);
	fmt_int(b, sizeof b, (double)f->context);
	text_putf(w, y + 3, 2, width - 3, "KV cache: %s bytes/token x %s tokens x batch %lld", a, b,
		  (long long)f->batch);
}

static void rates(struct f_state *fs, WINDOW *w, int y, int width)
{
	const struct footprint *f = &fs->f;
	char a[32], b[32], c[32];

	text_putf(w, y, 1, width - 2, "GPUs per replica  %lld  (tensor parallel %lld x pipeline %lld)",
		  (long long)f->gpu_count, (long long)f->tensor_parallel, (long long)f->pipeline_stages);
	fmt_gb(a, sizeof a, f->per_gpu_bytes);
	fmt_gb(b, sizeof b, f->gpu_usable_bytes);
	text_putf(w, y + 1, 1, width - 2, "Per GPU           %s of %s usable", a, b);
	fmt_int(a, sizeof a, f->decode_tokens_per_s);
	fmt_int(b, sizeof b, f->decode_tokens_per_s_single);
	text_putf(w, y + 2, 1, width - 2, "Decode            %s tokens/s for the batch, %s for one sequence", a, b);
	fmt_int(c, sizeof c, f->prefill_tokens_per_s);
	text_putf(w, y + 3, 1, width - 2, "Prefill           %s tokens/s", c);
}

static void capacity(struct f_state *fs, struct app *app, WINDOW *w, int y, int width)
{
	const struct plan *p = &fs->fleet;
	double vol = (double)app->answers.requests_per_month;
	char a[32], b[32], c[32];

	if (app->v->recommended == ARCH_ON_DEVICE && !overridden(fs)) {
		text_put(w, y, 1, width - 2, "On-device: every device serves its own user; no fleet to size.");
		return;
	}
	fmt_short(a, sizeof a, p->capacity_requests);
	fmt_short(b, sizeof b, vol);
	text_putf(w, y, 1, width - 2, "Capacity: %lld replica%s x %lld GPUs serve %s requests/month; you asked %s",
		  (long long)p->replicas, p->replicas == 1 ? "" : "s", (long long)p->gpu_count, a, b);
	struct bar_part used = { vol, '#', app->th.good };
	mvwaddch(w, y + 1, 1, '[');
	bar_draw(w, y + 1, 2, width - 4, &used, 1, fmax(p->capacity_requests, vol), '.');
	mvwaddch(w, y + 1, width - 2, ']');
	money(c, sizeof c, p->cost.gpu_lease);
	text_putf(w, y + 2, 2, width - 3, "# volume asked, . spare capacity (%s traffic); GPU lease %s a month",
		  traffic_names[app->answers.traffic], fs->f.gpu->rates[RATE_ON_DEMAND].present ? c : "n/a (no price)");
}

static void f_draw(struct app *app, void *state, WINDOW *w)
{
	struct f_state *fs = state;

	int width = getmaxx(w);

	if (!fs->valid || fs->gen != app->gen)
		compute(fs, app);
	wattron(w, app->th.head);
	if (!fs->have) {
		text_put(w, 0, 0, width, "Inference footprint");
		wattroff(w, app->th.head);
		text_put(w, 2, 1, width - 2, "No self-hosted or on-device option is feasible with these answers,");
		text_put(w, 3, 1, width - 2, "so there is no footprint to show (see the verdict, screen 5).");
		return;
	}
	text_putf(w, 0, 0, width, "Inference footprint of %s (%s)", fs->f.model->id, fs->f.model->name);
	wattroff(w, app->th.head);
	int gap = getmaxy(w) >= 19 ? 1 : 0, y = 1 + gap;   /* spacing rows only when they fit */
	selectors(fs, app, w, y, width);
	y += 3 + gap;
	if (!fs->f.feasible) {
		wattron(w, app->th.warn);
		text_putf(w, y, 1, width - 2, "Does not run: %s", fs->f.why_not);
		wattroff(w, app->th.warn);
		return;
	}
	memory_bar(fs, app, w, y, width);
	rates(fs, w, y + 4 + gap, width);
	capacity(fs, app, w, y + 8 + 2 * gap, width);
}

static int cycle(int cur, int from, int n, int dir)
{
	int i = cur < 0 ? from : cur;
	return (i + dir + n) % n;
}

static int f_key(struct app *app, void *state, const struct keyev *ev)
{
	struct f_state *fs = state;

	int dir = ev->act == ACT_RIGHT ? 1 : -1;

	if (!fs->have)
		return 0;
	switch (ev->act) {
	case ACT_TAB: case ACT_UP: case ACT_DOWN:
		fs->focus = !fs->focus;
		return HANDLED | REDRAW;
	case ACT_LEFT: case ACT_RIGHT: case ACT_CHOOSE:
		if (fs->focus == 0)
			fs->prec = cycle(fs->prec, app->v->footprint.precision, PREC_COUNT, dir);
		else
			fs->gpu = cycle(fs->gpu, (int)(app->v->footprint.gpu - app->cat->gpus), app->cat->n_gpus, dir);
		break;
	case ACT_RESET:
		fs->prec = fs->gpu = -1;
		break;
	default:
		return 0;
	}
	fs->valid = false;
	return HANDLED | REDRAW;
}

const struct screen_ops footprint_screen = {
	.name = "Footprint",
	.hints = "Tab field  Left/Right change  d recommended  +/- volume  e export  ? help",
	.state_size = sizeof(struct f_state),
	.init = f_init,
	.layout = f_layout,
	.draw = f_draw,
	.key = f_key,
};
