/* screens.h — pieces the screens share: the questions' wording and the live panel. */
#ifndef OW_SCREENS_H
#define OW_SCREENS_H

#include "widgets.h"

/* The wizard's wording of each answers key (the keys are the contract, DESIGN.md). */
const char *question_label(int key);
/* One line on why the question matters, from the seed's decision framework. */
const char *question_why(int key);
/* One line on what the chosen value means (enum and bool keys); NULL if none. */
const char *option_why(int key, int value);

/* The live panel: recommendation, cost of the top options, footprint; sel highlights
 * one option by rank (-1: none). */
void panel_draw(struct app *app, WINDOW *w, struct rect r, int sel);
/* Open the verdict screen at one architecture's reasons (scr_verdict.c). */
void verdict_show_arch(struct app *app, int arch);
/* Two lines of it for the single-column layout. */
void panel_summary(struct app *app, WINDOW *w, int y, int width);

/* "$22,256" */
void money(char *buf, size_t size, double usd);
/* "self-hosted-multi-gpu (qwen-2.5-72b)" or "excluded" for a plan. */
void plan_what(const struct plan *p, char *buf, size_t size);

#endif
