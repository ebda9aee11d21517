/* catalog_policy.c — architectures.yaml, rules.yaml and costs.yaml: the decision
 * rules, the quality policy and the constants of the cost and footprint models. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answers.h"
#include "catalog_load.h"
#include "util.h"

static bool file_absent(const char *path)
{
	struct stat st;
	return stat(path, &st) != 0 && errno == ENOENT;
}

/* A nested mapping that must exist and hold only the allowed keys. */
static const struct ynode *section(struct yread *r, const struct ynode *map, const char *key,
				   const char *const *allowed)
{
	const struct ynode *s = ymap_get(map, key);

	if (s == NULL) {
		yr_fail(r, map, "missing required key '%s'", key);
		return NULL;
	}
	if (yr_expect_map(r, s, key) || (allowed && yr_known_keys(r, s, allowed)))
		return NULL;
	return s;
}

/* ---- architectures.yaml ----------------------------------------------------- */

static int parse_architecture(struct loadctx *lc, const struct ynode *n, struct architecture *a)
{
	static const char *const keys[] = { "name", "models_supported", "complexity", "use_case",
					    "base_score", NULL };
	struct yread *r = &lc->r;

	free(a->name); free(a->models_supported); free(a->complexity); free(a->use_case);
	memset(a, 0, sizeof *a);
	set_origin(lc, &a->at, n);
	if (yr_expect_map(r, n, "an architecture") || yr_known_keys(r, n, keys) ||
	    yr_str(r, n, "name", YR_REQUIRED, &a->name) ||
	    yr_str(r, n, "models_supported", YR_REQUIRED, &a->models_supported) ||
	    yr_str(r, n, "complexity", YR_REQUIRED, &a->complexity) ||
	    yr_str(r, n, "use_case", YR_REQUIRED, &a->use_case) ||
	    yr_double(r, n, "base_score", YR_REQUIRED, -100, 100, &a->base_score))
		return -1;
	return 0;
}

int load_architectures(struct loadctx *lc, struct catalog *c, const char *dir, bool required)
{
	static const char *const keys[] = { "openweigh_catalog", "architectures", NULL };
	char path[4096];
	struct ynode *root = NULL;
	const struct ynode *list;
	int rc = -1;

	snprintf(path, sizeof path, "%s/architectures.yaml", dir);
	if (!required && file_absent(path))
		return 0;
	if (open_single_file(lc, path, keys, &root) != 0 ||
	    (list = section(&lc->r, root, "architectures", NULL)) == NULL)
		goto out;
	for (size_t i = 0; i < ymap_size(list); i++) {
		const struct ynode *k = ymap_key(list, i);
		int a = arch_from_id(k->value);
		if (a < 0) {
			yr_fail(&lc->r, k, "unknown architecture '%s' (the ids are fixed: direct-api, managed-inference, self-hosted-single-gpu, self-hosted-multi-gpu, hybrid, on-device)", k->value);
			goto out;
		}
		if (parse_architecture(lc, ymap_val(list, i), &c->arch[a]) != 0)
			goto out;
	}
	for (int a = 0; a < ARCH_COUNT && required; a++)
		if (c->arch[a].name == NULL) {
			yr_fail(&lc->r, list, "architecture '%s' is missing", arch_ids[a]);
			goto out;
		}
	rc = 0;
out:
	ytree_free(root);
	return rc;
}

/* ---- rules.yaml ----------------------------------------------------------------- */

/* One condition: key: [values] for enum/bool answers, key: {min, max} for numbers. */
static int parse_cond(struct yread *r, const struct ynode *k, const struct ynode *v,
		      struct rule_cond *c)
{
	static const char *const range_keys[] = { "min", "max", NULL };
	int key = answer_key_from_name(k->value);
	const struct answer_field *f;

	if (key < 0)
		return yr_fail(r, k, "unknown answers key '%s' in a rule condition", k->value);
	f = &answer_fields[key];
	c->key = key;
	if (f->type == AT_INT || f->type == AT_DOUBLE) {
		c->ranged = true;
		c->min = -1e300;
		c->max = 1e300;
		if (yr_expect_map(r, v, k->value) || yr_known_keys(r, v, range_keys) ||
		    yr_double(r, v, "min", YR_OPTIONAL, -1e300, 1e300, &c->min) ||
		    yr_double(r, v, "max", YR_OPTIONAL, -1e300, 1e300, &c->max))
			return -1;
		if (ymap_size(v) == 0)
			return yr_fail(r, v, "a numeric condition needs min or max");
		return 0;
	}
	if (yr_expect_seq(r, v, k->value))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *item = v->items[i];
		int found = -1;
		for (int j = 0; j < f->n_names && item->kind == Y_SCALAR; j++)
			if (strcmp(f->names[j], item->value) == 0)
				found = j;
		if (found < 0)
			return yr_fail(r, item, "'%s' is not a value of '%s'",
				       item->kind == Y_SCALAR ? item->value : "?", f->key);
		c->values |= 1u << found;
	}
	return 0;
}

static int parse_rule_effects(struct yread *r, const struct ynode *n, struct rule *ru)
{
	static const char *const gate_names[] = { "none", "mau-limit", "non-commercial" };
	const struct ynode *w = ymap_get(n, "weights"), *x = ymap_get(n, "exclude");
	int gate = GATE_NONE;

	if (w && yr_expect_map(r, w, "weights"))
		return -1;
	for (size_t i = 0; w && i < ymap_size(w); i++) {
		int a = arch_from_id(ymap_key(w, i)->value);
		if (a < 0)
			return yr_fail(r, ymap_key(w, i), "unknown architecture '%s'", ymap_key(w, i)->value);
		if (yr_double(r, w, ymap_key(w, i)->value, YR_REQUIRED, -100, 100, &ru->weight[a]))
			return -1;
	}
	if (x && yr_expect_seq(r, x, "exclude"))
		return -1;
	for (size_t i = 0; x && i < x->n; i++) {
		int a = x->items[i]->kind == Y_SCALAR ? arch_from_id(x->items[i]->value) : -1;
		if (a < 0)
			return yr_fail(r, x->items[i], "unknown architecture in 'exclude'");
		ru->exclude[a] = true;
	}
	if (yr_enum(r, n, "gate", YR_OPTIONAL, gate_names, 3, &gate))
		return -1;
	ru->gate = (enum model_gate)gate;
	if (!w && !x && gate == GATE_NONE)
		return yr_fail(r, n, "rule '%s' has no effect (weights, exclude or gate)", ru->id);
	return 0;
}

/* A list of architecture ids into a bit set; empty is an error. */
static int parse_arch_set(struct yread *r, const struct ynode *map, const char *key, uint32_t *set)
{
	const struct ynode *x = ymap_get(map, key);

	if (x == NULL)
		return yr_fail(r, map, "missing required key '%s'", key);
	if (yr_expect_seq(r, x, key))
		return -1;
	if (x->n == 0)
		return yr_fail(r, x, "'%s' names no architecture", key);
	for (size_t i = 0; i < x->n; i++) {
		int a = x->items[i]->kind == Y_SCALAR ? arch_from_id(x->items[i]->value) : -1;
		if (a < 0)
			return yr_fail(r, x->items[i], "unknown architecture in '%s'", key);
		*set |= 1u << a;
	}
	return 0;
}

/* claim: { cheaper: [archs], than: [archs] }: the costs must agree for the rule to fire. */
static int parse_rule_claim(struct yread *r, const struct ynode *n, struct rule *ru)
{
	static const char *const keys[] = { "cheaper", "than", NULL };
	const struct ynode *c = ymap_get(n, "claim");

	if (c == NULL)
		return 0;
	if (yr_expect_map(r, c, "claim") || yr_known_keys(r, c, keys) ||
	    parse_arch_set(r, c, "cheaper", &ru->claim.cheaper) || parse_arch_set(r, c, "than", &ru->claim.than))
		return -1;
	if (ru->claim.cheaper & ru->claim.than)
		return yr_fail(r, c, "an architecture cannot be both 'cheaper' and 'than'");
	return 0;
}

static int parse_rule(struct loadctx *lc, const struct ynode *n, struct rule *ru)
{
	static const char *const keys[] = { "id", "row", "when", "weights", "exclude", "gate",
					    "claim", "because", NULL };
	struct yread *r = &lc->r;
	const struct ynode *when;

	set_origin(lc, &ru->at, n);
	if (yr_expect_map(r, n, "a rule") || yr_known_keys(r, n, keys) || yr_id(r, n, "id", &ru->id) ||
	    yr_str(r, n, "row", YR_OPTIONAL, &ru->row) ||
	    yr_str(r, n, "because", YR_REQUIRED, &ru->because))
		return -1;
	when = ymap_get(n, "when");
	if (when == NULL)
		return yr_fail(r, n, "missing required key 'when' (use 'when: {}' for always)");
	if (yr_expect_map(r, when, "when"))
		return -1;
	ru->conds = xcalloc(ymap_size(when), sizeof *ru->conds);
	for (size_t i = 0; i < ymap_size(when); i++, ru->n_conds++)
		if (parse_cond(r, ymap_key(when, i), ymap_val(when, i), &ru->conds[i]))
			return -1;
	return parse_rule_effects(r, n, ru) || parse_rule_claim(r, n, ru) ? -1 : 0;
}

static int parse_quality(struct yread *r, const struct ynode *root, struct policy *p)
{
	static const char *const keys[] = { "required_tier", "precisions", NULL };
	const struct ynode *q = section(r, root, "quality", keys), *t, *pr;

	if (q == NULL || (t = section(r, q, "required_tier", task_names)) == NULL ||
	    (pr = section(r, q, "precisions", task_names)) == NULL)
		return -1;
	for (int i = 0; i < TASK_COUNT; i++) {
		int64_t tier = 0;
		const struct ynode *list = ymap_get(pr, task_names[i]);
		if (yr_int(r, t, task_names[i], YR_REQUIRED, 1, 4, &tier))
			return -1;
		p->required_tier[i] = (int)tier;
		if (list == NULL)
			return yr_fail(r, pr, "missing required key '%s'", task_names[i]);
		if (yr_expect_seq(r, list, task_names[i]))
			return -1;
		p->precisions[i] = 0;
		for (size_t j = 0; j < list->n; j++) {
			int pi = list->items[j]->kind == Y_SCALAR ? precision_from_name(list->items[j]->value) : -1;
			if (pi < 0) {   /* every name precision_from_name takes */
				char names[96] = "";
				for (int k = 0; k < PREC_COUNT; k++)
					snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? ", " : "",
						 precision_names[k]);
				return yr_fail(r, list->items[j], "unknown precision (%s)", names);
			}
			p->precisions[i] |= 1u << pi;
		}
		if (p->precisions[i] == 0)
			return yr_fail(r, list, "at least one precision is needed for '%s'", task_names[i]);
	}
	return 0;
}

static int parse_scoring(struct yread *r, const struct ynode *root, struct policy *p)
{
	static const char *const keys[] = { "cost_weight", "cost_cap", "quality_gap_weight", NULL };
	const struct ynode *s = section(r, root, "scoring", keys);

	if (s == NULL || yr_double(r, s, "cost_weight", YR_REQUIRED, 0, 100, &p->cost_weight) ||
	    yr_double(r, s, "cost_cap", YR_REQUIRED, 0, 100, &p->cost_cap) ||
	    yr_double(r, s, "quality_gap_weight", YR_REQUIRED, 0, 100, &p->quality_gap_weight))
		return -1;
	return 0;
}

int load_rules(struct loadctx *lc, struct catalog *c, const char *dir, bool required)
{
	static const char *const keys[] = { "openweigh_catalog", "quality", "scoring", "rules", NULL };
	char path[4096];
	struct ynode *root = NULL;
	const struct ynode *list;
	int rc = -1;

	snprintf(path, sizeof path, "%s/rules.yaml", dir);
	if (!required && file_absent(path))
		return 0;
	if (open_single_file(lc, path, keys, &root) != 0 || parse_quality(&lc->r, root, &c->policy) ||
	    parse_scoring(&lc->r, root, &c->policy))
		goto out;
	if ((list = ymap_get(root, "rules")) == NULL) {
		yr_fail(&lc->r, root, "missing required key 'rules'");
		goto out;
	}
	if (yr_expect_seq(&lc->r, list, "rules"))
		goto out;
	/* A rules file is one policy: an overlay's rules.yaml replaces the whole set. */
	for (int i = 0; i < c->n_rules; i++)
		rule_free(&c->rules[i]);
	free(c->rules);
	c->rules = xcalloc(list->n, sizeof *c->rules);
	c->n_rules = 0;
	for (size_t i = 0; i < list->n; i++) {
		struct rule *ru = &c->rules[c->n_rules++];
		if (parse_rule(lc, list->items[i], ru))
			goto out;
		for (int j = 0; j + 1 < c->n_rules; j++)
			if (strcmp(c->rules[j].id, ru->id) == 0) {
				yr_fail(&lc->r, list->items[i], "duplicate rule id '%s' (first at line %d)",
					ru->id, c->rules[j].at.line);
				goto out;
			}
	}
	rc = 0;
out:
	ytree_free(root);
	return rc;
}
