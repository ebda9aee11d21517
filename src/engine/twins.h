/* twins.h — models evaluate() cannot tell apart (see twins.c). */
#ifndef OW_TWINS_H
#define OW_TWINS_H

#include <stdbool.h>

#include "catalog.h"

/* a and b agree in every field evaluate() chooses by. */
bool models_twins(const struct model *a, const struct model *b);
/* For each model index, the index of the first model that is its twin (itself when
 * none comes before it). Free with free(). */
int *model_twins(const struct catalog *c);

#endif
