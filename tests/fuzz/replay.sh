#!/bin/sh
# Replay both fuzz corpora (seed inputs and past crashes) through the targets built
# with the normal compiler: a crash here fails `make check`.
set -u
B=${OW_BUILDDIR:-.}
S=${OW_SRCDIR:-.}
rc=0
"$B/tests/fuzz_replay_answers" "$S"/tests/fuzz/corpus/answers/* || rc=1
"$B/tests/fuzz_replay_catalog" "$S"/tests/fuzz/corpus/catalog/* || rc=1
exit $rc
