/* catalog_costs.c — costs.yaml: the constants of the footprint, fleet, hidden-cost,
 * fine-tuning, on-device and hybrid models. Every constant's source is beside it
 * in the YAML file and in openweigh-catalog(5). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answers.h"
#include "catalog_load.h"
#include "util.h"

/* Walk "a.b.c" from map; error at the deepest node reached. */
static const struct ynode *dig(struct yread *r, const struct ynode *map, const char *path,
			       char *leaf, size_t leaf_size)
{
	char buf[128];
	char *save = NULL, *part, *next;

	snprintf(buf, sizeof buf, "%s", path);
	part = strtok_r(buf, ".", &save);
	while ((next = strtok_r(NULL, ".", &save)) != NULL) {
		const struct ynode *sub = ymap_get(map, part);
		if (sub == NULL) {
			yr_fail(r, map, "missing required key '%s'", part);
			return NULL;
		}
		if (yr_expect_map(r, sub, part))
			return NULL;
		map = sub;
		part = next;
	}
	snprintf(leaf, leaf_size, "%s", part);
	return map;
}

struct num_field {
	const char *path;
	double *out;
	double min, max;
};

static int read_numbers(struct yread *r, const struct ynode *root, const struct num_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char leaf[64];
		const struct ynode *m = dig(r, root, f[i].path, leaf, sizeof leaf);
		if (m == NULL || yr_double(r, m, leaf, YR_REQUIRED, f[i].min, f[i].max, f[i].out))
			return -1;
	}
	return 0;
}

/* Unknown keys at every level of costs.yaml. */
static int check_cost_keys(struct yread *r, const struct ynode *root)
{
	static const char *const top[] = { "openweigh_catalog", "source", "as_of", "footprint", "fleet", "owned",
					   "hidden", "finetune", "on_device", "hybrid", "sensitivity", "latency", NULL };
	static const char *const fp[] = { "bytes_per_param", "int4_group_size", "int4_scale_bytes",
					  "mxfp4_group_size", "mxfp4_scale_bytes", "nvfp4_group_size",
					  "nvfp4_scale_bytes", "state_bytes",
					  "quantized_embeddings_16bit", "kv_bytes", "overhead_gb",
					  "usable_fraction", "headroom_fraction", "decode_efficiency",
					  "prefill_efficiency", "max_batch", "node_size", "kv_fp8_note", NULL };
	static const char *const fleet[] = { "hours_per_month", "traffic", NULL };
	static const char *const shape[] = { "hours", "peak", "headroom", "cold_start_hours", NULL };
	static const char *const owned[] = { "years", "capex_overhead", "host_fraction", "host_power_factor", "pue",
					     "usd_per_kwh", "colocation_usd_per_kw_month", NULL };
	static const char *const hidden[] = { "small_max_b", "large_max_b", "fte_usd_month", "gpus_per_fte",
					      "on_call", "per_gpu_beyond_node", "none", "partial", "dedicated", NULL };
	static const char *const sizes[] = { "small", "large", "xl", NULL };
	static const char *const lines[] = { "engineering", "orchestration", "monitoring", NULL };
	static const char *const ft[] = { "lora_flops_factor", "full_flops_factor", "mfu", "full_bytes_per_param",
					  "lora_bytes_per_param", "labour_per_cycle_low", "labour_per_cycle_high", NULL };
	static const char *const od[] = { "engineering", "max_params_b", NULL };
	static const char *const hy[] = { "api_share", NULL };
	const struct ynode *n;

	if (yr_known_keys(r, root, top))
		return -1;
	struct { const char *path; const char *const *keys; } secs[] = {
		{ "footprint", fp }, { "fleet", fleet }, { "owned", owned }, { "hidden", hidden }, { "finetune", ft },
		{ "on_device", od }, { "hybrid", hy }, { "sensitivity", assumption_names },
		{ "latency", latency_names },
	};
	for (size_t i = 0; i < ARRAY_LEN(secs); i++) {
		if (strcmp(secs[i].path, "latency") == 0 && ymap_get(root, "latency") == NULL)
			continue;   /* optional: read_latency says what is missing */
		if ((n = ymap_get(root, secs[i].path)) == NULL)
			return yr_fail(r, root, "missing required key '%s'", secs[i].path);
		if (yr_expect_map(r, n, secs[i].path) || yr_known_keys(r, n, secs[i].keys))
			return -1;
	}
	n = ymap_get(ymap_get(root, "fleet"), "traffic");
	for (size_t i = 0; n && n->kind == Y_MAP && i < ymap_size(n); i++)
		if (yr_expect_map(r, ymap_val(n, i), ymap_key(n, i)->value) ||
		    yr_known_keys(r, ymap_val(n, i), shape))
			return -1;
	if (n && n->kind == Y_MAP && yr_known_keys(r, n, traffic_names))
		return -1;
	n = ymap_get(root, "hidden");
	for (int lv = 0; lv < MLOPS_COUNT; lv++) {
		const struct ynode *l = ymap_get(n, mlops_names[lv]);
		if (l != NULL && yr_expect_map(r, l, mlops_names[lv]))
			return -1;
		for (size_t i = 0; l && l->kind == Y_MAP && i < ymap_size(l); i++)
			if (yr_expect_map(r, ymap_val(l, i), ymap_key(l, i)->value) ||
			    yr_known_keys(r, ymap_val(l, i), lines))
				return -1;
		if (l && l->kind == Y_MAP && yr_known_keys(r, l, sizes))
			return -1;
	}
	{
		static const char *const oc[] = { "fte", "gpus_per_rotation", NULL };
		static const char *const pg[] = { "orchestration", "monitoring", NULL };
		const struct ynode *h = ymap_get(root, "hidden");
		struct { const char *key; const char *const *keys; } subs[] = {
			{ "gpus_per_fte", mlops_names }, { "on_call", oc }, { "per_gpu_beyond_node", pg },
		};
		for (size_t i = 0; i < ARRAY_LEN(subs); i++)
			if ((n = ymap_get(h, subs[i].key)) != NULL &&
			    (yr_expect_map(r, n, subs[i].key) || yr_known_keys(r, n, subs[i].keys)))
				return -1;
	}
	n = ymap_get(ymap_get(root, "on_device"), "engineering");
	if (n && n->kind == Y_MAP && yr_known_keys(r, n, mlops_names))
		return -1;
	return 0;
}

static int read_footprint(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	const struct ynode *bpp = ymap_get(ymap_get(root, "footprint"), "bytes_per_param");
	double max_batch = 0, node = 0;
	struct num_field f[] = {
		{ "footprint.int4_group_size", &cm->int4_group_size, 1, 65536 },
		{ "footprint.int4_scale_bytes", &cm->int4_scale_bytes, 0, 8 },
		{ "footprint.mxfp4_group_size", &cm->mxfp4_group_size, 1, 65536 },
		{ "footprint.mxfp4_scale_bytes", &cm->mxfp4_scale_bytes, 0, 8 },
		{ "footprint.nvfp4_group_size", &cm->nvfp4_group_size, 1, 65536 },
		{ "footprint.nvfp4_scale_bytes", &cm->nvfp4_scale_bytes, 0, 8 },
		{ "footprint.state_bytes", &cm->state_bytes, 0.5, 8 },
		{ "footprint.kv_bytes", &cm->kv_bytes, 0.5, 4 },
		{ "footprint.overhead_gb", &cm->overhead_gb, 0, 100 },
		{ "footprint.usable_fraction", &cm->usable_fraction, 0.1, 1 },
		{ "footprint.headroom_fraction", &cm->headroom_fraction, 0, 0.5 },
		{ "footprint.decode_efficiency", &cm->decode_efficiency, 0.01, 1 },
		{ "footprint.prefill_efficiency", &cm->prefill_efficiency, 0.01, 1 },
		{ "footprint.max_batch", &max_batch, 1, 65536 },
		{ "footprint.node_size", &node, 1, 1024 },
	};

	if (read_numbers(r, root, f, ARRAY_LEN(f)))
		return -1;
	cm->max_batch = (int64_t)max_batch;
	cm->node_size = (int64_t)node;
	if (bpp == NULL)
		return yr_fail(r, ymap_get(root, "footprint"), "missing required key 'bytes_per_param'");
	if (yr_expect_map(r, bpp, "bytes_per_param") || yr_known_keys(r, bpp, precision_names))
		return -1;
	for (int p = 0; p < PREC_COUNT; p++)
		if (yr_double(r, bpp, precision_names[p], YR_REQUIRED, 0.1, 4, &cm->bytes_per_param[p]))
			return -1;
	if (cm->headroom_fraction >= cm->usable_fraction)
		return yr_fail(r, ymap_get(root, "footprint"), "headroom_fraction must be below usable_fraction");
	return yr_bool(r, ymap_get(root, "footprint"), "quantized_embeddings_16bit", YR_REQUIRED,
		       &cm->quant_keeps_embeddings_16bit) ||
	       yr_str(r, ymap_get(root, "footprint"), "kv_fp8_note", YR_REQUIRED, &cm->kv_fp8_note);
}

/* latency.interactive and latency.realtime: {ttft_ms, tokens_per_s_per_user}, the
 * targets a latency answer implies; batch has none unless given. */
static int read_latency(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	static const char *const keys[] = { "ttft_ms", "tokens_per_s_per_user", NULL };
	const struct ynode *sec = ymap_get(root, "latency");

	if (sec == NULL)
		return yr_fail(r, root, "missing required key 'latency'");
	for (int k = 0; k < LAT_COUNT; k++) {
		const struct ynode *n = ymap_get(sec, latency_names[k]);
		if (n == NULL && k == LAT_BATCH)
			continue;
		if (n == NULL)
			return yr_fail(r, sec, "missing required key '%s'", latency_names[k]);
		if (yr_expect_map(r, n, latency_names[k]) || yr_known_keys(r, n, keys) ||
		    yr_double(r, n, "ttft_ms", YR_REQUIRED, 0, 3.6e6, &cm->latency[k].ttft_ms) ||
		    yr_double(r, n, "tokens_per_s_per_user", YR_REQUIRED, 0, 1e5, &cm->latency[k].tokens_per_s_per_user))
			return -1;
	}
	return 0;
}

/* A burstier shape is never cheaper than steady for the same volume: every term that
 * prices it is at least steady's. */
static int check_bursty(struct yread *r, const struct ynode *root, const struct cost_model *cm)
{
	const struct traffic_shape *s = &cm->traffic[TRAFFIC_STEADY], *b = &cm->traffic[TRAFFIC_BURSTY];

	if (b->hours < s->hours || b->peak < s->peak || b->headroom < s->headroom ||
	    b->cold_start_hours < s->cold_start_hours)
		return yr_fail(r, ymap_get(ymap_get(ymap_get(root, "fleet"), "traffic"), "bursty"),
			       "bursty traffic must not be cheaper to serve than steady: its hours, peak, headroom "
			       "and cold_start_hours must each be at least steady's");
	return 0;
}

static int read_traffic(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	char path[128];

	for (int t = 0; t < TRAFFIC_COUNT; t++) {
		struct traffic_shape *ts = &cm->traffic[t];
		struct num_field tf[] = {
			{ .path = "hours", .out = &ts->hours, .min = 1, .max = 744 },
			{ .path = "peak", .out = &ts->peak, .min = 1, .max = 100 },
			{ .path = "headroom", .out = &ts->headroom, .min = 1, .max = 10 },
			{ .path = "cold_start_hours", .out = &ts->cold_start_hours, .min = 0, .max = 744 },
		};
		for (size_t i = 0; i < ARRAY_LEN(tf); i++) {
			snprintf(path, sizeof path, "fleet.traffic.%s.%s", traffic_names[t], tf[i].path);
			tf[i].path = path;
			if (read_numbers(r, root, &tf[i], 1))
				return -1;
		}
	}
	return check_bursty(r, root, cm);
}

static int read_hidden_floors(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	static const char *const sizes[] = { "small", "large", "xl" };
	char path[128];

	for (int lv = 0; lv < MLOPS_COUNT; lv++)
		for (int s = 0; s < SIZE_COUNT; s++) {
			struct hidden_costs *h = &cm->hidden[lv][s];
			struct num_field hf[] = {
				{ .path = "engineering", .out = &h->engineering, .min = 0, .max = 1e7 },
				{ .path = "orchestration", .out = &h->orchestration, .min = 0, .max = 1e7 },
				{ .path = "monitoring", .out = &h->monitoring, .min = 0, .max = 1e7 },
			};
			for (size_t i = 0; i < ARRAY_LEN(hf); i++) {
				snprintf(path, sizeof path, "hidden.%s.%s.%s", mlops_names[lv], sizes[s], hf[i].path);
				hf[i].path = path;
				if (read_numbers(r, root, &hf[i], 1))
					return -1;
			}
		}
	return 0;
}

static int read_fleet_and_hidden(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	struct owned_costs *o = &cm->owned;
	struct num_field f[] = {
		{ .path = "fleet.hours_per_month", .out = &cm->hours_per_month, .min = 1, .max = 744 },
		{ .path = "owned.years", .out = &o->years, .min = 0.5, .max = 30 },
		{ .path = "owned.capex_overhead", .out = &o->capex_overhead, .min = 0, .max = 5 },
		{ .path = "owned.host_fraction", .out = &o->host_fraction, .min = 0, .max = 5 },
		{ .path = "owned.host_power_factor", .out = &o->host_power_factor, .min = 1, .max = 10 },
		{ .path = "owned.pue", .out = &o->pue, .min = 1, .max = 5 },
		{ .path = "owned.usd_per_kwh", .out = &o->usd_per_kwh, .min = 0, .max = 5 },
		{ .path = "owned.colocation_usd_per_kw_month", .out = &o->colocation_usd_per_kw_month, .min = 0, .max = 10000 },
		{ .path = "hidden.small_max_b", .out = &cm->size_small_max_b, .min = 0.1, .max = 100000 },
		{ .path = "hidden.large_max_b", .out = &cm->size_large_max_b, .min = 0.1, .max = 100000 },
		{ .path = "hidden.fte_usd_month", .out = &cm->fte_usd_month, .min = 0, .max = 1e6 },
		{ .path = "hidden.gpus_per_fte.none", .out = &cm->gpus_per_fte[MLOPS_NONE], .min = 1, .max = 1e6 },
		{ .path = "hidden.gpus_per_fte.partial", .out = &cm->gpus_per_fte[MLOPS_PARTIAL], .min = 1, .max = 1e6 },
		{ .path = "hidden.gpus_per_fte.dedicated", .out = &cm->gpus_per_fte[MLOPS_DEDICATED], .min = 1, .max = 1e6 },
		{ .path = "hidden.on_call.fte", .out = &cm->on_call_fte, .min = 0, .max = 100 },
		{ .path = "hidden.on_call.gpus_per_rotation", .out = &cm->gpus_per_on_call, .min = 1, .max = 1e6 },
		{ .path = "hidden.per_gpu_beyond_node.orchestration", .out = &cm->orchestration_per_gpu, .min = 0, .max = 1e5 },
		{ .path = "hidden.per_gpu_beyond_node.monitoring", .out = &cm->monitoring_per_gpu, .min = 0, .max = 1e5 },
	};

	if (read_numbers(r, root, f, ARRAY_LEN(f)) || read_traffic(r, root, cm) || read_hidden_floors(r, root, cm))
		return -1;
	if (cm->size_small_max_b >= cm->size_large_max_b)
		return yr_fail(r, ymap_get(root, "hidden"), "small_max_b must be below large_max_b");
	return 0;
}

/* sensitivity.NAME: {low, high}, low at most 1 and high at least 1 for a multiplier
 * (the answer itself lies inside), low < high; shares within 0 .. 1, growth -0.99 .. 100. */
static int read_sensitivity(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	static const char *const ends[] = { "low", "high", NULL };
	const struct ynode *sec = ymap_get(root, "sensitivity");

	for (int k = 0; k < ASSUME_COUNT; k++) {
		const struct ynode *n = ymap_get(sec, assumption_names[k]);
		bool mult = k < ASSUME_MULTIPLIERS;
		double lo_min = mult ? 0.01 : k == ASSUME_GROWTH ? -0.99 : 0, hi_max = mult ? 100 : k == ASSUME_GROWTH ? 100 : 1;
		if (n == NULL)
			return yr_fail(r, sec, "missing required key '%s'", assumption_names[k]);
		if (yr_expect_map(r, n, assumption_names[k]) || yr_known_keys(r, n, ends) ||
		    yr_double(r, n, "low", YR_REQUIRED, lo_min, mult ? 1 : hi_max, &cm->sensitivity[k].low) ||
		    yr_double(r, n, "high", YR_REQUIRED, mult ? 1 : lo_min, hi_max, &cm->sensitivity[k].high))
			return -1;
		if (cm->sensitivity[k].low >= cm->sensitivity[k].high)
			return yr_fail(r, n, "low must be below high");
	}
	return 0;
}

static int read_rest(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	struct num_field f[] = {
		{ .path = "finetune.lora_flops_factor", .out = &cm->lora_flops_factor, .min = 0.1, .max = 100 },
		{ .path = "finetune.full_flops_factor", .out = &cm->full_flops_factor, .min = 0.1, .max = 100 },
		{ .path = "finetune.mfu", .out = &cm->finetune_mfu, .min = 0.01, .max = 1 },
		{ .path = "finetune.full_bytes_per_param", .out = &cm->full_bytes_per_param, .min = 1, .max = 64 },
		{ .path = "finetune.lora_bytes_per_param", .out = &cm->lora_bytes_per_param, .min = 0.1, .max = 64 },
		{ .path = "finetune.labour_per_cycle_low", .out = &cm->finetune_labour_usd[0], .min = 0, .max = 1e7 },
		{ .path = "finetune.labour_per_cycle_high", .out = &cm->finetune_labour_usd[1], .min = 0, .max = 1e7 },
		{ .path = "on_device.engineering.none", .out = &cm->edge_engineering[MLOPS_NONE], .min = 0, .max = 1e7 },
		{ .path = "on_device.engineering.partial", .out = &cm->edge_engineering[MLOPS_PARTIAL], .min = 0, .max = 1e7 },
		{ .path = "on_device.engineering.dedicated", .out = &cm->edge_engineering[MLOPS_DEDICATED], .min = 0, .max = 1e7 },
		{ .path = "on_device.max_params_b", .out = &cm->edge_max_params_b, .min = 0.1, .max = 1000 },
		{ .path = "hybrid.api_share", .out = &cm->hybrid_api_share, .min = 0.01, .max = 0.99 },
	};
	return read_numbers(r, root, f, ARRAY_LEN(f)) || read_sensitivity(r, root, cm) ? -1 : 0;
}

int load_costs(struct loadctx *lc, struct catalog *c, const char *dir, bool required)
{
	char path[4096];
	struct ynode *root = NULL;
	struct stat st;
	struct cost_model cm;
	int rc = -1;

	snprintf(path, sizeof path, "%s/costs.yaml", dir);
	if (!required && stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	memset(&cm, 0, sizeof cm);
	root = lc_load_tree(lc, path);
	if (root == NULL)
		return -1;
	{
		int64_t version = 0;
		if (yr_expect_map(&lc->r, root, "a catalog file") || check_cost_keys(&lc->r, root) ||
		    yr_int(&lc->r, root, "openweigh_catalog", YR_REQUIRED, 1, 1, &version) ||
		    read_sourced(&lc->r, root, &cm.src) || read_footprint(&lc->r, root, &cm) ||
		    read_fleet_and_hidden(&lc->r, root, &cm) || read_rest(&lc->r, root, &cm) ||
		    read_latency(&lc->r, root, &cm))
			goto out;
	}
	free(c->cost.src.source);
	free(c->cost.kv_fp8_note);
	c->cost = cm;    /* costs.yaml is one model: an overlay's replaces it whole */
	rc = 0;
out:
	if (rc != 0) {
		free(cm.src.source);
		free(cm.kv_fp8_note);
	}
	ytree_free(root);
	return rc;
}
