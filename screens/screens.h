/* screens.h — pieces the screens share: the questions' wording, how a value, a fleet
 * and money are written, the live panel and the compare line. */
#ifndef OW_SCREENS_H
#define OW_SCREENS_H

#include "widgets.h"

/* The wizard's wording of each answers key (the keys are the contract, DESIGN.md). */
const char *question_label(int key);
/* One line on why the question matters, from the seed's decision framework. */
const char *question_why(int key);
/* One line on what the chosen value means (enum and bool keys); NULL if none. */
const char *question_option(int key, int value);
/* Why a question is not used with these answers ("used when fine-tuning is lora or
 * full"); NULL when it is used. */
const char *question_unused(const struct answers *a, int key);
/* A value as the wizard shows it: "yes", "+30 %", "20,000,000 (20M)". */
void question_value(const struct answers *a, int key, char *buf, size_t size);
/* A value from the same words ("yes", "full"); -1 if none. */
double question_parse_choice(int key, const char *text);

/* The live panel: recommendation, cost of the top options, footprint; sel highlights
 * one option by rank (-1: none). */
void panel_draw(struct app *app, WINDOW *w, struct rect r, int sel);
/* Two lines of it for the single-column layout. */
void panel_summary(struct app *app, WINDOW *w, int y, int width);
/* The baseline's difference in one line (the row under the title while one is pinned). */
void panel_compare_draw(struct app *app);

/* Open the verdict screen over the current one at an architecture's reasons; Esc or
 * q goes back (scr_verdict.c). */
void verdict_show_arch(struct app *app, int arch);
/* Open the detail view of one cost row (scr_detail.c). */
enum cost_table { TABLE_API, TABLE_MANAGED, TABLE_SELF, TABLE_COUNT };
void detail_open(struct app *app, enum cost_table table, int index);
const struct cost_row *detail_table_row(const struct verdict *v, enum cost_table table, int index);
int detail_table_size(const struct verdict *v, enum cost_table table);

/* "$22,256" */
void words_money(char *buf, size_t size, double usd);
/* "llama-3.1-70b fp8", "claude-haiku-5.5 + qwen-2.5-7b", "excluded" for a plan. */
void words_plan(const struct plan *p, char *buf, size_t size);
/* "self-hosted-single-gpu (llama-3.1-70b)": the architecture and its option. */
void words_label(const struct plan *p, char *buf, size_t size);
/* The fleet in words: "19 replicas of 1 x MI300X"; on a device "one JETSON-... per user". */
void words_fleet(const struct plan *p, char *buf, size_t size);
/* The fleet in a table cell: "19 MI300X fp8", "2x4 H100 fp8". */
void words_fleet_cell(const struct plan *p, char *buf, size_t size);
/* A GPU as people write it: "MI300X", "A100-80GB". */
void words_gpu(const struct gpu *g, char *buf, size_t size);
/* A rule's text with the seed cited by a footnote mark: "(seed)" becomes "[s]". */
void words_seed(const char *text, char *buf, size_t size);
#define SEED_FOOTNOTE "[s] taken from the seed: the open-vs-closed decision framework these rules encode."

#endif
