#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld as an arm32 Linux process under qemu-arm-static: builds, prints
# the greeting and its arguments, exits with the status it was asked for,
# also through 'make run'; then the arch test image in user space: context
# switch with VFP state (d8-d15, FPSCR rounding mode) and the uk_* atomics.
. "$(dirname "$0")/lib.sh"
need arm-linux-gnueabihf-gcc qemu-arm-static

# helloworld and the arch test application (tests/apps/archtest-arm32),
# built once by tests/prepare.
# uses_shared: helloworld_linuxu-arm32 archtest_linuxu-arm32
shared_image img helloworld_linuxu-arm32
app=${img%/build/*}
for f in "$img" "$img.dbg" "$img.map"; do
	[ -s "$f" ] || fail "missing output $f"
done
file "$img" | grep -q 'ELF 32-bit LSB executable, ARM, EABI5' ||
	fail "not an arm EABI5 executable: $(file "$img")"
file "$img" | grep -q 'statically linked' || fail "not static: $(file "$img")"

for status in 0 7 255; do
	run_timeout 20 qemu-arm-static "$img" first "two words" \
		"status=$status" >"$T_DIR/out" 2>&1
	rc=$?
	[ "$rc" = 124 ] && fail "qemu-arm-static timed out"
	expect_line "$T_DIR/out" "Hello world!"
	expect_line "$T_DIR/out" "arg[1]: first"
	expect_line "$T_DIR/out" "arg[2]: two words"
	expect_line "$T_DIR/out" "arg[3]: status=$status"
	[ "$rc" = "$status" ] || fail "exit status $rc, expected $status"
done

# The arch test application.
shared_image aimg archtest_linuxu-arm32
for t in ctx atomic; do
	run_timeout 20 qemu-arm-static "$aimg" "$t" \
		>"$T_DIR/out.$t" 2>&1
	rc=$?
	[ "$rc" = 0 ] || fail "archtest $t: status $rc: $(head -c 300 "$T_DIR/out.$t")"
done
expect_archtest_arm32 "$T_DIR/out.ctx" "$T_DIR/out.atomic"

# make run goes through support/scripts/run/linuxu-arm32.sh.
run_timeout 60 "$UK_ROOT/support/scripts/uk-run" "$img" via-run status=3 \
	>"$T_DIR/run.out" 2>&1
rc=$?
expect_line "$T_DIR/run.out" "arg[1]: via-run"
[ "$rc" = 3 ] || fail "uk-run gave status $rc, expected 3"
make -C "$app" run P=linuxu ARGS="via-make" >"$T_DIR/make-run.out" 2>&1 ||
	fail "make run failed: $(tail -3 "$T_DIR/make-run.out")"
expect_line "$T_DIR/make-run.out" "arg[1]: via-make"
echo "ok"
