/* parallel.c — one job's independent pieces on several threads (see parallel.h). */
#include "parallel.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static int tuned;

void parallel_tune(int threads)
{
	tuned = threads < 0 ? 0 : threads > PARALLEL_MAX ? PARALLEL_MAX : threads;
}

int parallel_threads(void)
{
	long cpus;

	if (tuned)
		return tuned;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus < 1 ? 1 : cpus > 4 ? 4 : (int)cpus;
}

struct piece {
	void (*fn)(void *ctx, int i);
	void *ctx;
	int i;
};

static void *run_piece(void *arg)
{
	struct piece *p = arg;

	p->fn(p->ctx, p->i);
	return NULL;
}

void parallel_run(int n, void (*fn)(void *ctx, int i), void *ctx)
{
	pthread_t tid[PARALLEL_MAX];
	struct piece pieces[PARALLEL_MAX];
	int started[PARALLEL_MAX] = { 0 };
	sigset_t all, old;

	/* Workers start with every signal blocked: SIGINT and SIGWINCH reach this thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (int i = 1; i < n && i < PARALLEL_MAX; i++) {
		pieces[i] = (struct piece){ fn, ctx, i };
		started[i] = pthread_create(&tid[i], NULL, run_piece, &pieces[i]) == 0;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (n > 0)
		fn(ctx, 0);
	for (int i = PARALLEL_MAX; i < n; i++)
		fn(ctx, i);
	for (int i = 1; i < n && i < PARALLEL_MAX; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			fn(ctx, i);
	}
}
