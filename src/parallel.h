/* parallel.h — one job's independent pieces on several threads.
 *
 * Used where a large catalog would keep the user waiting (the YAML parse of a
 * long list, the reading of its items); every caller also works, and gives the
 * same result, on one thread. */
#ifndef OW_PARALLEL_H
#define OW_PARALLEL_H

/* Threads worth using: the online CPUs, at most 4, or what parallel_tune set.
 * The cap is a choice, not a measurement (the bench machine has 2 cores): one
 * catalog read should not take over a shared bastion host. */
int parallel_threads(void);
/* Run fn(ctx, i) for i in [0, n): 0 on this thread, the others on their own
 * threads (or here too when a thread cannot start); returns when all are done.
 * Pieces past PARALLEL_MAX run on this thread. Signals stay with this thread. */
#define PARALLEL_MAX 8
void parallel_run(int n, void (*fn)(void *ctx, int i), void *ctx);
/* For the benchmark and tests: use this many threads (0: the default). */
void parallel_tune(int threads);

#endif
