/* hfentry.h — the models.yaml text `openweigh catalog import-config` writes. */
#ifndef OW_HFENTRY_H
#define OW_HFENTRY_H

#include <stdint.h>
#include "hfconfig.h"

/* A whole models.yaml (openweigh_catalog: 1, one entry) for m under id, naming the
 * config it came from and today's date (days since 1970-01-01). malloc'd. */
char *hfentry_yaml(const struct hfmodel *m, const char *id, const char *config_path, int32_t today);

#endif
