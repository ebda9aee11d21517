/* fileio.c — atomic, symlink-refusing, no-clobber writes (see fileio.h). */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The folder of path (a copy for dirname(), which may modify its argument). */
static void folder_of(const char *path, char *out, size_t size)
{
	char *copy = xstrdup(path);
	snprintf(out, size, "%s", dirname(copy));
	free(copy);
}

static int check_target(const char *path, int replace, struct ow_error *e)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : (ow_error_set(e, OW_EXIT_IO, path, 0, 0, "%s", strerror(errno)), -1);
	if (S_ISLNK(st.st_mode)) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "is a symbolic link; refusing to write through it");
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "exists and is not a regular file");
		return -1;
	}
	if (!replace) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "already exists (use --force to replace it)");
		return -1;
	}
	return 0;
}

int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, int replace,
		      struct ow_error *e)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 32];
	int fd, saved;

	if (check_target(path, replace, e) != 0)
		return -1;
	folder_of(path, dir, sizeof dir);
	snprintf(tmp, sizeof tmp, "%s/.openweigh-XXXXXX", dir);
	/* mkstemp: an unpredictable name, created O_EXCL with mode 0600. */
	fd = mkstemp(tmp);
	if (fd < 0) {
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot create a file in %s: %s", dir, strerror(errno));
		return -1;
	}
	if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot write: %s", strerror(saved));
		return -1;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot write: %s", strerror(saved));
		return -1;
	}
	/* Without replace, link() fails if a file appeared meanwhile: no clobbering race. */
	if (!replace ? link(tmp, path) != 0 : rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "%s", saved == EEXIST
			     ? "already exists (use --force to replace it)" : strerror(saved));
		return -1;
	}
	if (!replace)
		unlink(tmp);
	return 0;
}

int make_private_dir(const char *path, mode_t mode, struct ow_error *e)
{
	char buf[PATH_MAX];
	struct stat st;

	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
			ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "cannot create folder: %s", strerror(errno));
			return -1;
		}
		*p = '/';
	}
	if (mkdir(buf, mode) != 0 && errno != EEXIST) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "cannot create folder: %s", strerror(errno));
		return -1;
	}
	if (lstat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "is not a folder (or is a symbolic link)");
		return -1;
	}
	if (st.st_uid != getuid()) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "belongs to another user; refusing to use it");
		return -1;
	}
	if ((st.st_mode & 0777) != mode && chmod(buf, mode) != 0) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "cannot set mode: %s", strerror(errno));
		return -1;
	}
	return 0;
}
