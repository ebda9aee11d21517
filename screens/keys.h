/* keys.h — one table (tig's X-macro habit) generates the key dispatch, the help
 * screen and the man page's KEYS (man/keys.sh), so a key cannot exist without its
 * help line. */
#ifndef OW_KEYS_H
#define OW_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

/* Where an action does something: help groups by this, and a screen's own scopes
 * are looked up before SC_ALL (so one key may mean different things on two screens). */
enum key_scope { SC_ALL, SC_QUESTIONS, SC_COSTS, SC_FOOTPRINT, SC_TEXT, SC_PROMPT, SC_SCOPE_COUNT };
#define SCOPE_BIT(s) (1u << (s))

#define OW_CTRL(c) ((c) & 0x1f)

/* X(action, scope, keys as shown, help text, up to four key codes; 0 = none).
 * An action with no code (ACT_TYPE, the prompt's line editing) is a habit the screens
 * or the prompt handle themselves; it is listed so that help and the man page say so. */
#define OW_KEYMAP(X) \
	X(ACT_UP, SC_ALL, "Up k", "previous question, row or line", KEY_UP, 'k', 0, 0) \
	X(ACT_DOWN, SC_ALL, "Down j", "next question, row or line", KEY_DOWN, 'j', 0, 0) \
	X(ACT_LEFT, SC_ALL, "Left h", "previous choice, a smaller number; on the chart, a lower volume", KEY_LEFT, 'h', 0, 0) \
	X(ACT_RIGHT, SC_ALL, "Right l", "next choice, a larger number; on the chart, a higher volume", KEY_RIGHT, 'l', 0, 0) \
	X(ACT_PAGE_UP, SC_ALL, "PgUp ^B ^U", "up a page (never changes an answer)", KEY_PPAGE, OW_CTRL('b'), OW_CTRL('u'), 0) \
	X(ACT_PAGE_DOWN, SC_ALL, "PgDn Space ^F ^D", "down a page (never changes an answer)", KEY_NPAGE, ' ', OW_CTRL('f'), OW_CTRL('d')) \
	X(ACT_HOME, SC_ALL, "Home g", "first line", KEY_HOME, 'g', 0, 0) \
	X(ACT_END, SC_ALL, "End G", "last line", KEY_END, 'G', 0, 0) \
	X(ACT_CHOOSE, SC_ALL, "Enter", "next choice, edit a number, open a row, apply a change", '\n', '\r', KEY_ENTER, 0) \
	X(ACT_TAB, SC_ALL, "Tab S-Tab", "next panel or field", '\t', KEY_BTAB, 0, 0) \
	X(ACT_VOL_UP, SC_ALL, "+ =", "volume up one step (1, 2, 3, 5 x 10^n)", '+', '=', 0, 0) \
	X(ACT_VOL_DOWN, SC_ALL, "- _", "volume down one step", '-', '_', 0, 0) \
	X(ACT_SCREEN1, SC_ALL, "1 F2", "questions and the live panel", '1', KEY_F(2), 0, 0) \
	X(ACT_SCREEN2, SC_ALL, "2 F3", "costs table", '2', KEY_F(3), 0, 0) \
	X(ACT_SCREEN3, SC_ALL, "3 F4", "crossover chart", '3', KEY_F(4), 0, 0) \
	X(ACT_SCREEN4, SC_ALL, "4 F5", "inference footprint", '4', KEY_F(5), 0, 0) \
	X(ACT_SCREEN5, SC_ALL, "5 F6", "verdict: what would flip it, the ranking, the reasons", '5', KEY_F(6), 0, 0) \
	X(ACT_HELP, SC_ALL, "? F1", "this help (q or Esc closes it)", '?', KEY_F(1), 0, 0) \
	X(ACT_UNDO, SC_ALL, "u", "undo the last change of the answers", 'u', 0, 0, 0) \
	X(ACT_REDO, SC_ALL, "^R", "redo what was undone", OW_CTRL('r'), 0, 0, 0) \
	X(ACT_PIN, SC_ALL, "b", "pin these answers as the baseline; every screen shows the difference", 'b', 0, 0, 0) \
	X(ACT_UNPIN, SC_ALL, "B", "drop the baseline", 'B', 0, 0, 0) \
	X(ACT_EXPORT, SC_ALL, "e", "export the decision memo (Markdown or JSON)", 'e', 0, 0, 0) \
	X(ACT_MEMO, SC_ALL, "m", "read the decision memo here, as it would be exported", 'm', 0, 0, 0) \
	X(ACT_SAVE, SC_ALL, "s", "save the answers to a file", 's', 0, 0, 0) \
	X(ACT_QUIT, SC_ALL, "q", "close help, the memo or a detail; else quit (asks if answers are unsaved)", 'q', 0, 0, 0) \
	X(ACT_QUIT_NOW, SC_ALL, "F10", "quit from anywhere (asks when answers are unsaved)", KEY_F(10), 0, 0, 0) \
	X(ACT_REDRAW, SC_ALL, "^L", "repaint the whole terminal", OW_CTRL('l'), 0, 0, 0) \
	X(ACT_BACK, SC_ALL, "Esc", "cancel a prompt; close help, the memo or a detail", 27, 0, 0, 0) \
	X(ACT_TYPE, SC_QUESTIONS, "0-9", "on a number question: start typing its new value", 0, 0, 0, 0) \
	X(ACT_ESTIMATE, SC_QUESTIONS, "f", "estimate tokens from a sample text file", 'f', 0, 0, 0) \
	X(ACT_SORT, SC_COSTS, "o", "sort by cost, model or kind", 'o', 0, 0, 0) \
	X(ACT_REVERSE, SC_COSTS, "r", "reverse the sort", 'r', 0, 0, 0) \
	X(ACT_FILTER, SC_COSTS, "a", "all options, or only those that meet the task (the default)", 'a', 0, 0, 0) \
	X(ACT_RESET, SC_FOOTPRINT, "d", "back to the recommended GPU and precision", 'd', 0, 0, 0) \
	X(ACT_SEARCH, SC_TEXT, "/", "search the text", '/', 0, 0, 0) \
	X(ACT_NEXT, SC_TEXT, "n", "next match", 'n', 0, 0, 0) \
	X(ACT_PREV, SC_TEXT, "N", "previous match", 'N', 0, 0, 0) \
	X(ACT_PROMPT_MOVE, SC_PROMPT, "Left Right ^B ^F", "in a prompt: a character back or on", 0, 0, 0, 0) \
	X(ACT_PROMPT_ENDS, SC_PROMPT, "Home End ^A ^E", "in a prompt: the start or the end of the line", 0, 0, 0, 0) \
	X(ACT_PROMPT_DELETE, SC_PROMPT, "Backspace Del ^D", "in a prompt: delete the character before or under the cursor", 0, 0, 0, 0) \
	X(ACT_PROMPT_CLEAR, SC_PROMPT, "^U", "in a prompt: clear the line", 0, 0, 0, 0) \
	X(ACT_PROMPT_DONE, SC_PROMPT, "Enter", "in a prompt: accept (a refused number opens again with the reason)", 0, 0, 0, 0) \
	X(ACT_PROMPT_CANCEL, SC_PROMPT, "Esc ^G ^C", "in a prompt: cancel (^L and F10 work as everywhere)", 0, 0, 0, 0)

#define OW_ACT_ENUM(act, scope, shown, help, k1, k2, k3, k4) act,
enum action { ACT_NONE = -1, OW_KEYMAP(OW_ACT_ENUM) ACT_COUNT };
#undef OW_ACT_ENUM

struct keyev {
	int ch;              /* the key as curses returned it */
	enum action act;     /* ACT_NONE when unbound */
};

struct keydef {
	enum action act;
	enum key_scope scope;
	const char *shown, *help;
	int codes[4];
};

extern const struct keydef keydefs[ACT_COUNT];
extern const char *const scope_names[SC_SCOPE_COUNT];

/* The action of a key on a screen whose own scopes are `scopes` (SCOPE_BIT()s):
 * those are tried first, then the keys that work everywhere. */
enum action keys_action(int ch, unsigned scopes);

#endif
