/* fileio.h — writing files safely on a shared host: a temporary file in the target
 * folder, fsync, then rename; never through a symbolic link, in the file's name or
 * in any folder on its way; never over an existing file unless asked; a replaced
 * file keeps its mode. */
#ifndef OW_FILEIO_H
#define OW_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "owerr.h"

enum {
	WRITE_NO_CLOBBER = 0,
	WRITE_REPLACE = 1,     /* an existing regular file may be replaced */
	WRITE_PRIVATE = 2,     /* mode also bounds a replaced file's (the session: never above 0600) */
};

/* Write data to path atomically. A new file gets mode; a replaced one keeps its own
 * (bounded by mode with WRITE_PRIVATE). Each folder of path is opened without
 * following a symbolic link — from the current folder when path is relative, from /
 * when absolute — so a link anywhere in path is refused, as is a link, a device or
 * a folder at path itself. On any error no partial file is left. */
int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, int flags,
		      struct ow_error *e);
/* 0 when write_file_atomic could write into the folder dir: each folder of it opened
 * as write_file_atomic opens them, never through a link. For a command that may find
 * nothing to write, so that it refuses a link as it would while writing. */
int folder_check(const char *dir, struct ow_error *e);
/* The same for name inside the open folder dirfd; shown is the path for messages. */
int write_file_at(int dirfd, const char *name, const char *shown, const char *data, size_t len,
		  mode_t mode, int flags, struct ow_error *e);

/* mkdir -p with mode for every folder created; the final folder must not be a
 * symbolic link and must be the user's (its mode is then set to mode). */
int make_private_dir(const char *path, mode_t mode, struct ow_error *e);

#endif
