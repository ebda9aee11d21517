/* owerr.c — building and printing positioned errors. */
#include "owerr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
	if (e->file[0] && e->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
	else if (e->file[0])
		snprintf(buf, size, "%s: %s", e->file, e->msg);
	else
		snprintf(buf, size, "%s", e->msg);
}
