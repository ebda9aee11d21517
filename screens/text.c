/* text.c — UTF-8 decoding, column widths and ASCII spellings (see text.h). */
#include "text.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "sanitize.h"

static bool utf8_locale;

void text_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	utf8_locale = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

bool text_utf8(void)
{
	return utf8_locale;
}

/* One code point from s; malformed bytes decode as U+FFFD, one byte each. */
static unsigned decode(const unsigned char *s, size_t *len)
{
	unsigned c = s[0], cp;
	int n = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;

	*len = 1;
	if (n <= 0)
		return n == 0 ? c : 0xfffd;
	cp = c & (0x3f >> n);
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0xfffd;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*len = (size_t)n + 1;
	return cp;
}

/* ASCII spellings of the punctuation catalogs and memos use. */
static const char *ascii_for(unsigned cp)
{
	static const struct { unsigned cp; const char *s; } map[] = {
		{ 0x2014, "-" }, { 0x2013, "-" }, { 0x2212, "-" }, { 0x00d7, "x" }, { 0x2265, ">=" },
		{ 0x2264, "<=" }, { 0x2192, "->" }, { 0x2190, "<-" }, { 0x2018, "'" }, { 0x2019, "'" },
		{ 0x201c, "\"" }, { 0x201d, "\"" }, { 0x2026, "..." }, { 0x00a0, " " }, { 0x2248, "~" },
		{ 0x00b7, "." }, { 0x2022, "*" }, { 0x00b5, "u" }, { 0x00e9, "e" }, { 0x00e8, "e" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].s;
	return "?";
}

/* The wide characters to show for one code point, and their columns. */
static int glyph(unsigned cp, wchar_t out[4], int *n)
{
	int w;

	if (cp < 0x20 || cp == 0x7f) {
		out[0] = L' ';
		*n = 1;
		return 1;
	}
	if (sanitize_unsafe_cp(cp)) {   /* C1 and bidirectional controls never reach the terminal */
		out[0] = L'?';
		*n = 1;
		return 1;
	}
	if (cp < 0x80 || (utf8_locale && (w = wcwidth((wchar_t)cp)) >= 0)) {
		out[0] = (wchar_t)cp;
		*n = 1;
		return cp < 0x80 ? 1 : w;
	}
	const char *a = utf8_locale ? "?" : ascii_for(cp);
	*n = (int)strlen(a);
	for (int i = 0; i < *n; i++)
		out[i] = (wchar_t)a[i];
	return *n;
}

int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cols = 0, n;
	wchar_t g[4];
	size_t len;

	while (*p) {
		cols += glyph(decode(p, &len), g, &n);
		p += len;
	}
	return cols;
}

int text_put(WINDOW *w, int y, int x, int width, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	wchar_t buf[1024], g[4];
	int cols = 0, nb = 0, n, total = text_width(s);
	size_t len;

	if (width > getmaxx(w) - x)    /* never wrap onto the next row */
		width = getmaxx(w) - x;
	if (width <= 0 || y < 0 || y >= getmaxy(w))
		return 0;
	while (*p && nb < 1000) {
		int gw = glyph(decode(p, &len), g, &n);
		if (cols + gw > width - (total > width ? 1 : 0))
			break;
		for (int i = 0; i < n; i++)
			buf[nb++] = g[i];
		cols += gw;
		p += len;
	}
	if (total > width && cols < width) {
		buf[nb++] = L'~';
		cols++;
	}
	buf[nb] = L'\0';
	mvwaddnwstr(w, y, x, buf, nb);
	return cols;
}

int text_putf(WINDOW *w, int y, int x, int width, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return text_put(w, y, x, width, buf);
}

int text_put_right(WINDOW *w, int y, int x, int width, const char *s)
{
	int tw = text_width(s);

	if (tw >= width)
		return text_put(w, y, x, width, s);
	return text_put(w, y, x + width - tw, tw, s);
}

size_t text_line(const char *s, int width, const char **next)
{
	const unsigned char *p = (const unsigned char *)s, *brk = NULL;
	int cols = 0, n;
	wchar_t g[4];
	size_t len;

	while (*p && *p != '\n') {
		int gw = glyph(decode(p, &len), g, &n);
		if (cols + gw > width && cols > 0)
			break;
		if (*p == ' ')
			brk = p;
		cols += gw;
		p += len;
	}
	if (*p && *p != '\n' && brk != NULL)
		p = brk;    /* break at the last space that fits */
	size_t used = (size_t)(p - (const unsigned char *)s);
	while (*p == ' ')
		p++;
	if (*p == '\n')
		p++;
	*next = (const char *)p;
	return used;
}

bool text_append(char *buf, size_t size, int width, const char *part)
{
	char next[1024];

	snprintf(next, sizeof next, "%s%s", buf, part);
	if (text_width(next) > width || strlen(next) >= size)
		return false;
	memcpy(buf, next, strlen(next) + 1);
	return true;
}
