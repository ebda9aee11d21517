/* keys.c — the key table expanded into the dispatch lookup (the help screen reads
 * the same table: scr_help.c; the man page too: man/keys.sh). */
#include "app.h"

#define OW_KEYDEF(a, sc, sh, hl, k1, k2, k3, k4) \
	[a] = { .act = a, .scope = sc, .shown = sh, .help = hl, .codes = { k1, k2, k3, k4 } },
const struct keydef keydefs[ACT_COUNT] = { OW_KEYMAP(OW_KEYDEF) };
#undef OW_KEYDEF

const char *const scope_names[SC_SCOPE_COUNT] = {
	[SC_ALL] = "Everywhere",
	[SC_QUESTIONS] = "Questions (1)",
	[SC_COSTS] = "Costs (2)",
	[SC_FOOTPRINT] = "Footprint (4)",
	[SC_TEXT] = "Verdict, memo, help and detail views",
	[SC_PROMPT] = "A prompt on the status line (a file name, a number)",
};

static enum action keys_find(int ch, unsigned scopes)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (scopes & SCOPE_BIT(keydefs[a].scope))
			for (int i = 0; i < 4; i++)
				if (keydefs[a].codes[i] != 0 && keydefs[a].codes[i] == ch)
					return (enum action)a;
	return ACT_NONE;
}

enum action keys_action(int ch, unsigned scopes)
{
	enum action a = keys_find(ch, scopes & ~SCOPE_BIT(SC_ALL));

	return a != ACT_NONE ? a : keys_find(ch, SCOPE_BIT(SC_ALL));
}
