/* sanitize.c — one escaping of terminal-active text for every boundary (see sanitize.h). */
#include "sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UTF8_BAD = 0, UTF8_SHORT = -1 };

bool sanitize_unsafe_cp(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return true;    /* C0, DEL, C1 */
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);   /* ALM, LRM, RLM, embeddings/overrides, isolates */
}

/* The range the second byte of a sequence led by b must fall in (RFC 3629 table 3-7:
 * no overlong forms, no surrogates, nothing past U+10FFFF). Returns the length. */
static int sanitize_lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xbf;
	if (b >= 0xc2 && b <= 0xdf)
		return 2;
	if (b == 0xe0)
		*lo = 0xa0;
	else if (b == 0xed)
		*hi = 0x9f;
	if (b >= 0xe0 && b <= 0xef)
		return 3;
	if (b == 0xf0)
		*lo = 0x90;
	else if (b == 0xf4)
		*hi = 0x8f;
	return b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

/* The length of the well-formed UTF-8 character at s and its code point; UTF8_BAD
 * when the bytes are not one, UTF8_SHORT when avail ends inside a valid prefix. */
static int sanitize_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	unsigned char lo, hi;
	int n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	n = sanitize_lead(s[0], &lo, &hi);
	if (n == 0)
		return UTF8_BAD;
	*cp = s[0] & (0x7f >> n);
	for (int i = 1; i < n; i++) {
		if ((size_t)i >= avail)
			return UTF8_SHORT;
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf))
			return UTF8_BAD;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	return n;
}

/* Whether the mode lets cp through although it is unsafe elsewhere. */
static bool sanitize_kept(uint32_t cp, enum sanitize_mode mode)
{
	if (cp == '\n' || cp == '\t')
		return mode != SAN_LINE;
	return cp == '\r' && mode == SAN_JSON;
}

static void sanitize_escape(struct strbuf *out, uint32_t cp, enum sanitize_mode mode)
{
	static const char *const named[] = { ['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r",
					     [0x1b] = "\\e" };

	if (mode == SAN_JSON)
		sb_addf(out, "\\u%04x", (unsigned)cp);
	else if (cp < sizeof named / sizeof named[0] && named[cp])
		sb_add(out, named[cp]);
	else if (cp < 0x100)
		sb_addf(out, "\\x%02x", (unsigned)cp);
	else
		sb_addf(out, "\\u%04x", (unsigned)cp);
}

size_t sanitize_chunk(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode,
		      bool final)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, plain = 0;   /* p[plain..i) is copied as it is */

	while (i < len) {
		uint32_t cp;
		int n = sanitize_decode(p + i, len - i, &cp);
		if (n > 0 && (!sanitize_unsafe_cp(cp) || sanitize_kept(cp, mode))) {
			i += (size_t)n;
			continue;
		}
		if (n == UTF8_SHORT && !final)
			break;
		sb_addn(out, s + plain, i - plain);
		if (n > 0) {
			sanitize_escape(out, cp, mode);
			i += (size_t)n;
		} else {   /* one byte that is not UTF-8 */
			sanitize_escape(out, mode == SAN_JSON ? 0xfffd : p[i], mode);
			i++;
		}
		plain = i;
	}
	sb_addn(out, s + plain, i - plain);
	return i;
}

char *sanitize_str(const char *s, enum sanitize_mode mode)
{
	struct strbuf sb;

	sb_init(&sb);
	sanitize_chunk(&sb, s, strlen(s), mode, true);
	return sb.s;
}

void sanitize_into(char *buf, size_t size, const char *s, enum sanitize_mode mode)
{
	char *t;
	size_t n;

	if (size == 0)
		return;
	t = sanitize_str(s, mode);
	n = strlen(t);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)t[n] & 0xc0) == 0x80)
			n--;    /* t is well-formed UTF-8 now: back to the start of a character */
	}
	memcpy(buf, t, n);
	buf[n] = '\0';
	free(t);
}

bool sanitize_needed(const char *s, enum sanitize_mode mode)
{
	char *t = sanitize_str(s, mode);
	bool changed = strcmp(t, s) != 0;

	free(t);
	return changed;
}
