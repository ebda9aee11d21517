/* verdict.c — the verdict's own upkeep: its warnings and caveats, a plan of it
 * re-costed at another volume, and freeing it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "util.h"

static void verdict_push(char ***arr, int *n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

static void verdict_push(char ***arr, int *n, const char *fmt, va_list ap)
{
	char buf[600];

	vsnprintf(buf, sizeof buf, fmt, ap);
	*arr = xreallocarray(*arr, (size_t)*n + 1, sizeof **arr);
	(*arr)[(*n)++] = xstrdup(buf);
}

void verdict_warn(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verdict_push(&v->warnings, &v->n_warnings, fmt, ap);
	va_end(ap);
}

void verdict_caveat(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verdict_push(&v->caveats, &v->n_caveats, fmt, ap);
	va_end(ap);
}

double verdict_cost_at(const struct verdict *v, const struct plan *p, double requests)
{
	struct engine e;
	double usd;

	engine_init(&e, v->catalog, &v->answers);
	usd = plan_cost_at(&e, &v->answers, p, requests);
	engine_free(&e);
	return usd;
}

void verdict_free(struct verdict *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < v->n_warnings; i++)
		free(v->warnings[i]);
	for (int i = 0; i < v->n_caveats; i++)
		free(v->caveats[i]);
	free(v->warnings);
	free(v->caveats);
	free(v->api);
	free(v->managed);
	free(v->self_hosted);
	free(v->footprint_options);
	free(v);
}
