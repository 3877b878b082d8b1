#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld as a Linux process on x86_64: builds, prints the greeting and
# its arguments, and exits with the status it was asked for.
. "$(dirname "$0")/lib.sh"

app=$(app_copy helloworld)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y
mk "$app" || fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/helloworld_linuxu-x86_64
for f in "$img" "$img.dbg" "$img.map"; do
	[ -s "$f" ] || fail "missing output $f"
done
file "$img" | grep -q 'not stripped' && fail "image is not stripped"
file "$img.dbg" | grep -q 'not stripped' || fail ".dbg has no symbols"
grep -q '^  SIZE    helloworld_linuxu-x86_64: [0-9]* bytes' "$T_DIR/make.log" ||
	fail "no size summary line"

# Quiet lines by default, the full commands with V=1: rebuild one object
# (after a touch) and the image both ways.
grep -q '^  CC      apphelloworld: main.o$' "$T_DIR/make.log" ||
	fail "no quiet CC line for main.o: $(grep -m3 '^  CC' "$T_DIR/make.log")"
touch "$app/main.c"
make -C "$app" V=1 >"$T_DIR/v1.log" 2>&1 || fail "make V=1 failed: $(tail -3 "$T_DIR/v1.log")"
grep -q -- "-c $app/main.c -o $app/build/apphelloworld/main.o" "$T_DIR/v1.log" ||
	fail "V=1 does not show the compiler command: $(head -c 600 "$T_DIR/v1.log")"
grep -q '^  CC ' "$T_DIR/v1.log" && fail "V=1 still prints quiet lines"
grep -q "strip .* -o $img $img.dbg" "$T_DIR/v1.log" ||
	fail "V=1 does not show the strip command: $(tail -c 600 "$T_DIR/v1.log")"

for status in 0 7 255; do
	"$img" first "two words" "status=$status" >"$T_DIR/out" 2>&1
	rc=$?
	expect_line "$T_DIR/out" "Hello world!"
	expect_line "$T_DIR/out" "arg[1]: first"
	expect_line "$T_DIR/out" "arg[2]: two words"
	expect_line "$T_DIR/out" "arg[3]: status=$status"
	[ "$rc" = "$status" ] || fail "exit status $rc, expected $status"
done

# make run: same image through the run script, which shows the command
# it runs with V=1; make reports the status as "Error 3".
make -C "$app" run V=1 ARGS="via-run status=3" >"$T_DIR/run.out" 2>&1
rc=$?
expect_line "$T_DIR/run.out" "arg[1]: via-run"
expect_line "$T_DIR/run.out" "uk-run: $img via-run status=3"
[ "$rc" != 0 ] || fail "make run did not carry the exit status"
# (make[N]: under make test.)
grep -Eq '^make(\[[0-9]+\])?: \*\*\* \[.*\] Error 3$' "$T_DIR/run.out" ||
	fail "make run did not report Error 3: $(tail -2 "$T_DIR/run.out")"
echo "ok"
