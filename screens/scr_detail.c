/* scr_detail.c — the detail overlay of one cost row (Enter on the costs screen): why
 * it is or is not the recommendation, every line of its monthly cost, its prices or
 * the footprint of one replica of its fleet, and the rules that fired for its
 * architecture. Everything comes from the verdict (details.c fills the row's why and
 * footprint). */
#include <stdio.h>

#include "screens.h"
#include "text.h"
#include "util.h"

struct d_state {
	struct textview tv;
	enum cost_table table;
	int index;
	unsigned gen;
	int width, height;
};

int detail_table_size(const struct verdict *v, enum cost_table table)
{
	return table == TABLE_API ? v->n_api : table == TABLE_MANAGED ? v->n_managed : v->n_self_hosted;
}

const struct cost_row *detail_table_row(const struct verdict *v, enum cost_table table, int index)
{
	const struct cost_row *rows = table == TABLE_API ? v->api : table == TABLE_MANAGED ? v->managed
			       : v->self_hosted;

	return index >= 0 && index < detail_table_size(v, table) ? &rows[index] : NULL;
}

static void detail_title(struct app *app, struct textview *tv, const struct cost_row *r)
{
	char buf[200];

	tv_add(tv, 0, 2, app->th.head, "%s (%s), quality tier %s", r->model->id, r->model->name,
	       quality_tier_name(r->model->quality_tier));
	if (r->provider)
		tv_add(tv, 2, 2, 0, "Managed inference on %s", r->provider->name);
	else if (r->opt.gpu && r->opt.feasible) {
		words_fleet(&r->opt, buf, sizeof buf);
		tv_add(tv, 2, 2, 0, "Self-hosted (%s) on %s, %s weights", arch_ids[r->opt.arch], buf,
		       precision_names[r->opt.precision]);
	} else if (r->opt.arch == ARCH_DIRECT_API)
		tv_add(tv, 2, 2, 0, "The vendor's API (%s)", r->model->api.provider ? r->model->api.provider : "vendor");
	tv_add(tv, 2, 2, r->recommended ? app->th.good : A_BOLD, "%s", r->why);
}

static void detail_costs(struct app *app, struct textview *tv, const struct cost_row *r)
{
	char vol[32], m[32];

	fmt_int(vol, sizeof vol, (double)app->answers.requests_per_month);
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Monthly cost at %s requests/month", vol);
	if (!r->usable || !r->opt.feasible) {
		tv_add(tv, 2, 4, 0, "Not costed: %s", r->note[0] ? r->note : r->opt.why_not);
		return;
	}
	for (int l = 0; l < CL_COUNT; l++) {     /* the lines this option pays, then the total */
		double usd = cost_line_usd(&r->opt.cost, (enum cost_line)l);
		if (usd < 0.005 && l != CL_TOTAL)
			continue;
		words_money(m, sizeof m, usd);
		tv_add(tv, 2, 4, l == CL_TOTAL ? A_BOLD : 0, "%-16s %12s", cost_line_names[l], m);
	}
	if (r->input_price > 0 || r->output_price > 0)
		tv_add(tv, 2, 4, 0, "Prices: $%.2f per 1M input tokens, $%.2f per 1M output tokens", r->input_price,
		       r->output_price);
}

static void detail_footprint(struct app *app, struct textview *tv, const struct cost_row *r)
{
	const struct footprint *f = &r->footprint;
	char a[32], b[32], c[32];

	if (!r->footprint_present)
		return;
	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Footprint of one replica");
	fmt_gb(a, sizeof a, f->weights_bytes);
	fmt_gb(b, sizeof b, f->kv_bytes);
	fmt_gb(c, sizeof c, f->overhead_bytes);
	tv_add(tv, 2, 4, 0, "Memory: weights %s + KV cache %s + overhead %s", a, b, c);
	fmt_gb(a, sizeof a, f->per_gpu_bytes);
	fmt_gb(b, sizeof b, f->gpu_usable_bytes);
	tv_add(tv, 2, 4, 0, "%lld GPU%s (tensor parallel %lld): %s of %s usable on each", (long long)f->gpu_count,
	       f->gpu_count == 1 ? "" : "s", (long long)f->tensor_parallel, a, b);
	fmt_int(a, sizeof a, f->decode_tokens_per_s);
	fmt_int(b, sizeof b, f->prefill_tokens_per_s);
	tv_add(tv, 2, 4, 0, "Decode %s tokens/s for a batch of %lld, prefill %s tokens/s", a, (long long)f->batch, b);
	fmt_int(a, sizeof a, r->opt.user_tokens_per_s);
	tv_add(tv, 2, 4, 0, "Each user sees %s tokens/s", a);
	fmt_short(a, sizeof a, r->opt.capacity_requests);
	fmt_short(b, sizeof b, (double)app->answers.requests_per_month);
	tv_add(tv, 2, 4, 0, "The fleet serves %s requests/month; you asked %s. Its GPUs are %s%s.", a, b,
	       price_basis_names[r->opt.basis], r->opt.autoscaled ? ", autoscaled with the load" : "");
}

static void detail_rules(struct app *app, struct textview *tv, const struct cost_row *r)
{
	const struct arch_score *s = &app->v->scores[r->opt.arch];
	char text[400];

	tv_add(tv, 0, 0, 0, "%s", "");
	tv_add(tv, 0, 0, app->th.head, "Rules for %s (score %.1f%s)", arch_ids[s->arch], s->score,
	       s->feasible ? "" : ", excluded");
	for (int i = 0; i < s->n_reasons; i++) {
		words_seed(s->reasons[i].text, text, sizeof text);
		if (s->reasons[i].excludes)
			tv_add(tv, 2, 8, app->th.warn, "excl. %s", text);
		else
			tv_add(tv, 2, 8, 0, "%+5.1f %s", s->reasons[i].points, text);
	}
	tv_add(tv, 2, 2, A_DIM, "%s", SEED_FOOTNOTE);
}

static void detail_build(struct app *app, struct d_state *ds)
{
	const struct cost_row *r = detail_table_row(app->v, ds->table, ds->index);
	struct textview *tv = &ds->tv;
	struct tv_place place = tv_place_save(tv);

	tv_clear(tv);
	if (r == NULL)
		tv_add(tv, 0, 0, 0, "This option is no longer in the tables.");
	else {
		detail_title(app, tv, r);
		detail_costs(app, tv, r);
		detail_footprint(app, tv, r);
		detail_rules(app, tv, r);
	}
	tv_wrap(tv, ds->width);
	tv_place_restore(tv, &place);
	ds->gen = app->gen;
}

void detail_open(struct app *app, enum cost_table table, int index)
{
	struct d_state *ds = app->state[SCR_DETAIL];

	ds->table = table;
	ds->index = index;
	ds->tv.top = 0;
	ds->tv.cur = -1;
	ds->gen = app->gen - 1;
	app_open(app, SCR_DETAIL);
}

static void detail_fini(void *state)
{
	struct d_state *ds = state;

	tv_clear(&ds->tv);
}

static void detail_layout(struct app *app, void *state)
{
	struct d_state *ds = state;

	getmaxyx(app->wmain, ds->height, ds->width);
	ds->width -= 2;
	ds->tv.height = ds->height;
	ds->gen = app->gen - 1;    /* rewrap at the new width */
}

static void detail_draw(struct app *app, void *state, WINDOW *w)
{
	struct d_state *ds = state;

	if (ds->gen != app->gen)
		detail_build(app, ds);
	tv_draw(&ds->tv, w, 0, 1, ds->height, app->th.sel);
}

static int detail_key(struct app *app, void *state, const struct keyev *ev)
{
	struct d_state *ds = state;

	app_evaluate(app);
	if (ds->gen != app->gen)
		detail_build(app, ds);
	return tv_key(&ds->tv, ev->act);
}

static struct textview *detail_text(struct app *app, void *state)
{
	struct d_state *ds = state;

	if (ds->gen != app->gen)
		detail_build(app, ds);
	return &ds->tv;
}

const struct screen_ops detail_screen = {
	.name = "Detail",
	.hints = "Up/Down scroll  / search  +/- volume  u undo  q or Esc back to the costs",
	.scopes = SCOPE_BIT(SC_TEXT),
	.state_size = sizeof(struct d_state),
	.fini = detail_fini,
	.layout = detail_layout,
	.draw = detail_draw,
	.key = detail_key,
	.text = detail_text,
};
