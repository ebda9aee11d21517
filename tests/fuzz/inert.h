/* inert.h — the fuzz targets' check that what openweigh prints is inert in a terminal:
 * well-formed UTF-8 with no ESC, no other C0 control but newline and tab (and CR in
 * JSON), no DEL, no C1 control and no bidirectional control. Written apart from
 * sanitize.c so that it checks the sanitiser rather than repeating it. */
#ifndef OW_FUZZ_INERT_H
#define OW_FUZZ_INERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static bool inert_bad_cp(uint32_t cp, bool json)
{
	if (cp == '\n' || cp == '\t' || (json && cp == '\r'))
		return false;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x61c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* abort() unless s is inert. */
static void assert_inert(const char *s, bool json)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		uint32_t cp;
		int n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0)
			abort();
		cp = n == 1 ? *p : *p & (0xff >> (n + 1));
		for (int i = 1; i < n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				abort();
			cp = cp << 6 | (p[i] & 0x3f);
		}
		/* overlong forms, surrogates, beyond Unicode */
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			abort();
		if (inert_bad_cp(cp, json))
			abort();
		p += n;
	}
}

#endif
