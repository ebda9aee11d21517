/* pick.h — the one rule that decides every choice between options of one kind (which
 * API model, which managed offer, which fleet, which device): the least quality
 * shortfall against the task, then the lowest monthly cost, then the higher speed a
 * user sees, then catalog order. */
#ifndef OW_PICK_H
#define OW_PICK_H

#include <stdbool.h>

#include "catalog.h"

struct pick_key {
	int shortfall;        /* tiers below what the task needs */
	double cost;          /* USD a month */
	double speed;         /* decode tokens/s one user sees; 0 where not measured (APIs) */
	int order;            /* catalog order */
};

/* Tiers a model of tier `tier` falls short of the tier a task needs (1 frontier .. 4 small). */
static inline int pick_shortfall(int tier, int need)
{
	return tier > need ? tier - need : 0;
}

/* Tiers model m falls short of what the task needs (catalog policy). */
static inline int pick_model_shortfall(const struct catalog *c, int task, const struct model *m)
{
	return pick_shortfall(m->quality_tier, c->policy.required_tier[task]);
}

/* x comes before y. */
static inline bool pick_before(const struct pick_key *x, const struct pick_key *y)
{
	if (x->shortfall != y->shortfall)
		return x->shortfall < y->shortfall;
	if (x->cost != y->cost)
		return x->cost < y->cost;
	if (x->speed != y->speed)
		return x->speed > y->speed;
	return x->order < y->order;
}

#endif
