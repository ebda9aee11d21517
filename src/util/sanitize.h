/* sanitize.h — text that leaves openweigh for a terminal or a document, made inert.
 *
 * A catalog string, an answers value, a file name or an error message may hold
 * bytes a terminal acts on (ESC sequences that retitle the window, clear the
 * screen or colour what follows; the 8-bit C1 CSI U+009B; a right-to-left
 * override that reorders what is shown). One sanitiser serves every boundary:
 * standard output and error, memo files, error messages and the wizard. What
 * it escapes: C0 controls (a document keeps \n and \t), DEL, C1 controls,
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069) and bytes that are not UTF-8 (overlong forms included, so no
 * lenient decoder can see an ESC in them). Text is shown as \e, \n, \x9b,
 * \u202e; JSON gets \u001b, \u009b, \u202e (the data kept, as valid JSON). */
#ifndef OW_SANITIZE_H
#define OW_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum sanitize_mode {
	SAN_DOC,     /* a document or listing: \n and \t stay */
	SAN_LINE,    /* one line (an error message, a file name): \n and \t escaped too */
	SAN_JSON,    /* serialised JSON: \u escapes; \n, \t, \r stay (whitespace between tokens) */
};

/* A code point a terminal must not receive raw (C0, DEL, C1, bidi controls). */
bool sanitize_unsafe_cp(uint32_t cp);

/* Escape len bytes of s onto out. Unless final, an incomplete UTF-8 sequence at the
 * end is left unread (a stream's next chunk completes it). Returns the bytes read. */
size_t sanitize_chunk(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode,
		      bool final);
/* The whole of s escaped (malloc'd). */
char *sanitize_str(const char *s, enum sanitize_mode mode);
/* s escaped into buf of size bytes, cut at a character boundary when it does not fit. */
void sanitize_into(char *buf, size_t size, const char *s, enum sanitize_mode mode);
/* Whether the mode would change s. */
bool sanitize_needed(const char *s, enum sanitize_mode mode);

#endif
