/* terminal.h — the terminal: curses set up and torn down, capabilities decided once
 * (colour, line drawing), and signals that only set flags (STYLE.md #5, #6). */
#ifndef OW_TERMINAL_H
#define OW_TERMINAL_H

#include <signal.h>

#include "app.h"

/* Install the flag-setting handlers; before curses so it leaves them alone. */
void term_signals(void);
/* Hold the stop signals while the session is saved on the way out: a late hang-up
 * must neither cut the save short nor interrupt what runs at exit. */
void term_hold_signals(bool hold);
/* The signal that asked us to stop (SIGHUP, SIGTERM, SIGQUIT, SIGINT), or 0. */
int term_stop_signal(void);
/* After the keys are read: a Ctrl-C (SIGINT) cancels the active prompt, else it
 * stops the wizard like SIGTERM (the session saved). Returns loop flags. */
int term_interrupt(struct app *app);

/* Start curses on the controlling terminal; -1 with a message in err (no terminal, or
 * one without cursor addressing such as TERM=dumb). */
int term_start(struct app *app, char *err, size_t size);
void term_stop(void);

#endif
