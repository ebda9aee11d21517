/* candidates.c — the ways to self-host that evaluate() chooses among: every open
 * model sized on every GPU worth sizing at every allowed precision, pruned to the
 * configurations that can ever be cheapest, plus one edge device per model. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evalint.h"
#include "twins.h"
#include "util.h"

int tier_shortfall(const struct catalog *c, const struct answers *a, const struct model *m)
{
	int need = c->policy.required_tier[a->task];
	return m->quality_tier > need ? m->quality_tier - need : 0;
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
	cd->replica_usd_per_hour = g->has_price ? g->usd_per_hour * (double)f.gpu_count : 0;
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
	if (!ok || !g->has_price)
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

	return h->has_price && (g->kind == GPU_EDGE) == (h->kind == GPU_EDGE) &&
	       h->usd_per_hour <= g->usd_per_hour && h->memory_gb * uh >= g->memory_gb * ug &&
	       h->bandwidth_gbs >= g->bandwidth_gbs && h->fp16_tflops * ph >= g->fp16_tflops * pg &&
	       h->bf16_tflops * ph >= g->bf16_tflops * pg && h->fp8_tflops * ph >= g->fp8_tflops * pg &&
	       h->int8_tops >= g->int8_tops && h->interconnect_gbs >= g->interconnect_gbs &&
	       h->max_per_node >= g->max_per_node;
}

/* The GPUs worth sizing for self-hosting: priced, not edge, not dominated by another. */
static bool gpu_worth_sizing(const struct catalog *c, int gi)
{
	const struct gpu *g = &c->gpus[gi];

	if (g->kind == GPU_EDGE || !g->has_price)
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

enum dom_kind { DOM_MODEL, DOM_NARROW };
static int frontier(const struct candidate *arr, int n, struct candidate *out, enum dom_kind kind,
		    const void *ctx);

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
	s->n_cands = first + frontier(s->cands + first, s->n_cands - first, s->cands + first, DOM_MODEL, NULL);
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
static void use_ctx_init(const struct cost_model *cm, struct use_ctx *x);
static bool use_dominates(const struct use_ctx *x, const struct candidate *c, const struct candidate *d);

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

struct sweep_key;
static struct sweep_key *sweep_order(const struct candidate *arr, int n);
static int sweep_index(const struct sweep_key *k, int i);

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
		int ci = sweep_index(order, i);
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
	s->ft_usd_per_param = finetune_usd_per_param(c, a, s->train_gpu);
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
	s->pool = s->cands;   /* every choice picks from all of them */
	s->n_pool = s->n_cands;
	for (int u = 0; u < USE_COUNT; u++) {
		s->use[u] = s->cands;
		s->n_use[u] = s->n_cands;
		s->use_task[u] = -1;   /* any task: the whole pool */
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

/* ---- the frontier sweep ---------------------------------------------------------- */

static double hidden_sum(const struct cost_model *cm, int mlops, enum size_class size)
{
	const struct hidden_costs *h = &cm->hidden[mlops][size];
	return h->engineering + h->orchestration + h->monitoring;
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
				x->hidden_le[a][b] &= hidden_sum(cm, k, (enum size_class)a) <=
						      hidden_sum(cm, k, (enum size_class)b);
		}
}

struct sweep_key {
	double usd, sec;
	int tasks;   /* tasks allowed: more first */
	int index;
};

/* Order for the frontier sweeps: cheaper replicas first, then faster, then allowed for
 * more tasks, then catalog order: a dominator comes before what it dominates. */
static bool sweep_before(const struct sweep_key *a, const struct sweep_key *b)
{
	if (a->usd != b->usd)
		return a->usd < b->usd;
	if (a->sec != b->sec)
		return a->sec < b->sec;
	if (a->tasks != b->tasks)
		return a->tasks > b->tasks;
	return a->index < b->index;
}

static int tasks_count(uint32_t tasks)
{
	int n = 0;

	for (; tasks; tasks &= tasks - 1)
		n++;
	return n;
}

/* Stable merge of k[0..mid) and k[mid..n) through tmp. */
static void sweep_merge(struct sweep_key *k, int mid, int n, struct sweep_key *tmp)
{
	int i = 0, j = mid, o = 0;

	while (i < mid && j < n)
		tmp[o++] = sweep_before(&k[j], &k[i]) ? k[j++] : k[i++];
	while (i < mid)
		tmp[o++] = k[i++];
	while (j < n)
		tmp[o++] = k[j++];
	memcpy(k, tmp, (size_t)n * sizeof *k);
}

static void sweep_sort_with(struct sweep_key *k, int n, struct sweep_key *tmp)
{
	if (n > 32) {   /* many: sort the halves, merge */
		sweep_sort_with(k, n / 2, tmp);
		sweep_sort_with(k + n / 2, n - n / 2, tmp);
		sweep_merge(k, n / 2, n, tmp);
		return;
	}
	for (int i = 1; i < n; i++) {   /* few (one model's configurations): insertion sort */
		struct sweep_key x = k[i];
		int j = i;
		for (; j > 0 && sweep_before(&x, &k[j - 1]); j--)
			k[j] = k[j - 1];
		k[j] = x;
	}
}

static void sweep_sort(struct sweep_key *k, int n)
{
	struct sweep_key *tmp = n > 32 ? xreallocarray(NULL, (size_t)n, sizeof *tmp) : NULL;

	sweep_sort_with(k, n, tmp);
	free(tmp);
}

static struct sweep_key sweep_key_of(const struct candidate *c, int index)
{
	return (struct sweep_key){ c->replica_usd_per_hour, c->sec_per_request, tasks_count(c->tasks), index };
}

/* arr[0..n) in sweep order; free() it. */
static struct sweep_key *sweep_order(const struct candidate *arr, int n)
{
	struct sweep_key *k = xreallocarray(NULL, (size_t)n + 1, sizeof *k);

	for (int i = 0; i < n; i++)
		k[i] = sweep_key_of(&arr[i], i);
	sweep_sort(k, n);
	return k;
}

static int sweep_index(const struct sweep_key *k, int i)
{
	return k[i].index;
}

struct narrow_ctx;
static bool narrow_dom(const struct narrow_ctx *x, const struct candidate *c, const struct candidate *d);

static inline bool dominated_by(enum dom_kind kind, const void *ctx, const struct candidate *c,
				const struct candidate *d)
{
	switch (kind) {
	case DOM_MODEL: return dominates(c, d);
	case DOM_NARROW: return narrow_dom(ctx, c, d);
	}
	return false;
}

/* Keep, in catalog order, the candidates of arr[0..n) no other dominates, into out
 * (which may be arr). Sorted, each is checked against the kept ones only: dominance
 * is transitive. Returns how many were kept. Of two equal in every respect the first
 * stays. */
static int frontier(const struct candidate *arr, int n, struct candidate *out, enum dom_kind kind,
		    const void *ctx)
{
	struct sweep_key order_buf[64], *order = n <= 64 ? order_buf : xreallocarray(NULL, (size_t)n, sizeof *order);
	const struct candidate *kept_buf[64], **kept = n <= 64 ? kept_buf : xreallocarray(NULL, (size_t)n, sizeof *kept);
	bool keep_buf[64], *keep = n <= 64 ? keep_buf : xreallocarray(NULL, (size_t)n, sizeof *keep);
	int n_kept = 0, n_out = 0;

	for (int i = 0; i < n; i++) {
		order[i] = sweep_key_of(&arr[i], i);
		keep[i] = false;
	}
	sweep_sort(order, n);
	for (int i = 0; i < n; i++) {
		const struct candidate *d = &arr[order[i].index];
		bool dominated = false;
		for (int j = 0; j < n_kept && !dominated; j++)
			dominated = kept[j]->sec_per_request <= d->sec_per_request && dominated_by(kind, ctx, kept[j], d);
		if (!dominated) {
			kept[n_kept++] = d;
			keep[order[i].index] = true;
		}
	}
	for (int i = 0; i < n; i++)
		if (keep[i])
			out[n_out++] = arr[i];
	if (n > 64) {
		free(order);
		free(kept);
		free(keep);
	}
	return n_out;
}

/* ---- narrowing: for one set of answers, at any volume ------------------------------- */

/* What decides between two candidates of one use for fixed answers: the use's tier
 * shortfall being the least for all, the fixed costs a month (hidden costs and
 * fine-tuning) beside the replica's price and speed. */
struct narrow_key {
	double fixed;
};

struct narrow_ctx {
	const struct candidate *base;
	const struct narrow_key *k;
};

/* c is at least as good as d at every volume: fixed and per-replica costs no higher,
 * serving rate no lower (the frontier sweep checks the speed). */
static bool narrow_dom(const struct narrow_ctx *x, const struct candidate *c, const struct candidate *d)
{
	return x->k[c - x->base].fixed <= x->k[d - x->base].fixed &&
	       c->replica_usd_per_hour <= d->replica_usd_per_hour;
}

/* The API models that can be cheapest at some volume: an API charge is volume × a
 * per-request price, so only the least shortfall at (within rounding of) the lowest
 * price can win; with the hybrid's share the same answers pick the same model. */
static void narrow_api(const struct eval_state *s, const struct answers *a, struct eval_state *n)
{
	int best_sf = INT32_MAX;
	double best = INFINITY, in, out;

	for (int i = 0; i < s->n_api; i++) {
		int sf = tier_shortfall(s->c, a, s->api[i]);
		api_effective_prices(&s->api[i]->api, a, &in, &out);
		double per = token_cost(in, out, a, 1);
		if (sf < best_sf || (sf == best_sf && per < best)) {
			best_sf = sf;
			best = per;
		}
	}
	n->api = xcalloc((size_t)s->n_api + 1, sizeof *n->api);
	n->n_api = 0;
	for (int i = 0; i < s->n_api; i++) {
		api_effective_prices(&s->api[i]->api, a, &in, &out);
		if (tier_shortfall(s->c, a, s->api[i]) == best_sf && token_cost(in, out, a, 1) <= best * (1 + 1e-9))
			n->api[n->n_api++] = s->api[i];
	}
}

/* Can use u (USE_SINGLE, USE_MULTI: the task on that class; USE_SIMPLE: the hybrid's
 * simple share, either class) choose c with these answers and gates? */
static bool usable_for(const struct candidate *c, int u, const struct answers *a, bool gate_mau, bool gate_nc)
{
	int task = u == USE_SIMPLE ? TASK_EXTRACTION : a->task;

	if ((gate_mau && c->mau_gated) || (gate_nc && c->nc_gated) || !(c->tasks & 1u << task))
		return false;
	return u == USE_SIMPLE || c->single == (u == USE_SINGLE);
}

/* Use u's choices among the pool at any volume: usable, of the least tier shortfall
 * (a choice settles the shortfall before comparing costs), and on the frontier of
 * fixed cost, replica price and speed. */
static void narrow_use(const struct eval_state *s, const struct answers *a, int u, bool gate_mau,
		       bool gate_nc, struct eval_state *n)
{
	int need = s->c->policy.required_tier[u == USE_SIMPLE ? TASK_EXTRACTION : a->task];
	int least = INT32_MAX, m = 0;
	struct candidate *few = xreallocarray(NULL, (size_t)s->n_use[u] + 1, sizeof *few);
	struct narrow_key *k = xreallocarray(NULL, (size_t)s->n_use[u] + 1, sizeof *k);
	struct narrow_ctx ctx = { few, k };

#define SF(c) ((c)->tier > need ? (c)->tier - need : 0)
	for (int i = 0; i < s->n_use[u]; i++)
		if (usable_for(&s->use[u][i], u, a, gate_mau, gate_nc) && SF(&s->use[u][i]) < least)
			least = SF(&s->use[u][i]);
	for (int i = 0; i < s->n_use[u]; i++) {
		const struct candidate *c = &s->use[u][i];
		if (!usable_for(c, u, a, gate_mau, gate_nc) || SF(c) != least)
			continue;
		k[m].fixed = hidden_sum(&s->c->cost, a->mlops, c->size) + model_finetune_usd(s, c->model);
		few[m++] = *c;
	}
#undef SF
	n->use[u] = xreallocarray(NULL, (size_t)m + 1, sizeof *n->use[u]);
	n->n_use[u] = frontier(few, m, n->use[u], DOM_NARROW, &ctx);
	free(few);
	free(k);
}

/* The offers that can be cheapest at some volume: usable, of the least tier shortfall,
 * and not beaten on both the per-request charge and the fixed tuning compute by one
 * before it (or strictly by any). */
static void narrow_offers(const struct eval_state *s, const struct answers *a, bool gate_mau,
			  struct eval_state *n)
{
	const struct catalog *c = s->c;
	int total = 0, least = INT32_MAX, k = 0;

	for (int i = 0; i < c->n_providers; i++)
		total += c->providers[i].n_offers;
	const struct offer **of = xcalloc((size_t)total + 1, sizeof *of);
	const struct provider **pr = xcalloc((size_t)total + 1, sizeof *pr);
	double *per = xcalloc((size_t)total + 1, sizeof *per), *fixed = xcalloc((size_t)total + 1, sizeof *fixed);

	for (int i = 0; i < c->n_providers; i++)
		for (int j = 0; j < c->providers[i].n_offers; j++)
			if (offer_allowed(&c->providers[i], &c->providers[i].offers[j], a, gate_mau)) {
				of[k] = &c->providers[i].offers[j];
				pr[k] = &c->providers[i];
				per[k] = token_cost(of[k]->input, of[k]->output, a, 1);
				fixed[k] = model_finetune_usd(s, of[k]->model);
				int sf = tier_shortfall(c, a, of[k]->model);
				least = sf < least ? sf : least;
				k++;
			}
	n->offers = xcalloc((size_t)k + 1, sizeof *n->offers);
	n->offer_providers = xcalloc((size_t)k + 1, sizeof *n->offer_providers);
	n->n_offers = 0;
	for (int i = 0; i < k; i++) {
		bool beaten = tier_shortfall(c, a, of[i]->model) != least;
		for (int j = 0; j < k && !beaten; j++)
			beaten = j != i && tier_shortfall(c, a, of[j]->model) == least && per[j] <= per[i] &&
				 fixed[j] <= fixed[i] && (j < i || (per[j] < per[i] && fixed[j] < fixed[i]));
		if (!beaten) {
			n->offers[n->n_offers] = of[i];
			n->offer_providers[n->n_offers++] = pr[i];
		}
	}
	free(of);
	free(pr);
	free(per);
	free(fixed);
}

struct eval_state *eval_narrow(const struct eval_state *s, const struct answers *a, bool gate_mau,
			       bool gate_nc)
{
	struct eval_state *n = xcalloc(1, sizeof *n);
	struct plan *edge = xcalloc(1, sizeof *edge);

	*n = *s;
	for (int u = 0; u < USE_COUNT; u++)
		narrow_use(s, a, u, gate_mau, gate_nc, n);
	narrow_api(s, a, n);
	narrow_offers(s, a, gate_mau, n);
	best_plan(s, a, ARCH_ON_DEVICE, 0, gate_mau, gate_nc, edge);
	n->edge_plan = edge;
	return n;
}

void eval_narrow_free(struct eval_state *n)
{
	if (n == NULL)
		return;
	for (int u = 0; u < USE_COUNT; u++)
		free(n->use[u]);
	free(n->api);
	free(n->offers);
	free(n->offer_providers);
	free((struct plan *)n->edge_plan);
	free(n);
}
