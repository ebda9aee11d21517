/* test_hardening.c — the core on a hostile shared host (issue 15): the one sanitiser,
 * special files refused before any read, writes that keep modes and never follow a
 * link, strict numbers and tags, and YAML errors at their real place. Each test
 * names the finding it covers. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "fileio.h"
#include "sanitize.h"
#include "util.h"
#include "volume.h"
#include "yread.h"

static void expect_sanitized(const char *in, enum sanitize_mode mode, const char *want)
{
	char *got = sanitize_str(in, mode);

	assert_string_equal(got, want);
	free(got);
}

/* f1, f2: what each mode escapes, and how. */
static void test_f1_sanitize_modes(void **state)
{
	(void)state;
	expect_sanitized("GPU \033]0;PWNED\a\033[2J", SAN_DOC, "GPU \\e]0;PWNED\\x07\\e[2J");
	expect_sanitized("a\tb\nc\rd\x7f", SAN_DOC, "a\tb\nc\\rd\\x7f");
	expect_sanitized("a\tb\nc", SAN_LINE, "a\\tb\\nc");
	expect_sanitized("csi \xc2\x9b raw \x9b", SAN_DOC, "csi \\x9b raw \\x9b");
	expect_sanitized("rlo \xe2\x80\xae lri \xe2\x81\xa6 lrm \xe2\x80\x8e alm \xd8\x9c", SAN_DOC,
			 "rlo \\u202e lri \\u2066 lrm \\u200e alm \\u061c");
	expect_sanitized("\033[31m \xc2\x9b \xe2\x80\xae \xff\n", SAN_JSON,
			 "\\u001b[31m \\u009b \\u202e \\ufffd\n");
	/* Text people write passes untouched: accents, symbols, CJK, emoji. */
	expect_sanitized("caf\xc3\xa9 \xe2\x80\x94 \xc3\x97 \xe6\x97\xa5 \xf0\x9f\x98\x80", SAN_LINE,
			 "caf\xc3\xa9 \xe2\x80\x94 \xc3\x97 \xe6\x97\xa5 \xf0\x9f\x98\x80");
}

/* f1: no lenient decoder may find an ESC or a C1 in what is let through. */
static void test_f1_sanitize_malformed(void **state)
{
	(void)state;
	expect_sanitized("\xc0\x9b", SAN_DOC, "\\xc0\\x9b");               /* overlong ESC-ish */
	expect_sanitized("\xe0\x80\x9b", SAN_DOC, "\\xe0\\x80\\x9b");      /* overlong C1 CSI */
	expect_sanitized("\xed\xa0\x80", SAN_DOC, "\\xed\\xa0\\x80");      /* a surrogate */
	expect_sanitized("\xf4\x90\x80\x80", SAN_DOC, "\\xf4\\x90\\x80\\x80");  /* past U+10FFFF */
	expect_sanitized("end \xe2\x80", SAN_DOC, "end \\xe2\\x80");       /* cut short */
	assert_true(sanitize_needed("x\033", SAN_DOC));
	assert_false(sanitize_needed("two\nlines\tand a tab", SAN_DOC));
	assert_true(sanitize_needed("two\nlines", SAN_LINE));
}

/* f1, f9: a stream hands the sanitiser chunks that may split a character. */
static void test_f1_sanitize_chunks(void **state)
{
	const char *in = "a\xe2\x80\xae" "b\xc3\xa9" "c\033d";
	struct strbuf out;
	size_t len = strlen(in), done = 0;
	(void)state;

	sb_init(&out);
	/* One byte at a time: each call reads what is complete and leaves the rest. */
	for (size_t end = 1; end <= len; end++)
		done += sanitize_chunk(&out, in + done, end - done, SAN_DOC, end == len);
	assert_int_equal(done, len);
	assert_string_equal(out.s, "a\\u202eb\xc3\xa9" "c\\ed");
	sb_free(&out);
}

/* f2: error messages are one inert line whatever the file name and the value hold. */
static void test_f2_error_format(void **state)
{
	struct ow_error e;
	char buf[512];
	(void)state;

	ow_error_set(&e, OW_EXIT_INPUT, "a\033]0;x\a.yaml", 2, 7, "not '%s'", "x\nopenweigh: ok");
	ow_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "a\\e]0;x\\x07.yaml:2:7: not 'x\\nopenweigh: ok'");
	sanitize_into(buf, 6, "ab\xc3\xa9\xc3\xa9", SAN_LINE);   /* cut at a character boundary */
	assert_string_equal(buf, "ab\xc3\xa9");
}

/* f3: FIFOs, sockets and devices are refused at once, by every reader. */
static void test_f3_special_files(void **state)
{
	char dir[] = "/tmp/owhard.XXXXXX", fifo[64], sock[64];
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct ow_error e;
	struct answers a;
	int64_t tokens, chars;
	size_t len;
	int s;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	snprintf(sock, sizeof sock, "%s/sock", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(10);    /* a hang fails the test instead of the suite */
	assert_null(read_file_limited(fifo, 1024, &len, &e));
	assert_string_equal(e.msg, "is a FIFO, not a regular file");
	assert_int_equal(e.code, OW_EXIT_INPUT);
	assert_int_equal(answers_load(fifo, &a, &e), -1);           /* --answers, a preset's file: */
	assert_int_equal(tokens_from_file(fifo, &tokens, &chars, &e), -1);   /* the sample prompt */
	assert_null(ytree_load(fifo, &e));                          /* catalog files */
	assert_null(read_file_limited("/dev/zero", 1024, &len, &e));
	assert_string_equal(e.msg, "is a device, not a regular file");
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", sock);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_null(read_file_limited(sock, 1024, &len, &e));
	alarm(0);
	close(s);
	unlink(sock);
	unlink(fifo);
	rmdir(dir);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 0777;
}

/* f6: a replaced file keeps its mode; WRITE_PRIVATE never lets it above the bound. */
static void test_f6_kept_mode(void **state)
{
	char dir[] = "/tmp/owhard.XXXXXX", path[64];
	struct ow_error e;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/memo.md", dir);
	assert_int_equal(write_file_atomic(path, "a", 1, 0644, WRITE_NO_CLOBBER, &e), 0);
	assert_int_equal(mode_of(path), 0644);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(write_file_atomic(path, "b", 1, 0644, WRITE_REPLACE, &e), 0);
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(chmod(path, 0664), 0);
	assert_int_equal(write_file_atomic(path, "c", 1, 0600, WRITE_REPLACE | WRITE_PRIVATE, &e), 0);
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(write_file_atomic(path, "d", 1, 0644, WRITE_NO_CLOBBER, &e), -1);
	assert_string_equal(e.msg, "already exists (use --force to replace it)");
	unlink(path);
	rmdir(dir);
}

/* f13, f10: no symbolic link anywhere on the path; an empty name says what it is. */
static void test_f13_no_link_on_the_way(void **state)
{
	char dir[] = "/tmp/owhard.XXXXXX", real[64], link[64], path[128];
	struct ow_error e;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(real, sizeof real, "%s/real", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	assert_int_equal(mkdir(real, 0700), 0);
	assert_int_equal(symlink(real, link), 0);
	snprintf(path, sizeof path, "%s/m.md", link);
	assert_int_equal(write_file_atomic(path, "x", 1, 0600, WRITE_REPLACE, &e), -1);
	assert_string_equal(e.msg, "the folder 'link' on the way is a symbolic link; refusing to write through it");
	snprintf(path, sizeof path, "%s/m.md", real);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(write_file_atomic(link, "x", 1, 0600, WRITE_REPLACE, &e), -1);
	assert_string_equal(e.msg, "is a symbolic link; refusing to write through it");
	assert_int_equal(write_file_atomic("", "x", 1, 0600, WRITE_REPLACE, &e), -1);
	assert_string_equal(e.msg, "'' is not a file name");
	snprintf(path, sizeof path, "%s/", real);
	assert_int_equal(write_file_atomic(path, "x", 1, 0600, WRITE_REPLACE, &e), -1);
	assert_string_equal(e.msg, "names a folder, not a file");
	unlink(link);
	rmdir(real);
	rmdir(dir);
}

static void expect_answers_error(const char *text, int line, int col, const char *msg)
{
	struct answers a;
	struct ow_error e;

	memset(&e, 0, sizeof e);
	assert_int_equal(answers_parse("a.yaml", text, strlen(text), &a, &e), -1);
	assert_string_equal(e.msg, msg);
	if (e.line != line || e.col != col)
		fail_msg("%s: at %d:%d, expected %d:%d", msg, e.line, e.col, line, col);
}

#define HEAD "openweigh_answers: 1\n"

/* f10: reader errors at the byte's own line and column (in characters). */
static void test_f10_reader_position(void **state)
{
	(void)state;
	expect_answers_error(HEAD "privacy: none\n\n\n\n# \xc3\xa9t\xc3\xa9\ntask: gen\xffral\n", 7, 10,
			     "invalid leading UTF-8 octet (byte 0xff)");
	expect_answers_error(HEAD "# caf\xc3\xa9 \xff\n", 2, 8, "invalid leading UTF-8 octet (byte 0xff)");
	/* a sequence broken by the next byte: at its first byte, not the one that broke it */
	expect_answers_error(HEAD "privacy: r\xe9gulated\n", 2, 11,
			     "invalid UTF-8: byte 0xe9 starts a sequence that byte 0x67 does not continue");
	expect_answers_error(HEAD "# caf\xe9\nprivacy: none\n", 2, 6,
			     "invalid UTF-8: byte 0xe9 starts a sequence that byte 0x0a does not continue");
	expect_answers_error(HEAD "# caf\xe9\n", 2, 6, "incomplete UTF-8 octet sequence");   /* at the end */
	expect_answers_error(HEAD "a: 1\r\nb: \x01\n", 3, 4, "control characters are not allowed (byte 0x01)");
	expect_answers_error("openweigh_answers: \"1\"\n", 1, 20,
			     "'openweigh_answers' must be a whole number, not the quoted string \"1\"");
}

/* f11, f10: one sign, no leading zeros, only the core schema's tags; tiny numbers are numbers. */
static void test_f11_strict_numbers(void **state)
{
	int64_t i;
	double d;
	(void)state;

	assert_int_equal(parse_int64_strict("+-5", &i), -1);
	assert_int_equal(parse_int64_strict("-+5", &i), -1);
	assert_int_equal(parse_int64_strict("017", &i), -1);
	assert_int_equal(parse_int64_strict("00", &i), -1);
	assert_int_equal(parse_int64_strict("0", &i), 0);
	assert_int_equal(parse_int64_strict("+17", &i), 0);
	assert_int_equal(i, 17);
	assert_int_equal(parse_int64_strict("-9223372036854775808", &i), 0);
	assert_int_equal(parse_int64_strict("9223372036854775808", &i), -2);
	assert_int_equal(parse_double_strict("+-5", &d), -1);
	assert_int_equal(parse_double_strict("007.5", &d), -1);
	assert_int_equal(parse_double_strict("0x10", &d), -1);
	assert_int_equal(parse_double_strict("inf", &d), -1);
	assert_int_equal(parse_double_strict("1e", &d), -1);
	assert_int_equal(parse_double_strict("0.5", &d), 0);
	assert_int_equal(parse_double_strict(".5", &d), 0);
	assert_int_equal(parse_double_strict("-2.5E+3", &d), 0);
	assert_true(d == -2500);
	assert_int_equal(parse_double_strict("1e-320", &d), 0);
	assert_true(d > 0 && d < 1e-300);
	assert_int_equal(parse_double_strict("1e400", &d), -2);
	expect_answers_error(HEAD "requests_per_month: +-5\n", 2, 21,
			     "'requests_per_month' must be a whole number, not '+-5'");
	expect_answers_error(HEAD "requests_per_month: 017\n", 2, 21,
			     "'requests_per_month' must be a whole number, not '017'");
	expect_answers_error(HEAD "requests_per_month: !!str 5\n", 2, 21,
			     "'requests_per_month' must be a whole number, not the string '5' (tagged !!str)");
	expect_answers_error(HEAD "privacy: !custom regulated\n", 2, 10,
			     "the tag '!custom' is not allowed here (only the YAML core schema's: !!str, "
			     "!!int, !!float, !!bool, !!null, !!seq, !!map)");
	expect_answers_error(HEAD "privacy: !!int regulated\n", 2, 10, "'privacy' cannot be tagged !!int");
	expect_answers_error("!!seq [1]\n", 1, 1, "an answers file must be a mapping, not a list");
	expect_answers_error("!!map [1]\n", 1, 1, "the tag 'tag:yaml.org,2002:map' is not allowed here "
			     "(only the YAML core schema's: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)");
}

/* f11: the volume prompt refuses what it cannot read. */
static void test_f11_volume_prompt(void **state)
{
	double v;
	(void)state;

	assert_int_equal(parse_volume("0x10", &v), -1);
	assert_int_equal(parse_volume(" 0X10", &v), -1);
	assert_int_equal(parse_amount("0x10", &v), -1);
	assert_int_equal(parse_amount("inf", &v), -1);
	assert_int_equal(parse_amount("1e400", &v), -1);
	assert_int_equal(parse_amount("+-5", &v), -1);
	assert_int_equal(parse_amount("2.5M", &v), 0);
	assert_true(v == 2.5e6);
	assert_int_equal(parse_volume("5000x20", &v), 0);
	assert_int_equal(parse_volume("5k * 20/day", &v), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_f1_sanitize_modes),
		cmocka_unit_test(test_f1_sanitize_malformed),
		cmocka_unit_test(test_f1_sanitize_chunks),
		cmocka_unit_test(test_f2_error_format),
		cmocka_unit_test(test_f3_special_files),
		cmocka_unit_test(test_f6_kept_mode),
		cmocka_unit_test(test_f13_no_link_on_the_way),
		cmocka_unit_test(test_f10_reader_position),
		cmocka_unit_test(test_f11_strict_numbers),
		cmocka_unit_test(test_f11_volume_prompt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
