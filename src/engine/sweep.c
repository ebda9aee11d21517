/* sweep.c — Pareto frontiers of candidates by one sweep: sorted so that anything that
 * can dominate a candidate comes before it, each is checked against the kept only. */
#include "sweep.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

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

struct sweep_key *sweep_order(const struct candidate *arr, int n)
{
	struct sweep_key *k = xreallocarray(NULL, (size_t)n + 1, sizeof *k);

	for (int i = 0; i < n; i++)
		k[i] = sweep_key_of(&arr[i], i);
	sweep_sort(k, n);
	return k;
}

int frontier(const struct candidate *arr, int n, struct candidate *out, dominates_fn dom, const void *ctx)
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
			dominated = kept[j]->sec_per_request <= d->sec_per_request && dom(ctx, kept[j], d);
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
