/* prompt.h — the one-line prompt on the status line: a text field or a choice of
 * keys. Modal, but it never reads the keyboard itself: the main loop hands it keys. */
#ifndef OW_PROMPT_H
#define OW_PROMPT_H

#include <stdbool.h>

struct app;
struct prompt;

/* Called when the prompt ends: choice is the key chosen (a text prompt: '\n'),
 * or 0 when cancelled. Returns loop flags. */
typedef int (*prompt_done)(struct app *app, struct prompt *p, int choice);

struct prompt {
	bool active, text;
	char label[200];
	char choices[16];        /* choice prompts: the keys accepted */
	char buf[1024];          /* text prompts: the value being edited */
	int len, cursor;
	prompt_done done;
	int arg;                 /* for the callback */
};

/* Ask for a line of text, starting from initial. */
int prompt_text(struct app *app, const char *label, const char *initial, prompt_done done, int arg);
/* Ask for one of the keys in choices (case-insensitive). */
int prompt_choice(struct app *app, const char *label, const char *choices, prompt_done done, int arg);
/* Whether ch cancels a prompt (Esc, ^G, ^C). */
bool prompt_cancels(int ch);
/* A key for the active prompt; returns loop flags. ^L repaints and F10 cancels the
 * prompt and starts quitting, as everywhere. */
int prompt_key(struct app *app, int ch);
void prompt_draw(struct app *app);

#endif
