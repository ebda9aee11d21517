/* input.h — answers typed or stepped in the wizard; the conversions themselves
 * (log steps, K/M/B, users x rate, tokens from a file) are the core's volume.h. */
#ifndef OW_INPUT_H
#define OW_INPUT_H

#include <stdint.h>

#include "app.h"
#include "volume.h"

/* The volume one log step up (dir 1) or down (-1): + and - anywhere, Left/Right on
 * the chart; returns loop flags. */
int input_volume_step(struct app *app, int dir);

/* Prompts for a number question (initial: what the field starts with; NULL: the
 * value now) and for a token estimate from a file (questions screen key f). */
int input_number_prompt(struct app *app, int key, const char *initial);
int input_estimate_prompt(struct app *app, int key);

#endif
