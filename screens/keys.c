/* keys.c — the key table expanded into the dispatch lookup (the help screen reads
 * the same table: scr_help.c). */
#include "app.h"

#define OW_KEYDEF(act, scope, shown, help, k1, k2, k3, k4) \
	[act] = { act, scope, shown, help, { k1, k2, k3, k4 } },
const struct keydef keydefs[ACT_COUNT] = { OW_KEYMAP(OW_KEYDEF) };
#undef OW_KEYDEF

const char *const scope_names[SC_SCOPE_COUNT] = {
	[SC_ALL] = "Everywhere",
	[SC_QUESTIONS] = "Questions (1)",
	[SC_COSTS] = "Costs (2)",
	[SC_FOOTPRINT] = "Footprint (4)",
	[SC_LISTS] = "Long screens (verdict, help, costs)",
};

enum action key_action(int ch)
{
	for (int a = 0; a < ACT_COUNT; a++)
		for (int i = 0; i < 4; i++)
			if (keydefs[a].codes[i] != 0 && keydefs[a].codes[i] == ch)
				return (enum action)a;
	return ACT_NONE;
}
