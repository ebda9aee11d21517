/* owerr.h — the error every loader and command reports: FILE:LINE:COL: message. */
#ifndef OW_OWERR_H
#define OW_OWERR_H

#include <stddef.h>

#define OW_ERR_MSG 512

/* Exit codes (DESIGN.md, "Command line"). */
enum { OW_EXIT_OK = 0, OW_EXIT_INPUT = 1, OW_EXIT_IO = 2 };

struct ow_error {
	char file[1024];   /* empty when the error has no file */
	int line, col;     /* 1-based; 0 when unknown */
	int code;          /* OW_EXIT_INPUT or OW_EXIT_IO */
	char msg[OW_ERR_MSG];
};

void ow_error_set(struct ow_error *e, int code, const char *file, int line, int col,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* "FILE:LINE:COL: msg", "FILE: msg" or "msg" into buf, controls in the file name and
 * the message escaped (sanitize.h): what callers print or draw is one inert line. */
void ow_error_format(const struct ow_error *e, char *buf, size_t size);

#endif
