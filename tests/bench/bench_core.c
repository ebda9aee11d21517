/* bench_core.c — `make bench`'s core measures: evaluate() on the shipped catalog and
 * the sizing of every candidate it repeats per request shape; the load and evaluate()
 * of a 2,000-model catalog, the size a price import brings (genai-prices' data.json
 * has about 1,300 model entries): the shipped catalog plus closed API models, each
 * its own price. Prints one JSON object of medians.
 * Usage: bench_core CATALOG_DIR ANSWERS_FILE [N: only write an N-model catalog and print its folder] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "answers.h"
#include "engine.h"
#include "evaluate.h"
#include "util.h"

#define RUNS 7
#define IMPORT_SIZE 2000

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* Median µs of one evaluate(): each run times `reps` evaluations. */
static double time_evaluate(const struct catalog *c, const struct answers *a, int reps)
{
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		double t0 = now_us();
		for (int i = 0; i < reps; i++)
			verdict_free(evaluate(c, a));
		t[r] = (now_us() - t0) / reps;
	}
	return median(t, RUNS);
}

/* Median µs of sizing every candidate once for a's request shape (engine_init), the
 * step evaluate() repeats for each request shape it decides (the answers, and the
 * flips and sensitivities that change the latency targets or the output length);
 * *count gets how many candidates that sizes into. */
static double time_sizing(const struct catalog *c, const struct answers *a, int *count)
{
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		struct engine e;
		double t0 = now_us();
		engine_init(&e, c, a);
		t[r] = now_us() - t0;
		*count = e.cands.dedicated.n;
		for (int k = 0; k < CLASS_COUNT; k++)
			*count += e.cands.set[k].n;
		engine_free(&e);
	}
	return median(t, RUNS);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

/* An overlay of n closed API models, as an import writes them: distinct prices
 * (0.05 .. 30 USD per 1M input tokens, output 4x), tiers 1 .. 4. */
static char *import_overlay(int n)
{
	char tmpl[] = "/tmp/owbench-XXXXXX";
	char *dir = mkdtemp(tmpl);
	struct strbuf sb;

	if (dir == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	sb_init(&sb);
	sb_add(&sb, "openweigh_catalog: 1\nmodels:\n");
	for (int i = 0; i < n; i++) {
		double in = 0.05 + (double)((i * 7919) % 3000) / 100.0;
		sb_addf(&sb, "  - {id: imported-%04d, name: I%d, family: imported, vendor: V, openness: closed, "
			"licence: proprietary-api, quality_tier: %d, context_tokens: 128000, api: {provider: x, "
			"input: %.4f, output: %.4f, source: synthetic, as_of: 2026-11-01}}\n",
			i, i, 1 + i % 4, in, 4 * in);
	}
	write_file(dir, "models.yaml", sb.s);
	sb_free(&sb);
	return xstrdup(dir);
}

static void remove_overlay(char *dir)
{
	char path[4200];

	snprintf(path, sizeof path, "%s/models.yaml", dir);
	unlink(path);
	rmdir(dir);
	free(dir);
}

/* Median ms of catalog_load(shipped + overlay, when not NULL); the last catalog is
 * left in *out. */
static double time_load(const char *shipped, const char *overlay, struct catalog **out)
{
	double t[RUNS];
	const char *ovs[1] = { overlay };
	int n_ovs = overlay != NULL;
	struct catalog *c = NULL;
	struct ow_error e;

	for (int r = 0; r < RUNS; r++) {
		double t0;
		catalog_free(c);        /* the previous run's, outside the timing */
		t0 = now_us();
		c = catalog_load(shipped, ovs, n_ovs, &e);
		t[r] = (now_us() - t0) / 1e3;
		if (c == NULL) {
			char buf[2048];
			ow_error_format(&e, buf, sizeof buf);
			fprintf(stderr, "bench: import-sized catalog: %s\n", buf);
			exit(2);
		}
	}
	*out = c;
	return median(t, RUNS);
}

int main(int argc, char **argv)
{
	struct ow_error e;
	struct answers a;
	struct catalog *c, *big;
	char real[4096], *overlay;
	int extra, sized;

	if (argc < 3 || argc > 4 || realpath(argv[1], real) == NULL) {
		fprintf(stderr, "usage: bench_core CATALOG_DIR ANSWERS_FILE [N]\n");
		return 2;
	}
	c = catalog_load(real, NULL, 0, &e);
	if (c == NULL || answers_load(argv[2], &a, &e) != 0) {
		fprintf(stderr, "bench: %s: %s\n", e.file, e.msg);
		return 2;
	}
	extra = (argc == 4 ? atoi(argv[3]) : IMPORT_SIZE) - c->n_models;
	overlay = import_overlay(extra > 0 ? extra : 0);
	if (argc == 4) {   /* N: write the overlay, print its folder, keep it (for profiling) */
		puts(overlay);
		free(overlay);
		catalog_free(c);
		return 0;
	}
	printf("{\n  \"evaluate_us_shipped\": %.0f,\n", time_evaluate(c, &a, 20));
	printf("  \"sizing_us_shipped\": %.0f,\n", time_sizing(c, &a, &sized));
	printf("  \"candidates_shipped\": %d,\n", sized);
	printf("  \"catalog_load_ms_shipped\": %.2f,\n", time_load(real, NULL, &big));
	catalog_free(big);
	printf("  \"catalog_load_ms_2k\": %.1f,\n", time_load(real, overlay, &big));
	printf("  \"models_2k\": %d,\n", big->n_models);
	printf("  \"evaluate_us_2k\": %.0f,\n", time_evaluate(big, &a, 2));
	printf("  \"models_shipped\": %d\n}\n", c->n_models);
	catalog_free(big);
	catalog_free(c);
	remove_overlay(overlay);
	return 0;
}
