#!/bin/sh
# Print the KEYS section of openweigh(1) from the wizard's key table
# (screens/keys.h), so the page and the program cannot disagree.
# Usage: sh man/keys.sh [SRCDIR]   (tests/man.sh checks the page against it)
S=${1:-.}
printf '.Sh KEYS\nIn the wizard (also on its help screen,\n.Ic \\&? ) :\n.Bl -tag -width "Enter Space"\n'
sed -n 's/^[[:space:]]*X(ACT_[A-Z0-9_]*, SC_[A-Z]*, "\([^"]*\)", "\([^"]*\)".*/\1\t\2/p' "$S/screens/keys.h" |
while IFS='	' read -r keys help; do
	printf '.It Li \\&%s\n%s\n' "$(printf '%s' "$keys" | sed 's/\\/\\e/g')" "$(printf '%s' "$help" | sed 's/^\./\\\&./')"
done
printf '.El\n'
