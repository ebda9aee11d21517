/* memo.h — the decision memo: Markdown for people, JSON for machines (DESIGN.md keys).
 * Formatting only: every figure comes from the verdict. */
#ifndef OW_MEMO_H
#define OW_MEMO_H

#include <cJSON.h>
#include "util.h"
#include "verdict.h"

/* generated_at is an ISO-8601 time the caller supplies (keeps these pure). */
char *memo_markdown(const struct verdict *v, const char *generated_at);
char *memo_json(const struct verdict *v, const char *generated_at);

/* `openweigh compare`: two verdicts of one catalog and their difference (memo_compare.c). */
#include "compare.h"
char *compare_markdown(const struct verdict *a, const struct verdict *b, const struct verdict_diff *d,
		       const char *name_a, const char *name_b);
char *compare_json(const struct verdict *a, const struct verdict *b, const struct verdict_diff *d,
		   const char *name_a, const char *name_b, const char *generated_at);

/* The memo's first page (memo_summary.c), appended to sb. */
void memo_summary(struct strbuf *sb, const struct verdict *v);
/* A self-hosted plan's fleet in words: "19 replicas of one MI300X each, rented on demand". */
void memo_fleet_words(char *buf, size_t size, const struct plan *o);
/* A volume flip's range: "From 8,414,087 down to 2,972,757 requests/month", or "At 8,414,087
 * requests/month or fewer" where it holds to the search's end; up: the flip above the
 * volume; brief: short numbers (8.4M). */
void memo_flip_range(char *buf, size_t size, const struct volume_flip *f, bool up, bool brief);
/* What the recommendation costs beyond the cheapest option, in a sentence ("Keeping the
 * data in-house costs $719 a month more than the cheapest option (...): the price of
 * control."); false when there is nothing to say. */
bool memo_premium(char *buf, size_t size, const struct verdict *v);
/* What wins past the band's end: "; below that, the recommendation again" (or the
 * architecture, "nothing feasible"); empty where the band holds to the search's end. */
void memo_flip_beyond(char *buf, size_t size, const struct volume_flip *f, bool up, int recommended);

/* An assumption's value x in words: "x0.6" (a multiplier) or "0.8" (a share). */
void memo_assumption_value(char *buf, size_t size, const struct sensitivity *s, double x);
/* The value where s flips the verdict, in words, to 3 figures rounded away from the
 * base: what is said to happen at it happens there ("x1.36", not "x1.4" past it). */
void memo_sensitivity_flip(char *buf, size_t size, const struct sensitivity *s);

/* One answer's value as JSON under `name`: a string, a boolean or a number. */
void answer_value_json(cJSON *o, const char *name, int key, double value);

/* Pieces reused by `openweigh footprint` and `openweigh costs`. */
cJSON *footprint_to_json(const struct footprint *f);
cJSON *costs_to_json(const struct verdict *v);
cJSON *crossovers_to_json(const struct verdict *v);
char *costs_markdown(const struct verdict *v);
char *footprint_text(const struct footprint *f);

#endif
