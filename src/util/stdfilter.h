/* stdfilter.h — standard output and standard error as the last boundary: every byte
 * written to them passes the sanitiser (sanitize.h), and every write is checked, so
 * that a full disk or a closed descriptor is exit 2 with a message, never a silent 0. */
#ifndef OW_STDFILTER_H
#define OW_STDFILTER_H

#include <stdio.h>

#include "sanitize.h"

/* Route standard error (unbuffered, as it was: nothing is held back when a signal
 * ends the process) through the sanitiser in document mode. */
void stdfilter_stderr(void);
/* Route standard output through the sanitiser in mode (SAN_JSON when what is printed
 * is JSON). Not for the wizard: curses needs the terminal itself. */
void stdfilter_stdout(enum sanitize_mode mode);
/* Flush and check both at exit. A failed write to standard output is reported on
 * standard error while that still works; either failure makes the exit code
 * OW_EXIT_IO. Returns the exit code to use, given the command's rc. */
int stdfilter_finish(int rc);

#endif
