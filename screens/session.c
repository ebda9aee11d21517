/* session.c — autosave and resume (see session.h). */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "paths.h"
#include "util.h"

#define PLACE_TAG "# openweigh wizard: screen %d question %d"

int session_path(char *buf, size_t size)
{
	char dir[PATH_MAX - 16];

	if (state_dir(dir, sizeof dir) != 0)
		return -1;
	return (size_t)snprintf(buf, size, "%s/session.yaml", dir) < size ? 0 : -1;
}

int session_save(const struct app *app, struct ow_error *e)
{
	char dir[PATH_MAX - 16], path[PATH_MAX];
	char *yaml;
	struct strbuf sb;
	int rc;

	if (state_dir(dir, sizeof dir) != 0) {
		ow_error_set(e, OW_EXIT_IO, "", 0, 0, "no HOME or XDG_STATE_HOME: session not saved");
		return -1;
	}
	if (make_private_dir(dir, 0700, e) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/session.yaml", dir);
	yaml = answers_to_yaml(&app->answers);
	sb_init(&sb);
	sb_add(&sb, yaml);
	sb_addf(&sb, PLACE_TAG "\n", app->screen == SCR_HELP ? app->prev_screen : app->screen,
		app->q_row);
	free(yaml);
	rc = write_file_atomic(path, sb.s, sb.len, 0600, WRITE_REPLACE, e);
	sb_free(&sb);
	return rc;
}

/* The place saved in the trailing comment, if any. */
static void read_place(struct app *app, const char *text)
{
	const char *tag = strstr(text, "# openweigh wizard:");
	int screen, row;

	if (tag && sscanf(tag, PLACE_TAG, &screen, &row) == 2) {
		if (screen >= 0 && screen < SCR_HELP)
			app->screen = screen;
		if (row >= 0)
			app->q_row = row;
	}
}

int session_load(struct app *app, struct ow_error *e)
{
	char path[PATH_MAX];
	struct stat st;
	size_t len;
	char *text;
	int rc;

	if (session_path(path, sizeof path) != 0 || (stat(path, &st) != 0 && errno == ENOENT))
		return 1;
	if ((text = read_file_limited(path, 1 << 20, &len, e)) == NULL)
		return -1;
	rc = answers_parse(path, text, len, &app->answers, e);
	if (rc == 0)
		read_place(app, text);
	free(text);
	return rc;
}
