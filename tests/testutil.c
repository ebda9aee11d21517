/* testutil.c — helpers for the cmocka tests (see testutil.h). */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memo.h"
#include "util.h"

const char *shipped_dir(void)
{
	const char *d = getenv("OW_CATALOG");
	return d && *d ? d : "catalog";
}

struct catalog *load_shipped(void)
{
	struct ow_error e;
	struct catalog *c = catalog_load(shipped_dir(), NULL, 0, &e);

	if (c == NULL) {
		char buf[2048];
		ow_error_format(&e, buf, sizeof buf);
		fail_msg("shipped catalog: %s", buf);
	}
	return c;
}

void answers_with(struct answers *a, const char *yaml_lines)
{
	struct strbuf sb;
	struct ow_error e;
	struct answers base;
	char val[64];

	/* Start from the defaults written out, then let the given lines replace keys. */
	answers_default(&base);
	sb_init(&sb);
	sb_add(&sb, "openweigh_answers: 1\n");
	for (int k = 0; k < AK_COUNT; k++) {
		char needle[64];
		snprintf(needle, sizeof needle, "%s:", answer_fields[k].key);
		if (strstr(yaml_lines, needle))
			continue;
		answers_value_text(&base, k, val, sizeof val);
		sb_addf(&sb, "%s: %s\n", answer_fields[k].key, val);
	}
	sb_add(&sb, yaml_lines);
	if (answers_parse("test", sb.s, sb.len, a, &e) != 0)
		fail_msg("answers_with: %s:%d:%d: %s\n%s", e.file, e.line, e.col, e.msg, sb.s);
	sb_free(&sb);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

char *catalog_with(const char *file, const char *text)
{
	char tmpl[] = "/tmp/owtest-XXXXXX", path[4200], src[4200];
	char *dir = mkdtemp(tmpl);
	const char *names[] = { "catalog.yaml", "models.yaml", "gpus.yaml", "providers.yaml",
				"licences.yaml", "architectures.yaml", "rules.yaml", "costs.yaml" };
	char resolved[4096];

	assert_non_null(dir);
	assert_non_null(realpath(shipped_dir(), resolved));
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (strcmp(names[i], file) == 0) {
			if (text)
				write_text(path, text);
			continue;
		}
		snprintf(src, sizeof src, "%s/%s", resolved, names[i]);
		assert_int_equal(symlink(src, path), 0);
	}
	return xstrdup(dir);
}

char *overlay_with(const char *file, const char *text)
{
	char tmpl[] = "/tmp/owoverlay-XXXXXX", path[4096];
	char *dir = mkdtemp(tmpl);

	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	write_text(path, text);
	return xstrdup(dir);
}

void remove_tree(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];

	while (d && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
}

char *memo_json_of(const struct catalog *c, const struct answers *a)
{
	struct verdict *v = evaluate(c, a);
	char *j = memo_json(v, "fixed");

	verdict_free(v);
	return j;
}
