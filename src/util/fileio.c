/* fileio.c — atomic, symlink-refusing, no-clobber, mode-keeping writes (see fileio.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE    /* O_PATH; the fuzz build compiles without configure's flags */
#endif
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* A folder opened for lookups only: search permission is enough (a 0711 home). */
#define DIR_FLAGS (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

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

/* One step of the walk: the folder comp inside fd, never through a link. */
static int fileio_open_step(int fd, const char *comp, const char *path, struct ow_error *e)
{
	struct stat st;
	int next = openat(fd, comp, DIR_FLAGS);

	if (next >= 0 && fstat(next, &st) == 0 && S_ISDIR(st.st_mode))
		return next;
	if (next >= 0)
		close(next);
	if (fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "the folder '%s' on the way is a symbolic link; "
			     "refusing to write through it", comp);
	else
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot create a file in '%s': %s", comp,
			     next >= 0 ? "not a folder" : strerror(errno));
	return -1;
}

/* The folder part of path (dir_len bytes), opened one component at a time. */
static int fileio_open_folder(const char *path, size_t dir_len, struct ow_error *e)
{
	char *dir = xstrndup(path, dir_len), *save = NULL;
	int fd = open(path[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		ow_error_set(e, OW_EXIT_IO, path, 0, 0, "cannot open the current folder: %s", strerror(errno));
	for (char *c = strtok_r(dir, "/", &save); c != NULL && fd >= 0; c = strtok_r(NULL, "/", &save)) {
		int next = fileio_open_step(fd, c, path, e);
		close(fd);
		fd = next;
	}
	free(dir);
	return fd;
}

/* What is at name now decides: nothing (0, *old_mode = -1), a regular file we may
 * replace (0, its mode), or a refusal (-1). */
static int check_target(int dirfd, const char *name, const char *shown, int flags, int *old_mode,
			struct ow_error *e)
{
	struct stat st;

	*old_mode = -1;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		if (errno == ENOENT)
			return 0;
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "%s", strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode)) {
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "is a symbolic link; refusing to write through it");
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {   /* a wrong argument, as "dir/" is (write_file_atomic) */
		ow_error_set(e, OW_EXIT_INPUT, shown, 0, 0, "is a folder, not a file");
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "exists and is not a regular file");
		return -1;
	}
	if (!(flags & WRITE_REPLACE)) {
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "already exists (use --force to replace it)");
		return -1;
	}
	*old_mode = (int)(st.st_mode & 0777);
	return 0;
}

/* A new file with an unpredictable name, created O_EXCL (so never through a link), 0600. */
static int fileio_make_temp(int dirfd, char *name, size_t size)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[12];
		char suffix[sizeof r + 1];
		int fd;
		if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
			return -1;
		for (size_t i = 0; i < sizeof r; i++)
			suffix[i] = alphabet[r[i] % (sizeof alphabet - 1)];
		suffix[sizeof r] = '\0';
		snprintf(name, size, ".openweigh-%s", suffix);
		fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* Fill the temporary file and give it its mode; the descriptor is closed. */
static int fileio_fill_temp(int fd, const char *data, size_t len, mode_t mode)
{
	int saved;

	if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

int write_file_at(int dirfd, const char *name, const char *shown, const char *data, size_t len,
		  mode_t mode, int flags, struct ow_error *e)
{
	char tmp[64];
	int fd, old_mode, saved;

	if (check_target(dirfd, name, shown, flags, &old_mode, e) != 0)
		return -1;
	if (old_mode >= 0)   /* a replaced file keeps its mode: a 0600 memo stays private */
		mode = (flags & WRITE_PRIVATE) ? (mode & (mode_t)old_mode) : (mode_t)old_mode;
	if ((fd = fileio_make_temp(dirfd, tmp, sizeof tmp)) < 0) {
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "cannot create a file beside it: %s", strerror(errno));
		return -1;
	}
	if (fileio_fill_temp(fd, data, len, mode) != 0) {
		saved = errno;
		unlinkat(dirfd, tmp, 0);
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "cannot write: %s", strerror(saved));
		return -1;
	}
	/* Without replace, link() fails if a file appeared meanwhile: no clobbering race. */
	if ((flags & WRITE_REPLACE) ? renameat(dirfd, tmp, dirfd, name) != 0
				    : linkat(dirfd, tmp, dirfd, name, 0) != 0) {
		saved = errno;
		unlinkat(dirfd, tmp, 0);
		ow_error_set(e, OW_EXIT_IO, shown, 0, 0, "%s", saved == EEXIST
			     ? "already exists (use --force to replace it)" : strerror(saved));
		return -1;
	}
	if (!(flags & WRITE_REPLACE))
		unlinkat(dirfd, tmp, 0);
	return 0;
}

int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, int flags,
		      struct ow_error *e)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	int dirfd, rc;

	if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
		if (*path)
			ow_error_set(e, OW_EXIT_INPUT, path, 0, 0, "names a folder, not a file");
		else
			ow_error_set(e, OW_EXIT_INPUT, NULL, 0, 0, "'' is not a file name");
		return -1;
	}
	dirfd = fileio_open_folder(path, slash ? (size_t)(slash - path) : 0, e);
	if (dirfd < 0)
		return -1;
	rc = write_file_at(dirfd, name, path, data, len, mode, flags, e);
	close(dirfd);
	return rc;
}

int folder_check(const char *dir, struct ow_error *e)
{
	int fd = fileio_open_folder(dir, strlen(dir), e);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int make_private_dir(const char *path, mode_t mode, struct ow_error *e)
{
	char buf[PATH_MAX];
	struct stat st;
	int fd;

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
	fd = open(buf, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "is not a folder (or is a symbolic link)");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_uid != getuid()) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "belongs to another user; refusing to use it");
		close(fd);
		return -1;
	}
	if ((st.st_mode & 0777) != mode && fchmod(fd, mode) != 0) {
		ow_error_set(e, OW_EXIT_IO, buf, 0, 0, "cannot set mode: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}
