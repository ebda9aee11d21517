/* files.c — the export dialog (e), saving the answers (s) and quitting (q): chains of
 * status-line prompts that never overwrite a file without asking. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app.h"
#include "fileio.h"
#include "memo.h"
#include "util.h"

enum what { W_MARKDOWN, W_JSON, W_ANSWERS };
enum { THEN_QUIT = 16 };    /* or'ed into a prompt's arg */

void files_now_iso(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");   /* reproducible output, as the CLI */
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The file's text, escaped as the command line's documents are (cli_document). */
static char *content_of(struct app *app, enum what w)
{
	char when[32], *raw, *text;

	if (w == W_ANSWERS)
		return answers_to_yaml(&app->answers);
	app_evaluate(app);
	files_now_iso(when, sizeof when);
	if (w == W_MARKDOWN) {
		raw = memo_markdown(app->v, when);
	} else {
		char *j = memo_json(app->v, when);
		raw = xcalloc(1, strlen(j) + 2);
		sprintf(raw, "%s\n", j);
		free(j);
	}
	text = cli_document(raw, w == W_JSON);
	free(raw);
	return text;
}

static int write_it(struct app *app, const char *path, int arg, int replace)
{
	enum what w = (enum what)(arg & ~THEN_QUIT);
	struct ow_error e;
	mode_t mask = umask(0);
	char *text = content_of(app, w);
	int rc;

	umask(mask);
	rc = write_file_atomic(path, text, strlen(text), 0666 & ~mask, replace, &e);
	free(text);
	if (rc != 0) {
		char msg[700];
		ow_error_format(&e, msg, sizeof msg);
		app_message(app, true, "Not written: %s", msg);
		return HANDLED;
	}
	app_message(app, false, "Wrote %s (%s)", path,
		    w == W_ANSWERS ? "answers" : w == W_JSON ? "JSON memo" : "Markdown memo");
	if (w == W_ANSWERS) {
		snprintf(app->save_path, sizeof app->save_path, "%s", path);
		app_mark_saved(app);
	}
	return arg & THEN_QUIT ? HANDLED | QUIT : HANDLED;
}

static int replace_done(struct app *app, struct prompt *p, int choice)
{
	if (choice != 'y') {
		app_message(app, false, "Not written: %s exists", app->pending_path);
		return HANDLED;
	}
	return write_it(app, app->pending_path, p->arg, WRITE_REPLACE);
}

/* A path typed: write it, or ask first when something is already there. */
static int path_done(struct app *app, struct prompt *p, int choice)
{
	struct stat st;
	char label[PATH_MAX + 64];

	if (!choice || !p->buf[0]) {
		app_message(app, false, "Cancelled");
		return HANDLED;
	}
	if (lstat(p->buf, &st) != 0)
		return write_it(app, p->buf, p->arg, WRITE_NO_CLOBBER);
	if (!S_ISREG(st.st_mode))   /* a symlink or a folder: fileio refuses, with the reason */
		return write_it(app, p->buf, p->arg, WRITE_NO_CLOBBER);
	snprintf(app->pending_path, sizeof app->pending_path, "%s", p->buf);
	snprintf(label, sizeof label, "%s exists. Replace it? (y/n)", p->buf);
	return prompt_choice(app, label, "yn", replace_done, p->arg);
}

static int format_done(struct app *app, struct prompt *p, int choice)
{
	(void)p;
	if (!choice)
		return HANDLED;
	bool json = choice == 'j';
	return prompt_text(app, json ? "Write the JSON memo to:" : "Write the Markdown memo to:",
			   json ? "openweigh-memo.json" : "openweigh-memo.md", path_done,
			   json ? W_JSON : W_MARKDOWN);
}

int export_start(struct app *app)
{
	return prompt_choice(app, "Export the memo as (m)arkdown or (j)son? Esc cancels", "mj",
			     format_done, 0);
}

int save_start(struct app *app, bool then_quit)
{
	return prompt_text(app, "Save the answers to:", app->save_path, path_done,
			   W_ANSWERS | (then_quit ? THEN_QUIT : 0));
}

static int quit_done(struct app *app, struct prompt *p, int choice)
{
	(void)p;
	if (choice == 'y')
		return save_start(app, true);
	app->discard = choice == 'n';    /* "no" discards: not even the session keeps them */
	return choice == 'n' ? HANDLED | QUIT : HANDLED;
}

int quit_start(struct app *app)
{
	if (!app->unsaved)
		return HANDLED | QUIT;
	return prompt_choice(app, "Answers changed. Save them to a file first? (y)es (n)o: discard them (c)ancel",
			     "ync", quit_done, 0);
}
