/* util.c — small helpers shared by the core, the CLI and the screens. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(void)
{
	fputs("openweigh: out of memory\n", stderr);
	exit(OW_EXIT_IO);
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory();
	p = realloc(p, n != 0 && size != 0 ? n * size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xcalloc(1, n + 1);
	memcpy(p, s, n);
	return p;
}

void sb_init(struct strbuf *sb)
{
	sb->s = xcalloc(1, 256);
	sb->len = 0;
	sb->cap = 256;
}

static void sb_reserve(struct strbuf *sb, size_t more)
{
	if (sb->len + more + 1 <= sb->cap)
		return;
	while (sb->len + more + 1 > sb->cap)
		sb->cap *= 2;
	sb->s = xreallocarray(sb->s, sb->cap, 1);
}

void sb_add(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	sb_reserve(sb, n);
	memcpy(sb->s + sb->len, s, n + 1);
	sb->len += n;
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_reserve(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_reserve(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

/* What a file that is not a regular one is, for the message. */
static const char *util_file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket"
	       : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a regular file";
}

/* Read fd to its end into a buffer of at most limit bytes. */
static char *util_read_all(int fd, const char *name, size_t limit, size_t *len, struct ow_error *e)
{
	size_t have = 0, cap = 4096;
	char *buf = xcalloc(1, cap + 1);

	for (;;) {
		ssize_t r;
		if (have == cap) {
			if (cap > limit) {
				ow_error_set(e, OW_EXIT_INPUT, name, 0, 0, "file is larger than %zu bytes", limit);
				free(buf);
				return NULL;
			}
			cap *= 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		r = read(fd, buf + have, cap - have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ow_error_set(e, OW_EXIT_IO, name, 0, 0, "cannot read: %s", strerror(errno));
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		have += (size_t)r;
	}
	if (have > limit) {
		ow_error_set(e, OW_EXIT_INPUT, name, 0, 0, "file is larger than %zu bytes", limit);
		free(buf);
		return NULL;
	}
	buf[have] = '\0';
	*len = have;
	return buf;
}

char *read_fd_limited(int fd, const char *name, size_t limit, size_t *len, struct ow_error *e)
{
	struct stat st;
	char *buf = NULL;

	if (fstat(fd, &st) != 0)
		ow_error_set(e, OW_EXIT_IO, name, 0, 0, "cannot read: %s", strerror(errno));
	else if (!S_ISREG(st.st_mode))
		ow_error_set(e, OW_EXIT_INPUT, name, 0, 0, "is %s, not a regular file", util_file_kind(st.st_mode));
	else if ((uintmax_t)st.st_size > limit)
		ow_error_set(e, OW_EXIT_INPUT, name, 0, 0, "file is larger than %zu bytes", limit);
	else
		buf = util_read_all(fd, name, limit, len, e);
	close(fd);
	return buf;
}

char *read_file_limited(const char *path, size_t limit, size_t *len, struct ow_error *e)
{
	/* O_NONBLOCK: opening a FIFO with no writer returns at once (and fstat refuses it);
	 * on a regular file it changes nothing. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	return read_fd_limited(fd, path, limit, len, e);
}

/* Digits of v (≥ 0, integral) with thousands separators. */
static void group_digits(char *buf, size_t size, double v)
{
	char raw[64];
	char out[96];
	size_t n, o = 0;

	snprintf(raw, sizeof raw, "%.0f", v);
	n = strlen(raw);
	for (size_t i = 0; i < n && o + 2 < sizeof out; i++) {
		out[o++] = raw[i];
		if ((n - i - 1) % 3 == 0 && i + 1 < n)
			out[o++] = ',';
	}
	out[o] = '\0';
	snprintf(buf, size, "%s", out);
}

void fmt_int(char *buf, size_t size, double v)
{
	char digits[96];

	if (!isfinite(v)) {
		snprintf(buf, size, "n/a");
		return;
	}
	group_digits(digits, sizeof digits, fabs(round(v)));
	snprintf(buf, size, "%s%s", v < -0.5 ? "-" : "", digits);
}

void fmt_usd(char *buf, size_t size, double usd)
{
	char digits[96];

	if (!isfinite(usd)) {
		snprintf(buf, size, "n/a");
		return;
	}
	if (fabs(usd) < 100 && fabs(usd - round(usd)) > 0.005) {
		snprintf(buf, size, "%s$%.2f", usd < 0 ? "-" : "", fabs(usd));
		return;
	}
	group_digits(digits, sizeof digits, fabs(round(usd)));
	snprintf(buf, size, "%s$%s", usd < -0.5 ? "-" : "", digits);
}

void fmt_short(char *buf, size_t size, double v)
{
	static const struct { double div; const char *suffix; } units[] = {
		{ 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "K" },
	};

	for (size_t i = 0; i < ARRAY_LEN(units); i++) {
		if (v >= units[i].div) {
			double x = v / units[i].div;
			if (x >= 100 || fabs(x - round(x)) < 0.05)
				snprintf(buf, size, "%.0f%s", x, units[i].suffix);
			else
				snprintf(buf, size, "%.1f%s", x, units[i].suffix);
			return;
		}
	}
	snprintf(buf, size, "%.0f", v);
}

void fmt_gb(char *buf, size_t size, double bytes)
{
	snprintf(buf, size, "%.2f GB", bytes / 1e9);
}
