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
#include "compare.h"
#include "evaluate.h"
#include "keys.h"
#include "prompt.h"

struct strbuf;

/* What a key handler asks of the main loop. */
enum { HANDLED = 1, REDRAW = 2, RELAYOUT = 4, QUIT = 8 };

/* DESIGN.md: full layout from 80x24, one column below, a floor screen under 40x12. */
enum layout_mode { LAYOUT_FULL, LAYOUT_SINGLE, LAYOUT_TINY };
#define FULL_COLS 80
#define FULL_ROWS 24
#define MIN_COLS 40
#define MIN_ROWS 12

/* The five tabs, then the overlays (q and Esc close them, back to where they opened). */
enum screen_id {
	SCR_QUESTIONS, SCR_COSTS, SCR_CHART, SCR_FOOTPRINT, SCR_VERDICT, SCR_TABS = SCR_VERDICT + 1,
	SCR_HELP = SCR_TABS, SCR_DETAIL, SCR_MEMO, SCR_COUNT
};
#define OVERLAY_DEPTH 4

/* Windows the loop repaints when their bit is set. */
enum { DIRTY_TITLE = 1, DIRTY_MAIN = 2, DIRTY_STATUS = 4, DIRTY_COMPARE = 8, DIRTY_ALL = 15 };

struct app;

/* A screen (tig's view_ops, tmux's window modes): the framework allocates state_size
 * zeroed bytes for each screen at start, hands them to every call as `state`, and
 * frees them at exit. No screen keeps its cursor or choices in a file static. */
struct screen_ops {
	const char *name;       /* tab label */
	const char *hints;      /* the status line when nothing else is shown */
	unsigned scopes;        /* SCOPE_BIT()s of its own keys (keys.h) */
	size_t state_size;
	void (*init)(struct app *app, void *state);   /* optional: after allocation */
	void (*fini)(void *state);                    /* optional: free what the state holds */
	void (*enter)(struct app *app, void *state);  /* optional: the screen is shown */
	void (*layout)(struct app *app, void *state); /* the main window changed size */
	void (*draw)(struct app *app, void *state, WINDOW *w);   /* paint from app->v; never evaluate */
	int (*key)(struct app *app, void *state, const struct keyev *ev);
	/* optional: a press of the first button at (y, x) of the main window */
	int (*click)(struct app *app, void *state, int y, int x);
	/* optional: the status line's hints when they depend on the state */
	const char *(*status)(struct app *app, void *state);
	/* optional: the screen's place in the session file ("gpu h100 precision fp8"),
	 * and reading it back from the session's place line */
	void (*place_save)(const struct app *app, const void *state, struct strbuf *sb);
	void (*place_load)(struct app *app, void *state, const char *line);
	/* optional: the text view that / and n search, built for the verdict now */
	struct textview *(*text)(struct app *app, void *state);
};

extern const struct screen_ops questions_screen, costs_screen, chart_screen,
	footprint_screen, verdict_screen, help_screen, detail_screen, memo_screen;

/* Attributes: colour pairs when colour is on, else reverse and bold only (STYLE.md #6). */
#define SERIES_COUNT 6
struct theme {
	attr_t title, tab_on, sel, head, good, warn, key;
	attr_t series[SERIES_COUNT];  /* chart lines; the letters carry the meaning without colour */
	attr_t part[3];               /* footprint bar: weights, KV cache, overhead */
};

/* Line drawing: curses' alternate character set, or plain ASCII. */
struct glyphs {
	chtype hline, vline, ul, ur, ll, lr, rtee, btee;
	bool ascii;
};

/* One change of the answers, for undo and redo. */
struct change {
	struct answers before, after;
	int preset_before, preset_after;
	char what[200];
};

struct history {
	struct change *items;
	int n, pos;             /* items[0 .. pos) are done; items[pos .. n) undone */
};

/* A pinned baseline and the difference of the current verdict to it. */
struct baseline {
	bool pinned;
	struct answers answers;
	struct verdict *v;
	struct verdict_diff diff;      /* filled at every evaluation while pinned */
};

struct app {
	const struct wizard_opts *opts;
	const struct catalog *cat;
	struct answers answers;
	struct answers saved;          /* as loaded or last saved: "[+]" when they differ */
	int preset;                    /* the preset the answers were loaded from; -1 none */
	struct verdict *v;
	unsigned gen;                  /* bumped at every evaluation: screens' caches compare it */
	bool stale;                    /* answers changed: evaluate before the next draw */
	bool unsaved;                  /* answers differ from app->saved */
	bool discard;                  /* quit without saving the session (q, then n) */
	struct history history;
	struct baseline base;
	char save_path[PATH_MAX];      /* where `s` offers to save */
	char pending_path[PATH_MAX];   /* files.c: the path waiting for "replace it?" */
	char search[128];              /* the last text searched for with / */
	int screen;                    /* the screen shown */
	int back[OVERLAY_DEPTH], n_back;   /* where closing each open overlay returns */
	void *state[SCR_COUNT];        /* each screen's own state (screen_ops.state_size) */
	int mode, rows, cols;
	WINDOW *wtitle, *wcompare, *wmain, *wstatus;
	WINDOW *woverflow;             /* chrome.c: rows above the status a long message takes */
	unsigned dirty;
	struct theme th;
	struct glyphs gl;
	bool colour;
	char message[300];             /* one-shot status line message */
	bool message_is_error;
	struct prompt prompt;
	int instant_errs;              /* loop.c: reads that failed at once, in a row */
};

const struct screen_ops *screen_of(int id);
/* Allocate every screen's state (and run its init); free them all. */
void app_screens_init(struct app *app);
void app_screens_free(struct app *app);
/* The shown screen's calls, with its state. */
void app_screen_layout(struct app *app);
void app_screen_draw(struct app *app, WINDOW *w);
int app_screen_key(struct app *app, const struct keyev *ev);
const char *app_screen_hints(struct app *app);

/* Every change of the answers goes through here: recorded for undo (what names it;
 * NULL: described from the one key that changed), the verdict marked stale. */
void app_change(struct app *app, const struct answers *after, int preset, const char *what);
/* Change one answer; -1 (and nothing changed) if out of range. */
int app_set_answer(struct app *app, int key, double value);
/* The answers as they are now count as saved (loaded from or written to a file). */
void app_mark_saved(struct app *app);
int app_undo(struct app *app);
int app_redo(struct app *app);
/* Pin the current answers as the baseline, or drop it. */
int app_pin(struct app *app);
int app_unpin(struct app *app);
/* Re-evaluate when stale; frees the old verdict. */
void app_evaluate(struct app *app);
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show a tab (closing any overlay), or open an overlay over what is shown. */
void app_switch(struct app *app, int screen);
void app_open(struct app *app, int overlay);
/* Close the overlay shown; false when a tab is shown. */
bool app_close(struct app *app);
/* The tab to highlight: the one shown, or the one under the overlays shown. */
int app_tab(const struct app *app);
void app_free(struct app *app);

/* layout.c */
void layout_apply(struct app *app);

/* Flows started by global keys (files.c), and the time memos are stamped with
 * (SOURCE_DATE_EPOCH when set, as the CLI). */
void files_now_iso(char *buf, size_t size);
int export_start(struct app *app);
int save_start(struct app *app, bool then_quit);
int quit_start(struct app *app);
/* Search (/ n N) in the shown screen's text view (search.c). */
int search_start(struct app *app);
int search_again(struct app *app, int dir);

/* loop.c */
enum loop_end { END_QUIT, END_SIGNAL, END_GONE };
int loop_run(struct app *app, int *sig);

#endif
