/* layout.c — the three layouts (DESIGN.md, "The terminal") and the windows of each:
 * a title row, the screen's main window, a status row. */
#include "app.h"

static void drop(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

static WINDOW *make(int h, int w, int y, int x)
{
	return h > 0 && w > 0 ? newwin(h, w, y, x) : NULL;
}

static int mode_for(int rows, int cols)
{
	if (rows < MIN_ROWS || cols < MIN_COLS)
		return LAYOUT_TINY;
	return rows < FULL_ROWS || cols < FULL_COLS ? LAYOUT_SINGLE : LAYOUT_FULL;
}

void layout_apply(struct app *app)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	app->rows = rows;
	app->cols = cols;
	app->mode = mode_for(rows, cols);
	drop(&app->wtitle);
	drop(&app->wmain);
	drop(&app->wstatus);
	if (rows >= 3) {
		app->wtitle = make(1, cols, 0, 0);
		app->wmain = make(rows - 2, cols, 1, 0);
	} else {
		app->wmain = make(rows - 1, cols, 0, 0);
	}
	app->wstatus = newwin(1, cols > 0 ? cols : 1, rows > 0 ? rows - 1 : 0, 0);
	keypad(app->wstatus, TRUE);    /* the loop reads keys through the status window */
	app->dirty = DIRTY_ALL;
	if (app->mode != LAYOUT_TINY)
		screen_layout(app);
}
