/* scr_chart.c — screen 3: monthly cost against requests/month on log axes for all six
 * architectures (the verdict's cost curves; excluded ones dimmed, in lower case), the
 * crossovers numbered on the curves in volume order, and the volume asked as a dotted
 * line. The axes hold every crossover and the volume, and stay put while the volume
 * moves inside them: Left/Right move the marker, not the axes. Letters, digits and
 * ':' carry the meaning, so it reads without colour. Taller than the window, it scrolls. */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "screens.h"
#include "text.h"
#include "util.h"

#define YLABEL 8             /* "$100K" and the axis */
#define MIN_DECADES 4
#define SLACK_DECADES 2      /* axes kept while at most this much wider than needed */
#define MIN_PLOT 6
#define LEGEND_W 39
#define MAX_CROSS 8

static const char chart_letters[ARCH_COUNT] = {
	[ARCH_DIRECT_API] = 'A', [ARCH_MANAGED] = 'M', [ARCH_SELF_SINGLE] = 'S',
	[ARCH_SELF_MULTI] = 'G', [ARCH_HYBRID] = 'H', [ARCH_ON_DEVICE] = 'D',
};

struct g_state {
	unsigned gen;
	bool ranged;                  /* the axes below are set */
	double xlo, xhi, ylo, yhi;    /* log10 of requests and of USD */
	double *cost;                 /* ARCH_COUNT x cols samples; NAN where no plan */
	int cols;
	int cross[MAX_CROSS], n_cross;    /* the verdict's crossovers by volume */
	int legend_cols, legend_rows;
	struct rect plot;             /* in content rows (row 0 is the heading) */
	int total, top, height, width;    /* content rows, first shown, window size */
};

static double chart_x_of_col(const struct g_state *ch, int col)
{
	return pow(10, ch->xlo + (ch->xhi - ch->xlo) * col / (ch->cols > 1 ? ch->cols - 1 : 1));
}

static int chart_col_of_x(const struct g_state *ch, double req)
{
	return (int)lround((log10(fmax(req, 1)) - ch->xlo) / (ch->xhi - ch->xlo) * (ch->cols - 1));
}

static int chart_row_of_cost(const struct g_state *ch, double usd)
{
	double f = (log10(usd) - ch->ylo) / (ch->yhi - ch->ylo);
	return ch->plot.y + ch->plot.h - 1 - (int)lround(f * (ch->plot.h - 1));
}

/* The verdict's cost of arch at the curve point nearest req (the chart draws what the
 * core computed, at its resolution of 10 points a decade). */
static double chart_curve_at(const struct verdict *v, int arch, double req)
{
	long i = lround((log10(fmax(req, 1)) - CURVE_FROM_LOG10) * CURVE_PER_DECADE);

	i = i < 0 ? 0 : i >= CURVE_POINTS ? CURVE_POINTS - 1 : i;
	return v->curves.usd[arch][i];
}

/* Keep [*lo, *hi] while it holds [lo, hi] and is not much wider; else take [lo, hi]. */
static void chart_keep_range(double *cur_lo, double *cur_hi, double lo, double hi, bool ranged)
{
	if (ranged && *cur_lo <= lo && *cur_hi >= hi && (*cur_hi - *cur_lo) <= (hi - lo) + SLACK_DECADES)
		return;
	*cur_lo = lo;
	*cur_hi = hi;
}

/* Decades spanning the volume asked and every crossover, a decade of margin, at least
 * MIN_DECADES wide, inside the curves' range. */
static void chart_x_range(struct g_state *ch, const struct verdict *v)
{
	double lo = log10(fmax((double)v->answers.requests_per_month, 1)), hi = lo;

	for (int i = 0; i < v->n_crossovers; i++) {
		double c = log10(fmax(v->crossovers[i].requests_per_month, 1));
		lo = fmin(lo, c);
		hi = fmax(hi, c);
	}
	lo = floor(lo) - 1;
	hi = ceil(hi) + 1;
	while (hi - lo < MIN_DECADES) {
		lo--;
		hi++;
	}
	lo = fmax(lo, CURVE_FROM_LOG10);
	hi = fmin(fmax(hi, lo + MIN_DECADES), CURVE_FROM_LOG10 + 10);
	chart_keep_range(&ch->xlo, &ch->xhi, lo, hi, ch->ranged);
}

static void chart_sample(struct g_state *ch, const struct verdict *v)
{
	double lo = INFINITY, hi = -INFINITY;

	free(ch->cost);
	ch->cost = xcalloc((size_t)(ARCH_COUNT * ch->cols + 1), sizeof *ch->cost);
	for (int a = 0; a < ARCH_COUNT; a++)
		for (int c = 0; c < ch->cols; c++) {
			double usd = chart_curve_at(v, a, chart_x_of_col(ch, c));
			ch->cost[a * ch->cols + c] = usd > 0 ? usd : NAN;
			if (usd > 0) {
				lo = fmin(lo, usd);
				hi = fmax(hi, usd);
			}
		}
	lo = isfinite(lo) ? floor(log10(lo)) : 0;
	hi = isfinite(hi) ? ceil(log10(hi)) : 1;
	chart_keep_range(&ch->ylo, &ch->yhi, lo, hi > lo ? hi : lo + 1, ch->ranged);
}

static int chart_cmp_cross(const void *pa, const void *pb, const struct verdict *v)
{
	double a = v->crossovers[*(const int *)pa].requests_per_month;
	double b = v->crossovers[*(const int *)pb].requests_per_month;
	return (a > b) - (a < b);
}

/* The crossovers in volume order (an insertion sort of at most eight). */
static void chart_order_crossovers(struct g_state *ch, const struct verdict *v)
{
	ch->n_cross = v->n_crossovers < MAX_CROSS ? v->n_crossovers : MAX_CROSS;
	for (int i = 0; i < ch->n_cross; i++) {
		int j = i;
		ch->cross[i] = i;
		for (; j > 0 && chart_cmp_cross(&ch->cross[j - 1], &ch->cross[j], v) > 0; j--) {
			int t = ch->cross[j];
			ch->cross[j] = ch->cross[j - 1];
			ch->cross[j - 1] = t;
		}
	}
}

static void chart_prepare(struct app *app, struct g_state *ch)
{
	const struct verdict *v = app->v;
	int cross_rows, fixed;

	chart_order_crossovers(ch, v);
	cross_rows = ch->n_cross ? ch->n_cross : 1;
	ch->legend_cols = ch->width / LEGEND_W > 0 ? ch->width / LEGEND_W : 1;
	ch->legend_rows = (ARCH_COUNT + ch->legend_cols - 1) / ch->legend_cols;
	fixed = 1 + ch->legend_rows + 2 + cross_rows;     /* heading, legend, axis + labels, crossovers */
	ch->plot = (struct rect){ 1 + ch->legend_rows, YLABEL + 1,
				  ch->height - fixed > MIN_PLOT ? ch->height - fixed : MIN_PLOT,
				  ch->width - YLABEL - 2 };
	ch->total = fixed + ch->plot.h;
	ch->cols = ch->plot.w > 1 ? ch->plot.w : 2;
	chart_x_range(ch, v);
	chart_sample(ch, v);
	ch->ranged = true;
	ch->gen = app->gen;
	if (ch->top > ch->total - ch->height)
		ch->top = ch->total - ch->height > 0 ? ch->total - ch->height : 0;
}

static void chart_fini(void *state)
{
	struct g_state *ch = state;

	free(ch->cost);
}

static void chart_layout(struct app *app, void *state)
{
	struct g_state *ch = state;

	getmaxyx(app->wmain, ch->height, ch->width);
	ch->gen = app->gen - 1;    /* resample at the new size */
}

/* ---- drawing (content row y is drawn at y - top) ------------------------------------ */

static int chart_letter(const struct verdict *v, int arch)
{
	char c = chart_letters[arch];
	return v->scores[arch].feasible ? c : tolower((unsigned char)c);
}

static void chart_legend(struct app *app, struct g_state *ch, WINDOW *w)
{
	const struct verdict *v = app->v;
	char vol[32], m[32];
	int cw = ch->width / ch->legend_cols;

	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.head);
	text_putf(w, -ch->top, 0, ch->width, "Monthly cost vs requests/month, log-log  (: = your %s)", vol);
	wattroff(w, app->th.head);
	for (int i = 0; i < ARCH_COUNT; i++) {
		int arch = v->order[i], y = 1 + i % ch->legend_rows - ch->top, x = 1 + (i / ch->legend_rows) * cw;
		const struct arch_score *s = &v->scores[arch];
		attr_t a = s->feasible ? app->th.series[arch] : A_DIM;
		if (s->feasible)
			words_money(m, sizeof m, s->best.cost.total);
		wattron(w, a);
		text_putf(w, y, x, cw - 1, "%c %s", chart_letter(v, arch), arch_ids[arch]);
		wattroff(w, a);
		text_put_right(w, y, x, cw - 2, s->feasible ? m : "excluded");
	}
}

static void chart_y_axis(struct app *app, struct g_state *ch, WINDOW *w)
{
	char lab[32], s[24];

	int last = INT_MIN;

	vline_draw(app, w, ch->plot.y - ch->top, YLABEL, ch->plot.h);
	for (double d = ch->yhi; d >= ch->ylo; d--) {       /* a label per row at most */
		int row = chart_row_of_cost(ch, pow(10, d)) - ch->top;
		if (row == last)
			continue;
		last = row;
		if (d < 0)
			snprintf(s, sizeof s, "%.*f", (int)-d, pow(10, d));    /* $0.1, not $0 */
		else
			fmt_short(s, sizeof s, pow(10, d));
		snprintf(lab, sizeof lab, "$%s", s);
		text_put_right(w, row, 0, YLABEL - 1, lab);
		mvwaddch(w, row, YLABEL, app->gl.rtee);
	}
}

static void chart_x_axis(struct app *app, struct g_state *ch, WINDOW *w, int vol_col)
{
	int y = ch->plot.y + ch->plot.h - ch->top, next_free = 0;
	char s[24];

	mvwaddch(w, y, YLABEL, app->gl.ll);
	hline_draw(app, w, y, ch->plot.x, ch->plot.w);
	for (double d = ceil(ch->xlo); d <= ch->xhi; d++) {
		int col = ch->plot.x + chart_col_of_x(ch, pow(10, d));
		fmt_short(s, sizeof s, pow(10, d));
		mvwaddch(w, y, col, app->gl.btee);
		int at = col - 1, len = text_width(s);
		if (at + len > getmaxx(w))
			at = getmaxx(w) - len;      /* the last label ends at the edge */
		if (at >= next_free)
			next_free = at + text_put(w, y + 1, at, len, s) + 1;
	}
	if (vol_col >= 0 && vol_col < ch->plot.w)
		text_put(w, y, ch->plot.x + vol_col, 1, "^");
}

static void chart_series(struct app *app, struct g_state *ch, WINDOW *w, int arch)
{
	attr_t a = app->v->scores[arch].feasible ? app->th.series[arch] : A_DIM;
	chtype letter = (chtype)chart_letter(app->v, arch);

	wattron(w, a);
	for (int c = 0; c < ch->cols; c++) {
		double usd = ch->cost[arch * ch->cols + c];
		if (!isnan(usd))
			mvwaddch(w, chart_row_of_cost(ch, usd) - ch->top, ch->plot.x + c, letter);
	}
	wattroff(w, a);
}

static void chart_curves(struct app *app, struct g_state *ch, WINDOW *w, int vol_col)
{
	const struct verdict *v = app->v;

	if (vol_col >= 0 && vol_col < ch->plot.w)
		for (int r = 0; r < ch->plot.h; r++)
			mvwaddch(w, ch->plot.y + r - ch->top, ch->plot.x + vol_col, ':' | A_DIM);
	for (int i = ARCH_COUNT - 1; i >= 0; i--)      /* excluded first, the leader last, on top */
		if (!v->scores[v->order[i]].feasible)
			chart_series(app, ch, w, v->order[i]);
	for (int i = ARCH_COUNT - 1; i >= 0; i--)
		if (v->scores[v->order[i]].feasible)
			chart_series(app, ch, w, v->order[i]);
}

/* An architecture in a crossover line: its letter. */
static void chart_name(const struct verdict *v, enum arch arch, char *buf, size_t size)
{
	snprintf(buf, size, "%c", chart_letter(v, arch));
}

/* Each crossover as a digit on the curve (volume order), listed under the axis. */
static void chart_crossovers(struct app *app, struct g_state *ch, WINDOW *w, int y)
{
	const struct verdict *v = app->v;
	char n[32], a[8], b[8];

	if (ch->n_cross == 0)
		text_put(w, y - ch->top, 1, ch->width - 1, "No crossover between the leading options in this range.");
	for (int k = 0; k < ch->n_cross; k++) {
		const struct crossover *c = &v->crossovers[ch->cross[k]];
		int col = chart_col_of_x(ch, c->requests_per_month);
		double usd = chart_curve_at(v, c->arch_a, c->requests_per_month);
		if (col >= 0 && col < ch->plot.w && usd > 0) {
			int row = chart_row_of_cost(ch, usd);
			if (row >= ch->plot.y && row < ch->plot.y + ch->plot.h)
				mvwaddch(w, row - ch->top, ch->plot.x + col, (chtype)('1' + k) | A_REVERSE | A_BOLD);
		}
		fmt_short(n, sizeof n, c->requests_per_month);
		chart_name(v, c->arch_a, a, sizeof a);
		chart_name(v, c->arch_b, b, sizeof b);
		text_putf(w, y + k - ch->top, 1, ch->width - 1, "%d  at %s requests/month %s = %s; below it %s is cheaper",
			  k + 1, n, a, b, c->a_cheaper_below ? a : b);
	}
}

static void chart_draw(struct app *app, void *state, WINDOW *w)
{
	struct g_state *ch = state;
	int vol_col;

	if (ch->gen != app->gen || ch->cost == NULL)
		chart_prepare(app, ch);
	chart_legend(app, ch, w);
	vol_col = chart_col_of_x(ch, (double)app->answers.requests_per_month);
	chart_y_axis(app, ch, w);
	chart_curves(app, ch, w, vol_col);
	chart_x_axis(app, ch, w, vol_col);
	chart_crossovers(app, ch, w, ch->plot.y + ch->plot.h + 2);
	if (ch->top > 0)
		text_put(w, 0, ch->width - 1, 1, "^");
	if (ch->top + ch->height < ch->total)
		text_put(w, ch->height - 1, ch->width - 1, 1, "v");
}

static int chart_scroll(struct g_state *ch, int to)
{
	int max = ch->total - ch->height > 0 ? ch->total - ch->height : 0;

	to = to < 0 ? 0 : to > max ? max : to;
	if (to == ch->top)
		return HANDLED;
	ch->top = to;
	return HANDLED | REDRAW;
}

static int chart_key(struct app *app, void *state, const struct keyev *ev)
{
	struct g_state *ch = state;
	int page = ch->height > 1 ? ch->height - 1 : 1;

	app_evaluate(app);        /* keys typed ahead act on what the next draw shows */
	if (ch->gen != app->gen || ch->cost == NULL)
		chart_prepare(app, ch);

	switch (ev->act) {
	case ACT_LEFT: case ACT_RIGHT: return input_volume_step(app, ev->act == ACT_RIGHT ? 1 : -1);
	case ACT_UP: return chart_scroll(ch, ch->top - 1);
	case ACT_DOWN: return chart_scroll(ch, ch->top + 1);
	case ACT_PAGE_UP: return chart_scroll(ch, ch->top - page);
	case ACT_PAGE_DOWN: return chart_scroll(ch, ch->top + page);
	case ACT_HOME: return chart_scroll(ch, 0);
	case ACT_END: return chart_scroll(ch, ch->total);
	default: return 0;
	}
}

/* A press in the plot moves your volume there (to the nearest curve point). */
static int chart_click(struct app *app, void *state, int y, int x)
{
	struct g_state *ch = state;
	int col = x - ch->plot.x, row = y + ch->top;
	double req;

	if (col < 0 || col >= ch->plot.w || row < ch->plot.y || row >= ch->plot.y + ch->plot.h)
		return HANDLED;
	req = round(chart_x_of_col(ch, col));
	app_set_answer(app, AK_REQUESTS, req);
	return HANDLED | REDRAW;
}

const struct screen_ops chart_screen = {
	.name = "Chart",
	.hints = "Left/Right move your volume  Up/Down scroll  u undo  1-5 screens  ? help",
	.state_size = sizeof(struct g_state),
	.fini = chart_fini,
	.layout = chart_layout,
	.draw = chart_draw,
	.key = chart_key,
	.click = chart_click,
};
