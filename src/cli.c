/* cli.c — argument parsing and the non-interactive commands. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "answers.h"
#include "check.h"
#include "evaluate.h"
#include "fileio.h"
#include "hfconfig.h"
#include "hfentry.h"
#include "import_prices.h"
#include "memo.h"
#include "paths.h"
#include "sanitize.h"
#include "stdfilter.h"
#include "util.h"
#include "yread.h"

struct cli {
	const char *catalog_dir, *answers, *format, *out, *model, *precision, *gpu, *id, *kv_precision;
	long long batch, context, input_tokens, output_tokens;   /* 0: not given */
	bool batch_max;              /* --batch max */
	double ttft_ms, tokens_per_s_per_user;                   /* 0: not given */
	bool json, force, no_color, ascii, no_mouse, help, version;
	char **words;
	int n_words;
};

static const char usage_text[] =
	"Usage: openweigh [OPTION]... [COMMAND]\n"
	"Decide between a closed API model and an open-weight one, and how to serve it.\n"
	"\n"
	"With no command, the wizard starts (resuming the autosaved session).\n"
	"\n"
	"Commands:\n"
	"  memo --answers FILE [--format md|json] [-o OUT] [--force]\n"
	"                          print (or write) the decision memo\n"
	"  footprint --model ID --precision P --gpu ID [--batch N|max] [--context N] [--json]\n"
	"            [--kv-precision P] [--ttft-ms N] [--tokens-per-s-per-user N]\n"
	"            [--input-tokens N] [--output-tokens N] [-o OUT] [--force]\n"
	"                          memory, GPU count, batch, speed and latency of one replica\n"
	"  compare A B [--format md|json] [-o OUT] [--force]\n"
	"                          two answers files (or presets) side by side\n"
	"  costs --answers FILE [--json] [-o OUT] [--force]\n"
	"                          the cost tables and crossover points\n"
	"  catalog list [models|gpus|providers|presets] [--json]\n"
	"                          the catalog's entries\n"
	"  catalog check           validate the catalog; findings as FILE:LINE:COL\n"
	"  catalog import-config CONFIG.json --id ID [-o FILE] [--force]\n"
	"                          a models.yaml entry from a Hugging Face config.json\n"
	"  catalog import-prices DATA.json [-o DIR] [--force]\n"
	"                          an overlay of API and managed prices from genai-prices'\n"
	"                          data.json (default DIR: the user's overlay folder)\n"
	"\n"
	"Options:\n"
	"  -a, --answers FILE      answers file (format version 1), or a preset's name\n"
	"  -c, --catalog DIR       use DIR: a whole catalog if it holds catalog.yaml,\n"
	"                          else an overlay on the shipped catalog\n"
	"  -f, --format md|json    memo format (default md)\n"
	"  -o, --output FILE       write to FILE atomically instead of standard output\n"
	"                          (import-prices: the overlay folder to write)\n"
	"      --force             let -o replace an existing file\n"
	"  -m, --model ID          model id (footprint)\n"
	"  -p, --precision P       fp16, bf16, fp8, int8, int4, mxfp4 or nvfp4 (footprint)\n"
	"  -g, --gpu ID            GPU id (footprint)\n"
	"  -b, --batch N|max       sequences decoded together (footprint; default 1, or the\n"
	"                          largest meeting --ttft-ms/--tokens-per-s-per-user; max:\n"
	"                          the largest the memory allows)\n"
	"  -x, --context N         tokens each sequence holds (footprint; default: input +\n"
	"                          output tokens)\n"
	"      --input-tokens N    prompt tokens of a request (footprint; default 1000)\n"
	"      --output-tokens N   output tokens of a request (footprint; default 1000)\n"
	"      --ttft-ms N         time-to-first-token target at load (footprint)\n"
	"      --tokens-per-s-per-user N\n"
	"                          decode speed each user must see at load (footprint)\n"
	"      --kv-precision P    the KV cache's precision: fp8, bf16 or fp16 (footprint;\n"
	"                          default fp8 where the GPU supports it, else 16-bit)\n"
	"      --id ID             the new model's id (catalog import-config)\n"
	"  -j, --json              JSON output\n"
	"      --no-color          wizard: no colour (also when NO_COLOR is set)\n"
	"      --ascii             wizard: plain ASCII line drawing\n"
	"      --no-mouse          wizard: leave the mouse to the terminal\n"
	"  -h, --help              show this help and exit\n"
	"  -V, --version           show the version and exit\n"
	"\n"
	"Exit status: 0 success, 1 bad input (answers, catalog, arguments), 2 internal or I/O error.\n"
	"See openweigh(1) and openweigh-catalog(5).\n";

int cli_report(const struct ow_error *e)
{
	char buf[2048];

	ow_error_format(e, buf, sizeof buf);
	fprintf(stderr, "openweigh: %s\n", buf);
	return e->code ? e->code : OW_EXIT_IO;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One line on standard error, escaped: an argument may hold controls or line breaks. */
static void cli_say(const char *msg, const char *after)
{
	char shown[2048];

	sanitize_into(shown, sizeof shown, msg, SAN_LINE);
	fprintf(stderr, "openweigh: %s\n%s", shown, after);
}

static int usage_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_say(msg, "Try 'openweigh --help'.\n");
	return OW_EXIT_INPUT;
}

static int parse_count(const char *s, const char *name, long long min, long long max, long long *out)
{
	int64_t v;
	char msg[1024];

	if (parse_int64_strict(s, &v) != 0 || v < min || v > max) {
		snprintf(msg, sizeof msg, "%s must be a whole number from %lld to %lld, not '%s'",
			 name, min, max, s);
		cli_say(msg, "");
		return -1;
	}
	*out = v;
	return 0;
}

/* A latency target: a number above 0 and at most max. */
static int parse_target(const char *s, const char *name, double max, double *out)
{
	double v;
	char msg[1024];

	if (parse_double_strict(s, &v) != 0 || !(v > 0) || v > max) {
		snprintf(msg, sizeof msg, "%s must be a number above 0 and at most %g, not '%s'", name, max, s);
		cli_say(msg, "");
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_args(int argc, char **argv, struct cli *o)
{
	enum { OPT_FORCE = 256, OPT_NO_COLOR, OPT_ASCII, OPT_ID, OPT_NO_MOUSE, OPT_TTFT, OPT_USER_SPEED,
	       OPT_INPUT, OPT_OUTPUT, OPT_KV };
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' }, { "catalog", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },  { "output", required_argument, NULL, 'o' },
		{ "model", required_argument, NULL, 'm' },   { "precision", required_argument, NULL, 'p' },
		{ "gpu", required_argument, NULL, 'g' },     { "batch", required_argument, NULL, 'b' },
		{ "context", required_argument, NULL, 'x' }, { "json", no_argument, NULL, 'j' },
		{ "force", no_argument, NULL, OPT_FORCE },   { "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "ascii", no_argument, NULL, OPT_ASCII },   { "help", no_argument, NULL, 'h' },
		{ "id", required_argument, NULL, OPT_ID },           { "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
		{ "version", no_argument, NULL, 'V' },       { "ttft-ms", required_argument, NULL, OPT_TTFT },
		{ "tokens-per-s-per-user", required_argument, NULL, OPT_USER_SPEED },
		{ "input-tokens", required_argument, NULL, OPT_INPUT },
		{ "output-tokens", required_argument, NULL, OPT_OUTPUT },
		{ "kv-precision", required_argument, NULL, OPT_KV }, { NULL, 0, NULL, 0 },
	};
	int ch;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":a:c:f:o:m:p:g:b:x:jhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a': o->answers = optarg; break;
		case 'c': o->catalog_dir = optarg; break;
		case 'f': o->format = optarg; break;
		case 'o': o->out = optarg; break;
		case 'm': o->model = optarg; break;
		case 'p': o->precision = optarg; break;
		case 'g': o->gpu = optarg; break;
		case 'b':
			o->batch_max = strcmp(optarg, "max") == 0;   /* the last --batch counts, as every option */
			o->batch = 0;
			if (!o->batch_max && parse_count(optarg, "--batch", 1, 1000000, &o->batch))
				return -1;
			break;
		case OPT_TTFT: if (parse_target(optarg, "--ttft-ms", 3.6e6, &o->ttft_ms)) return -1; break;
		case OPT_USER_SPEED:
			if (parse_target(optarg, "--tokens-per-s-per-user", 1e5, &o->tokens_per_s_per_user))
				return -1;
			break;
		case OPT_INPUT: if (parse_count(optarg, "--input-tokens", 1, 10000000, &o->input_tokens)) return -1; break;
		case OPT_OUTPUT: if (parse_count(optarg, "--output-tokens", 1, 10000000, &o->output_tokens)) return -1; break;
		case OPT_KV: o->kv_precision = optarg; break;
		case 'x': if (parse_count(optarg, "--context", 1, 100000000, &o->context)) return -1; break;
		case 'j': o->json = true; break;
		case OPT_FORCE: o->force = true; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_ASCII: o->ascii = true; break;
		case OPT_ID: o->id = optarg; break;
		case OPT_NO_MOUSE: o->no_mouse = true; break;
		case 'h': o->help = true; break;
		case 'V': o->version = true; break;
		case ':':
			usage_error("option '%s' needs a value", argv[optind - 1]);
			return -1;
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
			return -1;
		}
	}
	o->words = argv + optind;
	o->n_words = argc - optind;
	return 0;
}

struct catalog *cli_load_catalog(const char *catalog_opt, struct ow_error *e)
{
	struct catalog_layers *l = xcalloc(1, sizeof *l);
	const char *overlays[CATALOG_MAX_LAYERS];
	struct catalog *c = NULL;

	if (catalog_layers(catalog_opt, l, e) == 0) {
		for (int i = 0; i < l->n; i++)
			overlays[i] = l->dir[i];
		c = catalog_load(l->base, overlays, l->n, e);
	}
	free(l);
	return c;
}

/* Whether the command prints JSON. */
static bool cli_json_out(const struct cli *o)
{
	return o->json || (o->format && strcmp(o->format, "json") == 0);
}

static void now_iso(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");   /* reproducible output */
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);   /* cli_check_env checked it */
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *cli_document(const char *text, bool json)
{
	return sanitize_str(text, json ? SAN_JSON : SAN_DOC);
}

/* Print to stdout, or write atomically to -o; the text escaped as cli_document() says.
 * A failed write to stdout is reported once, at exit (stdfilter_finish). */
static int emit(const struct cli *o, const char *text, bool json)
{
	struct ow_error e;
	mode_t mask;
	char *doc = cli_document(text, json);
	int rc = OW_EXIT_OK;

	if (o->out == NULL) {
		if (fputs(doc, stdout) == EOF || fflush(stdout) == EOF)
			rc = OW_EXIT_IO;
	} else {
		mask = umask(0);
		umask(mask);
		if (write_file_atomic(o->out, doc, strlen(doc), 0666 & ~mask,
				      o->force ? WRITE_REPLACE : WRITE_NO_CLOBBER, &e) != 0)
			rc = cli_report(&e);
	}
	free(doc);
	return rc;
}

/* A cJSON tree as text with a final newline; frees the tree. */
static char *json_text(cJSON *root)
{
	char *j = cJSON_Print(root), *text = xcalloc(1, strlen(j) + 2);

	sprintf(text, "%s\n", j);
	free(j);
	cJSON_Delete(root);
	return text;
}

static int need_answers(const struct cli *o, struct answers *a)
{
	struct ow_error e;

	if (o->answers == NULL)
		return usage_error("%s needs --answers FILE", o->words[0]);
	if (answers_load(o->answers, a, &e) != 0)
		return cli_report(&e);
	return 0;
}

static int cmd_memo(const struct cli *o, const struct catalog *c)
{
	struct answers a;
	struct verdict *v;
	char when[32], *text;
	int rc;

	if (o->format && strcmp(o->format, "md") != 0 && strcmp(o->format, "json") != 0)
		return usage_error("--format must be md or json, not '%s'", o->format);
	if ((rc = need_answers(o, &a)) != 0)
		return rc;
	v = evaluate(c, &a);
	now_iso(when, sizeof when);
	if (cli_json_out(o)) {
		char *j = memo_json(v, when);
		text = xcalloc(1, strlen(j) + 2);
		sprintf(text, "%s\n", j);   /* memo_json prints; the CLI ends the line */
		free(j);
	} else {
		text = memo_markdown(v, when);
	}
	rc = emit(o, text, cli_json_out(o));
	free(text);
	verdict_free(v);
	return rc;
}

/* `compare A B`: each a file or a preset's name, evaluated with the same catalog. */
static int cmd_compare(const struct cli *o, const struct catalog *c, const char *file_a, const char *file_b)
{
	struct answers a, b;
	struct ow_error e;
	struct verdict *va, *vb;
	struct verdict_diff *d;
	char when[32], *text;
	int rc;

	if (o->format && strcmp(o->format, "md") != 0 && strcmp(o->format, "json") != 0)
		return usage_error("--format must be md or json, not '%s'", o->format);
	if (answers_load(file_a, &a, &e) != 0 || answers_load(file_b, &b, &e) != 0)
		return cli_report(&e);
	va = evaluate(c, &a);
	vb = evaluate(c, &b);
	d = xcalloc(1, sizeof *d);
	compare_verdicts(va, vb, d);
	if (cli_json_out(o)) {
		char *j;
		now_iso(when, sizeof when);
		j = compare_json(va, vb, d, o->words[1], o->words[2], when);
		text = xcalloc(1, strlen(j) + 2);
		sprintf(text, "%s\n", j);
		free(j);
	} else {
		text = compare_markdown(va, vb, d, o->words[1], o->words[2]);
	}
	rc = emit(o, text, cli_json_out(o));
	free(text);
	free(d);
	verdict_free(va);
	verdict_free(vb);
	return rc;
}

static int cmd_costs(const struct cli *o, const struct catalog *c)
{
	struct answers a;
	struct verdict *v;
	char *text;
	int rc;

	if ((rc = need_answers(o, &a)) != 0)
		return rc;
	v = evaluate(c, &a);
	if (o->json) {
		cJSON *root = costs_to_json(v);
		cJSON_AddItemToObject(root, "crossovers", crossovers_to_json(v));
		text = json_text(root);
	} else {
		struct strbuf sb;
		char *t = costs_markdown(v);
		sb_init(&sb);
		sb_add(&sb, t);
		free(t);
		sb_add(&sb, "## Crossover points\n\n");
		for (int i = 0; i < v->n_crossovers; i++) {
			char n[32];
			fmt_int(n, sizeof n, v->crossovers[i].requests_per_month);
			sb_addf(&sb, "- %s = %s at %s requests/month\n", v->crossovers[i].a, v->crossovers[i].b, n);
		}
		if (v->n_crossovers == 0)
			sb_add(&sb, "- none between 1K and 100B requests/month\n");
		text = sb.s;
	}
	rc = emit(o, text, o->json);
	free(text);
	verdict_free(v);
	return rc;
}

/* What footprint sizes for, from the options: a request of --input-tokens and
 * --output-tokens, each sequence holding --context tokens (else the whole request); the
 * batch given, the largest meeting the targets, or (max) the largest memory allows. */
static int footprint_request(const struct cli *o, const struct gpu *g, struct serving *sv)
{
	bool targets = o->ttft_ms > 0 || o->tokens_per_s_per_user > 0;

	*sv = (struct serving){
		.input_tokens = o->input_tokens ? o->input_tokens : 1000,
		.output_tokens = o->output_tokens ? o->output_tokens : 1000,
		.ttft_ms = o->ttft_ms, .tokens_per_s_per_user = o->tokens_per_s_per_user,
		.batch = o->batch ? o->batch : o->batch_max || targets ? 0 : 1,
		.kv_precision = -1,
	};
	sv->context_tokens = o->context ? o->context : sv->input_tokens + sv->output_tokens;
	if (o->context) {   /* held at a request's end; a decode step reads half the output less, on average */
		sv->hold_tokens = o->context;
		sv->read_tokens = o->context - sv->output_tokens / 2;
	}
	if (o->kv_precision) {
		int kv = precision_from_name(o->kv_precision);
		if (kv != PREC_FP8 && kv != PREC_BF16 && kv != PREC_FP16)
			return usage_error("unknown KV precision '%s' (fp8, bf16 or fp16)", o->kv_precision);
		if (kv == PREC_FP8 && !g->kv_fp8)
			return usage_error("%s has no fp8 KV cache support (use bf16 or fp16)", g->id);
		if (kv == PREC_BF16 && g->bf16_tflops <= 0)
			return usage_error("%s has no bf16 support (use fp16)", g->id);
		sv->kv_precision = kv;
	}
	if ((o->batch || o->batch_max) && targets)
		return usage_error("%s", "--batch sets the batch: give it or the latency targets, not both");
	if (o->context && o->context < sv->input_tokens + sv->output_tokens)
		return usage_error("--context %lld is shorter than a request (%lld input + %lld output tokens)",
				   o->context, (long long)sv->input_tokens, (long long)sv->output_tokens);
	return 0;
}

static int cmd_footprint(const struct cli *o, const struct catalog *c)
{
	const struct model *m;
	const struct gpu *g;
	struct footprint f;
	struct serving sv;
	int p;
	char *text;
	int rc;

	if (!o->model || !o->precision || !o->gpu)
		return usage_error("%s", "footprint needs --model ID, --precision P and --gpu ID");
	if ((m = catalog_model(c, o->model)) == NULL)
		return usage_error("unknown model '%s' (see 'openweigh catalog list models')", o->model);
	if (!m->shape.present)
		return usage_error("model '%s' is closed: its weights and shape are not public", o->model);
	if ((g = catalog_gpu(c, o->gpu)) == NULL)
		return usage_error("unknown GPU '%s' (see 'openweigh catalog list gpus')", o->gpu);
	if ((p = precision_from_name(o->precision)) < 0)
		return usage_error("unknown precision '%s' (fp16, bf16, fp8, int8, int4, mxfp4, nvfp4)", o->precision);
	if ((rc = footprint_request(o, g, &sv)) != 0)
		return rc;
	footprint_size(&c->cost, m, g, (enum precision)p, &sv, &f);
	footprint_explain(&f);
	if (o->json) {
		text = json_text(footprint_to_json(&f));
	} else {
		text = footprint_text(&f);
	}
	rc = emit(o, text, o->json);
	free(text);
	return rc;
}

static int32_t today_days(void)
{
	const char *fixed = getenv("OPENWEIGH_TODAY");   /* tests pin the date */
	int32_t d;

	if (fixed && fixed[0] && parse_date(fixed, &d) == 0)   /* cli_check_env refused any other */
		return d;
	return (int32_t)(time(NULL) / 86400);
}

static int cmd_catalog(const struct cli *o, const struct catalog *c)
{
	if (o->n_words >= 2 && strcmp(o->words[1], "list") == 0) {
		if (o->n_words > 3)
			return usage_error("unexpected argument '%s'", o->words[3]);
		return cmd_catalog_list(c, o->n_words == 3 ? o->words[2] : "models", o->json);
	}
	if (o->n_words == 2 && strcmp(o->words[1], "check") == 0) {
		struct check_result r;
		struct strbuf layers;
		catalog_check(c, today_days(), &r);
		fputs(r.out.s, stderr);
		sb_init(&layers);
		catalog_layers_text(c, &layers);   /* which file each entry in effect came from */
		fputs(layers.s, o->json ? stderr : stdout);
		sb_free(&layers);
		fprintf(o->json ? stderr : stdout, "%s: %d error%s, %d warning%s, %d note%s\n", c->dir,
			r.errors, r.errors == 1 ? "" : "s", r.warnings, r.warnings == 1 ? "" : "s",
			r.notes, r.notes == 1 ? "" : "s");
		sb_free(&r.out);
		if (fflush(stdout) != 0)
			return OW_EXIT_IO;
		return r.errors ? OW_EXIT_INPUT : OW_EXIT_OK;
	}
	return usage_error("%s", "catalog needs 'list [models|gpus|providers|presets]', 'check', 'import-config CONFIG.json --id ID' "
			   "or 'import-prices DATA.json'");
}

/* `catalog import-config CONFIG.json --id ID [-o FILE]`: needs no catalog. */
static int cmd_import_config(const struct cli *o)
{
	struct hfmodel m;
	struct ow_error e;
	char *text;
	int rc;

	if (o->n_words != 3)
		return usage_error("%s", "catalog import-config takes one CONFIG.json (and --id ID)");
	if (o->id == NULL || o->id[0] == '\0')
		return usage_error("%s", "catalog import-config needs --id ID (the Hugging Face name, lower case, no organisation)");
	for (const char *p = o->id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			return usage_error("--id must use lower-case letters, digits, '.' and '-' only, not '%s'", o->id);
	memset(&e, 0, sizeof e);
	if (hfconfig_load(o->words[2], &m, &e) != 0)
		return cli_report(&e);
	text = hfentry_yaml(&m, o->id, o->words[2], today_days());
	rc = emit(o, text, false);
	free(text);
	return rc;
}

/* `catalog import-prices DATA.json [-o DIR] [--force]`: the prices in force on today's
 * date (OPENWEIGH_TODAY pins it), over the catalog layers below DIR. */
static int cmd_import_prices(const struct cli *o)
{
	if (o->n_words != 3)
		return usage_error("%s", "catalog import-prices takes one DATA.json (genai-prices' data.json)");
	return import_prices_command(o->words[2], o->out, o->force, o->catalog_dir, today_days());
}

/* Every command that decides with the catalog first passes it through the checks of
 * `catalog check`: an error there (a shape that contradicts its parameter count, a
 * price dated in the future) refuses the catalog, with the messages, exit 1.
 * Warnings and notes are left to `catalog check`. */
static int cli_refuse_failing(const struct catalog *c)
{
	struct check_result r;
	const char *line, *end;

	catalog_check_errors(c, today_days(), &r);
	for (line = r.out.s; *line; line = end + (*end != '\0')) {
		end = line + strcspn(line, "\n");
		fprintf(stderr, "openweigh: %.*s\n", (int)(end - line), line);
	}
	if (r.errors)
		fprintf(stderr, "openweigh: %s: %d error%s in the catalog; refusing to use it "
			"(see 'openweigh catalog check')\n", c->dir, r.errors, r.errors == 1 ? "" : "s");
	sb_free(&r.out);
	return r.errors ? OW_EXIT_INPUT : OW_EXIT_OK;
}

/* An answers argument: a path (with a slash, or a file that exists), else a preset's
 * name; *path NULL when arg is. Neither: no such file (exit 2, as any file that cannot
 * be opened), the message naming the presets too. */
static int answers_or_preset(const struct catalog *c, const char *arg, const char **path)
{
	struct stat st;
	struct strbuf names;
	char msg[1024];

	*path = arg;
	if (arg != NULL && arg[0] == '\0')
		return usage_error("%s", "an answers file or a preset's name is needed, not ''");
	if (arg == NULL || strchr(arg, '/') != NULL || stat(arg, &st) == 0)
		return 0;
	for (int i = 0; i < c->n_presets; i++)
		if (strcmp(c->presets[i].id, arg) == 0) {
			*path = c->presets[i].path;
			return 0;
		}
	sb_init(&names);
	for (int i = 0; i < c->n_presets; i++)
		sb_addf(&names, "%s%s", i ? ", " : "", c->presets[i].id);
	snprintf(msg, sizeof msg, "%s: no such file, and no preset has that name (presets: %s)", arg,
		 names.s ? names.s : "none");
	sb_free(&names);
	cli_say(msg, "");
	return OW_EXIT_IO;
}

/* An option the command does not read is refused, not ignored: whoever passes it
 * expects it to change something. */
static int cli_refuse_foreign(const struct cli *o, const char *cmd)
{
	const char *sub = o->n_words >= 2 ? o->words[1] : "";
	bool wizard = cmd == NULL, memo = cmd && !strcmp(cmd, "memo"), compare = cmd && !strcmp(cmd, "compare");
	bool costs = cmd && !strcmp(cmd, "costs"), footprint = cmd && !strcmp(cmd, "footprint");
	bool list = cmd && !strcmp(cmd, "catalog") && !strcmp(sub, "list");
	bool import_config = cmd && !strcmp(cmd, "catalog") && !strcmp(sub, "import-config");
	bool import_prices = cmd && !strcmp(cmd, "catalog") && !strcmp(sub, "import-prices");

	if (o->format && !memo && !compare)
		return usage_error("--format is memo's and compare's option%s",
				   costs || footprint || list ? " (this command takes --json)" : "");
	if (o->format && o->json && strcmp(o->format, "json") != 0)
		return usage_error("--json and --format %s disagree", o->format);
	if (o->json && !(memo || compare || costs || footprint || list))
		return usage_error("%s", "--json is an option of memo, compare, costs, footprint and catalog list");
	if ((o->model || o->precision || o->gpu) && !footprint)
		return usage_error("%s", "--model, --precision and --gpu are footprint's options");
	if (o->id && !import_config)
		return usage_error("%s", "--id is catalog import-config's option");
	if (o->answers && !(wizard || memo || costs))
		return usage_error("%s", compare ? "compare takes its two answers files as arguments, not --answers"
					      : "--answers is an option of memo, costs and the wizard");
	if ((o->no_color || o->ascii || o->no_mouse) && !wizard)
		return usage_error("%s", "--no-color, --ascii and --no-mouse are the wizard's options");
	if (!footprint && (o->ttft_ms > 0 || o->tokens_per_s_per_user > 0 || o->input_tokens || o->output_tokens ||
			   o->kv_precision || o->batch || o->batch_max || o->context))
		return usage_error("%s", "--batch, --context, --kv-precision, --ttft-ms, --tokens-per-s-per-user, "
				   "--input-tokens and --output-tokens are footprint's options (an answers file sets "
				   "ttft_ms, tokens_per_s_per_user and the tokens for memo and costs)");
	if ((o->out || o->force) && wizard)
		return usage_error("%s", "-o and --force are for the commands (the wizard exports with e)");
	if (o->out && cmd && !strcmp(cmd, "catalog") && (list || !strcmp(sub, "check")))
		return usage_error("-o is not an option of catalog %s: it prints to standard output", sub);
	if (o->force && !o->out && !import_prices)   /* import-prices writes the user's overlay without -o */
		return usage_error("%s", "--force replaces the file -o names: it needs -o");
	return 0;
}

static int run(const struct cli *opts, wizard_fn wizard)
{
	struct cli resolved = *opts, *o = &resolved;
	struct ow_error e;
	struct catalog *c;
	const char *cmd = o->n_words ? o->words[0] : NULL, *compare_a = NULL, *compare_b = NULL;
	int rc;

	if (cmd && strcmp(cmd, "memo") && strcmp(cmd, "costs") && strcmp(cmd, "footprint") &&
	    strcmp(cmd, "catalog") && strcmp(cmd, "compare"))
		return usage_error("unknown command '%s'", cmd);
	if (cmd && !strcmp(cmd, "compare") && o->n_words != 3)
		return usage_error("%s", "compare takes two answers files (or presets' names): compare A B");
	if (cmd && strcmp(cmd, "catalog") && strcmp(cmd, "compare") && o->n_words > 1)
		return usage_error("unexpected argument '%s'", o->words[1]);
	if (o->out && o->out[0] == '\0')
		return usage_error("%s", "-o needs a file name, not ''");
	if ((rc = cli_refuse_foreign(o, cmd)) != 0)
		return rc;
	if (cmd != NULL)
		stdfilter_stdout(cli_json_out(o) ? SAN_JSON : SAN_DOC);
	if (cmd && !strcmp(cmd, "catalog") && o->n_words >= 2 && !strcmp(o->words[1], "import-config"))
		return cmd_import_config(o);
	if (cmd && !strcmp(cmd, "catalog") && o->n_words >= 2 && !strcmp(o->words[1], "import-prices"))
		return cmd_import_prices(o);
	memset(&e, 0, sizeof e);
	c = cli_load_catalog(o->catalog_dir, &e);
	if (c == NULL)
		return cli_report(&e);
	if ((cmd == NULL || strcmp(cmd, "catalog")) && (rc = cli_refuse_failing(c)) != 0) {
		catalog_free(c);
		return rc;
	}
	if ((rc = answers_or_preset(c, o->answers, &o->answers)) != 0 ||
	    (cmd && !strcmp(cmd, "compare") && ((rc = answers_or_preset(c, o->words[1], &compare_a)) != 0 ||
						(rc = answers_or_preset(c, o->words[2], &compare_b)) != 0))) {
		catalog_free(c);
		return rc;
	}
	if (cmd == NULL) {
		struct wizard_opts w = { c, o->answers, o->no_color, o->ascii, o->no_mouse };
		rc = wizard ? wizard(&w) : usage_error("%s", "this build has no wizard");
	} else if (!strcmp(cmd, "memo")) {
		rc = cmd_memo(o, c);
	} else if (!strcmp(cmd, "compare")) {
		rc = cmd_compare(o, c, compare_a, compare_b);
	} else if (!strcmp(cmd, "costs")) {
		rc = cmd_costs(o, c);
	} else if (!strcmp(cmd, "footprint")) {
		rc = cmd_footprint(o, c);
	} else {
		rc = cmd_catalog(o, c);
	}
	catalog_free(c);
	return rc;
}

/* The environment the commands read, refused when malformed rather than replaced by
 * today's date or the epoch (reproducible-builds.org: a malformed SOURCE_DATE_EPOCH
 * should fail); an empty one is unset. */
static int cli_check_env(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH"), *today = getenv("OPENWEIGH_TODAY");
	char msg[256];
	int32_t d;

	if (sde && sde[0] && (strspn(sde, "0123456789") != strlen(sde) || strlen(sde) > 12 ||
		    strtoll(sde, NULL, 10) > 253402300799LL)) {   /* 9999-12-31T23:59:59Z */
		snprintf(msg, sizeof msg, "SOURCE_DATE_EPOCH: expected seconds since 1970 up to the year 9999, got '%.40s'", sde);
		cli_say(msg, "");
		return OW_EXIT_INPUT;
	}
	if (today && today[0] && parse_date(today, &d) != 0) {
		snprintf(msg, sizeof msg, "OPENWEIGH_TODAY: expected a date YYYY-MM-DD, got '%.40s'", today);
		cli_say(msg, "");
		return OW_EXIT_INPUT;
	}
	return OW_EXIT_OK;
}

int cli_main(int argc, char **argv, wizard_fn wizard)
{
	struct cli o;

	memset(&o, 0, sizeof o);
	if (parse_args(argc, argv, &o) != 0)
		return OW_EXIT_INPUT;
	if (o.help || o.version)
		stdfilter_stdout(SAN_DOC);   /* a failed write reported at exit, as for the commands */
	if (o.help) {
		fputs(usage_text, stdout);
		return fflush(stdout) == 0 ? OW_EXIT_OK : OW_EXIT_IO;
	}
	if (o.version) {
		printf("openweigh %s\n", PACKAGE_VERSION);
		return fflush(stdout) == 0 ? OW_EXIT_OK : OW_EXIT_IO;
	}
	if (cli_check_env() != OW_EXIT_OK)
		return OW_EXIT_INPUT;
	return run(&o, wizard);
}
