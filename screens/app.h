/* app.h — the wizard's shared state and the screen interface. STYLE.md: a screen is a
 * small vtable whose key() changes the answers or its own state and returns flags;
 * only the main loop (loop.c) draws and calls doupdate(). */
#ifndef OW_APP_H
#define OW_APP_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <limits.h>
#include <stdbool.h>

#include "cli.h"
#include "evaluate.h"
#include "keys.h"
#include "prompt.h"

/* What a key handler asks of the main loop. */
enum { HANDLED = 1, REDRAW = 2, RELAYOUT = 4, QUIT = 8 };

/* DESIGN.md: full layout from 80x24, one column below, a floor screen under 40x12. */
enum layout_mode { LAYOUT_FULL, LAYOUT_SINGLE, LAYOUT_TINY };
#define FULL_COLS 80
#define FULL_ROWS 24
#define MIN_COLS 40
#define MIN_ROWS 12

enum { SCR_QUESTIONS, SCR_COSTS, SCR_CHART, SCR_FOOTPRINT, SCR_VERDICT, SCR_HELP, SCR_COUNT };

/* Windows the loop repaints when their bit is set. */
enum { DIRTY_TITLE = 1, DIRTY_MAIN = 2, DIRTY_STATUS = 4, DIRTY_ALL = 7 };

struct app;

/* A screen (tig's view_ops, tmux's window modes): the framework allocates state_size
 * zeroed bytes for each screen at start, hands them to every call as `state`, and
 * frees them at exit. No screen keeps its cursor or choices in a file static. */
struct screen_ops {
	const char *name;       /* tab label */
	const char *hints;      /* the status line when nothing else is shown */
	size_t state_size;
	void (*init)(struct app *app, void *state);   /* optional: after allocation */
	void (*fini)(void *state);                    /* optional: free what the state holds */
	void (*layout)(struct app *app, void *state); /* the main window changed size */
	void (*draw)(struct app *app, void *state, WINDOW *w);   /* paint from app->v; never evaluate */
	int (*key)(struct app *app, void *state, const struct keyev *ev);
};

extern const struct screen_ops questions_screen, costs_screen, chart_screen,
	footprint_screen, verdict_screen, help_screen;

/* Attributes: colour pairs when colour is on, else reverse and bold only (STYLE.md #6). */
struct theme {
	attr_t title, tab_on, sel, head, good, warn, key;
	attr_t series[4];       /* chart lines; the letters carry the meaning without colour */
	attr_t part[3];         /* footprint bar: weights, KV cache, overhead */
};

/* Line drawing: curses' alternate character set, or plain ASCII. */
struct glyphs {
	chtype hline, vline, ul, ur, ll, lr, rtee, btee;
	bool ascii;
};

struct app {
	const struct wizard_opts *opts;
	const struct catalog *cat;
	struct answers answers;
	struct verdict *v;
	unsigned gen;                  /* bumped at every evaluation: screens' caches compare it */
	bool stale;                    /* answers changed: evaluate before the next draw */
	bool unsaved;                  /* answers changed since loaded or saved */
	char save_path[PATH_MAX];      /* where `s` offers to save */
	int screen, prev_screen;
	void *state[SCR_COUNT];        /* each screen's own state (screen_ops.state_size) */
	int mode, rows, cols;
	WINDOW *wtitle, *wmain, *wstatus;
	unsigned dirty;
	struct theme th;
	struct glyphs gl;
	bool colour;
	char message[300];             /* one-shot status line message */
	bool message_is_error;
	struct prompt prompt;
	int q_row;                     /* the selected question (questions screen; saved in the session) */
	char pending_path[PATH_MAX];   /* files.c: the path waiting for "replace it?" */
	int instant_errs;              /* loop.c: reads that failed at once, in a row */
};

const struct screen_ops *screen_of(int id);
/* Allocate every screen's state (and run its init); free them all. */
void app_screens_init(struct app *app);
void app_screens_free(struct app *app);
/* The shown screen's calls, with its state. */
void screen_layout(struct app *app);
void screen_draw(struct app *app, WINDOW *w);
int screen_key(struct app *app, const struct keyev *ev);

/* Change one answer; marks the verdict stale and the answers unsaved. -1 if out of range. */
int app_set_answer(struct app *app, int key, double value);
void app_replace_answers(struct app *app, const struct answers *a);
/* Re-evaluate when stale; frees the old verdict. */
void app_evaluate(struct app *app);
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_switch(struct app *app, int screen);

/* layout.c */
void layout_apply(struct app *app);

/* Flows started by global keys (files.c). */
int export_start(struct app *app);
int save_start(struct app *app, bool then_quit);
int quit_start(struct app *app);

/* loop.c */
enum loop_end { END_QUIT, END_SIGNAL, END_GONE };
int loop_run(struct app *app, int *sig);

#endif
