/* bench_core.c — `make bench`'s core measures: evaluate() on the shipped catalog,
 * and catalog loading and evaluate() on synthetic catalogs of 100, 1,000 and 10,000
 * models with 200 GPUs, generated here from the shipped entries. The shipped entries
 * repeat (as fine-tunes of a few bases do), so evaluate() meets many twins; the
 * "distinct" 10,000 gives every model its own parameter count and price, the worst
 * case. Beside the load, the same load on one thread, the load's CPU time (every
 * thread), and libyaml alone on the same models.yaml: what one thread cannot go
 * under; and what starting a thread costs. Prints one JSON object of medians.
 * Usage: bench_core CATALOG_DIR ANSWERS_FILE [N [distinct]] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "answers.h"
#include "evaluate.h"
#include "twins.h"
#include "util.h"
#include "parallel.h"

#define RUNS 7

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* CPU time of the whole process (every thread), in µs. */
static double cpu_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
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

/* One synthetic open model: a shipped shape under a new id, flow style. */
/* distinct: every model its own parameter count (and so its own footprint). */
static void synth_open(struct strbuf *sb, const struct model *m, int i, bool distinct)
{
	long long bump = distinct ? (long long)i * 1000 : 0;
	const struct shape *s = &m->shape;

	sb_addf(sb, "  - {id: syn-%05d, name: S%d, family: syn, vendor: V, openness: %s, licence: %s, "
		"quality_tier: %d, context_tokens: %lld, shape: {layers: %lld, hidden: %lld, ffn: %lld, "
		"heads: %lld, kv_heads: %lld, head_dim: %lld, vocab: %lld, tied_embeddings: %s, "
		"qkv_bias: %s, qk_norm: %s, post_norms: %s, mlp: %s, ", i, i, openness_names[m->openness],
		m->licence_id, m->quality_tier, (long long)m->context_tokens, (long long)s->layers,
		(long long)s->hidden, (long long)s->ffn, (long long)s->heads, (long long)s->kv_heads,
		(long long)s->head_dim, (long long)s->vocab, s->tied_embeddings ? "true" : "false",
		s->qkv_bias ? "true" : "false", s->qk_norm ? "true" : "false",
		s->post_norms ? "true" : "false", s->mlp == MLP_PLAIN ? "plain" : "gated");
	if (s->experts)
		sb_addf(sb, "experts: %lld, experts_per_token: %lld, active_params: %lld, ",
			(long long)s->experts, (long long)s->experts_per_token, (long long)s->active_params + bump);
	if (s->attention == ATTN_MLA)
		sb_addf(sb, "attention: mla, q_lora_rank: %lld, kv_lora_rank: %lld, qk_nope_head_dim: %lld, "
			"qk_rope_head_dim: %lld, v_head_dim: %lld, shared_experts: %lld, first_dense_layers: %lld, "
			"dense_ffn: %lld, ", (long long)s->q_lora_rank, (long long)s->kv_lora_rank,
			(long long)s->qk_nope_head_dim, (long long)s->qk_rope_head_dim, (long long)s->v_head_dim,
			(long long)s->shared_experts, (long long)s->first_dense_layers, (long long)s->dense_ffn);
	sb_addf(sb, "params: %lld, source: synthetic, as_of: 2026-11-01}}\n", (long long)s->params + bump);
}

static void synth_models(const struct catalog *base, const char *dir, int n, bool distinct)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "openweigh_catalog: 1\nmodels:\n");
	for (int i = 0; i < n; i++) {
		const struct model *m = &base->models[i % base->n_models];
		if (m->shape.present) {
			synth_open(&sb, m, i, distinct);
		} else {
			sb_addf(&sb, "  - {id: syn-%05d, name: S%d, family: syn, vendor: V, openness: closed, "
				"licence: proprietary-api, quality_tier: %d, context_tokens: 128000, api: {provider: x, "
				"input: %.9g, output: %.9g, source: synthetic, as_of: 2026-11-01}}\n", i, i,
				m->quality_tier, m->api.input * (1 + (distinct ? i * 1e-6 : i % 7 * 0.05)), m->api.output);
		}
	}
	write_file(dir, "models.yaml", sb.s);
	sb_free(&sb);
}

/* 200 GPUs as a real multi-cloud catalog has them: the shipped GPU types, each
 * offered by many providers at prices varied deterministically (0.8x .. 1.2x). */
static void synth_gpus(const struct catalog *base, const char *dir, int n)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "openweigh_catalog: 1\ngpus:\n");
	for (int i = 0; i < n; i++) {
		const struct gpu *g = &base->gpus[i % base->n_gpus];
		double f = 0.8 + (double)((i * 37) % 41) / 100.0;   /* 0.80 .. 1.20 */
		sb_addf(&sb, "  - {id: gpu-%03d, name: G%d, vendor: V, kind: %s, memory_gb: %.0f, bandwidth_gbs: %.0f, "
			"fp16_tflops: %.1f, bf16_tflops: %.1f, fp8_tflops: %.1f, int8_tops: %.1f, interconnect: x, "
			"interconnect_gbs: %.0f, max_per_node: %lld, source: synthetic, as_of: 2026-11-01",
			i, i, gpu_kind_names[g->kind], g->memory_gb, g->bandwidth_gbs, g->fp16_tflops,
			g->bf16_tflops, g->fp8_tflops, g->int8_tops, g->interconnect_gbs,
			(long long)g->max_per_node);
		if (g->rates[RATE_ON_DEMAND].present)
			sb_addf(&sb, ", price: {usd_per_hour: %.3f, provider: p, source: synthetic, as_of: 2026-11-01}",
				g->rates[RATE_ON_DEMAND].usd_per_hour * f);
		sb_add(&sb, "}\n");
	}
	write_file(dir, "gpus.yaml", sb.s);
	sb_free(&sb);
}

static char *synth_catalog(const struct catalog *base, const char *shipped, int n_models, int n_gpus,
			   bool distinct)
{
	char tmpl[] = "/tmp/owbench-XXXXXX", from[4200], to[4200];
	const char *links[] = { "licences.yaml", "architectures.yaml", "rules.yaml", "costs.yaml" };
	char *dir = mkdtemp(tmpl);

	if (dir == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		snprintf(from, sizeof from, "%s/%s", shipped, links[i]);
		snprintf(to, sizeof to, "%s/%s", dir, links[i]);
		if (symlink(from, to) != 0) {
			perror(to);
			exit(2);
		}
	}
	write_file(dir, "catalog.yaml", "openweigh_catalog: 1\nas_of: 2026-11-27\n");
	write_file(dir, "providers.yaml", "openweigh_catalog: 1\nproviders: []\n");
	synth_models(base, dir, n_models, distinct);
	synth_gpus(base, dir, n_gpus);
	return xstrdup(dir);
}

static void remove_synth(char *dir)
{
	const char *names[] = { "licences.yaml", "architectures.yaml", "rules.yaml", "costs.yaml",
				"catalog.yaml", "providers.yaml", "models.yaml", "gpus.yaml" };
	char path[4200];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	free(dir);
}

/* Median ms for libyaml alone to turn path into events (and free them): what any
 * loader built on it pays before building or checking anything. */
static double time_yaml_events(const char *path)
{
	double t[RUNS];
	FILE *f = fopen(path, "rb");
	long len;
	unsigned char *text;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		exit(2);
	}
	text = xcalloc(1, (size_t)len + 1);
	if (fread(text, 1, (size_t)len, f) != (size_t)len) {
		perror(path);
		exit(2);
	}
	fclose(f);
	for (int r = 0; r < RUNS; r++) {
		yaml_parser_t p;
		yaml_event_t ev;
		bool end = false;
		double t0 = now_us();
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, text, (size_t)len);
		while (!end) {
			if (!yaml_parser_parse(&p, &ev)) {
				fprintf(stderr, "bench: %s: %s\n", path, p.problem);
				exit(2);
			}
			end = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&p);
		t[r] = (now_us() - t0) / 1e3;
	}
	free(text);
	return median(t, RUNS);
}

/* Models that are not a twin of an earlier one (what evaluate() sizes and chooses among). */
static int distinct_models(const struct catalog *c)
{
	int *twin = model_twins(c), n = 0;

	for (int i = 0; i < c->n_models; i++)
		n += twin[i] == i;
	free(twin);
	return n;
}

static void nothing(void *ctx, int i)
{
	(void)ctx;
	(void)i;
}

/* Median µs to start and join one worker thread (what a parallel read pays). */
static double time_thread_start(void)
{
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		double t0 = now_us();
		for (int i = 0; i < 200; i++)
			parallel_run(2, nothing, NULL);
		t[r] = (now_us() - t0) / 200;
	}
	return median(t, RUNS);
}

/* Median wall and CPU ms of catalog_load(dir); the last catalog is left in *out. */
static void time_load(const char *dir, struct catalog **out, double *wall_ms, double *cpu_ms)
{
	double wall[RUNS], cpu[RUNS];
	struct catalog *c = NULL;
	struct ow_error e;

	for (int r = 0; r < RUNS; r++) {
		double t0, c0;
		catalog_free(c);        /* the previous run's, outside the timing */
		t0 = now_us();
		c0 = cpu_us();
		c = catalog_load(dir, NULL, 0, &e);
		wall[r] = (now_us() - t0) / 1e3;
		cpu[r] = (cpu_us() - c0) / 1e3;
		if (c == NULL) {
			char buf[2048];
			ow_error_format(&e, buf, sizeof buf);
			fprintf(stderr, "bench: synthetic catalog: %s\n", buf);
			exit(2);
		}
	}
	*out = c;
	*wall_ms = median(wall, RUNS);
	*cpu_ms = median(cpu, RUNS);
}

/* Load and evaluate one synthetic size; prints its JSON fields with the suffix. */
static void bench_size(const struct catalog *base, const char *shipped, const struct answers *a, int n,
		       bool distinct, const char *suffix)
{
	char *dir = synth_catalog(base, shipped, n, 200, distinct), path[4200];
	struct catalog *c = NULL;
	double wall, cpu;

	if (n >= 10000 && !distinct) {
		/* The same load on this thread alone. */
		parallel_tune(1);
		time_load(dir, &c, &wall, &cpu);
		parallel_tune(0);
		catalog_free(c);
		printf("  \"catalog_load_ms_%s_one_thread\": %.1f,\n", suffix, wall);
	}
	time_load(dir, &c, &wall, &cpu);
	printf("  \"catalog_load_ms_%s\": %.1f,\n", suffix, wall);
	if (n >= 10000 && !distinct)
		printf("  \"catalog_load_cpu_ms_%s\": %.1f,\n", suffix, cpu);
	printf("  \"distinct_models_%s\": %d,\n", suffix, distinct_models(c));
	if (n >= 10000 && !distinct) {
		snprintf(path, sizeof path, "%s/models.yaml", dir);
		printf("  \"yaml_events_ms_%s\": %.1f,\n", suffix, time_yaml_events(path));
	}
	printf("  \"evaluate_us_%s\": %.0f,\n", suffix, time_evaluate(c, a, n >= 10000 ? 1 : 3));
	fflush(stdout);
	catalog_free(c);
	remove_synth(dir);
}

int main(int argc, char **argv)
{
	struct ow_error e;
	struct answers a;
	struct catalog *c;
	char real[4096];

	if (argc < 3 || argc > 5 || realpath(argv[1], real) == NULL) {
		fprintf(stderr, "usage: bench_core CATALOG_DIR ANSWERS_FILE [N [distinct]: only write an N-model synthetic catalog and print its folder]\n");
		return 2;
	}
	c = catalog_load(real, NULL, 0, &e);
	if (c == NULL || answers_load(argv[2], &a, &e) != 0) {
		fprintf(stderr, "bench: %s: %s\n", e.file, e.msg);
		return 2;
	}
	if (argc >= 4) {
		/* N: write one synthetic catalog, print its folder, keep it (for profiling). */
		char *dir = synth_catalog(c, real, atoi(argv[3]), 200, argc == 5 && strcmp(argv[4], "distinct") == 0);
		puts(dir);
		free(dir);
		catalog_free(c);
		return 0;
	}
	printf("{\n  \"evaluate_us_shipped\": %.0f,\n", time_evaluate(c, &a, 50));
	fflush(stdout);
	bench_size(c, real, &a, 100, false, "100");
	bench_size(c, real, &a, 1000, false, "1k");
	bench_size(c, real, &a, 10000, false, "10k");
	bench_size(c, real, &a, 10000, true, "10k_distinct");
	printf("  \"thread_start_join_us\": %.1f,\n", time_thread_start());
	printf("  \"models_shipped\": %d,\n  \"gpus_synthetic\": 200\n}\n", c->n_models);
	catalog_free(c);
	return 0;
}
