/* main.c — openweigh's entry point: the command line, and the wizard when no command is given. */
#include <locale.h>
#include <signal.h>

#include "cli.h"
#include "stdfilter.h"

#ifdef OW_HAVE_WIZARD
#include "wizard.h"
#define WIZARD wizard_run
#else
#define WIZARD NULL
#endif

int main(int argc, char **argv)
{
	/* Only the character type: numbers are read and printed in the C locale everywhere. */
	setlocale(LC_CTYPE, "");
	/* Past a file-size limit (ulimit -f) a write fails with EFBIG, which is reported and
	 * cleaned up (exit 2, the temporary file removed), instead of a silent kill. */
	signal(SIGXFSZ, SIG_IGN);
	stdfilter_stderr();
	return stdfilter_finish(cli_main(argc, argv, WIZARD));
}
