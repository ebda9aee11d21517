/* layout.c — the three layouts (DESIGN.md, "The terminal") and the windows of each:
 * a title row, the compare row while a baseline is pinned, the screen's main window,
 * a status row. */
#include "app.h"

static void layout_drop(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

static WINDOW *layout_make(int h, int w, int y, int x)
{
	return h > 0 && w > 0 ? newwin(h, w, y, x) : NULL;
}

static int layout_mode_for(int rows, int cols)
{
	if (rows < MIN_ROWS || cols < MIN_COLS)
		return LAYOUT_TINY;
	return rows < FULL_ROWS || cols < FULL_COLS ? LAYOUT_SINGLE : LAYOUT_FULL;
}

void layout_apply(struct app *app)
{
	int rows, cols, cmp;

	getmaxyx(stdscr, rows, cols);
	app->rows = rows;
	app->cols = cols;
	app->mode = layout_mode_for(rows, cols);
	layout_drop(&app->wtitle);
	layout_drop(&app->wcompare);
	layout_drop(&app->wmain);
	layout_drop(&app->wstatus);
	cmp = app->base.pinned && app->mode != LAYOUT_TINY ? 1 : 0;
	if (rows >= 3) {
		app->wtitle = layout_make(1, cols, 0, 0);
		app->wcompare = cmp ? layout_make(1, cols, 1, 0) : NULL;
		app->wmain = layout_make(rows - 2 - cmp, cols, 1 + cmp, 0);
	} else {
		app->wmain = layout_make(rows - 1, cols, 0, 0);
	}
	app->wstatus = newwin(1, cols > 0 ? cols : 1, rows > 0 ? rows - 1 : 0, 0);
	keypad(app->wstatus, TRUE);    /* the loop reads keys through the status window */
	app->dirty = DIRTY_ALL;
	if (app->mode != LAYOUT_TINY && app->wmain)
		app_screen_layout(app);
}
