/* input.c — volumes and token counts typed or stepped (see input.h). */
#include "input.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "util.h"
#include "volume.h"
#include "yread.h"

int input_volume_step(struct app *app, int dir)
{
	const struct answer_field *f = &answer_fields[AK_REQUESTS];
	double v = (double)app->answers.requests_per_month;
	double nv = fmin(fmax(volume_step(v, dir), f->min), f->max);
	char buf[32];

	app_set_answer(app, AK_REQUESTS, nv);
	fmt_int(buf, sizeof buf, nv);
	app_message(app, false, "Volume: %s requests/month", buf);
	return HANDLED | REDRAW;
}

/* ---- prompts ------------------------------------------------------------------------ */

/* A value refused: the prompt opens again on what was typed, the reason before its
 * label (nothing typed is lost; Esc keeps the answer as it was). */
static int input_retry(struct app *app, int key, const char *typed, const char *why)
{
	struct prompt *p = &app->prompt;
	char label[2 * sizeof p->label + 8];

	input_number_prompt(app, key, typed);
	snprintf(label, sizeof label, "%s. %s", why, p->label);
	snprintf(p->label, sizeof p->label, "%.*s", (int)sizeof p->label - 1, label);
	beep();
	return HANDLED;
}

static int input_set_typed(struct app *app, int key, double v, const char *typed)
{
	const struct answer_field *f = &answer_fields[key];
	char shown[64], lo[64], hi[64], why[200];

	if (app_set_answer(app, key, f->type == AT_INT ? round(v) : v) != 0) {
		struct answers a = app->answers;
		answers_set(&a, key, f->min);
		question_value(&a, key, lo, sizeof lo);
		answers_set(&a, key, f->max);
		question_value(&a, key, hi, sizeof hi);
		snprintf(why, sizeof why, "From %s to %s", lo, hi);
		return input_retry(app, key, typed, why);
	}
	question_value(&app->answers, key, shown, sizeof shown);
	app_message(app, false, "%s: %s", question_label(key), shown);
	return HANDLED | REDRAW;
}

/* Growth is typed in percent, as it is shown: "30", "30%", "+30 %", "-20". */
static int input_percent(const char *s, double *out)
{
	char buf[64];
	size_t n;

	snprintf(buf, sizeof buf, "%.63s", s);
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '%'))
		buf[--n] = '\0';
	if (parse_double_strict(buf, out) != 0 || !isfinite(*out))
		return -1;
	/* the share the decimal typed means: 33.333 % is 0.33333 (33.333 / 100 is
	 * 0.33332999999999996, which an answers file would then carry) */
	snprintf(buf, sizeof buf, "%.12g", *out / 100);
	*out = strtod(buf, NULL);
	return 0;
}

static int input_number_done(struct app *app, struct prompt *p, int choice)
{
	double v;
	int ok;
	char why[64];

	if (!choice || p->buf[strspn(p->buf, " ")] == '\0')   /* Esc, or Enter on nothing: as it was */
		return HANDLED;
	if (p->arg == AK_REQUESTS)
		ok = parse_volume(p->buf, &v);
	else if (answer_fields[p->arg].type == AT_DOUBLE)
		ok = input_percent(p->buf, &v);
	else
		ok = parse_amount(p->buf, &v);
	if (ok != 0) {
		snprintf(why, sizeof why, "Not a number: '%.20s%s'", p->buf, strlen(p->buf) > 20 ? "..." : "");
		return input_retry(app, p->arg, p->buf, why);
	}
	if (answer_fields[p->arg].type == AT_INT && v != floor(v) && v >= answer_fields[p->arg].min &&
	    v <= answer_fields[p->arg].max) {   /* not rounded behind the user's back */
		snprintf(why, sizeof why, "A whole number: '%.20s%s'", p->buf, strlen(p->buf) > 20 ? "..." : "");
		return input_retry(app, p->arg, p->buf, why);
	}
	return input_set_typed(app, p->arg, v, p->buf);
}

int input_number_prompt(struct app *app, int key, const char *initial)
{
	char cur[64], label[200];

	if (answer_fields[key].type == AT_DOUBLE)
		snprintf(cur, sizeof cur, "%.4g", answers_get(&app->answers, key) * 100);
	else
		answers_value_text(&app->answers, key, cur, sizeof cur);
	if (key == AK_REQUESTS)
		snprintf(label, sizeof label, "Requests/month (2.5M, or users x requests/user/day: 5000x20):");
	else if (key == AK_GROWTH)
		snprintf(label, sizeof label, "%s in %% (30 = +30 %%/year, -20 allowed):", question_label(key));
	else if (answer_fields[key].type == AT_DOUBLE)
		snprintf(label, sizeof label, "%s in %% (0 to 100):", question_label(key));
	else
		snprintf(label, sizeof label, "%s (%s):", question_label(key), answer_fields[key].comment);
	return prompt_text(app, label, initial ? initial : cur, input_number_done, key);
}

static int input_estimate_done(struct app *app, struct prompt *p, int choice)
{
	struct ow_error e;
	int64_t tokens, chars;
	char t[32], c[32];

	if (!choice || !p->buf[0])
		return HANDLED;
	if (tokens_from_file(p->buf, &tokens, &chars, &e) != 0) {
		char msg[600];
		ow_error_format(&e, msg, sizeof msg);
		app_message(app, true, "%s", msg);
		return HANDLED;
	}
	if (chars == 0) {   /* nothing to estimate from: the answer stays */
		app_message(app, true, "%s is empty: %s unchanged", p->buf, question_label(p->arg));
		return HANDLED;
	}
	app_set_answer(app, p->arg, (double)tokens);
	fmt_int(t, sizeof t, (double)tokens);
	fmt_int(c, sizeof c, (double)chars);
	app_message(app, false, "%s: %s token%s, %s characters / 4 (about 4 characters per token)",
		    question_label(p->arg), t, tokens == 1 ? "" : "s", c);
	return HANDLED | REDRAW;
}

int input_estimate_prompt(struct app *app, int key)
{
	char label[160];

	if (key != AK_INPUT && key != AK_OUTPUT)
		key = AK_INPUT;
	snprintf(label, sizeof label, "Sample text for %s (4 characters a token):",
		 question_label(key));
	return prompt_text(app, label, "", input_estimate_done, key);
}
