/* session.c — autosave and resume (see session.h). On a shared host the state folder
 * is trusted only when it is the user's own and nobody else may write in it; the
 * session file likewise, opened without following a link. That holds for loading as
 * for saving: another user's answers are never resumed, and nothing is written where
 * another user could have placed it. */
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "paths.h"
#include "util.h"

/* The wizard's place, after the answers: "# openweigh wizard: screen 2 question 3
 * preset regulated-enterprise gpu h100 precision fp8" (each screen adds its words). */
#define PLACE_TAG "# openweigh wizard:"
#define SESSION_FILE "session.yaml"
#define SESSION_LIMIT (1 << 20)

/* Set when loading found the state folder or file untrusted: nothing is saved there
 * either, for the rest of the run. */
static char untrusted[OW_ERR_MSG];

int session_path(char *buf, size_t size)
{
	char dir[PATH_MAX - 16];

	if (state_dir(dir, sizeof dir) != 0)
		return -1;
	return (size_t)snprintf(buf, size, "%s/" SESSION_FILE, dir) < size ? 0 : -1;
}

/* Why st (of a folder or the session file) is not to be trusted, or NULL. */
static const char *session_distrust(const struct stat *st)
{
	if (st->st_uid != getuid())
		return "belongs to another user";
	if (st->st_mode & 022)
		return "may be written by other users";
	return NULL;
}

/* The state folder, opened without following a link and trusted; -1 with e set,
 * and *absent when it does not exist. */
static int session_open_dir(const char *dir, bool *absent, struct ow_error *e)
{
	struct stat st;
	const char *why = NULL;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	*absent = fd < 0 && errno == ENOENT;
	if (fd < 0) {
		ow_error_set(e, OW_EXIT_IO, dir, 0, 0, "%s", errno == ELOOP || errno == ENOTDIR
			     ? "is a symbolic link or not a folder; not used" : strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || (why = session_distrust(&st)) != NULL) {
		ow_error_set(e, OW_EXIT_INPUT, dir, 0, 0, "%s; not used", why ? why : strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static void session_place(const struct app *app, struct strbuf *sb)
{
	sb_addf(sb, PLACE_TAG " screen %d", app_tab(app));
	if (app->preset >= 0)
		sb_addf(sb, " preset %s", app->cat->presets[app->preset].id);
	for (int id = 0; id < SCR_COUNT; id++)
		if (screen_of(id)->place_save)
			screen_of(id)->place_save(app, app->state[id], sb);
	sb_add(sb, "\n");
}

int session_save(const struct app *app, struct ow_error *e)
{
	char dir[PATH_MAX - 16], path[PATH_MAX];
	char *yaml;
	struct strbuf sb;
	int rc, dirfd;
	bool absent;

	if (untrusted[0]) {
		ow_error_set(e, OW_EXIT_IO, NULL, 0, 0, "%s", untrusted);
		return -1;
	}
	if (state_dir(dir, sizeof dir) != 0) {
		ow_error_set(e, OW_EXIT_IO, "", 0, 0, "no HOME or XDG_STATE_HOME: session not saved");
		return -1;
	}
	if (make_private_dir(dir, 0700, e) != 0 || (dirfd = session_open_dir(dir, &absent, e)) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/" SESSION_FILE, dir);
	yaml = answers_to_yaml(&app->answers);
	sb_init(&sb);
	sb_add(&sb, yaml);
	session_place(app, &sb);
	free(yaml);
	rc = write_file_at(dirfd, SESSION_FILE, path, sb.s, sb.len, 0600,
			   WRITE_REPLACE | WRITE_PRIVATE, e);
	sb_free(&sb);
	close(dirfd);
	return rc;
}

/* The place saved in the trailing comment, if any. */
int session_word(const char *line, const char *name, char *buf, size_t size)
{
	char pat[64];
	const char *at;

	snprintf(pat, sizeof pat, " %s ", name);
	if ((at = strstr(line, pat)) == NULL)
		return -1;
	at += strlen(pat);
	size_t n = strcspn(at, " \n");
	if (n == 0 || n >= size)
		return -1;
	memcpy(buf, at, n);
	buf[n] = '\0';
	return 0;
}

/* The place saved after the answers, if any (the old "screen N question M" reads too). */
static void read_place(struct app *app, const char *text)
{
	const char *tag = strstr(text, PLACE_TAG);
	char line[512], word[128];

	if (tag == NULL)
		return;
	snprintf(line, sizeof line, "%.*s ", (int)strcspn(tag, "\n"), tag);
	if (session_word(line, "screen", word, sizeof word) == 0 && atoi(word) >= 0 && atoi(word) < SCR_TABS)
		app->screen = atoi(word);
	if (session_word(line, "preset", word, sizeof word) == 0)
		for (int i = 0; i < app->cat->n_presets; i++)
			if (strcmp(app->cat->presets[i].id, word) == 0)
				app->preset = i;
	for (int id = 0; id < SCR_COUNT; id++)
		if (screen_of(id)->place_load)
			screen_of(id)->place_load(app, app->state[id], line);
}

/* Keep a session that does not load: renamed to session.yaml.bad-<UTC time>, mode
 * 0600, before anything is saved over it; e's message says where it went. */
static void session_keep_bad(int dirfd, int fd, struct ow_error *e)
{
	char stamp[32], bad[64];
	time_t t = time(NULL);
	struct tm tm;
	size_t n = strlen(e->msg);

	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	for (int i = 0; i < 100; i++) {
		if (i == 0)
			snprintf(bad, sizeof bad, SESSION_FILE ".bad-%s", stamp);
		else
			snprintf(bad, sizeof bad, SESSION_FILE ".bad-%s-%d", stamp, i);
		/* link, then unlink: never over an earlier bad session */
		if (linkat(dirfd, SESSION_FILE, dirfd, bad, 0) == 0) {
			unlinkat(dirfd, SESSION_FILE, 0);
			fchmod(fd, 0600);
			snprintf(e->msg + n, sizeof e->msg - n, "; the file is kept as %s", bad);
			return;
		}
		if (errno != EEXIST)
			break;
	}
	snprintf(e->msg + n, sizeof e->msg - n, "; it could not be kept aside (%s), so nothing "
		 "will be saved over it", strerror(errno));
	snprintf(untrusted, sizeof untrusted, "%s was not resumed and is left as it is", SESSION_FILE);
}

/* The session file inside the trusted folder: opened without following a link or
 * waiting on a FIFO, and the user's own. -1 with e set when it cannot be used (and
 * *absent when there is none). */
static int session_open_file(int dirfd, const char *path, bool *absent, struct ow_error *e)
{
	struct stat st;
	const char *why;
	int fd = openat(dirfd, SESSION_FILE, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	*absent = fd < 0 && errno == ENOENT;
	if (fd < 0) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "%s", errno == ELOOP
			     ? "is a symbolic link; not read" : strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (why = session_distrust(&st)) != NULL) {
		ow_error_set(e, OW_EXIT_INPUT, path, 0, 0, "%s; not read", why);
		close(fd);
		return -1;
	}
	return fd;
}

/* Not to be trusted: the reason is kept so that saving refuses too. */
static int session_distrusted(struct ow_error *e)
{
	char msg[OW_ERR_MSG];

	ow_error_format(e, msg, sizeof msg);
	snprintf(untrusted, sizeof untrusted, "%s", msg);
	snprintf(e->msg + strlen(e->msg), sizeof e->msg - strlen(e->msg),
		 "; nothing will be saved there");
	return -1;
}

int session_load(struct app *app, struct ow_error *e)
{
	char dir[PATH_MAX - 16], path[PATH_MAX];
	size_t len;
	char *text;
	int dirfd, fd, keep, rc;
	bool absent;

	if (state_dir(dir, sizeof dir) != 0)
		return 1;
	snprintf(path, sizeof path, "%s/" SESSION_FILE, dir);
	if ((dirfd = session_open_dir(dir, &absent, e)) < 0)
		return absent ? 1 : session_distrusted(e);
	if ((fd = session_open_file(dirfd, path, &absent, e)) < 0) {
		rc = absent ? 1 : e->code == OW_EXIT_INPUT ? session_distrusted(e) : -1;
		close(dirfd);
		return rc;
	}
	keep = dup(fd);
	rc = -1;
	if ((text = read_fd_limited(fd, path, SESSION_LIMIT, &len, e)) != NULL)
		rc = answers_parse(path, text, len, &app->answers, e);
	if (rc == 0)
		read_place(app, text);
	else if (text != NULL)   /* it was read but does not load: keep it for the user */
		session_keep_bad(dirfd, keep, e);
	free(text);
	if (keep >= 0)
		close(keep);
	close(dirfd);
	return rc;
}
