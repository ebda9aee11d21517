/* input.c — volumes and token counts typed or stepped (see input.h). */
#include "input.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "util.h"
#include "volume.h"
#include "yread.h"


int volume_key(struct app *app, enum action act)
{
	const struct answer_field *f = &answer_fields[AK_REQUESTS];
	double v = (double)app->answers.requests_per_month, nv;
	char buf[32];

	switch (act) {
	case ACT_VOL_UP: nv = volume_step(v, 1); break;
	case ACT_VOL_DOWN: nv = volume_step(v, -1); break;
	case ACT_VOL_X10: nv = v < 1 ? 10 : v * 10; break;
	default: nv = floor(v / 10); break;
	}
	nv = fmin(fmax(nv, f->min), f->max);
	app_set_answer(app, AK_REQUESTS, nv);
	fmt_int(buf, sizeof buf, nv);
	app_message(app, false, "Volume: %s requests/month", buf);
	return HANDLED | REDRAW;
}

/* ---- prompts ------------------------------------------------------------------------ */

static int set_typed(struct app *app, int key, double v)
{
	const struct answer_field *f = &answer_fields[key];
	char shown[64];

	if (app_set_answer(app, key, f->type == AT_INT ? round(v) : v) != 0) {
		app_message(app, true, "%s must be from %g to %g", f->key, f->min, f->max);
		return HANDLED;
	}
	answers_value_text(&app->answers, key, shown, sizeof shown);
	app_message(app, false, "%s: %s", f->key, shown);
	return HANDLED | REDRAW;
}

static int number_done(struct app *app, struct prompt *p, int choice)
{
	double v;
	int ok;

	if (!choice)
		return HANDLED;
	ok = p->arg == AK_REQUESTS ? parse_volume(p->buf, &v) : parse_amount(p->buf, &v);
	if (ok != 0 && answer_fields[p->arg].type == AT_DOUBLE)
		ok = parse_double_strict(p->buf, &v);     /* growth may be negative: -0.2 */
	if (ok != 0) {
		app_message(app, true, "Not a number: '%s'", p->buf);
		return HANDLED;
	}
	return set_typed(app, p->arg, v);
}

int number_prompt(struct app *app, int key)
{
	char cur[64], label[200];

	answers_value_text(&app->answers, key, cur, sizeof cur);
	if (key == AK_REQUESTS)
		snprintf(label, sizeof label, "Requests/month (2.5M, or users x requests/user/day: 5000x20):");
	else
		snprintf(label, sizeof label, "%s (%s):", question_label(key), answer_fields[key].comment);
	return prompt_text(app, label, cur, number_done, key);
}

int users_prompt(struct app *app)
{
	return prompt_text(app, "Users x requests per user per day (e.g. 5000 x 20):", "",
			   number_done, AK_REQUESTS);
}

static int estimate_done(struct app *app, struct prompt *p, int choice)
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
	app_set_answer(app, p->arg, (double)tokens);
	fmt_int(t, sizeof t, (double)tokens);
	fmt_int(c, sizeof c, (double)chars);
	app_message(app, false, "%s = %s tokens: %s characters / 4 (about 4 characters per token)",
		    answer_fields[p->arg].key, t, c);
	return HANDLED | REDRAW;
}

int estimate_prompt(struct app *app, int key)
{
	char label[160];

	if (key != AK_INPUT && key != AK_OUTPUT)
		key = AK_INPUT;
	snprintf(label, sizeof label, "Sample text for %s (estimated at ~4 characters per token):",
		 answer_fields[key].key);
	return prompt_text(app, label, "", estimate_done, key);
}
