/* scr_costs.c — screen 2: every costed option at the current volume (API, managed,
 * self-hosted with its hidden costs), sortable, the cheapest feasible one marked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

enum sort_by { SORT_COST, SORT_MODEL, SORT_KIND, SORT_COUNT };
static const char *const sort_names[SORT_COUNT] = { "cost", "model", "kind" };

struct c_state;

struct row {
	const struct c_state *owner;   /* the sort order, for the comparator */
	const struct cost_row *r;
	int kind;              /* 0 API, 1 managed, 2 self-hosted: the table's own order */
	int seq;
	bool feasible;         /* usable, and the core could cost it */
};

struct c_state {
	struct row *rows;
	int n, sel, top, cheapest;
	unsigned gen;
	enum sort_by sort;
	bool reverse;
	int height;
};

static const char *const kind_names[] = { "API", "Managed", "Self" };

static void add_rows(struct c_state *cs, const struct cost_row *rows, int n, int kind)
{
	for (int i = 0; i < n; i++) {
		struct row *x = &cs->rows[cs->n];
		x->owner = cs;
		x->r = &rows[i];
		x->kind = kind;
		x->seq = cs->n++;
		x->feasible = rows[i].usable && rows[i].opt.feasible;
	}
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	const struct c_state *cs = a->owner;
	int c = 0;

	if (cs->sort == SORT_COST && a->feasible != b->feasible)
		return a->feasible ? -1 : 1;        /* uncostable rows last either way */
	if (cs->sort == SORT_COST)
		c = (a->r->opt.cost.total > b->r->opt.cost.total) - (a->r->opt.cost.total < b->r->opt.cost.total);
	else if (cs->sort == SORT_MODEL)
		c = strcmp(a->r->model->id, b->r->model->id);
	if (c == 0)
		c = a->seq - b->seq;
	return cs->reverse ? -c : c;
}

/* The row the core marked cheapest (usable, feasible, meets the task's tier). */
static void find_cheapest(struct c_state *cs)
{
	cs->cheapest = -1;
	for (int i = 0; i < cs->n; i++)
		if (cs->rows[i].r->cheapest)
			cs->cheapest = i;
}

static void rebuild(struct c_state *cs, struct app *app)
{
	const struct verdict *v = app->v;
	int keep = cs->n ? cs->rows[cs->sel].seq : -1;   /* the same row stays selected */

	free(cs->rows);
	cs->rows = xcalloc((size_t)(v->n_api + v->n_managed + v->n_self_hosted + 1), sizeof *cs->rows);
	cs->n = 0;
	add_rows(cs, v->api, v->n_api, 0);
	add_rows(cs, v->managed, v->n_managed, 1);
	add_rows(cs, v->self_hosted, v->n_self_hosted, 2);
	qsort(cs->rows, (size_t)cs->n, sizeof *cs->rows, cmp_rows);
	find_cheapest(cs);
	cs->gen = app->gen;
	for (int i = 0; i < cs->n; i++)
		if (cs->rows[i].seq == keep)
			cs->sel = i;
	if (cs->sel >= cs->n)
		cs->sel = cs->n ? cs->n - 1 : 0;
}

static void c_fini(void *state)
{
	struct c_state *cs = state;

	free(cs->rows);
}

static void c_layout(struct app *app, void *state)
{
	struct c_state *cs = state;

	int h, w;

	getmaxyx(app->wmain, h, w);
	(void)w;
	cs->height = h - 5;    /* heading, column titles, rule above the details, two detail rows */
}

static void via_text(const struct cost_row *r, char *buf, size_t size)
{
	const struct plan *o = &r->opt;

	if (r->provider)
		snprintf(buf, size, "%s", r->provider->id);
	else if (o->gpu && o->feasible)
		snprintf(buf, size, "%lld x %lld x %s %s", (long long)o->replicas, (long long)o->gpu_count,
			 o->gpu->id, precision_names[o->precision]);
	else if (o->arch == ARCH_DIRECT_API)
		snprintf(buf, size, "%s", r->model->api.provider ? r->model->api.provider : "vendor");
	else
		buf[0] = '\0';
}

static void note_text(const struct app *app, const struct row *x, char *buf, size_t size)
{
	const struct cost_row *r = x->r;

	if (r->note[0])
		snprintf(buf, size, "%s", r->note);
	else if (!r->opt.feasible && r->opt.why_not[0])
		snprintf(buf, size, "%s", r->opt.why_not);
	else if (!r->meets_quality)
		snprintf(buf, size, "task needs tier %d", app->cat->policy.required_tier[app->answers.task]);
	else
		buf[0] = '\0';
}

/* Columns: mark kind model via tier monthly note; via and note drop when narrow. */
struct cols { int kind, model, via, tier, cost, note, note_w; };

static struct cols columns(int w)
{
	struct cols c = { 2, 11, 30, 0, 0, 0, 0 };
	int via_w = w >= 100 ? 26 : w >= 70 ? 20 : 0;

	c.via = c.model + 18;
	c.tier = c.via + via_w;
	c.cost = c.tier + 5;
	c.note = c.cost + 12;
	c.note_w = w - c.note - 1;
	return c;
}

static void row_draw(struct c_state *cs, struct app *app, WINDOW *w, int i, int y, int width)
{
	const struct row *x = &cs->rows[i];
	struct cols c = columns(width);
	char buf[200], m[32];

	if (i == cs->sel) {
		wattron(w, app->th.sel);
		mvwhline(w, y, 0, ' ', width);
	} else if (i == cs->cheapest) {
		wattron(w, app->th.good);
	} else if (!x->feasible) {
		wattron(w, A_DIM);
	}
	text_put(w, y, 0, 1, i == cs->cheapest ? "*" : " ");
	text_put(w, y, c.kind, 8, kind_names[x->kind]);
	text_put(w, y, c.model, 17, x->r->model->id);
	via_text(x->r, buf, sizeof buf);
	text_put(w, y, c.via, c.tier - c.via - 1, buf);
	text_putf(w, y, c.tier, 4, "%d", x->r->model->quality_tier);
	if (x->feasible)
		money(m, sizeof m, x->r->opt.cost.total);
	text_put_right(w, y, c.cost, 10, x->feasible ? m : "-");
	note_text(app, x, buf, sizeof buf);
	text_put(w, y, c.note, c.note_w, buf);
	wattroff(w, app->th.sel | app->th.good | A_DIM);
}

static void heading(struct c_state *cs, struct app *app, WINDOW *w, int width)
{
	struct cols c = columns(width);
	char vol[32];

	fmt_int(vol, sizeof vol, (double)app->answers.requests_per_month);
	wattron(w, app->th.head);
	text_putf(w, 0, 0, width, "Costs at %s requests/month (%lld in + %lld out tokens)  sort: %s%s",
		  vol, (long long)app->answers.input_tokens, (long long)app->answers.output_tokens,
		  sort_names[cs->sort], cs->reverse ? ", reversed" : "");
	wattroff(w, app->th.head);
	wattron(w, A_BOLD | A_UNDERLINE);
	text_put(w, 1, c.kind, 8, "kind");
	text_put(w, 1, c.model, 17, "model");
	text_put(w, 1, c.via, c.tier - c.via - 1, "provider / fleet");
	text_put(w, 1, c.tier, 4, "tier");
	text_put_right(w, 1, c.cost, 10, "monthly");
	text_put(w, 1, c.note, c.note_w, "note");
	wattroff(w, A_BOLD | A_UNDERLINE);
}

/* The selected row's cost, line by line, under the table. */
static void details(struct c_state *cs, struct app *app, WINDOW *w, int y, int width)
{
	const struct cost_breakdown *b;
	char t[6][32];

	hline_draw(app, w, y, 0, width);
	text_put(w, y + 2, 0, width, "* cheapest option that is usable and meets the task's quality tier");
	if (cs->n == 0)
		return;
	b = &cs->rows[cs->sel].r->opt.cost;
	money(t[0], 32, b->api);
	money(t[1], 32, b->gpu_lease);
	money(t[2], 32, b->engineering);
	money(t[3], 32, b->orchestration + b->monitoring);
	money(t[4], 32, b->finetune);
	money(t[5], 32, b->total);
	if (!cs->rows[cs->sel].feasible)
		text_put(w, y + 1, 0, width, "This option cannot be costed or used with these answers.");
	else
		text_putf(w, y + 1, 0, width, "%s: tokens %s + GPUs %s + engineering %s + ops %s + tuning %s = %s",
			  cs->rows[cs->sel].r->model->id, t[0], t[1], t[2], t[3], t[4], t[5]);
}

static void c_draw(struct app *app, void *state, WINDOW *w)
{
	struct c_state *cs = state;

	int h, width;

	getmaxyx(w, h, width);
	if (cs->gen != app->gen || cs->rows == NULL)
		rebuild(cs, app);
	heading(cs, app, w, width);
	if (cs->sel < cs->top)
		cs->top = cs->sel;
	if (cs->sel >= cs->top + cs->height)
		cs->top = cs->sel - cs->height + 1;
	for (int i = 0; i < cs->height && cs->top + i < cs->n; i++)
		row_draw(cs, app, w, cs->top + i, 2 + i, width);
	details(cs, app, w, h - 3, width);
}

static int c_move(struct c_state *cs, int to)
{
	to = to >= cs->n ? cs->n - 1 : to;
	to = to < 0 ? 0 : to;
	if (to == cs->sel)
		return HANDLED;
	cs->sel = to;
	return HANDLED | REDRAW;
}

static int c_key(struct app *app, void *state, const struct keyev *ev)
{
	struct c_state *cs = state;

	switch (ev->act) {
	case ACT_UP: return c_move(cs, cs->sel - 1);
	case ACT_DOWN: return c_move(cs, cs->sel + 1);
	case ACT_PAGE_UP: return c_move(cs, cs->sel - cs->height);
	case ACT_PAGE_DOWN: return c_move(cs, cs->sel + cs->height);
	case ACT_HOME: return c_move(cs, 0);
	case ACT_END: return c_move(cs, cs->n - 1);
	case ACT_SORT: case ACT_TAB: cs->sort = (cs->sort + 1) % SORT_COUNT; break;
	case ACT_REVERSE: cs->reverse = !cs->reverse; break;
	default: return 0;
	}
	rebuild(cs, app);
	return HANDLED | REDRAW;
}

const struct screen_ops costs_screen = {
	.name = "Costs",
	.hints = "Up/Down row  o/Tab sort  r reverse  +/- volume  1-5 screens  e export  ? help",
	.state_size = sizeof(struct c_state),
	.fini = c_fini,
	.layout = c_layout,
	.draw = c_draw,
	.key = c_key,
};
