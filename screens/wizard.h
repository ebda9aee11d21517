/* wizard.h — the interactive wizard (screens/): main.c hands over here when no
 * command is given on the command line. */
#ifndef OW_WIZARD_H
#define OW_WIZARD_H

#include "cli.h"

/* Run the wizard on the terminal; returns an exit code (DESIGN.md, "Command line"). */
int wizard_run(const struct wizard_opts *opts);

#endif
