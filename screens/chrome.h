/* chrome.h — the rows around every screen: title with tabs, and the status line. */
#ifndef OW_CHROME_H
#define OW_CHROME_H

#include "app.h"

void chrome_title(struct app *app);
void chrome_status(struct app *app);
/* The tab drawn at column x of the title row; -1 if none. */
int chrome_tab_at(struct app *app, int x);

#endif
