/* stdfilter.c — sanitised, checked standard streams through fopencookie (see stdfilter.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE    /* fopencookie; the fuzz build compiles without configure's flags */
#endif
#include "stdfilter.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "owerr.h"

struct stdfilter {
	FILE *stream;             /* the filtered stream, or NULL when not installed */
	int fd;
	enum sanitize_mode mode;
	char carry[4];            /* the start of a UTF-8 character split between writes */
	size_t n_carry;
	int err;                  /* errno of the first failed write; 0 if none */
};

static struct stdfilter filter_out = { .fd = STDOUT_FILENO };
static struct stdfilter filter_err = { .fd = STDERR_FILENO };

static int stdfilter_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EAGAIN) {   /* a descriptor someone made non-blocking */
			struct pollfd pf = { .fd = fd, .events = POLLOUT };
			poll(&pf, 1, -1);
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Sanitise the carried bytes and buf, write what is complete, carry the rest. */
static int stdfilter_pass(struct stdfilter *f, const char *buf, size_t size, bool final)
{
	struct strbuf in, out;
	size_t used;
	int rc = 0;

	sb_init(&in);
	sb_init(&out);
	sb_addn(&in, f->carry, f->n_carry);
	sb_addn(&in, buf, size);
	used = sanitize_chunk(&out, in.s, in.len, f->mode, final);
	f->n_carry = in.len - used;          /* at most 3 bytes: a valid prefix */
	memcpy(f->carry, in.s + used, f->n_carry);
	if (f->err == 0 && stdfilter_write_all(f->fd, out.s, out.len) != 0) {
		f->err = errno;
		rc = -1;
	} else if (f->err != 0) {
		errno = f->err;
		rc = -1;
	}
	sb_free(&in);
	sb_free(&out);
	return rc;
}

static ssize_t stdfilter_write(void *cookie, const char *buf, size_t size)
{
	return stdfilter_pass(cookie, buf, size, false) == 0 ? (ssize_t)size : -1;
}

static FILE *stdfilter_open(struct stdfilter *f, enum sanitize_mode mode)
{
	cookie_io_functions_t io = { .write = stdfilter_write };

	f->mode = mode;
	f->stream = fopencookie(f, "w", io);
	return f->stream;
}

void stdfilter_stderr(void)
{
	FILE *s = stdfilter_open(&filter_err, SAN_DOC);

	if (s != NULL) {
		setvbuf(s, NULL, _IONBF, 0);
		stderr = s;
	}
}

void stdfilter_stdout(enum sanitize_mode mode)
{
	FILE *s;

	fflush(stdout);
	if (filter_out.stream != NULL) {
		filter_out.mode = mode;
		return;
	}
	if ((s = stdfilter_open(&filter_out, mode)) != NULL)
		stdout = s;
}

/* Flush f's stream and its carried bytes; 0, or -1 with errno of the first failure. */
static int stdfilter_flush(struct stdfilter *f)
{
	if (f->stream == NULL)
		return 0;
	if (fflush(f->stream) != 0 || ferror(f->stream) ||
	    (f->n_carry > 0 && stdfilter_pass(f, "", 0, true) != 0)) {
		errno = f->err ? f->err : EIO;
		return -1;
	}
	return 0;
}

int stdfilter_finish(int rc)
{
	if (stdfilter_flush(&filter_out) != 0 ||
	    (filter_out.stream != NULL && close(STDOUT_FILENO) != 0 && errno != EBADF)) {
		fprintf(stderr, "openweigh: standard output: %s\n", strerror(errno));
		rc = OW_EXIT_IO;
	}
	if (stdfilter_flush(&filter_err) != 0)
		rc = OW_EXIT_IO;
	return rc;
}
