/* volume.c — volumes and token counts as people give them (see volume.h). */
#include "volume.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yread.h"

#define DAYS_PER_MONTH (365.25 / 12)   /* the Gregorian year's average month */
#define CHARS_PER_TOKEN 4.0            /* OpenAI's rule of thumb for English text with BPE tokenizers */
#define SAMPLE_LIMIT (64u << 20)       /* largest sample file read */

double volume_step(double v, int dir)
{
	static const double series[] = { 1, 2, 3, 5 };

	if (dir > 0 && v < 1)
		return 1;
	for (double decade = dir > 0 ? 1 : 1e12; decade >= 1 && decade <= 1e12;
	     decade = dir > 0 ? decade * 10 : decade / 10) {
		for (int i = 0; i < 4; i++) {
			double s = series[dir > 0 ? i : 3 - i] * decade;
			if (dir > 0 ? s > v : s < v)
				return s > 1e12 ? 1e12 : s;   /* the answers' upper bound */
		}
	}
	return dir > 0 ? 1e12 : 0;
}

/* The multiplier a suffix letter stands for, or 0. */
static double volume_suffix_mult(char c)
{
	switch (tolower((unsigned char)c)) {
	case 'k': return 1e3;
	case 'm': return 1e6;
	case 'b': case 'g': return 1e9;
	case 't': return 1e12;   /* as the wizard shows the largest volume: "(1T)" */
	}
	return 0;
}

int parse_amount(const char *s, double *out)
{
	char clean[64];
	size_t n = 0;
	double v, mult = 1;

	for (; *s && n + 1 < sizeof clean; s++)
		if (*s != ',' && *s != '_' && !isspace((unsigned char)*s))
			clean[n++] = *s;
	if (*s)
		return -1;   /* longer than any amount */
	clean[n] = '\0';
	if (n > 0 && volume_suffix_mult(clean[n - 1]) > 0)
		mult = volume_suffix_mult(clean[--n]);
	clean[n] = '\0';
	/* The answers files' number syntax: no hex, "inf", "nan" or "+-5" strtod would take.
	 * A negative amount is a number: the range says why it is refused. */
	if (n == 0 || parse_double_strict(clean, &v) != 0 || !isfinite(v * mult))
		return -1;
	*out = v * mult;
	return 0;
}

int parse_volume(const char *s, double *out)
{
	char left[64];
	const char *x = strpbrk(s, "xX*");
	double users, per_day;

	while (isspace((unsigned char)*s))
		s++;
	if (x == NULL)
		return parse_amount(s, out);
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return -1;   /* "0x10" is hexadecimal to a programmer, not zero users x 10 */
	snprintf(left, sizeof left, "%.*s", (int)(x - s), s);
	char right[64];
	snprintf(right, sizeof right, "%s", x + 1);
	char *slash = strchr(right, '/');    /* "20/day" */
	if (slash)
		*slash = '\0';
	if (parse_amount(left, &users) || parse_amount(right, &per_day))
		return -1;
	/* a negative side: a negative volume, for the range to refuse (never -x- positive) */
	*out = users < 0 || per_day < 0 ? -1 : round(users * per_day * DAYS_PER_MONTH);
	return 0;
}

int64_t tokens_from_text(const char *text, size_t len, int64_t *chars)
{
	int64_t n = 0, tokens;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)   /* count UTF-8 characters, not bytes */
			n++;
	*chars = n;
	tokens = (int64_t)ceil((double)n / CHARS_PER_TOKEN);
	return tokens < 1 ? 1 : tokens;
}

int tokens_from_file(const char *path, int64_t *tokens, int64_t *chars, struct ow_error *e)
{
	size_t len;
	char *text = read_file_limited(path, SAMPLE_LIMIT, &len, e);

	if (text == NULL)
		return -1;
	*tokens = tokens_from_text(text, len, chars);
	free(text);
	return 0;
}

