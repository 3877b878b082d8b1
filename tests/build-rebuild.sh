#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Incremental builds rebuild exactly what changed: nothing on a second
# make; a header's dependents only; a Kconfig symbol's users only; one
# library when its CFLAGS change.
. "$(dirname "$0")/lib.sh"

fix=$T_DIR/fixtures
cp -r "$UK_ROOT/tests/fixtures" "$fix"
app=$fix/apps/libcheck
sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$app/Makefile"
mk "$app" defconfig && mk "$app" || fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/libcheck_linuxu-x86_64
"$img" >"$T_DIR/out" && expect_line "$T_DIR/out" "same_a=1 same_b=6 priva=10 privb=20"

# built LOG: the "  CC      lib: file" lines of the last build, sorted.
built() { make -C "$app" "$@" 2>&1 | sed -n 's/^  CC      //p' | sort; }

# 1. A second make rewrites no file.
touch "$T_DIR/stamp"
sleep 1.1
out=$(make -C "$app" 2>&1) || fail "second make failed"
echo "$out" | grep -Eq '^  (CC|AS|LD|LDS|STRIP|KCONFIG) ' &&
	fail "second make rebuilt something: $out"
changed=$(find "$app/build" -newer "$T_DIR/stamp" -type f)
[ -z "$changed" ] || fail "second make rewrote: $changed"

# 2. Touching a header rebuilds exactly the objects that include it.
touch "$fix/libsame/include/same_a.h"
got=$(built)
[ "$got" = "libsame: a/util.o" ] || fail "header touch rebuilt: [$got]"

# 3. Changing one Kconfig symbol rebuilds only the objects that use it.
sed -i 's/^CONFIG_LIBSAME_FACTOR=3$/CONFIG_LIBSAME_FACTOR=5/' "$app/.config"
got=$(built)
[ "$got" = "libsame: b/util.o" ] || fail "symbol change rebuilt: [$got]"
"$img" >"$T_DIR/out" && expect_line "$T_DIR/out" "same_a=1 same_b=10 priva=10 privb=20"

# 4. Changing a library's CFLAGS rebuilds that library only.
got=$(built PRIVA_EXTRA=-DPRIV_BONUS=5)
[ "$got" = "libpriva: priv.o" ] || fail "CFLAGS change rebuilt: [$got]"
"$img" >"$T_DIR/out" && expect_line "$T_DIR/out" "same_a=1 same_b=10 priva=15 privb=20"
# ...and dropping the flag again rebuilds it back.
got=$(built)
[ "$got" = "libpriva: priv.o" ] || fail "CFLAGS revert rebuilt: [$got]"

# 5. A global build option (optimisation level) rebuilds everything.
sed -i 's/^CONFIG_OPTIMIZE_PERF=y$/# CONFIG_OPTIMIZE_PERF is not set/; $a CONFIG_OPTIMIZE_SIZE=y' "$app/.config"
got=$(built | wc -l)
[ "$got" -gt 10 ] || fail "optimisation change rebuilt only $got objects"
echo ok
