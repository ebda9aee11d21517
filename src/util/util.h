/* util.h — allocation that never returns NULL, a growable string, file reading. */
#ifndef OW_UTIL_H
#define OW_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "owerr.h"

void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated string. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_init(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);

/* Whole file into memory, at most limit bytes; NULL with e set (OW_EXIT_IO, or
 * OW_EXIT_INPUT when too large or not a regular file). Opened non-blocking and
 * checked with fstat before any read: a FIFO, socket or device is refused, never
 * waited on. */
char *read_file_limited(const char *path, size_t limit, size_t *len, struct ow_error *e);
/* The same for a file already open (name for messages); always closes fd. */
char *read_fd_limited(int fd, const char *name, size_t limit, size_t *len, struct ow_error *e);

/* "$12,345" / "$0.42": money for people (whole dollars from $100 up). */
void fmt_usd(char *buf, size_t size, double usd);
/* "1,234,567" */
void fmt_int(char *buf, size_t size, double v);
/* "1.2M", "350K", "2.5B": volumes in short form. */
void fmt_short(char *buf, size_t size, double v);
/* "16.06 GB" (decimal) */
void fmt_gb(char *buf, size_t size, double bytes);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
