/* paths.c — catalog and state locations (see paths.h). */
#include "paths.h"

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OW_PKGDATADIR
#define OW_PKGDATADIR "/usr/local/share/openweigh"
#endif

void shipped_catalog_dir(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

#if defined(OW_BUILDDIR) && defined(OW_SRCDIR)
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		size_t bl = strlen(OW_BUILDDIR);
		/* The binary or a test program inside the build tree. */
		if (strncmp(exe, OW_BUILDDIR, bl) == 0 && (exe[bl] == '\0' || exe[bl] == '/')) {
			snprintf(buf, size, "%s/catalog", OW_SRCDIR);
			return;
		}
	}
#else
	(void)n;
#endif
	snprintf(buf, size, "%s", OW_PKGDATADIR);
}

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h && *h == '/')
		return h;
	pw = getpwuid(getuid());
	return pw ? pw->pw_dir : NULL;
}

/* $VAR if absolute, else $HOME/fallback. */
static int xdg(const char *var, const char *fallback, const char *leaf, char *buf, size_t size)
{
	const char *v = getenv(var), *home;

	if (v && *v == '/') {
		snprintf(buf, size, "%s/%s", v, leaf);
		return 0;
	}
	home = home_dir();
	if (home == NULL)
		return -1;
	snprintf(buf, size, "%s/%s/%s", home, fallback, leaf);
	return 0;
}

int user_overlay_dir(char *buf, size_t size)
{
	struct stat st;

	if (xdg("XDG_CONFIG_HOME", ".config", "openweigh/catalog", buf, size) != 0)
		return -1;
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

int state_dir(char *buf, size_t size)
{
	return xdg("XDG_STATE_HOME", ".local/state", "openweigh", buf, size);
}
