/* prompt.c — the status-line prompt (see prompt.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "sanitize.h"
#include "text.h"

static int open_prompt(struct app *app, bool text, const char *label, prompt_done done, int arg)
{
	struct prompt *p = &app->prompt;

	memset(p, 0, sizeof *p);
	p->active = true;
	p->text = text;
	sanitize_into(p->label, sizeof p->label, label, SAN_LINE);   /* it may name a file */
	p->done = done;
	p->arg = arg;
	app->message[0] = '\0';
	app->dirty |= DIRTY_STATUS;
	return HANDLED;
}

int prompt_text(struct app *app, const char *label, const char *initial, prompt_done done, int arg)
{
	struct prompt *p = &app->prompt;

	open_prompt(app, true, label, done, arg);
	if (text_utf8())
		sanitize_into(p->buf, sizeof p->buf, initial ? initial : "", SAN_LINE);
	else
		snprintf(p->buf, sizeof p->buf, "%s", initial ? initial : "");
	p->len = p->cursor = (int)strlen(p->buf);
	curs_set(1);
	return HANDLED;
}

int prompt_choice(struct app *app, const char *label, const char *choices, prompt_done done, int arg)
{
	open_prompt(app, false, label, done, arg);
	snprintf(app->prompt.choices, sizeof app->prompt.choices, "%s", choices);
	return HANDLED;
}

/* End the prompt and run its callback (which may open the next prompt). */
static int finish(struct app *app, int choice)
{
	struct prompt copy = app->prompt;

	app->prompt.active = false;
	curs_set(0);
	app->dirty |= DIRTY_STATUS;
	return HANDLED | REDRAW | copy.done(app, &copy, choice);
}

static bool edit_insert(struct prompt *p, int ch)
{
	if (p->len + 1 >= (int)sizeof p->buf)
		return false;
	memmove(p->buf + p->cursor + 1, p->buf + p->cursor, (size_t)(p->len - p->cursor + 1));
	p->buf[p->cursor++] = (char)ch;
	p->len++;
	return true;
}

/* Take out the bytes [from, to), moving the cursor with the text after them. */
static void edit_cut(struct prompt *p, int from, int to)
{
	if (from < 0 || to > p->len || from >= to)
		return;
	memmove(p->buf + from, p->buf + to, (size_t)(p->len - to + 1));
	p->len -= to - from;
	p->cursor = p->cursor >= to ? p->cursor - (to - from) : p->cursor > from ? from : p->cursor;
}

static void edit_delete(struct prompt *p, int at)
{
	edit_cut(p, at, at + 1);
}

static bool prompt_is_continuation(const struct prompt *p, int at)
{
	return text_utf8() && ((unsigned char)p->buf[at] & 0xc0) == 0x80;
}

/* Where the character before byte `at` starts: the cursor, Backspace and Left move
 * by characters, never into the middle of one (a UTF-8 letter is 2 to 4 bytes). */
static int prompt_char_before(const struct prompt *p, int at)
{
	int q = at - 1;

	while (q > 0 && at - q < 4 && prompt_is_continuation(p, q))
		q--;
	return q;
}

/* Where the character at byte `at` ends. */
static int prompt_char_after(const struct prompt *p, int at)
{
	int q = at + 1;

	while (q < p->len && q - at < 4 && prompt_is_continuation(p, q))
		q++;
	return q;
}

/* The bytes a UTF-8 character led by b takes (a stray continuation byte: 1). */
static int prompt_utf8_len(unsigned char b)
{
	return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
}

/* Prompts refuse what would reach the terminal as a control: once the character
 * just typed is complete, a C1 or bidirectional control (a right-to-left override
 * reorders what the line shows, and would go into a file name) or a malformed byte
 * is taken out again, with a beep. Outside UTF-8 a byte 0x80-0x9f is a C1 control. */
static void prompt_refuse_unsafe(struct prompt *p)
{
	int start = p->cursor - 1;
	unsigned char lead;
	char one[5];

	if (!text_utf8()) {
		unsigned char b = (unsigned char)p->buf[start];
		if (b >= 0x80 && b < 0xa0) {
			edit_delete(p, start);
			beep();
		}
		return;
	}
	while (start > 0 && p->cursor - start < 4 && ((unsigned char)p->buf[start] & 0xc0) == 0x80)
		start--;
	lead = (unsigned char)p->buf[start];
	if ((lead & 0xc0) == 0x80 || p->cursor - start > prompt_utf8_len(lead))
		start = p->cursor - 1;    /* a stray byte: judged alone */
	else if (p->cursor - start < prompt_utf8_len(lead))
		return;                   /* more bytes of this character to come */
	snprintf(one, sizeof one, "%.*s", p->cursor - start, p->buf + start);
	if (!sanitize_needed(one, SAN_LINE))
		return;
	while (p->cursor > start)
		edit_delete(p, p->cursor - 1);
	beep();
}

/* Line editing: the keys readline users expect. Bytes ≥ 0x80 pass through (UTF-8 paths),
 * but not controls (prompt_refuse_unsafe). */
static void text_edit(struct prompt *p, int ch)
{
	switch (ch) {
	case KEY_BACKSPACE: case 127: case 8:
		if (p->cursor > 0)
			edit_cut(p, prompt_char_before(p, p->cursor), p->cursor);
		break;
	case KEY_DC: case OW_CTRL('d'):
		if (p->cursor < p->len)
			edit_cut(p, p->cursor, prompt_char_after(p, p->cursor));
		break;
	case KEY_LEFT: case OW_CTRL('b'): if (p->cursor > 0) p->cursor = prompt_char_before(p, p->cursor); break;
	case KEY_RIGHT: case OW_CTRL('f'): if (p->cursor < p->len) p->cursor = prompt_char_after(p, p->cursor); break;
	case KEY_HOME: case OW_CTRL('a'): p->cursor = 0; break;
	case KEY_END: case OW_CTRL('e'): p->cursor = p->len; break;
	case OW_CTRL('u'): p->len = p->cursor = 0; p->buf[0] = '\0'; break;
	default:
		if (ch >= 0x20 && ch < 0x100 && ch != 0x7f && edit_insert(p, ch))
			prompt_refuse_unsafe(p);
	}
}

bool prompt_cancels(int ch)
{
	return ch == 27 || ch == OW_CTRL('g') || ch == OW_CTRL('c');
}

int prompt_key(struct app *app, int ch)
{
	struct prompt *p = &app->prompt;

	app->dirty |= DIRTY_STATUS;
	if (prompt_cancels(ch))
		return finish(app, 0);
	if (ch == OW_CTRL('l')) {   /* the keys that work everywhere: repaint, and quit */
		clearok(curscr, TRUE);
		app->dirty = DIRTY_ALL;
		return HANDLED;
	}
	if (ch == KEY_F(10))
		return finish(app, 0) | quit_start(app);
	if (p->text) {
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			return finish(app, '\n');
		text_edit(p, ch);
		return HANDLED;
	}
	if (ch > 0 && ch < 0x80 && strchr(p->choices, tolower(ch)))
		return finish(app, tolower(ch));
	return HANDLED;
}

/* The columns the bytes [from, to) of the value take on the terminal. */
static int prompt_cols(const struct prompt *p, int from, int to)
{
	char part[sizeof p->buf];

	if (!text_utf8())
		return to - from;
	snprintf(part, sizeof part, "%.*s", to - from, p->buf + from);
	return text_width(part);
}

/* A choice prompt keeps its keys in sight: when the label does not fit, it is cut
 * and the keys ("y/n/c") follow it. */
static void prompt_draw_choice(WINDOW *w, const struct prompt *p, int width)
{
	char keys[40];
	int n = 0;

	if (text_width(p->label) <= width) {
		text_put(w, 0, 0, width, p->label);
		return;
	}
	for (const char *c = p->choices; *c && n + 3 < (int)sizeof keys; c++)
		n += snprintf(keys + n, sizeof keys - (size_t)n, "%s%c", n ? "/" : " ", *c);
	text_put(w, 0, 0, width - n, p->label);
	text_put(w, 0, width - n, n, keys);
}

void prompt_draw(struct app *app)
{
	const struct prompt *p = &app->prompt;
	WINDOW *w = app->wstatus;
	int lw, width = app->cols;

	wattron(w, app->th.key);
	if (!p->text) {
		prompt_draw_choice(w, p, width);
		wattroff(w, app->th.key);
		return;
	}
	lw = text_putf(w, 0, 0, width - 10 > 10 ? width - 10 : width, "%s ", p->label);
	wattroff(w, app->th.key);
	/* Whole characters from the first that keeps the cursor in sight, as many as fit. */
	int avail = width - lw - 1, start = 0, end;
	while (start < p->cursor && prompt_cols(p, start, p->cursor) > avail)
		start = prompt_char_after(p, start);
	for (end = p->cursor; end < p->len && prompt_cols(p, start, prompt_char_after(p, end)) <= avail;)
		end = prompt_char_after(p, end);
	mvwaddnstr(w, 0, lw, p->buf + start, end - start);
	wmove(w, 0, lw + prompt_cols(p, start, p->cursor));
}
