/* fileio.h — writing files safely on a shared host: a temporary file in the target
 * folder, fsync, then rename; never through a symlink; never over an existing file
 * unless asked. */
#ifndef OW_FILEIO_H
#define OW_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "owerr.h"

enum { WRITE_NO_CLOBBER = 0, WRITE_REPLACE = 1 };

/* Write data to path atomically with the given mode. Refuses a symlink at path,
 * and an existing file unless replace. On any error no partial file is left. */
int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, int replace,
		      struct ow_error *e);

/* mkdir -p with mode for every folder created; refuses a symlinked final folder. */
int make_private_dir(const char *path, mode_t mode, struct ow_error *e);

#endif
