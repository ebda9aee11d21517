/* volume.h — volumes and token counts as people give them: "2.5M", "5000x20"
 * (users × requests per user per day), a log step of the volume, and a token
 * estimate from a sample text. Shared by the wizard and the tests; no curses. */
#ifndef OW_VOLUME_H
#define OW_VOLUME_H

#include <stddef.h>
#include <stdint.h>
#include "owerr.h"

/* The next volume up (dir > 0) or down on the 1-2-3-5 series, 0 .. 10^12. */
double volume_step(double v, int dir);
/* "1,500", "2.5k", "3M", "1B", "1T": an amount (negative ones too, for the range
 * check to refuse by name). 0 or -1. */
int parse_amount(const char *s, double *out);
/* An amount, or "USERS x PER_DAY" (per user per day) as requests a month. 0 or -1. */
int parse_volume(const char *s, double *out);
/* Tokens in a text at about 4 characters a token (UTF-8 characters counted). */
int64_t tokens_from_text(const char *text, size_t len, int64_t *chars);
/* The same for a file (at most 64 MB). 0, or -1 with e set. */
int tokens_from_file(const char *path, int64_t *tokens, int64_t *chars, struct ow_error *e);

#endif
