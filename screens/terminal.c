/* terminal.c — curses start/stop, theme and glyphs, and the signal flags (see terminal.h). */
#include "terminal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "text.h"

static volatile sig_atomic_t stop_signal, interrupted;
static bool started;

/* The signals that end the wizard through the save path (SIGINT too, once the loop
 * has seen that no prompt takes it). */
static const int stop_signals[] = { SIGHUP, SIGTERM, SIGQUIT, SIGINT };

static void on_stop(int sig)
{
	if (sig == SIGINT)
		interrupted = 1;  /* Ctrl-C: the loop decides (term_interrupt) */
	else
		stop_signal = sig;    /* the loop saves the session and restores the terminal */
}

void term_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;      /* no SA_RESTART: a blocked read returns so the loop sees the flag */
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void term_hold_signals(bool hold)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaddset(&set, stop_signals[i]);
	if (hold && stop_signal == SIGQUIT) {
		/* The wizard dies of SIGQUIT after saving, as the parent expects, but leaves
		 * no core file holding the answers behind on a shared host. */
		struct rlimit none = { 0, 0 };
		setrlimit(RLIMIT_CORE, &none);
	}
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

int term_stop_signal(void)
{
	return stop_signal;
}

int term_interrupt(struct app *app)
{
	if (!interrupted)
		return 0;
	interrupted = 0;
	if (app->prompt.active)
		return prompt_key(app, OW_CTRL('c'));   /* cancels the prompt, as Esc does */
	stop_signal = SIGINT;
	return 0;
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
	static const short fg[SERIES_COUNT] = { COLOR_CYAN, COLOR_YELLOW, COLOR_MAGENTA, COLOR_GREEN,
						COLOR_BLUE, COLOR_RED };

	start_color();
	use_default_colors();
	init_pair(1, COLOR_BLACK, COLOR_CYAN);     /* title bar */
	init_pair(2, COLOR_CYAN, -1);              /* headings */
	init_pair(3, COLOR_GREEN, -1);             /* good */
	init_pair(4, COLOR_YELLOW, -1);            /* warnings */
	for (short i = 0; i < SERIES_COUNT; i++)
		init_pair((short)(5 + i), fg[i], -1);  /* chart series, bar parts */
	t->title = COLOR_PAIR(1);
	t->head = COLOR_PAIR(2) | A_BOLD;
	t->good = COLOR_PAIR(3) | A_BOLD;
	t->warn = COLOR_PAIR(4) | A_BOLD;
	t->key = COLOR_PAIR(2) | A_BOLD;
	for (int i = 0; i < SERIES_COUNT; i++)
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

/* A terminal the wizard can draw on: terminfo knows it and it can move the cursor
 * (TERM=dumb cannot, and would draw every screen on one line). */
static int term_usable(char *err, size_t size)
{
	const char *term = getenv("TERM");
	char *cup;
	int status = 0;

	if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
		snprintf(err, size, "unknown terminal type (TERM=%s); the wizard needs one terminfo "
			 "describes (in scripts: openweigh memo --answers FILE)", term ? term : "");
		return -1;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (cup == NULL || cup == (char *)-1) {
		snprintf(err, size, "the terminal (TERM=%s) cannot move the cursor; the wizard needs "
			 "one that can (in scripts: openweigh memo --answers FILE)", term ? term : "");
		return -1;
	}
	return 0;
}

/* Ctrl-S and Ctrl-Q are keys, not flow control: with IXON on, Ctrl-S froze the
 * wizard until Ctrl-Q. curses' program mode is saved with it (endwin restores the
 * shell's mode). */
static void term_no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

int term_start(struct app *app, char *err, size_t size)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, size, "the wizard needs a terminal (in scripts: openweigh memo --answers FILE)");
		return -1;
	}
	if (term_usable(err, size) != 0)
		return -1;
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(err, size, "cannot start the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	started = true;
	set_escdelay(25);     /* Esc acts at once; escape sequences arrive faster than this */
	text_init();
	cbreak();             /* not raw(): Ctrl-C, Ctrl-\ and Ctrl-Z stay signals */
	noecho();
	nonl();
	term_no_flow_control();
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
