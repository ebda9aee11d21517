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
	static const char *const top[] = { "openweigh_catalog", "source", "as_of", "footprint", "fleet",
					   "hidden", "finetune", "on_device", "hybrid", NULL };
	static const char *const fp[] = { "bytes_per_param", "int4_group_size", "int4_scale_bytes",
					  "quantized_embeddings_16bit", "kv_bytes", "overhead_gb",
					  "usable_fraction", "decode_efficiency", "prefill_efficiency",
					  "max_batch", "node_size", NULL };
	static const char *const fleet[] = { "hours_per_month", "traffic", NULL };
	static const char *const shape[] = { "hours", "peak", "autoscale", "headroom",
					     "cold_start_hours", NULL };
	static const char *const hidden[] = { "small_max_b", "large_max_b", "none", "partial", "dedicated", NULL };
	static const char *const sizes[] = { "small", "large", "xl", NULL };
	static const char *const lines[] = { "engineering", "orchestration", "monitoring", NULL };
	static const char *const ft[] = { "lora_flops_factor", "full_flops_factor", "mfu",
					  "labour_per_cycle_low", "labour_per_cycle_high", NULL };
	static const char *const od[] = { "engineering", "max_params_b", NULL };
	static const char *const hy[] = { "api_share", NULL };
	const struct ynode *n;

	if (yr_known_keys(r, root, top))
		return -1;
	struct { const char *path; const char *const *keys; } secs[] = {
		{ "footprint", fp }, { "fleet", fleet }, { "hidden", hidden }, { "finetune", ft },
		{ "on_device", od }, { "hybrid", hy },
	};
	for (size_t i = 0; i < ARRAY_LEN(secs); i++) {
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
		for (size_t i = 0; l && l->kind == Y_MAP && i < ymap_size(l); i++)
			if (yr_expect_map(r, ymap_val(l, i), ymap_key(l, i)->value) ||
			    yr_known_keys(r, ymap_val(l, i), lines))
				return -1;
		if (l && l->kind == Y_MAP && yr_known_keys(r, l, sizes))
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
		{ "footprint.kv_bytes", &cm->kv_bytes, 0.5, 4 },
		{ "footprint.overhead_gb", &cm->overhead_gb, 0, 100 },
		{ "footprint.usable_fraction", &cm->usable_fraction, 0.1, 1 },
		{ "footprint.decode_efficiency", &cm->decode_efficiency, 0.01, 1 },
		{ "footprint.prefill_efficiency", &cm->prefill_efficiency, 0.01, 1 },
		{ "footprint.max_batch", &max_batch, 1, 4096 },
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
	return yr_bool(r, ymap_get(root, "footprint"), "quantized_embeddings_16bit", YR_REQUIRED,
		       &cm->quant_keeps_embeddings_16bit);
}

static int read_fleet_and_hidden(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	static const char *const sizes[] = { "small", "large", "xl" };
	struct num_field f[] = {
		{ "fleet.hours_per_month", &cm->hours_per_month, 1, 744 },
		{ "hidden.small_max_b", &cm->size_small_max_b, 0.1, 100000 },
		{ "hidden.large_max_b", &cm->size_large_max_b, 0.1, 100000 },
	};
	char path[128];

	if (read_numbers(r, root, f, ARRAY_LEN(f)))
		return -1;
	for (int t = 0; t < TRAFFIC_COUNT; t++) {
		struct traffic_shape *ts = &cm->traffic[t];
		struct num_field tf[] = {
			{ "hours", &ts->hours, 1, 744 },
			{ "peak", &ts->peak, 1, 100 },
			{ "headroom", &ts->headroom, 1, 10 },
			{ "cold_start_hours", &ts->cold_start_hours, 0, 744 },
		};
		char leaf[64];
		snprintf(path, sizeof path, "fleet.traffic.%s.autoscale", traffic_names[t]);
		const struct ynode *tm = dig(r, root, path, leaf, sizeof leaf);
		if (tm == NULL || yr_bool(r, tm, leaf, YR_REQUIRED, &ts->autoscale))
			return -1;
		for (size_t i = 0; i < ARRAY_LEN(tf); i++) {
			snprintf(path, sizeof path, "fleet.traffic.%s.%s", traffic_names[t], tf[i].path);
			tf[i].path = path;
			if (read_numbers(r, root, &tf[i], 1))
				return -1;
		}
	}
	for (int lv = 0; lv < MLOPS_COUNT; lv++)
		for (int s = 0; s < SIZE_COUNT; s++) {
			struct hidden_costs *h = &cm->hidden[lv][s];
			struct num_field hf[] = {
				{ "engineering", &h->engineering, 0, 1e7 },
				{ "orchestration", &h->orchestration, 0, 1e7 },
				{ "monitoring", &h->monitoring, 0, 1e7 },
			};
			for (size_t i = 0; i < ARRAY_LEN(hf); i++) {
				snprintf(path, sizeof path, "hidden.%s.%s.%s", mlops_names[lv], sizes[s], hf[i].path);
				hf[i].path = path;
				if (read_numbers(r, root, &hf[i], 1))
					return -1;
			}
		}
	if (cm->size_small_max_b >= cm->size_large_max_b)
		return yr_fail(r, ymap_get(root, "hidden"), "small_max_b must be below large_max_b");
	return 0;
}

static int read_rest(struct yread *r, const struct ynode *root, struct cost_model *cm)
{
	struct num_field f[] = {
		{ "finetune.lora_flops_factor", &cm->lora_flops_factor, 0.1, 100 },
		{ "finetune.full_flops_factor", &cm->full_flops_factor, 0.1, 100 },
		{ "finetune.mfu", &cm->finetune_mfu, 0.01, 1 },
		{ "finetune.labour_per_cycle_low", &cm->finetune_labour_usd[0], 0, 1e7 },
		{ "finetune.labour_per_cycle_high", &cm->finetune_labour_usd[1], 0, 1e7 },
		{ "on_device.engineering.none", &cm->edge_engineering[MLOPS_NONE], 0, 1e7 },
		{ "on_device.engineering.partial", &cm->edge_engineering[MLOPS_PARTIAL], 0, 1e7 },
		{ "on_device.engineering.dedicated", &cm->edge_engineering[MLOPS_DEDICATED], 0, 1e7 },
		{ "on_device.max_params_b", &cm->edge_max_params_b, 0.1, 1000 },
		{ "hybrid.api_share", &cm->hybrid_api_share, 0.01, 0.99 },
	};
	return read_numbers(r, root, f, ARRAY_LEN(f));
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
		    read_fleet_and_hidden(&lc->r, root, &cm) || read_rest(&lc->r, root, &cm))
			goto out;
	}
	free(c->cost.src.source);
	c->cost = cm;    /* costs.yaml is one model: an overlay's replaces it whole */
	rc = 0;
out:
	if (rc != 0)
		free(cm.src.source);
	ytree_free(root);
	return rc;
}
