/* scr_chart.c — screen 3: monthly cost against requests/month on log axes for the
 * leading architectures (the verdict's cost curves), the crossovers the core found
 * numbered on the curves, and the volume asked as a dotted line. Letters, digits and
 * ':' carry the meaning, so it reads without colour. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

#define MAX_SERIES 4
#define YLABEL 8             /* "$100K" and the axis */
#define MIN_DECADES 4

struct g_state {
	unsigned gen;
	int n_series, arch[MAX_SERIES];
	double xlo, xhi, ylo, yhi;    /* log10 of requests and of USD */
	double *cost;                 /* n_series x cols samples; NAN where infeasible */
	int cols, n_cross;
	struct rect plot;
};

static double x_of_col(struct g_state *ch, int col)
{
	return pow(10, ch->xlo + (ch->xhi - ch->xlo) * col / (ch->cols > 1 ? ch->cols - 1 : 1));
}

static int col_of_x(struct g_state *ch, double req)
{
	return (int)lround((log10(req) - ch->xlo) / (ch->xhi - ch->xlo) * (ch->cols - 1));
}

static int row_of_cost(struct g_state *ch, double usd)
{
	double f = (log10(usd) - ch->ylo) / (ch->yhi - ch->ylo);
	return ch->plot.y + ch->plot.h - 1 - (int)lround(f * (ch->plot.h - 1));
}

/* The verdict's cost of arch at the curve point nearest req (the chart draws what the
 * core computed, at its resolution of 10 points a decade). */
static double curve_at(const struct verdict *v, int arch, double req)
{
	long i = lround((log10(fmax(req, 1)) - CURVE_FROM_LOG10) * CURVE_PER_DECADE);

	if (i < 0)
		i = 0;
	if (i >= CURVE_POINTS)
		i = CURVE_POINTS - 1;
	return v->curves.usd[arch][i];
}

static void pick_series(struct g_state *ch, const struct verdict *v)
{
	ch->n_series = 0;
	for (int i = 0; i < ARCH_COUNT && ch->n_series < MAX_SERIES; i++)
		if (v->scores[v->order[i]].feasible)
			ch->arch[ch->n_series++] = v->order[i];
}

/* Decades spanning the volume asked and every crossover, at least MIN_DECADES wide. */
static void x_range(struct g_state *ch, const struct verdict *v)
{
	double vol = fmax((double)v->answers.requests_per_month, 1);
	double lo = log10(vol), hi = lo;

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
	ch->xlo = fmax(lo, 0);
	ch->xhi = fmin(fmax(hi, ch->xlo + MIN_DECADES), 12);
}

static void sample(struct g_state *ch, const struct verdict *v)
{
	double lo = INFINITY, hi = -INFINITY;

	free(ch->cost);
	ch->cost = xcalloc((size_t)(ch->n_series * ch->cols + 1), sizeof *ch->cost);
	for (int s = 0; s < ch->n_series; s++)
		for (int c = 0; c < ch->cols; c++) {
			double usd = curve_at(v, ch->arch[s], x_of_col(ch, c));
			ch->cost[s * ch->cols + c] = usd > 0 ? usd : NAN;
			if (usd > 0) {
				lo = fmin(lo, usd);
				hi = fmax(hi, usd);
			}
		}
	ch->ylo = isfinite(lo) ? floor(log10(lo)) : 0;
	ch->yhi = isfinite(hi) ? ceil(log10(hi)) : 1;
	if (ch->yhi <= ch->ylo)
		ch->yhi = ch->ylo + 1;
}

static void g_fini(void *state)
{
	struct g_state *ch = state;

	free(ch->cost);
}

static void g_layout(struct app *app, void *state)
{
	struct g_state *ch = state;

	ch->gen = app->gen - 1;    /* resample at the new width */
}

static void prepare(struct g_state *ch, struct app *app, int h, int w)
{
	const struct verdict *v = app->v;
	int cross_rows;

	pick_series(ch, v);
	ch->n_cross = v->n_crossovers;
	cross_rows = ch->n_cross < 3 ? (ch->n_cross ? ch->n_cross : 1) : 3;
	/* heading, legend, plot, axis and its labels, crossovers */
	ch->plot = (struct rect){ 1 + ch->n_series, YLABEL + 1, h - 1 - ch->n_series - 2 - cross_rows,
				 w - YLABEL - 2 };
	ch->cols = ch->plot.w;
	x_range(ch, v);
	sample(ch, v);
	ch->gen = app->gen;
}

static void legend(struct g_state *ch, struct app *app, WINDOW *w, int width)
{
	char vol[32], label[200], m[32];

	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.head);
	text_putf(w, 0, 0, width, "Monthly cost vs requests/month, log-log  (: = your %s)", vol);
	wattroff(w, app->th.head);
	for (int s = 0; s < ch->n_series; s++) {
		const struct plan *p = &app->v->scores[ch->arch[s]].best;
		plan_label(p, label, sizeof label);
		money(m, sizeof m, p->cost.total);
		wattron(w, app->th.series[s]);
		text_putf(w, 1 + s, 1, 1, "%c", 'A' + s);
		wattroff(w, app->th.series[s]);
		text_putf(w, 1 + s, 3, width - 4, "%s, %s now", label, m);
	}
}

static void y_axis(struct g_state *ch, struct app *app, WINDOW *w)
{
	char lab[32], s[24];

	vline_draw(app, w, ch->plot.y, YLABEL, ch->plot.h);
	for (double d = ch->ylo; d <= ch->yhi; d++) {
		int row = row_of_cost(ch, pow(10, d));
		fmt_short(s, sizeof s, pow(10, d));
		snprintf(lab, sizeof lab, "$%s", s);
		text_put_right(w, row, 0, YLABEL - 1, lab);
		mvwaddch(w, row, YLABEL, app->gl.rtee);
	}
}

static void x_axis(struct g_state *ch, struct app *app, WINDOW *w, int vol_col)
{
	int y = ch->plot.y + ch->plot.h, next_free = 0;
	char s[24];

	mvwaddch(w, y, YLABEL, app->gl.ll);
	hline_draw(app, w, y, ch->plot.x, ch->plot.w);
	for (double d = ceil(ch->xlo); d <= ch->xhi; d++) {
		int col = ch->plot.x + col_of_x(ch, pow(10, d));
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

static void curves(struct g_state *ch, struct app *app, WINDOW *w, int vol_col)
{
	if (vol_col >= 0 && vol_col < ch->plot.w)
		for (int r = 0; r < ch->plot.h; r++)
			mvwaddch(w, ch->plot.y + r, ch->plot.x + vol_col, ':' | A_DIM);
	for (int s = ch->n_series - 1; s >= 0; s--) {     /* the leader drawn last, on top */
		wattron(w, app->th.series[s]);
		for (int c = 0; c < ch->cols; c++) {
			double usd = ch->cost[s * ch->cols + c];
			if (!isnan(usd))
				mvwaddch(w, row_of_cost(ch, usd), ch->plot.x + c, (chtype)('A' + s));
		}
		wattroff(w, app->th.series[s]);
	}
}

/* A charted architecture by its letter, others by their label. */
static void series_name(struct g_state *ch, enum arch arch, const char *label, char *buf, size_t size)
{
	for (int s = 0; s < ch->n_series; s++)
		if (ch->arch[s] == (int)arch) {
			snprintf(buf, size, "%c", 'A' + s);
			return;
		}
	snprintf(buf, size, "%s", label);
}

/* Each crossover as a digit on the curve, listed under the axis. */
static void crossovers(struct g_state *ch, struct app *app, WINDOW *w, int y, int rows, int width)
{
	const struct verdict *v = app->v;
	char n[32];

	if (v->n_crossovers == 0)
		text_put(w, y, 1, width - 1, "No crossover between the leading options from 1K to 100B requests/month.");
	for (int i = 0; i < v->n_crossovers; i++) {
		const struct crossover *c = &v->crossovers[i];
		int col = col_of_x(ch, c->requests_per_month);
		double usd = curve_at(v, c->arch_a, c->requests_per_month);
		if (col >= 0 && col < ch->plot.w && usd > 0) {
			int row = row_of_cost(ch, usd);
			if (row >= ch->plot.y && row < ch->plot.y + ch->plot.h)
				mvwaddch(w, row, ch->plot.x + col, (chtype)('1' + i) | A_REVERSE | A_BOLD);
		}
		if (i >= rows)
			continue;
		fmt_short(n, sizeof n, c->requests_per_month);
		char a[100], b[100];
		series_name(ch, c->arch_a, c->a, a, sizeof a);
		series_name(ch, c->arch_b, c->b, b, sizeof b);
		text_putf(w, y + i, 1, width - 1, "%d  at %s requests/month %s = %s; below it %s is cheaper",
			  i + 1, n, a, b, c->a_cheaper_below ? a : b);
	}
}

static void g_draw(struct app *app, void *state, WINDOW *w)
{
	struct g_state *ch = state;

	int h, width, vol_col;

	getmaxyx(w, h, width);
	if (ch->gen != app->gen || ch->cost == NULL)
		prepare(ch, app, h, width);
	legend(ch, app, w, width);
	if (ch->plot.h < 3 || ch->n_series == 0) {
		text_put(w, ch->plot.y, 1, width - 2, ch->n_series ? "Too few rows for the chart." : "No feasible option to chart.");
		return;
	}
	vol_col = col_of_x(ch, fmax((double)app->answers.requests_per_month, 1));
	y_axis(ch, app, w);
	curves(ch, app, w, vol_col);
	x_axis(ch, app, w, vol_col);
	crossovers(ch, app, w, ch->plot.y + ch->plot.h + 2, h - (ch->plot.y + ch->plot.h + 2), width);
}

static int g_key(struct app *app, void *state, const struct keyev *ev)
{
	(void)app;
	(void)state;
	(void)ev;
	return 0;
}

const struct screen_ops chart_screen = {
	.name = "Chart",
	.hints = "+/- PgUp/PgDn move your volume  1-5 screens  e export  ? help  q quit",
	.state_size = sizeof(struct g_state),
	.fini = g_fini,
	.layout = g_layout,
	.draw = g_draw,
	.key = g_key,
};
