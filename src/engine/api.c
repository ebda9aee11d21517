/* api.c — what a closed model's API charges: per-token prices as the answers are
 * billed (long-context tier, batch discount) times the tokens of the volume. */
#include "cost.h"

void api_prices(const struct api_price *p, const struct answers *a, double *in, double *out)
{
	double discount = a->latency == LAT_BATCH ? p->batch_discount : 0;
	bool long_ctx = p->long_above > 0 && a->input_tokens > p->long_above;

	*in = (long_ctx ? p->long_input : p->input) * (1 - discount);
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
