/* scr_footprint.c — screen 4: what the shown self-hosted option takes: memory by part
 * as a bar against the GPUs' memory, GPU count and tensor parallelism, decode and
 * prefill rates, and the fleet's capacity against the volume asked. The precision
 * and GPU can be changed here (and are kept in the session); every option's numbers
 * are in the verdict (footprint_options), sized as evaluate() sizes its candidates.
 * Taller than the window, it scrolls. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "session.h"
#include "text.h"
#include "util.h"

enum f_field { FIELD_PRECISION, FIELD_GPU, FIELD_COUNT };

struct f_state {
	int prec, gpu;         /* overrides; -1 follows the verdict */
	enum f_field focus;
	unsigned gen;
	bool valid, have, priced;        /* priced: the fleet below is costed */
	struct footprint f;
	struct plan fleet;
	int top, total, height, width;   /* scrolling: content rows, first shown */
};

static bool footprint_overridden(const struct f_state *fs)
{
	return fs->prec >= 0 || fs->gpu >= 0;
}

/* The verdict's option for the GPU and precision shown. */
static void footprint_pick(struct app *app, struct f_state *fs)
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
			fs->priced = o->priced;
		}
	}
}

static void footprint_init(struct app *app, void *state)
{
	struct f_state *fs = state;

	(void)app;
	fs->prec = fs->gpu = -1;
}

static void footprint_layout(struct app *app, void *state)
{
	struct f_state *fs = state;

	getmaxyx(app->wmain, fs->height, fs->width);
	fs->valid = false;
}

/* ---- drawing (content row y is drawn at y - top) ------------------------------------ */

static void footprint_gpu_text(const struct gpu *g, char *buf, size_t size, int width)
{
	char part[160], price[32];

	words_gpu(g, buf, size);
	snprintf(part, sizeof part, ", %.0f GB", g->memory_gb);
	text_append(buf, size, width, part);
	if (g->rates[RATE_ON_DEMAND].present) {
		words_money(price, sizeof price, g->rates[RATE_ON_DEMAND].usd_per_hour);
		snprintf(part, sizeof part, ", %s/h", price);
		text_append(buf, size, width, part);
	}
	snprintf(part, sizeof part, " (%s)", g->name);
	text_append(buf, size, width, part);
}

static int footprint_selectors(struct app *app, struct f_state *fs, WINDOW *w, int y)
{
	char buf[300];
	int width = fs->width;

	text_put(w, y - fs->top, 1, 11, "Precision");
	selector_draw(app, w, y - fs->top, 12, 12, precision_names[fs->f.precision], fs->focus == FIELD_PRECISION);
	footprint_gpu_text(fs->f.gpu, buf, sizeof buf, width - 13 - 4);
	text_put(w, y + 1 - fs->top, 1, 11, "GPU");
	selector_draw(app, w, y + 1 - fs->top, 12, width - 13, buf, fs->focus == FIELD_GPU);
	wattron(w, A_DIM);
	text_put(w, y + 2 - fs->top, 1, width - 2,
		 footprint_overridden(fs) ? "Changed here (d: back to the recommended choice)"
		 : app->v->footprint_alternative
			 ? "The cheapest self-hosted alternative: the recommendation runs on someone else's GPUs"
			 : "As recommended (Tab, Left/Right to change)");
	wattroff(w, A_DIM);
	return y + 3;
}

static int footprint_memory(struct app *app, struct f_state *fs, WINDOW *w, int y)
{
	const struct footprint *f = &fs->f;
	double physical = (double)f->gpu_count * f->gpu->memory_gb * 1e9;
	double usable = (double)f->gpu_count * f->gpu_usable_bytes, scale = fmax(physical, f->total_bytes);
	struct bar_part parts[3] = {
		{ f->weights_bytes, 'W', app->th.part[0] },
		{ f->kv_bytes, 'K', app->th.part[1] },
		{ f->overhead_bytes, 'O', app->th.part[2] },
	};
	char a[32], b[32], c[32], line[200], part[64];
	int bw = fs->width - 4, row = y - fs->top, width = fs->width;

	fmt_gb(a, sizeof a, physical);
	fmt_gb(b, sizeof b, usable);
	text_putf(w, row, 1, width - 2, "Memory of one replica: %lld x %.0f GB = %s, %s usable",
		  (long long)f->gpu_count, f->gpu->memory_gb, a, b);
	mvwaddch(w, row + 1, 1, '[');
	bar_draw(w, row + 1, 2, bw, parts, 3, scale, '.');
	mvwaddch(w, row + 1, 2 + bw, ']');
	int limit = (int)lround(usable / scale * bw);
	if (limit < bw)
		mvwaddch(w, row + 1, 2 + limit, '|' | A_BOLD);
	fmt_gb(a, sizeof a, f->weights_bytes);
	fmt_gb(b, sizeof b, f->kv_bytes);
	fmt_gb(c, sizeof c, f->overhead_bytes);
	text_putf(w, row + 2, 2, width - 3, "W weights %s  K KV cache %s  O overhead %s  | usable", a, b, c);
	fmt_int(a, sizeof a, f->kv_bytes_per_token);
	fmt_int(b, sizeof b, (double)f->context);
	snprintf(line, sizeof line, "KV cache: %s bytes/token x %s tokens x batch %lld", a, b, (long long)f->batch);
	fmt_gb(c, sizeof c, f->state_bytes);
	snprintf(part, sizeof part, "; state %s a sequence", c);
	if (f->state_bytes > 0)
		text_append(line, sizeof line, width - 3, part);
	fmt_gb(c, sizeof c, f->window_bytes);
	snprintf(part, sizeof part, "; + sliding windows %s a sequence", c);
	if (f->window_bytes > 0)
		text_append(line, sizeof line, width - 3, part);
	text_put(w, row + 3, 2, width - 3, line);
	return y + 4;
}

static int footprint_rates(struct f_state *fs, WINDOW *w, int y)
{
	const struct footprint *f = &fs->f;
	char a[32], b[32];
	int row = y - fs->top, width = fs->width;

	text_putf(w, row, 1, width - 2, "GPUs per replica  %lld  (tensor parallel %lld x pipeline %lld)",
		  (long long)f->gpu_count, (long long)f->tensor_parallel, (long long)f->pipeline_stages);
	fmt_gb(a, sizeof a, f->per_gpu_bytes);
	fmt_gb(b, sizeof b, f->gpu_usable_bytes);
	text_putf(w, row + 1, 1, width - 2, "Per GPU           %s of %s usable", a, b);
	fmt_int(a, sizeof a, (double)f->batch);
	text_putf(w, row + 2, 1, width - 2, "Batch             %s sequences, limited by %s", a,
		  batch_limit_words[f->limited_by]);
	fmt_int(a, sizeof a, f->tokens_per_s_per_user);
	fmt_int(b, sizeof b, f->ttft_ms);
	text_putf(w, row + 3, 1, width - 2, "Each user         %s tokens/s, first token in %s ms (KV cache %s)", a, b,
		  precision_names[f->kv_precision]);
	fmt_int(a, sizeof a, f->output_tokens_per_s);
	fmt_int(b, sizeof b, f->prefill_tokens_per_s);
	text_putf(w, row + 4, 1, width - 2, "Output            %s tokens/s a replica; prefill %s tokens/s%s", a, b,
		  f->weight_only ? " (4-bit weights at 16 bits)" : "");
	return y + 5;
}

static int footprint_capacity(struct app *app, struct f_state *fs, WINDOW *w, int y)
{
	const struct plan *p = &fs->fleet;
	double vol = (double)app->answers.requests_per_month;
	char a[32], b[32], c[32], fleet[120];
	int row = y - fs->top, width = fs->width;

	if (app->v->recommended == ARCH_ON_DEVICE && !footprint_overridden(fs)) {
		text_put(w, row, 1, width - 2, "On-device: every device serves its own user; no fleet to size.");
		return y + 1;
	}
	if (!fs->priced) {
		text_put(w, row, 1, width - 2, "No fleet: this GPU has no price on the basis asked.");
		return y + 1;
	}
	fmt_short(a, sizeof a, p->capacity_requests);
	fmt_short(b, sizeof b, vol);
	words_fleet(p, fleet, sizeof fleet);
	text_putf(w, row, 1, width - 2, "Capacity: %s serve %s requests/month; you asked %s", fleet, a, b);
	struct bar_part used = { vol, '#', app->th.good };
	mvwaddch(w, row + 1, 1, '[');
	bar_draw(w, row + 1, 2, width - 4, &used, 1, fmax(p->capacity_requests, vol), '.');
	mvwaddch(w, row + 1, width - 2, ']');
	text_putf(w, row + 2, 2, width - 3, "# volume asked, . spare capacity (%s traffic)",
		  traffic_names[app->answers.traffic]);
	words_money(c, sizeof c, p->cost.gpu_lease + p->cost.hardware + p->cost.facility);
	if (fs->priced)
		text_putf(w, row + 3, 2, width - 3, "GPUs %s a month, %s%s", c, price_basis_names[p->basis],
			  p->autoscaled ? ", autoscaled" : "");
	else
		text_put(w, row + 3, 2, width - 3, "GPUs: no price for this GPU on this basis");
	return y + 4;
}

static void footprint_none(struct app *app, WINDOW *w, int width)
{
	wattron(w, app->th.head);
	text_put(w, 0, 0, width, "Inference footprint");
	wattroff(w, app->th.head);
	text_put(w, 2, 1, width - 2, "No self-hosted or on-device option is feasible with these answers,");
	text_put(w, 3, 1, width - 2, "so there is no footprint to show (see the verdict, screen 5).");
}

static void footprint_draw_rows(struct app *app, struct f_state *fs, WINDOW *w);

/* The first row shown, at most where the last page starts: a window grown since the
 * scroll shows the whole screen again. */
static bool footprint_clamp_top(struct f_state *fs)
{
	int max = fs->total - fs->height > 0 ? fs->total - fs->height : 0;

	if (fs->top <= max)
		return false;
	fs->top = max;
	return true;
}

static void footprint_draw(struct app *app, void *state, WINDOW *w)
{
	struct f_state *fs = state;

	footprint_clamp_top(fs);   /* by the rows the last drawing counted */
	footprint_draw_rows(app, fs, w);
	if (footprint_clamp_top(fs)) {   /* fewer rows now (no spacing rows) */
		werase(w);
		footprint_draw_rows(app, fs, w);
	}
}

static void footprint_draw_rows(struct app *app, struct f_state *fs, WINDOW *w)
{
	int gap, y;

	if (!fs->valid || fs->gen != app->gen)
		footprint_pick(app, fs);
	if (!fs->have) {
		footprint_none(app, w, fs->width);
		return;
	}
	gap = fs->height >= 20 ? 1 : 0;   /* spacing rows only when they fit */
	wattron(w, app->th.head);
	text_putf(w, -fs->top, 0, fs->width, "Inference footprint of %s (%s)", fs->f.model->id, fs->f.model->name);
	wattroff(w, app->th.head);
	y = footprint_selectors(app, fs, w, 1 + gap) + gap;
	if (!fs->f.feasible) {
		wattron(w, app->th.warn);
		text_putf(w, y - fs->top, 1, fs->width - 2, "Does not run: %s", fs->f.why_not);
		wattroff(w, app->th.warn);
		fs->total = y + 1;
		return;
	}
	y = footprint_memory(app, fs, w, y) + gap;
	y = footprint_rates(fs, w, y) + gap;
	fs->total = footprint_capacity(app, fs, w, y);
	if (fs->top > 0)
		text_put(w, 0, fs->width - 1, 1, "^");
	if (fs->top + fs->height < fs->total)
		text_put(w, fs->height - 1, fs->width - 1, 1, "v");
}

/* ---- keys ----------------------------------------------------------------------------- */

static int footprint_cycle(int cur, int from, int n, int dir)
{
	int i = cur < 0 ? from : cur;
	return (i + dir + n) % n;
}

static int footprint_scroll(struct f_state *fs, int to)
{
	int max = fs->total - fs->height > 0 ? fs->total - fs->height : 0;

	to = to < 0 ? 0 : to > max ? max : to;
	if (to == fs->top)
		return HANDLED;
	fs->top = to;
	return HANDLED | REDRAW;
}

/* Down walks the fields, then scrolls; Up scrolls back, then walks the fields. */
static int footprint_vertical(struct f_state *fs, int dir)
{
	if (dir > 0 && fs->focus == FIELD_PRECISION) {
		fs->focus = FIELD_GPU;
		return HANDLED | REDRAW;
	}
	if (dir < 0 && fs->top == 0 && fs->focus == FIELD_GPU) {
		fs->focus = FIELD_PRECISION;
		return HANDLED | REDRAW;
	}
	return footprint_scroll(fs, fs->top + dir);
}

static int footprint_change(struct app *app, struct f_state *fs, int dir)
{
	if (fs->focus == FIELD_PRECISION)
		fs->prec = footprint_cycle(fs->prec, app->v->footprint.precision, PREC_COUNT, dir);
	else
		fs->gpu = footprint_cycle(fs->gpu, (int)(app->v->footprint.gpu - app->cat->gpus), app->cat->n_gpus, dir);
	fs->valid = false;
	return HANDLED | REDRAW;
}

static int footprint_key(struct app *app, void *state, const struct keyev *ev)
{
	struct f_state *fs = state;
	int page = fs->height > 1 ? fs->height - 1 : 1;

	app_evaluate(app);        /* keys typed ahead act on what the next draw shows */
	if (!fs->valid || fs->gen != app->gen)
		footprint_pick(app, fs);
	if (!fs->have)
		return 0;
	switch (ev->act) {
	case ACT_TAB:
		fs->focus = (fs->focus + 1) % FIELD_COUNT;
		return HANDLED | REDRAW;
	case ACT_UP: case ACT_DOWN: return footprint_vertical(fs, ev->act == ACT_DOWN ? 1 : -1);
	case ACT_PAGE_UP: return footprint_scroll(fs, fs->top - page);
	case ACT_PAGE_DOWN: return footprint_scroll(fs, fs->top + page);
	case ACT_HOME: return footprint_scroll(fs, 0);
	case ACT_END: return footprint_scroll(fs, fs->total);
	case ACT_LEFT: case ACT_RIGHT: case ACT_CHOOSE:
		return footprint_change(app, fs, ev->act == ACT_LEFT ? -1 : 1);
	case ACT_RESET:
		fs->prec = fs->gpu = -1;
		fs->valid = false;
		return HANDLED | REDRAW;
	default:
		return 0;
	}
}

/* A press on a field focuses it; on the focused field, it steps to the next choice. */
static int footprint_click(struct app *app, void *state, int y, int x)
{
	struct f_state *fs = state;
	int gap = fs->height >= 20 ? 1 : 0, field = y + fs->top - 1 - gap;

	(void)x;
	if (!fs->have || field < 0 || field >= FIELD_COUNT)
		return HANDLED;
	if ((enum f_field)field == fs->focus)
		return footprint_change(app, fs, 1);
	fs->focus = (enum f_field)field;
	return HANDLED | REDRAW;
}

static void footprint_place_save(const struct app *app, const void *state, struct strbuf *sb)
{
	const struct f_state *fs = state;

	if (fs->gpu >= 0)
		sb_addf(sb, " gpu %s", app->cat->gpus[fs->gpu].id);
	if (fs->prec >= 0)
		sb_addf(sb, " precision %s", precision_names[fs->prec]);
}

static void footprint_place_load(struct app *app, void *state, const char *line)
{
	struct f_state *fs = state;
	char word[64];
	const struct gpu *g;

	if (session_word(line, "gpu", word, sizeof word) == 0 && (g = catalog_gpu(app->cat, word)) != NULL)
		fs->gpu = (int)(g - app->cat->gpus);
	if (session_word(line, "precision", word, sizeof word) == 0)
		fs->prec = precision_from_name(word);
}

const struct screen_ops footprint_screen = {
	.name = "Footprint",
	.hints = "Tab field  Left/Right change  d recommended  +/- volume  u undo  ? help",
	.scopes = SCOPE_BIT(SC_FOOTPRINT),
	.state_size = sizeof(struct f_state),
	.init = footprint_init,
	.layout = footprint_layout,
	.draw = footprint_draw,
	.key = footprint_key,
	.click = footprint_click,
	.place_save = footprint_place_save,
	.place_load = footprint_place_load,
};
