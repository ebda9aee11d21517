/* hfconfig.h — a Hugging Face config.json read into a catalog shape, for
 * `openweigh catalog import-config` (openweigh-catalog(5), "Importing a config.json").
 *
 * Each supported model_type maps its fields onto the shape schema; a field whose
 * meaning the schema cannot hold (DeepSeek-V4's compress_ratios, a latent MoE, per-layer
 * block configs, ...) is refused by name, never approximated. */
#ifndef OW_HFCONFIG_H
#define OW_HFCONFIG_H

#include <stdint.h>
#include "catalog.h"

struct hfmodel {
	struct shape shape;        /* params and active_params: the derived counts */
	int64_t context;           /* max_position_embeddings */
	char model_type[64];       /* of the text model (text_config's when there is one) */
	bool multimodal;           /* a vision/audio tower was left out of the count */
	bool tie_from_default;     /* tie_word_embeddings absent: the model type's default used */
};

/* Read path. 0, or -1 with e set (exit 1) naming the field it cannot map. */
int hfconfig_load(const char *path, struct hfmodel *out, struct ow_error *e);

/* The model_types hfconfig_load maps, comma-separated (for messages and the man page). */
extern const char hfconfig_known_types[];

#endif
