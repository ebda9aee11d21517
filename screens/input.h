/* input.h — answers typed or stepped in the wizard; the conversions themselves
 * (log steps, K/M/B, users x rate, tokens from a file) are the core's volume.h. */
#ifndef OW_INPUT_H
#define OW_INPUT_H

#include <stdint.h>

#include "app.h"
#include "volume.h"

/* The global volume keys (+ - PgUp PgDn); returns loop flags. */
int volume_key(struct app *app, enum action act);

/* Prompts for the volume and token estimates (questions screen keys u and f). */
int users_prompt(struct app *app);
int estimate_prompt(struct app *app, int key);
int number_prompt(struct app *app, int key);

#endif
