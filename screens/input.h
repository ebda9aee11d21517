/* input.h — answers typed or stepped: volumes by log steps, volumes as users x
 * requests per user per day, numbers with K/M/B, and a token estimate from a file. */
#ifndef OW_INPUT_H
#define OW_INPUT_H

#include <stdint.h>

#include "app.h"

/* The next volume up (dir > 0) or down on the 1, 2, 3, 5 x 10^n series. */
double volume_step(double v, int dir);
/* The global volume keys (+ - PgUp PgDn); returns loop flags. */
int volume_key(struct app *app, enum action act);

/* "2500000", "2.5M", "250k", "1,000,000"; -1 if not a number. */
int parse_amount(const char *s, double *out);
/* An amount, or "USERS x PER_DAY" (also '*'): users x requests per user per day
 * x 365.25/12 days. -1 if neither. */
int parse_volume(const char *s, double *out);

/* Estimate tokens in a sample text file at about 4 characters per token (a rule of
 * thumb for English with BPE tokenizers). -1 with e set. */
int tokens_from_file(const char *path, int64_t *tokens, int64_t *chars, struct ow_error *e);

/* Prompts for the volume and token estimates (questions screen keys u and f). */
int users_prompt(struct app *app);
int estimate_prompt(struct app *app, int key);
int number_prompt(struct app *app, int key);

#endif
