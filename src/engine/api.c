/* api.c — what a closed model's API charges: per-token prices as the answers are
 * billed (long-context tier, prompt-cache hits, batch discount) times the tokens of
 * the volume. */
#include <stdio.h>

#include "cost.h"
#include "util.h"

void window_note(const struct model *m, const struct answers *a, char *buf, size_t size)
{
	char w[32], n[32];

	fmt_int(n, sizeof n, (double)answers_longest(a));
	if (m->context_tokens == 0) {   /* the price data gave none */
		snprintf(buf, size, "context window unknown, %s asked", n);
		return;
	}
	fmt_int(w, sizeof w, (double)m->context_tokens);
	snprintf(buf, size, "context window %s tokens, %s asked", w, n);
}

void api_prices(const struct api_price *p, const struct answers *a, double *in, double *out)
{
	double discount = a->latency == LAT_BATCH ? p->batch_discount : 0;
	bool long_ctx = p->long_above > 0 && a->input_tokens > p->long_above;
	double input = long_ctx ? p->long_input : p->input;

	/* The cached share of the prompt at the cached price; a long-context tier's cached
	 * price is taken at the same ratio to its input price (vendors publish it so:
	 * Gemini 2.5 Pro $0.125 / $0.25 cached under and over 200K, a tenth of each). */
	if (p->cached_input >= 0 && a->cache_hit_rate > 0) {
		double cached = long_ctx ? p->long_input * (p->cached_input / p->input) : p->cached_input;
		input = (1 - a->cache_hit_rate) * input + a->cache_hit_rate * cached;
	}
	*in = input * (1 - discount);
	*out = (long_ctx ? p->long_output : p->output) * (1 - discount);
}

double api_token_cost(double in_price, double out_price, const struct answers *a, double requests)
{
	return requests * ((double)a->input_tokens * in_price + (double)a->output_tokens * out_price) / 1e6;
}

double api_cost(const struct model *m, const struct answers *a, double requests)
{
	double in, out;

	api_prices(&m->api, a, &in, &out);
	return api_token_cost(in, out, a, requests);
}
