/* words.c — how the screens write money, an option, a fleet and a GPU, so that every
 * screen says them the same way (see screens.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "util.h"

void words_money(char *buf, size_t size, double usd)
{
	fmt_usd(buf, size, usd);
}

void words_plan(const struct plan *p, char *buf, size_t size)
{
	if (!p->feasible || p->model == NULL)
		snprintf(buf, size, "excluded");
	else if (p->arch == ARCH_MANAGED)
		snprintf(buf, size, "%s on %s", p->model->id, p->provider ? p->provider->id : "?");
	else if (p->arch == ARCH_HYBRID && p->api_model)
		snprintf(buf, size, "%s + %s", p->api_model->id, p->model->id);
	else if (p->gpu)
		snprintf(buf, size, "%s %s", p->model->id, precision_names[p->precision]);
	else
		snprintf(buf, size, "%s", p->model->id);
}

void words_label(const struct plan *p, char *buf, size_t size)
{
	if (!p->feasible || p->model == NULL)
		snprintf(buf, size, "%s", arch_ids[p->arch]);
	else if (p->arch == ARCH_MANAGED && p->provider)
		snprintf(buf, size, "%s (%s on %s)", arch_ids[p->arch], p->model->id, p->provider->id);
	else if (p->arch == ARCH_HYBRID && p->api_model)
		snprintf(buf, size, "%s (%s + %s)", arch_ids[p->arch], p->api_model->id, p->model->id);
	else
		snprintf(buf, size, "%s (%s)", arch_ids[p->arch], p->model->id);
}

void words_gpu(const struct gpu *g, char *buf, size_t size)
{
	size_t i = 0;

	for (; g->id[i] && i + 1 < size; i++)
		buf[i] = (char)toupper((unsigned char)g->id[i]);
	buf[i] = '\0';
}

void words_fleet(const struct plan *p, char *buf, size_t size)
{
	char g[64];

	if (p->gpu == NULL) {
		snprintf(buf, size, "%s", p->arch == ARCH_MANAGED || p->arch == ARCH_DIRECT_API
			 ? "pay per token, no GPUs to run" : "no GPUs");
		return;
	}
	words_gpu(p->gpu, g, sizeof g);
	if (p->arch == ARCH_ON_DEVICE)
		snprintf(buf, size, "one %s per user", g);
	else
		snprintf(buf, size, "%lld replica%s of %lld x %s", (long long)p->replicas,
			 p->replicas == 1 ? "" : "s", (long long)p->gpu_count, g);
}

void words_fleet_cell(const struct plan *p, char *buf, size_t size)
{
	char g[64];

	if (p->gpu == NULL || !p->feasible) {
		buf[0] = '\0';
		return;
	}
	words_gpu(p->gpu, g, sizeof g);
	if (p->gpu_count == 1)
		snprintf(buf, size, "%lld %s %s", (long long)p->replicas, g, precision_names[p->precision]);
	else
		snprintf(buf, size, "%lldx%lld %s %s", (long long)p->replicas, (long long)p->gpu_count, g,
			 precision_names[p->precision]);
}

/* "(seed)" -> "[s]", "(seed, Honest limitations)" -> "[s: Honest limitations]". */
void words_seed(const char *text, char *buf, size_t size)
{
	const char *at = strstr(text, "(seed");
	const char *end = at ? strchr(at, ')') : NULL;

	if (at == NULL || end == NULL) {
		snprintf(buf, size, "%s", text);
		return;
	}
	if (at[5] == ',')
		snprintf(buf, size, "%.*s[s:%.*s]%s", (int)(at - text), text, (int)(end - at - 6), at + 6, end + 1);
	else
		snprintf(buf, size, "%.*s[s]%s", (int)(at - text), text, end + 1);
}
