/* paths.c — catalog and state locations (see paths.h). */
#include "paths.h"

#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
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

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void add_layer(struct catalog_layers *l, const char *dir, const char *kind)
{
	if (l->n >= CATALOG_MAX_LAYERS || strlen(dir) >= sizeof l->dir[l->n])
		return;
	memcpy(l->dir[l->n], dir, strlen(dir) + 1);
	l->kind[l->n++] = kind;
}

/* $XDG_CONFIG_DIRS (XDG Base Directory Specification: a colon list, most important
 * first, relative entries ignored; unset or empty means /etc/xdg), last entry first. */
static void system_layers(struct catalog_layers *l)
{
	const char *v = getenv("XDG_CONFIG_DIRS");
	char list[4096], *parts[CATALOG_MAX_LAYERS - 2], *save = NULL, path[4200];
	int n = 0;

	snprintf(list, sizeof list, "%s", v && *v ? v : "/etc/xdg");
	for (char *p = strtok_r(list, ":", &save); p && n < (int)(sizeof parts / sizeof parts[0]);
	     p = strtok_r(NULL, ":", &save))
		if (p[0] == '/')
			parts[n++] = p;
	while (n-- > 0) {
		snprintf(path, sizeof path, "%s/openweigh/catalog", parts[n]);
		if (is_dir(path))
			add_layer(l, path, "system");
	}
}

int catalog_layers(const char *catalog_opt, struct catalog_layers *l, struct ow_error *e)
{
	char user[4096], probe[4200];
	struct stat st;
	bool opt_is_full = false;

	memset(l, 0, sizeof *l);
	shipped_catalog_dir(l->base, sizeof l->base);
	if (catalog_opt) {
		if (!is_dir(catalog_opt)) {
			ow_error_set(e, OW_EXIT_INPUT, catalog_opt, 0, 0, "--catalog needs a folder");
			return -1;
		}
		snprintf(probe, sizeof probe, "%s/catalog.yaml", catalog_opt);
		opt_is_full = stat(probe, &st) == 0;
		if (opt_is_full)
			snprintf(l->base, sizeof l->base, "%s", catalog_opt);
	}
	system_layers(l);
	if (user_overlay_dir(user, sizeof user) == 0)
		add_layer(l, user, "user");
	if (catalog_opt && !opt_is_full)
		add_layer(l, catalog_opt, "--catalog");
	return 0;
}
