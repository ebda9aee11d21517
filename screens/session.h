/* session.h — the autosaved session: $XDG_STATE_HOME/openweigh/session.yaml, mode 0600,
 * an answers file (format version 1) with the wizard's place in a trailing comment. */
#ifndef OW_SESSION_H
#define OW_SESSION_H

#include "app.h"

int session_path(char *buf, size_t size);
/* Write the answers and the wizard's place (screen, preset, each screen's words); -1
 * with e set. */
int session_save(const struct app *app, struct ow_error *e);
/* Load into app: 0 loaded, 1 no session yet, -1 unreadable (e set). */
int session_load(struct app *app, struct ow_error *e);
/* The word after " name " in a place line (for the screens' place_load); -1 if none. */
int session_word(const char *line, const char *name, char *buf, size_t size);

#endif
