/* yread.c — strict typed reads (see yread.h). */
#include "yread.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int yr_fail(struct yread *r, const struct ynode *at, const char *fmt, ...)
{
	char msg[OW_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ow_error_set(r->e, OW_EXIT_INPUT, r->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
	return -1;
}

int yr_expect_map(struct yread *r, const struct ynode *n, const char *what)
{
	if (n->kind != Y_MAP)
		return yr_fail(r, n, "%s must be a mapping, not %s", what, ynode_kind_name(n->kind));
	return 0;
}

int yr_expect_seq(struct yread *r, const struct ynode *n, const char *what)
{
	if (n->kind != Y_SEQ)
		return yr_fail(r, n, "%s must be a list, not %s", what, ynode_kind_name(n->kind));
	return 0;
}

int yr_known_keys(struct yread *r, const struct ynode *map, const char *const *allowed)
{
	for (size_t i = 0; i < ymap_size(map); i++) {
		const struct ynode *k = ymap_key(map, i);
		bool ok = false;
		/* First byte before strcmp: most keys differ there (hot at 10k entries). */
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = (*a)[0] == k->value[0] && strcmp(*a, k->value) == 0;
		if (!ok)
			return yr_fail(r, k, "unknown key '%s'", k->value);
	}
	return 0;
}

/* The scalar under key, NULL when absent (error when required or not a scalar). */
static const struct ynode *scalar_at(struct yread *r, const struct ynode *map, const char *key,
				     int required, int *rc)
{
	const struct ynode *v = ymap_get(map, key);

	*rc = 0;
	if (v == NULL) {
		if (required)
			*rc = yr_fail(r, map, "missing required key '%s'", key);
		return NULL;
	}
	if (v->kind != Y_SCALAR) {
		*rc = yr_fail(r, v, "'%s' must be a single value, not %s", key, ynode_kind_name(v->kind));
		return NULL;
	}
	return v;
}

/* A scalar as the messages quote it: 'lots', the quoted string "1", the string '5' (!!str). */
static void yread_shown_value(const struct ynode *v, char *buf, size_t size)
{
	if (v->plain)
		snprintf(buf, size, "'%s'", v->value);
	else if (v->tag == Y_TAG_STR)
		snprintf(buf, size, "the string '%s' (tagged !!str)", v->value);
	else
		snprintf(buf, size, "the quoted string \"%s\"", v->value);
}

#define TAG_BIT(t) (1u << (t))

/* An explicit tag (a scalar's: ytree refuses the rest) must name the type the key is read as. */
static int yread_tag_fits(struct yread *r, const struct ynode *v, const char *key, unsigned allowed)
{
	static const char *const names[] = { "", "!!str", "!!int", "!!float", "!!bool", "!!null",
					     "!!seq", "!!map" };

	if (v->tag == Y_TAG_NONE || (allowed & TAG_BIT(v->tag)))
		return 0;
	return yr_fail(r, v, "'%s' cannot be tagged %s", key, names[v->tag]);
}

int yr_str(struct yread *r, const struct ynode *map, const char *key, int required, char **out)
{
	int rc;
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	if (v->value[0] == '\0')
		return yr_fail(r, v, "'%s' must not be empty", key);
	free(*out);
	*out = xstrdup(v->value);
	return 0;
}

/* Digits of a number as the YAML core schema writes them, with no leading zero:
 * "0", "7", "1500"; not "017" (octal in YAML 1.1, decimal in 1.2: refused). */
static const char *yread_integer_part(const char *p)
{
	if (*p == '0')
		return p[1] >= '0' && p[1] <= '9' ? NULL : p + 1;
	if (*p < '1' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

static const char *yread_digits(const char *p)
{
	const char *start = p;

	while (*p >= '0' && *p <= '9')
		p++;
	return p > start ? p : NULL;
}

/* At most one sign, then the core schema's float without a leading zero: 12, 0.5,
 * 2.5e6, -1E-3, .5, 5. — never the "nan", "inf" or hex floats strtod alone takes.
 * Returns the end of the number, NULL when s does not start with one. */
static const char *yread_float_syntax(const char *p)
{
	const char *q;

	if (*p == '+' || *p == '-')
		p++;
	if (*p == '.') {
		if ((p = yread_digits(p + 1)) == NULL)
			return NULL;
	} else {
		if ((p = yread_integer_part(p)) == NULL)
			return NULL;
		if (*p == '.')
			p = (q = yread_digits(p + 1)) ? q : p + 1;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if ((p = yread_digits(p)) == NULL)
			return NULL;
	}
	return p;
}

int parse_double_strict(const char *s, double *out)
{
	const char *end;
	double d;

	while (*s == ' ')
		s++;
	end = yread_float_syntax(s);
	if (end == NULL || *end != '\0')
		return -1;
	errno = 0;
	d = strtod(s, NULL);
	/* ERANGE with a finite result is an underflow (1e-320): the value is that tiny
	 * number or zero, and a number all the same. */
	if (!isfinite(d))
		return -2;
	*out = d;
	return 0;
}

int parse_int64_strict(const char *s, int64_t *out)
{
	const char *p = s;
	long long v;

	if (*p == '+' || *p == '-')
		p++;
	p = yread_integer_part(p);
	if (p == NULL || *p != '\0')
		return -1;
	errno = 0;
	v = strtoll(s, NULL, 10);
	if (errno == ERANGE)
		return -2;
	*out = v;
	return 0;
}


int yr_double(struct yread *r, const struct ynode *map, const char *key, int required,
	      double min, double max, double *out)
{
	int rc;
	double d;
	char shown[OW_ERR_MSG];
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_FLOAT) | TAG_BIT(Y_TAG_INT) | TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	rc = v->plain ? parse_double_strict(v->value, &d) : -1;
	yread_shown_value(v, shown, sizeof shown);
	if (rc == -2)
		return yr_fail(r, v, "'%s' is too large a number: %s", key, shown);
	if (rc != 0)
		return yr_fail(r, v, "'%s' must be a finite number, not %s", key, shown);
	if (d < min || d > max)
		return yr_fail(r, v, "'%s' is %g; it must be between %g and %g", key, d, min, max);
	*out = d;
	return 0;
}

int yr_int(struct yread *r, const struct ynode *map, const char *key, int required,
	   int64_t min, int64_t max, int64_t *out)
{
	int rc;
	int64_t x;
	char shown[OW_ERR_MSG];
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_INT) | TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	rc = v->plain ? parse_int64_strict(v->value, &x) : -1;
	if (rc == -2)
		return yr_fail(r, v, "'%s' is too large for a 64-bit integer", key);
	yread_shown_value(v, shown, sizeof shown);
	if (rc != 0)
		return yr_fail(r, v, "'%s' must be a whole number, not %s", key, shown);
	if (x < min || x > max)
		return yr_fail(r, v, "'%s' is %lld; it must be between %lld and %lld", key,
			       (long long)x, (long long)min, (long long)max);
	*out = x;
	return 0;
}

int yr_bool(struct yread *r, const struct ynode *map, const char *key, int required, bool *out)
{
	int rc;
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_BOOL) | TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	/* the YAML 1.2 core schema's booleans: true, True, TRUE and false, False, FALSE */
	if (v->plain && (!strcmp(v->value, "true") || !strcmp(v->value, "True") || !strcmp(v->value, "TRUE")))
		*out = true;
	else if (v->plain && (!strcmp(v->value, "false") || !strcmp(v->value, "False") || !strcmp(v->value, "FALSE")))
		*out = false;
	else {
		char shown[OW_ERR_MSG];
		yread_shown_value(v, shown, sizeof shown);   /* "false" quoted is a string, not false */
		return yr_fail(r, v, "'%s' must be true or false, not %s", key, shown);
	}
	return 0;
}

int yr_enum(struct yread *r, const struct ynode *map, const char *key, int required,
	    const char *const *names, int count, int *out)
{
	int rc;
	struct strbuf list;
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	for (int i = 0; i < count; i++) {
		if (strcmp(names[i], v->value) == 0) {
			*out = i;
			return 0;
		}
	}
	sb_init(&list);
	for (int i = 0; i < count; i++)
		sb_addf(&list, "%s%s", i ? ", " : "", names[i]);
	rc = yr_fail(r, v, "'%s' must be one of %s; not '%s'", key, list.s, v->value);
	sb_free(&list);
	return rc;
}

/* Days from civil date (Howard Hinnant's algorithm, public domain). */
static int32_t days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

int parse_date(const char *s, int32_t *days)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return -1;
	if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

void format_date(int32_t z, char *buf, size_t size)
{
	z += 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int y = (int)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned d = doy - (153 * mp + 2) / 5 + 1;
	const unsigned m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04d-%02u-%02u", y + (m <= 2), m, d);
}

int yr_date(struct yread *r, const struct ynode *map, const char *key, int required, int32_t *out)
{
	int rc;
	const struct ynode *v = scalar_at(r, map, key, required, &rc);

	if (v == NULL)
		return rc;
	if (yread_tag_fits(r, v, key, TAG_BIT(Y_TAG_STR)) != 0)
		return -1;
	if (parse_date(v->value, out) != 0)
		return yr_fail(r, v, "'%s' must be a date YYYY-MM-DD, not '%s'", key, v->value);
	return 0;
}

int yr_id(struct yread *r, const struct ynode *map, const char *key, char **out)
{
	const struct ynode *v;

	if (yr_str(r, map, key, YR_REQUIRED, out) != 0)
		return -1;
	v = ymap_get(map, key);
	for (const char *p = *out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			return yr_fail(r, v, "'%s' must use lower-case letters, digits, '.' and '-' only, not '%s'",
				       key, *out);
	return 0;
}
