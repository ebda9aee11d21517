/* owerr.c — building and printing positioned errors. */
#include "owerr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sanitize.h"

void ow_error_set(struct ow_error *e, int code, const char *file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	e->code = code;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

void ow_error_format(const struct ow_error *e, char *buf, size_t size)
{
	char file[sizeof e->file * 2], msg[OW_ERR_MSG * 2];

	/* A value quoted in the message, or the file's name, may hold escapes or line
	 * breaks: shown escaped, the message stays one inert line. */
	sanitize_into(file, sizeof file, e->file, SAN_LINE);
	sanitize_into(msg, sizeof msg, e->msg, SAN_LINE);
	if (file[0] && e->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s", file, e->line, e->col, msg);
	else if (file[0])
		snprintf(buf, size, "%s: %s", file, msg);
	else
		snprintf(buf, size, "%s", msg);
}
