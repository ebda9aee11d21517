/* scr_costs.c — screen 2: every costed option at the current volume (API, managed,
 * self-hosted with its hidden costs), sortable, the recommended one marked; options
 * below the task's tier hidden unless asked for. Enter opens a row's detail view.
 * Narrow terminals drop whole columns: a money figure is never cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "text.h"
#include "util.h"

enum sort_by { SORT_COST, SORT_MODEL, SORT_KIND, SORT_COUNT };
static const char *const sort_names[SORT_COUNT] = {
	[SORT_COST] = "cost", [SORT_MODEL] = "model", [SORT_KIND] = "kind",
};
static const char *const kind_names[TABLE_COUNT] = {
	[TABLE_API] = "API", [TABLE_MANAGED] = "Managed", [TABLE_SELF] = "Self",
};

struct c_state;

struct row {
	const struct c_state *owner;   /* the sort order, for the comparator */
	const struct cost_row *r;
	enum cost_table table;
	int index;                     /* in its table */
	int seq;                       /* the tables' own order */
	bool feasible;                 /* usable, and the core could cost it */
};

/* Columns as drawn left to right; a width of 0 drops one. */
enum col { COL_MARK, COL_KIND, COL_MODEL, COL_FLEET, COL_TIER, COL_COST, COL_NOTE, COL_COUNT };
struct cols {
	int x[COL_COUNT], w[COL_COUNT];
};

struct c_state {
	struct row *rows;
	int n, sel, top, hidden;
	bool marked;                   /* the recommendation is one of the rows */
	unsigned gen;
	enum sort_by sort;
	bool reverse, all;
	int height;                    /* table rows shown */
	int money_w;                   /* the widest money figure of the rows */
};

/* ---- rows ------------------------------------------------------------------------------ */

static void costs_add_rows(struct c_state *cs, const struct verdict *v, enum cost_table t)
{
	for (int i = 0; i < detail_table_size(v, t); i++) {
		const struct cost_row *r = detail_table_row(v, t, i);
		if (!cs->all && !r->meets_quality && !r->recommended) {
			cs->hidden++;
			continue;
		}
		cs->rows[cs->n] = (struct row){ .owner = cs, .r = r, .table = t, .index = i, .seq = cs->n,
						.feasible = r->usable && r->opt.feasible };
		cs->n++;
	}
}

static int costs_cmp_rows(const void *pa, const void *pb)
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

static void costs_money_width(struct c_state *cs)
{
	char m[32];

	cs->money_w = 7;   /* "monthly" */
	for (int i = 0; i < cs->n; i++) {
		words_money(m, sizeof m, cs->rows[i].r->opt.cost.total);
		if (cs->rows[i].feasible && text_width(m) > cs->money_w)
			cs->money_w = text_width(m);
	}
}

static void costs_rebuild(struct app *app, struct c_state *cs)
{
	const struct verdict *v = app->v;
	struct row keep = cs->n ? cs->rows[cs->sel] : (struct row){ .table = TABLE_COUNT };

	free(cs->rows);
	cs->rows = xcalloc((size_t)(v->n_api + v->n_managed + v->n_self_hosted + 1), sizeof *cs->rows);
	cs->n = cs->hidden = 0;
	for (int t = 0; t < TABLE_COUNT; t++)
		costs_add_rows(cs, v, (enum cost_table)t);
	qsort(cs->rows, (size_t)cs->n, sizeof *cs->rows, costs_cmp_rows);
	costs_money_width(cs);
	cs->marked = false;
	for (int i = 0; i < cs->n; i++)
		cs->marked = cs->marked || cs->rows[i].r->recommended;
	cs->gen = app->gen;
	for (int i = 0; i < cs->n; i++)      /* the same row stays selected */
		if (cs->rows[i].table == keep.table && cs->rows[i].index == keep.index)
			cs->sel = i;
	if (cs->sel >= cs->n)
		cs->sel = cs->n ? cs->n - 1 : 0;
}

static void costs_fini(void *state)
{
	struct c_state *cs = state;

	free(cs->rows);
}

static void costs_layout(struct app *app, void *state)
{
	struct c_state *cs = state;
	int h = getmaxy(app->wmain);

	/* heading, column titles; under the table a rule, the cost line, the footnote */
	cs->height = h - (h >= 9 ? 5 : 4);
}

/* ---- columns --------------------------------------------------------------------------- */

/* Whole columns by priority (the money first, then what tells rows apart), then the
 * room left to the model, the fleet and the note. */
static struct cols costs_columns(const struct c_state *cs, int width)
{
	enum col order[] = { COL_MARK, COL_COST, COL_MODEL, COL_FLEET, COL_KIND, COL_TIER, COL_NOTE };
	int min[COL_COUNT] = { [COL_MARK] = 3, [COL_KIND] = 8, [COL_MODEL] = 13, [COL_FLEET] = 11,
			       [COL_TIER] = 5, [COL_COST] = cs->money_w + 2, [COL_NOTE] = 14 };
	int grow[COL_COUNT] = { [COL_MODEL] = 6, [COL_FLEET] = 10, [COL_NOTE] = 1000 };
	struct cols c = { { 0 }, { 0 } };
	int left = width - 1, x = 0;

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (min[order[i]] <= left) {
			c.w[order[i]] = min[order[i]];
			left -= min[order[i]];
		}
	for (int i = 0; i < COL_COUNT && left > 0; i++)
		if (c.w[i] > 0 && grow[i] > 0) {
			int g = grow[i] < left ? grow[i] : left;
			c.w[i] += g;
			left -= g;
		}
	for (int i = 0; i < COL_COUNT; i++) {
		c.x[i] = x;
		x += c.w[i];
	}
	return c;
}

static void costs_cell(WINDOW *w, const struct cols *c, int y, enum col col, const char *s)
{
	if (c->w[col] == 0)
		return;
	if (col == COL_COST)
		text_put_right(w, y, c->x[col], c->w[col] - 2, s);
	else
		text_put(w, y, c->x[col], c->w[col] - 1, s);
}

static void costs_via(const struct cost_row *r, char *buf, size_t size)
{
	if (r->provider)
		snprintf(buf, size, "%s", r->provider->id);
	else if (r->opt.gpu && r->opt.feasible)
		words_fleet_cell(&r->opt, buf, size);
	else if (r->opt.arch == ARCH_DIRECT_API)
		snprintf(buf, size, "%s", r->model->api.provider ? r->model->api.provider : "vendor");
	else
		buf[0] = '\0';
}

static void costs_note(const struct app *app, const struct cost_row *r, char *buf, size_t size)
{
	if (r->note[0])
		snprintf(buf, size, "%s", r->note);
	else if (!r->opt.feasible && r->opt.why_not[0])
		snprintf(buf, size, "%s", r->opt.why_not);
	else if (!r->meets_quality)
		snprintf(buf, size, "below tier %d", app->cat->policy.required_tier[app->answers.task]);
	else
		buf[0] = '\0';
}

/* ---- drawing ------------------------------------------------------------------------ */

static void costs_row_draw(struct app *app, struct c_state *cs, WINDOW *w, int i, int y, const struct cols *c)
{
	const struct row *x = &cs->rows[i];
	char buf[200], m[32];

	if (i == cs->sel) {
		wattron(w, app->th.sel);
		mvwhline(w, y, 0, ' ', getmaxx(w));
	} else if (x->r->recommended) {
		wattron(w, app->th.good);
	} else if (!x->feasible) {
		wattron(w, A_DIM);
	}
	/* '>' the selected row (also without colour), '*' the recommendation */
	costs_cell(w, c, y, COL_MARK, i == cs->sel ? (x->r->recommended ? ">*" : ">") : x->r->recommended ? " *" : "");
	costs_cell(w, c, y, COL_KIND, kind_names[x->table]);
	costs_cell(w, c, y, COL_MODEL, x->r->model->id);
	costs_via(x->r, buf, sizeof buf);
	costs_cell(w, c, y, COL_FLEET, buf);
	snprintf(buf, sizeof buf, "%s", quality_tier_name(x->r->model->quality_tier));
	costs_cell(w, c, y, COL_TIER, buf);
	words_money(m, sizeof m, x->r->opt.cost.total);
	costs_cell(w, c, y, COL_COST, x->feasible ? m : "-");
	costs_note(app, x->r, buf, sizeof buf);
	costs_cell(w, c, y, COL_NOTE, buf);
	wattroff(w, app->th.sel | app->th.good | A_DIM);
}

static void costs_heading(struct app *app, struct c_state *cs, WINDOW *w, int width, const struct cols *c)
{
	char vol[32], in[32], out[32], buf[300], part[120];

	fmt_short(vol, sizeof vol, (double)app->answers.requests_per_month);
	fmt_int(in, sizeof in, (double)app->answers.input_tokens);
	fmt_int(out, sizeof out, (double)app->answers.output_tokens);
	snprintf(buf, sizeof buf, "Costs at %s requests/month", vol);
	snprintf(part, sizeof part, " (%s in + %s out tokens)", in, out);
	text_append(buf, sizeof buf, width, part);
	snprintf(part, sizeof part, "  sort: %s%s", sort_names[cs->sort], cs->reverse ? ", reversed" : "");
	text_append(buf, sizeof buf, width, part);
	wattron(w, app->th.head);
	text_put(w, 0, 0, width, buf);
	wattroff(w, app->th.head);
	wattron(w, A_BOLD | A_UNDERLINE);
	costs_cell(w, c, 1, COL_KIND, "kind");
	costs_cell(w, c, 1, COL_MODEL, "model");
	costs_cell(w, c, 1, COL_FLEET, "provider/fleet");
	costs_cell(w, c, 1, COL_TIER, "tier");
	costs_cell(w, c, 1, COL_COST, "monthly");
	costs_cell(w, c, 1, COL_NOTE, "note");
	wattroff(w, A_BOLD | A_UNDERLINE);
}

/* "llama-3.1-70b: $15,294 = GPUs $11,988 + engineering $2,000 ...": whole parts only. */
static void costs_breakdown(struct c_state *cs, char *buf, size_t size, int width)
{
	const struct row *x = &cs->rows[cs->sel];
	const struct cost_breakdown *b = &x->r->opt.cost;
	char m[32], part[120];
	bool all = true;

	if (!x->feasible) {
		snprintf(buf, size, "%s: cannot be used or costed with these answers", x->r->model->id);
		return;
	}
	words_money(m, sizeof m, b->total);
	snprintf(buf, size, "%s: %s", x->r->model->id, m);
	for (int l = 0, first = 1; l < CL_TOTAL; l++) {
		double usd = cost_line_usd(b, (enum cost_line)l);
		if (usd < 0.5)
			continue;
		words_money(m, sizeof m, usd);
		snprintf(part, sizeof part, " %s %s %s", first ? "=" : "+", cost_line_names[l], m);
		first = 0;
		all = all && text_append(buf, size, width - 12, part);
	}
	if (!all)
		text_append(buf, size, width, " + more (Enter)");
}

static void costs_footer(struct app *app, struct c_state *cs, WINDOW *w, int y, int width, bool note)
{
	char buf[600];

	hline_draw(app, w, y, 0, width);
	if (cs->n > 0) {
		costs_breakdown(cs, buf, sizeof buf, width);
		text_put(w, y + 1, 0, width, buf);
	}
	if (!note)
		return;
	if (cs->marked)
		snprintf(buf, sizeof buf, "* the recommendation.");
	else
		snprintf(buf, sizeof buf, "The recommendation, %s, is no row here.", arch_ids[app->v->recommended]);
	if (cs->hidden > 0) {
		char part[100];
		snprintf(part, sizeof part, " %d below the task hidden (a shows them).", cs->hidden);
		text_append(buf, sizeof buf, width, part);
	}
	text_append(buf, sizeof buf, width, " Enter: every cost line, and why.");
	wattron(w, A_DIM);
	text_put(w, y + 2, 0, width, buf);
	wattroff(w, A_DIM);
}

static void costs_draw(struct app *app, void *state, WINDOW *w)
{
	struct c_state *cs = state;
	int h, width;
	struct cols c;

	getmaxyx(w, h, width);
	if (cs->gen != app->gen || cs->rows == NULL)
		costs_rebuild(app, cs);
	c = costs_columns(cs, width);
	costs_heading(app, cs, w, width, &c);
	if (cs->top > cs->n - cs->height)
		cs->top = cs->n - cs->height > 0 ? cs->n - cs->height : 0;   /* the table fills the window */
	if (cs->sel < cs->top)
		cs->top = cs->sel;
	if (cs->sel >= cs->top + cs->height)
		cs->top = cs->sel - cs->height + 1;
	for (int i = 0; i < cs->height && cs->top + i < cs->n; i++)
		costs_row_draw(app, cs, w, cs->top + i, 2 + i, &c);
	if (cs->top > 0)
		text_put(w, 2, width - 1, 1, "^");
	if (cs->top + cs->height < cs->n)
		text_put(w, 1 + cs->height, width - 1, 1, "v");
	costs_footer(app, cs, w, 2 + cs->height, width, h >= 9);
}

/* ---- keys ---------------------------------------------------------------------------- */

static int costs_move(struct c_state *cs, int to)
{
	to = to >= cs->n ? cs->n - 1 : to;
	to = to < 0 ? 0 : to;
	if (to == cs->sel)
		return HANDLED;
	cs->sel = to;
	return HANDLED | REDRAW;
}

static int costs_open(struct app *app, struct c_state *cs)
{
	if (cs->n == 0)
		return HANDLED;
	detail_open(app, cs->rows[cs->sel].table, cs->rows[cs->sel].index);
	return HANDLED;
}

static int costs_key(struct app *app, void *state, const struct keyev *ev)
{
	struct c_state *cs = state;

	app_evaluate(app);        /* keys typed ahead act on what the next draw shows */
	if (cs->gen != app->gen || cs->rows == NULL)
		costs_rebuild(app, cs);
	switch (ev->act) {
	case ACT_UP: return costs_move(cs, cs->sel - 1);
	case ACT_DOWN: return costs_move(cs, cs->sel + 1);
	case ACT_PAGE_UP: return costs_move(cs, cs->sel - cs->height);
	case ACT_PAGE_DOWN: return costs_move(cs, cs->sel + cs->height);
	case ACT_HOME: return costs_move(cs, 0);
	case ACT_END: return costs_move(cs, cs->n - 1);
	case ACT_CHOOSE: return costs_open(app, cs);
	case ACT_SORT: case ACT_TAB: cs->sort = (cs->sort + 1) % SORT_COUNT; break;
	case ACT_REVERSE: cs->reverse = !cs->reverse; break;
	case ACT_FILTER:
		cs->all = !cs->all;
		app_message(app, false, cs->all ? "All options, also those below the task's tier"
						: "Only the options that meet the task (a shows all)");
		break;
	default: return 0;
	}
	costs_rebuild(app, cs);
	return HANDLED | REDRAW;
}

/* A row pressed is selected; pressed again it opens. */
static int costs_click(struct app *app, void *state, int y, int x)
{
	struct c_state *cs = state;
	int i = cs->top + y - 2;

	(void)x;
	if (y < 2 || y >= 2 + cs->height || i >= cs->n)
		return HANDLED;
	if (i == cs->sel)
		return costs_open(app, cs);
	return costs_move(cs, i);
}

const struct screen_ops costs_screen = {
	.name = "Costs",
	.hints = "Up/Down row  Enter detail  o sort  a all/meeting the task  +/- volume  ? help",
	.scopes = SCOPE_BIT(SC_COSTS),
	.state_size = sizeof(struct c_state),
	.fini = costs_fini,
	.layout = costs_layout,
	.draw = costs_draw,
	.key = costs_key,
	.click = costs_click,
};
