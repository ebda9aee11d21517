/* candidates.c — the ways to self-host that evaluate() chooses among: every open
 * model sized on every GPU worth sizing at every allowed precision, pruned to the
 * configurations that can ever be cheapest, plus one edge device per model. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evalint.h"
#include "sweep.h"
#include "twins.h"
#include "util.h"

int tier_shortfall(const struct catalog *c, const struct answers *a, const struct model *m)
{
	int need = c->policy.required_tier[a->task];
	return shortfall(m->quality_tier, need);
}

/* The licence caps monthly active users at 700M or fewer (the Llama community licence). */
static bool mau_gated(const struct licence *l)
{
	return l->mau_limit > 0 && l->mau_limit <= 700000000;
}

bool model_gated(const struct model *m, bool gate_mau, bool gate_nc, bool self_hosting)
{
	return (gate_mau && mau_gated(m->licence)) || (gate_nc && self_hosting && !m->licence->commercial);
}

static uint32_t allowed_precisions(const struct catalog *c, const struct answers *a, bool edge)
{
	uint32_t p = c->policy.precisions[a->task];
	/* On a device, quantisation is how a model fits at all. */
	if (edge)
		p |= 1u << PREC_INT4 | 1u << PREC_INT8;
	return p;
}

/* Room for one more at (*arr)[*n]; the caller fills it and counts it. */
static struct candidate *next_slot(struct candidate **arr, int n)
{
	/* Grow by doubling: capacity is the next power of two at or above n (at least 16). */
	if (n >= 16 && (n & (n - 1)) == 0)
		*arr = xreallocarray(*arr, (size_t)n * 2, sizeof **arr);
	else if (*arr == NULL)
		*arr = xreallocarray(NULL, 16, sizeof **arr);
	return &(*arr)[n];
}

static void add_candidate(struct candidate **arr, int *n, const struct candidate *cd)
{
	*next_slot(arr, *n) = *cd;
	(*n)++;
}

/* The tasks that allow precision p (bit per task). */
static uint32_t tasks_allowing(const struct catalog *c, enum precision p)
{
	uint32_t t = 0;
	for (int k = 0; k < TASK_COUNT; k++)
		if (c->policy.precisions[k] & 1u << p)
			t |= 1u << k;
	return t;
}

void serving_footprint(const struct catalog *c, const struct answers *a, const struct model *m,
		       const struct gpu *g, enum precision p, struct footprint *f)
{
	int64_t longest = a->context_tokens < m->context_tokens ? a->context_tokens : m->context_tokens;
	int64_t average = a->input_tokens + a->output_tokens;

	footprint_serving(&c->cost, m, g, p, longest, average < longest ? average : longest, f);
}

/* Size one (model, GPU, precision) into cd (and its whole footprint into fp when not
 * NULL); false when it can't run there. */
static bool size_candidate_fp(const struct catalog *c, const struct answers *a, const struct model *m,
			      const struct gpu *g, enum precision p, struct candidate *cd, struct footprint *fp)
{
	struct footprint f;

	if (!footprint_may_fit(&c->cost, m, g, p))
		return false;
	cd->model = m;   /* every field set below */
	cd->gpu = g;
	cd->precision = p;
	serving_footprint(c, a, m, g, p, &f);
	if (fp)
		*fp = f;
	if (!f.feasible)
		return false;
	cd->gpu_count = f.gpu_count;
	cd->decode_single = f.decode_tokens_per_s_single;
	cd->sec_per_request = footprint_seconds_per_request(&f, (double)a->input_tokens, (double)a->output_tokens);
	cd->replica_rate = 3600.0 / cd->sec_per_request;
	cd->replica_usd_per_hour = g->rates[RATE_ON_DEMAND].present ? g->rates[RATE_ON_DEMAND].usd_per_hour * (double)f.gpu_count : 0;
	cd->tasks = tasks_allowing(c, p);
	cd->size = size_class_of(&c->cost, (double)m->shape.params);
	cd->tier = m->quality_tier;
	cd->single = f.gpu_count == 1;
	cd->mau_gated = mau_gated(m->licence);
	cd->nc_gated = !m->licence->commercial;
	return isfinite(cd->sec_per_request) && cd->sec_per_request > 0;
}

static bool size_candidate(const struct catalog *c, const struct answers *a, const struct model *m,
			   const struct gpu *g, enum precision p, struct candidate *cd)
{
	return size_candidate_fp(c, a, m, g, p, cd, NULL);
}

bool plan_self_hosted(const struct catalog *c, const struct answers *a, const struct model *m,
		      const struct gpu *g, enum precision p, struct footprint *f, struct plan *fleet)
{
	struct candidate cd;
	struct hidden_costs h;
	struct finetune_estimate ft;
	bool ok = size_candidate_fp(c, a, m, g, p, &cd, f);

	if (!ok && !footprint_may_fit(&c->cost, m, g, p))   /* sized after all, for the reason */
		serving_footprint(c, a, m, g, p, f);
	memset(fleet, 0, sizeof *fleet);
	if (!ok || !g->rates[RATE_ON_DEMAND].present)
		return false;
	fleet->arch = cd.gpu_count == 1 ? ARCH_SELF_SINGLE : ARCH_SELF_MULTI;
	fleet->feasible = true;
	fleet->model = m;
	fleet->gpu = g;
	fleet->precision = p;
	fleet_size(&c->cost, f, cd.sec_per_request, a->traffic, (double)a->requests_per_month, fleet);
	h = c->cost.hidden[a->mlops][cd.size];
	fleet->cost.engineering = h.engineering;
	fleet->cost.orchestration = h.orchestration;
	fleet->cost.monitoring = h.monitoring;
	fleet->cost.finetune = finetune_monthly(c, a, m, &ft);
	cost_total(&fleet->cost);
	return true;
}

/* g and h size every model alike (price aside, which a device doesn't have). */
static bool same_device(const struct gpu *g, const struct gpu *h)
{
	return g->memory_gb == h->memory_gb && g->bandwidth_gbs == h->bandwidth_gbs &&
	       g->fp16_tflops == h->fp16_tflops && g->bf16_tflops == h->bf16_tflops &&
	       g->fp8_tflops == h->fp8_tflops && g->int8_tops == h->int8_tops &&
	       g->interconnect_gbs == h->interconnect_gbs && g->max_per_node == h->max_per_node &&
	       g->usable_fraction == h->usable_fraction && g->prefill_efficiency == h->prefill_efficiency;
}

/* The edge devices' indices by memory, least first (catalog order among equals), one
 * of each set of identical devices (the first: it would win every tie); returns how
 * many. */
static int edge_by_memory(const struct catalog *c, int *idx)
{
	int n = 0;

	for (int gi = 0; gi < c->n_gpus; gi++) {
		int j;
		bool seen = false;
		if (c->gpus[gi].kind != GPU_EDGE)
			continue;
		for (j = 0; j < n && !seen; j++)
			seen = same_device(&c->gpus[idx[j]], &c->gpus[gi]);
		if (seen)
			continue;
		for (j = n++; j > 0 && c->gpus[idx[j - 1]].memory_gb > c->gpus[gi].memory_gb; j--)
			idx[j] = idx[j - 1];
		idx[j] = gi;
	}
	return n;
}

/* On a device: the smallest-memory device the model fits (the widest reach), the
 * fastest configuration among devices of that memory. Devices come least memory
 * first, so the search stops at the first larger than a fit. */
static void prepare_edge(struct eval_state *s, const struct model *m, uint32_t precs, const int *edge,
			 int n_edge)
{
	const struct catalog *c = s->c;
	struct candidate best, cd;
	bool have = false;

	if ((double)m->shape.params > c->cost.edge_max_params_b * 1e9)
		return;
	for (int e = 0; e < n_edge; e++) {
		const struct gpu *g = &c->gpus[edge[e]];
		if (have && g->memory_gb > best.gpu->memory_gb)
			break;
		for (int p = PREC_COUNT - 1; p >= 0; p--) {   /* most quantised first: fits more devices */
			if (!(precs & 1u << p) || !size_candidate(c, &s->a, m, g, (enum precision)p, &cd) ||
			    cd.gpu_count != 1)
				continue;
			if (!have || g->memory_gb < best.gpu->memory_gb ||
			    (g->memory_gb == best.gpu->memory_gb && cd.sec_per_request < best.sec_per_request)) {
				best = cd;
				have = true;
			}
		}
	}
	if (have)
		add_candidate(&s->edge, &s->n_edge, &best);
}

/* d is never cheaper than c at any volume, for any task that may use d: a replica
 * costs no less and serves no more, and c's precision is allowed wherever d's is.
 * Fleet cost is monotone in both under every traffic shape, so dropping d is exact. */
static bool dominates(const struct candidate *c, const struct candidate *d)
{
	bool same_class = c->single == d->single;
	return same_class && (c->tasks & d->tasks) == d->tasks &&
	       c->replica_usd_per_hour <= d->replica_usd_per_hour &&
	       c->sec_per_request <= d->sec_per_request;
}

/* g is no better than h for any model: h is in the same class, costs no more per hour,
 * and has at least its memory, bandwidth, throughput at every precision, interconnect
 * and node size. The same GPU offered by several providers collapses to the cheapest. */
static bool gpu_dominated(const struct cost_model *cm, const struct gpu *g, const struct gpu *h)
{
	double ug = g->usable_fraction > 0 ? g->usable_fraction : cm->usable_fraction;
	double uh = h->usable_fraction > 0 ? h->usable_fraction : cm->usable_fraction;
	double pg = g->prefill_efficiency > 0 ? g->prefill_efficiency : cm->prefill_efficiency;
	double ph = h->prefill_efficiency > 0 ? h->prefill_efficiency : cm->prefill_efficiency;

	return h->rates[RATE_ON_DEMAND].present && (g->kind == GPU_EDGE) == (h->kind == GPU_EDGE) &&
	       h->rates[RATE_ON_DEMAND].usd_per_hour <= g->rates[RATE_ON_DEMAND].usd_per_hour && h->memory_gb * uh >= g->memory_gb * ug &&
	       h->bandwidth_gbs >= g->bandwidth_gbs && h->fp16_tflops * ph >= g->fp16_tflops * pg &&
	       h->bf16_tflops * ph >= g->bf16_tflops * pg && h->fp8_tflops * ph >= g->fp8_tflops * pg &&
	       h->int8_tops >= g->int8_tops && h->interconnect_gbs >= g->interconnect_gbs &&
	       h->max_per_node >= g->max_per_node;
}

/* The GPUs worth sizing for self-hosting: priced, not edge, not dominated by another. */
static bool gpu_worth_sizing(const struct catalog *c, int gi)
{
	const struct gpu *g = &c->gpus[gi];

	if (g->kind == GPU_EDGE || !g->rates[RATE_ON_DEMAND].present)
		return false;
	for (int hi = 0; hi < c->n_gpus; hi++) {
		const struct gpu *h = &c->gpus[hi];
		/* Of two identical GPUs keep the first. */
		if (hi != gi && gpu_dominated(&c->cost, g, h) && (!gpu_dominated(&c->cost, h, g) || hi < gi))
			return false;
	}
	return true;
}

/* A precision whose twin takes the same memory, runs at least as fast on this GPU and
 * is allowed for every task that allows it can never be cheaper: fp16 beside bf16,
 * weight-only int8 beside fp8 (fp8 also runs prefill on its faster units). */
static bool precision_redundant(const struct catalog *c, const struct gpu *g, enum precision p)
{
	uint32_t tp = tasks_allowing(c, p);

	if (p == PREC_FP16)
		return g->bf16_tflops >= g->fp16_tflops && (tasks_allowing(c, PREC_BF16) & tp) == tp &&
		       c->cost.bytes_per_param[PREC_BF16] <= c->cost.bytes_per_param[PREC_FP16];
	if (p == PREC_INT8)
		return g->fp8_tflops >= fmax(g->bf16_tflops, g->fp16_tflops) &&
		       (tasks_allowing(c, PREC_FP8) & tp) == tp &&
		       c->cost.bytes_per_param[PREC_FP8] <= c->cost.bytes_per_param[PREC_INT8];
	return false;
}


static bool model_dom(const void *ctx, const struct candidate *c, const struct candidate *d)
{
	(void)ctx;
	return dominates(c, d);
}

/* Size one model at every (GPU, precision) of sizable[] (bit per precision, per GPU)
 * and keep its Pareto-efficient configurations. */
static void prepare_model(struct eval_state *s, const struct model *m, const uint32_t *sizable)
{
	const struct catalog *c = s->c;
	int first = s->n_cands;

	for (int gi = 0; gi < c->n_gpus; gi++)
		for (int p = 0; sizable[gi] >> p; p++)
			if ((sizable[gi] & 1u << p) &&
			    size_candidate(c, &s->a, m, &c->gpus[gi], (enum precision)p, next_slot(&s->cands, s->n_cands)))
				s->n_cands++;
	s->n_cands = first + frontier(s->cands + first, s->n_cands - first, s->cands + first, model_dom, NULL);
}

/* Per GPU, the precisions worth sizing (bit per precision): none for a GPU another
 * dominates, and none some task's policy allows only beside a faster twin. */
static uint32_t *sizable_precisions(const struct catalog *c, uint32_t precs)
{
	uint32_t *sizable = xcalloc((size_t)c->n_gpus + 1, sizeof *sizable);

	for (int gi = 0; gi < c->n_gpus; gi++) {
		if (!gpu_worth_sizing(c, gi))
			continue;
		for (int p = 0; p < PREC_COUNT; p++)
			if ((precs & 1u << p) && !precision_redundant(c, &c->gpus[gi], (enum precision)p))
				sizable[gi] |= 1u << p;
	}
	return sizable;
}

struct use_ctx {
	bool hidden_le[SIZE_COUNT][SIZE_COUNT];   /* size a's hidden costs ≤ size b's at every ML-ops level */
};

/* Pools of this many candidates or more get per-use lists (below it, scanning the
 * pool in tier order costs less than making them). A variable only so that the tests
 * can check both ways give the same verdict. */
static int use_lists_from = 1024;

int eval_use_lists_from(int n)
{
	int was = use_lists_from;

	use_lists_from = n;
	return was;
}

/* Within one use, c is never costlier than d whatever the ML-ops level, traffic, tuning
 * answer and licence gates, at any volume: a replica costs no more (and serves no
 * slower: the sweep checks), and c's tier, licence limits, hidden costs and tuning
 * compute (active parameters) are no worse. A dominator later in catalog order must
 * be strictly cheaper per replica-hour: picks keep the first of equal costs. */
static bool use_dominates(const struct use_ctx *x, const struct candidate *c, const struct candidate *d)
{
	return (c < d || c->replica_usd_per_hour < d->replica_usd_per_hour) &&
	       c->replica_usd_per_hour <= d->replica_usd_per_hour && c->tier <= d->tier &&
	       x->hidden_le[c->size][d->size] && c->model->shape.active_params <= d->model->shape.active_params &&
	       (!c->mau_gated || d->mau_gated) && (!c->nc_gated || d->nc_gated);
}

static void use_ctx_init(const struct cost_model *cm, struct use_ctx *x)
{
	for (int a = 0; a < SIZE_COUNT; a++)
		for (int b = 0; b < SIZE_COUNT; b++) {
			x->hidden_le[a][b] = true;
			for (int k = 0; k < MLOPS_COUNT; k++)
				x->hidden_le[a][b] &= hidden_total(cm, k, (enum size_class)a) <=
						      hidden_total(cm, k, (enum size_class)b);
		}
}


static int by_index(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Use u's list (USE_SINGLE, USE_MULTI: the task asked on that class; USE_SIMPLE: the
 * hybrid's simple share): the candidates it may use that no other beats under any
 * answer to the choice questions but the task. A frontier sweep over order (every
 * candidate, sorted once for the three uses), skipping those the use can't take. */
static void prepare_use(struct eval_state *s, int u, const struct use_ctx *x, const struct sweep_key *order)
{
	int task = u == USE_SIMPLE ? TASK_EXTRACTION : s->a.task, n_kept = 0;
	int *kept = xreallocarray(NULL, (size_t)s->n_cands + 1, sizeof *kept);

	for (int i = 0; i < s->n_cands; i++) {
		int ci = order[i].index;
		const struct candidate *d = &s->cands[ci];
		bool dominated = false;
		if (!(d->tasks & 1u << task) || (u != USE_SIMPLE && d->single != (u == USE_SINGLE)))
			continue;
		for (int j = 0; j < n_kept && !dominated; j++) {
			const struct candidate *c = &s->cands[kept[j]];
			dominated = c->sec_per_request <= d->sec_per_request && use_dominates(x, c, d);
			if (dominated && j > 0) {   /* move the dominator forward: it is likely to dominate the next */
				int t = kept[j];
				kept[j] = kept[j - 1];
				kept[j - 1] = t;
			}
		}
		if (!dominated)
			kept[n_kept++] = ci;
	}
	qsort(kept, (size_t)n_kept, sizeof *kept, by_index);   /* back to catalog order */
	s->use_task[u] = task;
	s->use[u] = xreallocarray(NULL, (size_t)n_kept + 1, sizeof *s->use[u]);
	s->n_use[u] = n_kept;
	for (int j = 0; j < n_kept; j++)
		s->use[u][j] = s->cands[kept[j]];
	free(kept);
}

/* The candidates' indices by tier (counting sort: stable, so catalog order within one). */
static void order_by_tier(struct eval_state *s)
{
	int at[MAX_TIER + 2] = { 0 };

	s->tier_order = xcalloc((size_t)s->n_cands + 1, sizeof *s->tier_order);
	for (int i = 0; i < s->n_cands; i++)
		s->tier_end[s->cands[i].tier]++;
	for (int k = 1; k <= MAX_TIER; k++)
		s->tier_end[k] += s->tier_end[k - 1];
	for (int k = 1; k <= MAX_TIER; k++)
		at[k] = s->tier_end[k - 1];
	for (int i = 0; i < s->n_cands; i++)
		s->tier_order[at[s->cands[i].tier]++] = i;
}

/* Candidates for every precision any task allows: one preparation serves every task
 * (best_self filters by the task's precisions). Twins share their original's. */
struct eval_state *eval_prepare(const struct catalog *c, const struct answers *a)
{
	struct eval_state *s = xcalloc(1, sizeof *s);
	uint32_t precs = 0;
	int *twin = model_twins(c);
	int *edge = xcalloc((size_t)c->n_gpus + 1, sizeof *edge), n_edge = edge_by_memory(c, edge);
	uint32_t *sizable;

	for (int k = 0; k < TASK_COUNT; k++)
		precs |= c->policy.precisions[k];
	sizable = sizable_precisions(c, precs);
	s->c = c;
	s->a = *a;
	s->first = xcalloc((size_t)c->n_models + 1, sizeof *s->first);
	s->count = xcalloc((size_t)c->n_models + 1, sizeof *s->count);
	s->api = xcalloc((size_t)c->n_models + 1, sizeof *s->api);
	s->train_gpu = training_gpu(c);
	for (int mi = 0; mi < c->n_models; mi++) {
		const struct model *m = &c->models[mi];
		if (twin[mi] != mi) {
			s->first[mi] = s->first[twin[mi]];
			s->count[mi] = s->count[twin[mi]];
			continue;
		}
		if (m->api.present)
			s->api[s->n_api++] = m;
		s->first[mi] = s->n_cands;
		if (!model_is_open(m))
			continue;
		prepare_model(s, m, sizable);
		s->count[mi] = s->n_cands - s->first[mi];
		prepare_edge(s, m, allowed_precisions(c, a, true), edge, n_edge);
	}
	order_by_tier(s);
	for (int u = 0; u < USE_COUNT; u++) {
		s->use[u] = s->cands;
		s->n_use[u] = s->n_cands;
		s->use_task[u] = -1;   /* any task: every candidate */
	}
	if (s->n_cands >= use_lists_from) {
		struct use_ctx ux;
		struct sweep_key *order = sweep_order(s->cands, s->n_cands);
		use_ctx_init(&c->cost, &ux);
		for (int u = 0; u < USE_COUNT; u++)
			prepare_use(s, u, &ux, order);
		free(order);
	}
	free(sizable);
	free(edge);
	free(twin);
	return s;
}

void eval_state_free(struct eval_state *s)
{
	if (s == NULL)
		return;
	for (int u = 0; u < USE_COUNT; u++)
		if (s->use[u] != s->cands)
			free(s->use[u]);
	free(s->cands);
	free(s->tier_order);
	free(s->edge);
	free(s->first);
	free(s->count);
	free(s->api);
	free(s);
}
