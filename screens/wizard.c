/* wizard.c — the wizard's entry point: where the answers start from (--answers FILE or
 * a preset's name, the autosaved session, or the defaults with the presets offered),
 * the terminal's lifetime, and the autosave on every way out but "quit, discard". */
#include "wizard.h"

#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "session.h"
#include "terminal.h"

#define DEFAULT_SAVE "openweigh-answers.yaml"

/* The preset a --answers file is (by file name), or -1. */
static int wizard_preset_of(const struct app *app, const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (int i = 0; i < app->cat->n_presets; i++) {
		const char *p = strrchr(app->cat->presets[i].path, '/');
		if (strcmp(p ? p + 1 : app->cat->presets[i].path, base) == 0)
			return i;
	}
	return -1;
}

/* Whether path is one of the catalog's own preset files (not a copy of one): saving
 * over it would change the preset for everyone who can read the catalog. */
static bool wizard_is_catalog_preset(const struct app *app, const char *path)
{
	char mine[PATH_MAX], theirs[PATH_MAX];

	if (realpath(path, mine) == NULL)
		return false;
	for (int i = 0; i < app->cat->n_presets; i++)
		if (realpath(app->cat->presets[i].path, theirs) != NULL && strcmp(mine, theirs) == 0)
			return true;
	return false;
}

static void wizard_resume(struct app *app)
{
	struct ow_error e;
	char msg[700];

	switch (session_load(app, &e)) {
	case 0:
		app_message(app, false, "Resumed the last session. ? for help");
		break;
	case 1:
		app_message(app, false, "Start from a preset (Enter) or answer the questions. ? for help");
		break;
	default:
		ow_error_format(&e, msg, sizeof msg);
		answers_default(&app->answers);
		app->preset = -1;
		app_message(app, true, "Session not resumed: %s", msg);
	}
}

/* --answers FILE, else the session, else the defaults. -1 when FILE is bad. */
static int wizard_starting_answers(struct app *app)
{
	struct ow_error e;

	answers_default(&app->answers);
	app->preset = -1;
	snprintf(app->save_path, sizeof app->save_path, "%s", DEFAULT_SAVE);
	if (app->opts->answers_path) {
		if (answers_load(app->opts->answers_path, &app->answers, &e) != 0) {
			cli_report(&e);
			return -1;
		}
		if (!wizard_is_catalog_preset(app, app->opts->answers_path))
			snprintf(app->save_path, sizeof app->save_path, "%s", app->opts->answers_path);
		app->preset = wizard_preset_of(app, app->opts->answers_path);
	} else {
		wizard_resume(app);
	}
	app->saved = app->answers;
	return 0;
}

/* After the terminal is restored: save the session (unless discarded), say why we stopped. */
static int wizard_finish(struct app *app, int end, int sig)
{
	struct ow_error e;
	char path[PATH_MAX], msg[700];

	if (end == END_QUIT && app->discard)
		return OW_EXIT_OK;
	if (session_save(app, &e) != 0) {
		ow_error_format(&e, msg, sizeof msg);
		fprintf(stderr, "openweigh: session not saved: %s\n", msg);
		return OW_EXIT_IO;
	}
	if (end != END_QUIT && session_path(path, sizeof path) == 0)
		fprintf(stderr, "openweigh: %s; answers saved to %s\n",
			end == END_SIGNAL ? strsignal(sig) : "terminal gone", path);
	return end == END_GONE ? OW_EXIT_IO : OW_EXIT_OK;
}

static void wizard_release_windows(struct app *app)
{
	WINDOW **w[] = { &app->wtitle, &app->wcompare, &app->wmain, &app->wstatus, &app->woverflow };

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (*w[i]) {
			delwin(*w[i]);
			*w[i] = NULL;
		}
}

/* Keep freed memory for the next evaluation. Each evaluate() allocates and frees about
 * 1.6 MB of candidates several times over; glibc gives the heap's free top back to the
 * kernel past 128 kB, so every keypress faulted it in again: 547 page faults a key on
 * the volume (perf stat, regulated-enterprise), 5 with this. What it keeps is the
 * process's peak, a few MB. mallopt(3): setting either threshold turns off glibc's
 * adaptive one, and M_MMAP_THRESHOLD is refused above 32 MiB (4 Mi x sizeof(long): 512
 * KiB on 32-bit), where this leaves glibc's defaults alone. */
static void wizard_keep_heap(void)
{
#ifdef __GLIBC__
	if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1)   /* blocks up to 32 MiB from the heap */
		mallopt(M_TRIM_THRESHOLD, 64 << 20);        /* up to 64 MiB free at its top kept */
#endif
}

int wizard_run(const struct wizard_opts *opts)
{
	static struct app app;    /* one wizard per process */
	char err[256];
	int end, sig = 0, rc;

	wizard_keep_heap();
	memset(&app, 0, sizeof app);
	app.opts = opts;
	app.cat = opts->catalog;
	app.stale = true;
	app_screens_init(&app);
	if (wizard_starting_answers(&app) != 0) {
		app_screens_free(&app);
		return OW_EXIT_INPUT;
	}
	term_signals();
	if (term_start(&app, err, sizeof err) != 0) {
		fprintf(stderr, "openweigh: %s\n", err);
		app_screens_free(&app);
		return OW_EXIT_INPUT;
	}
	end = loop_run(&app, &sig);
	term_hold_signals(true);
	wizard_release_windows(&app);
	term_stop();
	rc = wizard_finish(&app, end, sig);
	app_free(&app);
	app_screens_free(&app);
	if (end == END_SIGNAL) {
		signal(sig, SIG_DFL);   /* die of the signal, as the parent expects */
		raise(sig);
		term_hold_signals(false);
	}
	return rc;
}
