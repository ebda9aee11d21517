/* catalog_items.c — the items of a catalog list read into entries, on several
 * threads when the list is long (see read_items in catalog_load.h).
 *
 * Each thread reads a contiguous run of items with its own error and stops at
 * its first bad item; the runs are in list order, so the first failure of the
 * first run that failed is the error one thread reading the whole list reports. */
#include <string.h>

#include "catalog_load.h"
#include "parallel.h"

/* Below this a list is read on one thread: an item takes a few µs (make bench:
 * catalog_load_ms_10k_one_thread - yaml_events_ms_10k is 75 ms for the tree,
 * reads, indexes and hash of 10,000 models), a thread about 25 µs to start and
 * join (thread_start_join_us), and the shipped lists have at most a few hundred
 * items. */
#define PARALLEL_MIN_ITEMS 1024

struct items_job {
	const struct loadctx *lc;
	const struct list_spec *s;
	const struct ynode *list;
	char *entries;
	int runs;
	size_t bad[PARALLEL_MAX];          /* each run's first bad item, or its end */
	struct ow_error err[PARALLEL_MAX];
};

static size_t run_start(const struct items_job *j, int run)
{
	return j->list->n * (size_t)run / (size_t)j->runs;
}

static void read_run(void *ctx, int run)
{
	struct items_job *j = ctx;
	/* Readers touch only the file name, the overlay flag and their error. */
	struct loadctx lc = { .r = { j->lc->r.file, &j->err[run] }, .overlay = j->lc->overlay };
	size_t end = run_start(j, run + 1);

	j->bad[run] = end;
	for (size_t i = run_start(j, run); i < end; i++) {
		void *slot = j->entries + i * j->s->size;
		if (j->s->parse(&lc, j->list->items[i], slot) != 0) {
			j->s->free_entry(slot);
			j->bad[run] = i;
			return;
		}
	}
}

size_t read_items(struct loadctx *lc, const struct list_spec *s, const struct ynode *list, char *entries)
{
	struct items_job j = { .lc = lc, .s = s, .list = list, .entries = entries, .runs = 1 };
	int failed = -1;

	if (list->n >= PARALLEL_MIN_ITEMS)   /* asks the system only for long lists */
		j.runs = parallel_threads();
	parallel_run(j.runs, read_run, &j);
	for (int run = 0; run < j.runs && failed < 0; run++)
		if (j.bad[run] < run_start(&j, run + 1))
			failed = run;
	if (failed < 0)
		return list->n;
	*lc->r.e = j.err[failed];
	/* What later runs read will not be merged. */
	for (int run = failed + 1; run < j.runs; run++)
		for (size_t i = run_start(&j, run); i < j.bad[run]; i++)
			s->free_entry(entries + i * s->size);
	return j.bad[failed];
}
