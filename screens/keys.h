/* keys.h — one table (tig's X-macro habit) generates the key dispatch and the help
 * screen, so a key cannot exist without its help line. */
#ifndef OW_KEYS_H
#define OW_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

/* Where an action does something (help groups by this). */
enum { SC_ALL = 0, SC_QUESTIONS, SC_COSTS, SC_FOOTPRINT, SC_LISTS, SC_SCOPE_COUNT };

#define OW_CTRL(c) ((c) & 0x1f)

/* X(action, scope, keys as shown, help text, up to four key codes; 0 = none) */
#define OW_KEYMAP(X) \
	X(ACT_UP, SC_ALL, "Up k", "previous question, row or line", KEY_UP, 'k', 0, 0) \
	X(ACT_DOWN, SC_ALL, "Down j", "next question, row or line", KEY_DOWN, 'j', 0, 0) \
	X(ACT_LEFT, SC_ALL, "Left h", "previous choice, or a smaller number", KEY_LEFT, 'h', 0, 0) \
	X(ACT_RIGHT, SC_ALL, "Right l", "next choice, or a larger number", KEY_RIGHT, 'l', 0, 0) \
	X(ACT_HOME, SC_ALL, "Home g", "first line", KEY_HOME, 'g', 0, 0) \
	X(ACT_END, SC_ALL, "End G", "last line", KEY_END, 'G', 0, 0) \
	X(ACT_PAGE_UP, SC_LISTS, "^B ^U", "scroll up a page", OW_CTRL('b'), OW_CTRL('u'), 0, 0) \
	X(ACT_PAGE_DOWN, SC_LISTS, "^F ^D", "scroll down a page", OW_CTRL('f'), OW_CTRL('d'), 0, 0) \
	X(ACT_CHOOSE, SC_ALL, "Enter Space", "choose; type a number; load the preset", '\n', '\r', KEY_ENTER, ' ') \
	X(ACT_TAB, SC_ALL, "Tab", "next panel or field", '\t', KEY_BTAB, 0, 0) \
	X(ACT_VOL_UP, SC_ALL, "+", "volume up one step (1, 2, 3, 5 x 10^n)", '+', '=', 0, 0) \
	X(ACT_VOL_DOWN, SC_ALL, "-", "volume down one step", '-', '_', 0, 0) \
	X(ACT_VOL_X10, SC_ALL, "PgUp", "volume x 10", KEY_PPAGE, 0, 0, 0) \
	X(ACT_VOL_D10, SC_ALL, "PgDn", "volume / 10", KEY_NPAGE, 0, 0, 0) \
	X(ACT_SCREEN1, SC_ALL, "1 F1", "questions and the live panel", '1', KEY_F(1), 0, 0) \
	X(ACT_SCREEN2, SC_ALL, "2 F2", "costs table", '2', KEY_F(2), 0, 0) \
	X(ACT_SCREEN3, SC_ALL, "3 F3", "crossover chart", '3', KEY_F(3), 0, 0) \
	X(ACT_SCREEN4, SC_ALL, "4 F4", "inference footprint", '4', KEY_F(4), 0, 0) \
	X(ACT_SCREEN5, SC_ALL, "5 F5", "verdict: ranking, reasons, what would flip it", '5', KEY_F(5), 0, 0) \
	X(ACT_HELP, SC_ALL, "?", "this help (again to close)", '?', 0, 0, 0) \
	X(ACT_EXPORT, SC_ALL, "e", "export the decision memo (Markdown or JSON)", 'e', 0, 0, 0) \
	X(ACT_SAVE, SC_ALL, "s", "save the answers to a file", 's', 0, 0, 0) \
	X(ACT_QUIT, SC_ALL, "q", "quit (asks when answers are unsaved)", 'q', 0, 0, 0) \
	X(ACT_REDRAW, SC_ALL, "^L", "repaint the whole terminal", OW_CTRL('l'), 0, 0, 0) \
	X(ACT_BACK, SC_ALL, "Esc", "cancel a prompt; leave help", 27, 0, 0, 0) \
	X(ACT_USERS, SC_QUESTIONS, "u", "volume as users x requests per user per day", 'u', 0, 0, 0) \
	X(ACT_ESTIMATE, SC_QUESTIONS, "f", "estimate tokens from a sample text file", 'f', 0, 0, 0) \
	X(ACT_SORT, SC_COSTS, "o", "sort by cost, model or kind", 'o', 0, 0, 0) \
	X(ACT_REVERSE, SC_COSTS, "r", "reverse the sort", 'r', 0, 0, 0) \
	X(ACT_RESET, SC_FOOTPRINT, "d", "back to the recommended GPU and precision", 'd', 0, 0, 0)

#define OW_ACT_ENUM(act, scope, shown, help, k1, k2, k3, k4) act,
enum action { ACT_NONE = -1, OW_KEYMAP(OW_ACT_ENUM) ACT_COUNT };
#undef OW_ACT_ENUM

struct keyev {
	int ch;              /* the key as curses returned it */
	enum action act;     /* ACT_NONE when unbound */
};

struct keydef {
	enum action act;
	int scope;
	const char *shown, *help;
	int codes[4];
};

extern const struct keydef keydefs[ACT_COUNT];
extern const char *const scope_names[SC_SCOPE_COUNT];

enum action key_action(int ch);

#endif
