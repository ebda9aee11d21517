/* terminal.c — curses start/stop, theme and glyphs, and the signal flags (see terminal.h). */
#include "terminal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

static volatile sig_atomic_t stop_signal;
static bool started;

static void on_stop(int sig)
{
	stop_signal = sig;    /* the loop saves the session and restores the terminal */
}

void term_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;      /* no SA_RESTART: a blocked read returns so the loop sees the flag */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void term_hold_signals(bool hold)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

int term_stop_signal(void)
{
	return stop_signal;
}

/* Colour when the terminal has it and neither NO_COLOR (no-color.org) nor --no-color. */
static bool want_colour(const struct app *app)
{
	const char *nc = getenv("NO_COLOR");

	return !app->opts->no_color && !(nc && *nc) && has_colors();
}

static void theme_mono(struct theme *t)
{
	*t = (struct theme){ 0 };
	t->title = A_REVERSE;
	t->tab_on = A_BOLD;
	t->sel = A_REVERSE;
	t->head = A_BOLD;
	t->good = A_BOLD;
	t->warn = A_BOLD;
	t->key = A_BOLD;
}

static void theme_colour(struct theme *t)
{
	static const short fg[] = { COLOR_CYAN, COLOR_YELLOW, COLOR_MAGENTA, COLOR_GREEN };

	start_color();
	use_default_colors();
	init_pair(1, COLOR_BLACK, COLOR_CYAN);     /* title bar */
	init_pair(2, COLOR_CYAN, -1);              /* headings */
	init_pair(3, COLOR_GREEN, -1);             /* good */
	init_pair(4, COLOR_YELLOW, -1);            /* warnings */
	for (short i = 0; i < 4; i++)
		init_pair((short)(5 + i), fg[i], -1);  /* chart series, bar parts */
	t->title = COLOR_PAIR(1);
	t->head = COLOR_PAIR(2) | A_BOLD;
	t->good = COLOR_PAIR(3) | A_BOLD;
	t->warn = COLOR_PAIR(4) | A_BOLD;
	t->key = COLOR_PAIR(2) | A_BOLD;
	for (int i = 0; i < 4; i++)
		t->series[i] = COLOR_PAIR(5 + i) | A_BOLD;
	for (int i = 0; i < 3; i++)
		t->part[i] = COLOR_PAIR(5 + i);
}

/* ACS when the terminal has an alternate character set, else ASCII (or --ascii). */
static void glyphs_init(struct app *app)
{
	const char *acsc = tigetstr("acsc");
	bool ascii = app->opts->ascii || acsc == NULL || acsc == (char *)-1 || *acsc == '\0';
	struct glyphs *g = &app->gl;

	g->ascii = ascii;
	g->hline = ascii ? '-' : ACS_HLINE;
	g->vline = ascii ? '|' : ACS_VLINE;
	g->ul = ascii ? '+' : ACS_ULCORNER;
	g->ur = ascii ? '+' : ACS_URCORNER;
	g->ll = ascii ? '+' : ACS_LLCORNER;
	g->lr = ascii ? '+' : ACS_LRCORNER;
	g->rtee = ascii ? '+' : ACS_RTEE;
	g->btee = ascii ? '+' : ACS_BTEE;
}

int term_start(struct app *app, char *err, size_t size)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, size, "the wizard needs a terminal (in scripts: openweigh memo --answers FILE)");
		return -1;
	}
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(err, size, "cannot start the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	started = true;
	set_escdelay(25);     /* Esc acts at once; escape sequences arrive faster than this */
	text_init();
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	app->colour = want_colour(app);
	theme_mono(&app->th);
	if (app->colour)
		theme_colour(&app->th);
	glyphs_init(app);
	return 0;
}

void term_stop(void)
{
	if (!started)
		return;
	curs_set(1);
	endwin();
	started = false;
}
