/* details.h — what the wizard's detail view of one cost row shows beyond the row
 * itself: whether it is the recommended option, why it is or is not, and for a
 * self-hosted row the footprint of one replica of its fleet. Filled by evaluate()
 * (one call at its end), so that no screen computes them. */
#ifndef OW_DETAILS_H
#define OW_DETAILS_H

#include "engine.h"
#include "verdict.h"

/* Fill every cost row's recommended, why and footprint fields (at the end of evaluate(),
 * while the candidates are at hand). */
void details_fill(const struct engine *e, struct verdict *v);

#endif
