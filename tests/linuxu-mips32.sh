#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld as a Linux process on mips32 and mips32el, run by
# qemu-mips-static / qemu-mipsel-static (called explicitly: no
# binfmt_misc): the right ELF flavour, the greeting, the arguments and the
# exit status, directly and through the run script.
. "$(dirname "$0")/lib.sh"
need mips-linux-gnu-gcc mipsel-linux-gnu-gcc qemu-mips-static \
	qemu-mipsel-static
arches="mips32:MIPS_BIG_ENDIAN:qemu-mips-static:MSB
mips32el:MIPS_LITTLE_ENDIAN:qemu-mipsel-static:LSB"

# helloworld for both endiannesses, built once by tests/prepare.
# uses_shared: helloworld_linuxu-mips32 helloworld_linuxu-mips32el

while IFS=: read -r arch endian qemu order; do
	shared_image img "helloworld_linuxu-$arch"
	for f in "$img" "$img.dbg" "$img.map"; do
		[ -s "$f" ] || fail "missing output $f"
	done
	file "$img" | grep -q "ELF 32-bit $order executable, MIPS, MIPS32 rel2.*statically linked.*stripped" ||
		fail "$img: not a static stripped $order MIPS32r2 ELF: $(file -b "$img")"
	# The build's output (tests/prepare keeps it beside the app folder).
	grep -q "^  SIZE    helloworld_linuxu-$arch: [0-9]* bytes" \
		"${img%/*/build/*}/make.log" ||
		fail "no size summary line for $arch"

	for status in 0 7 255; do
		out=$T_DIR/$arch-$status.out
		run_timeout 30 "$qemu" "$img" first "two words" "status=$status" \
			>"$out" 2>&1 </dev/null
		rc=$?
		expect_line "$out" "Hello world!"
		expect_line "$out" "arg[1]: first"
		expect_line "$out" "arg[2]: two words"
		expect_line "$out" "arg[3]: status=$status"
		[ "$rc" = "$status" ] || fail "$arch: exit status $rc, expected $status"
	done

	# The run script picks the emulator from the image name.
	out=$T_DIR/$arch-run.out
	run_timeout 30 "$UK_ROOT/support/scripts/uk-run" "$img" via-run status=9 \
		>"$out" 2>&1 </dev/null
	rc=$?
	expect_line "$out" "arg[1]: via-run"
	[ "$rc" = 9 ] || fail "$arch: uk-run gave status $rc, expected 9"
	"$UK_ROOT/support/scripts/uk-run" --dry-run "$img" x |
		grep -q "^$qemu " || fail "$arch: uk-run does not use $qemu"
done <<<"$arches"

shared_image el helloworld_linuxu-mips32el
make -C "${el%/build/*}" run P=linuxu ARGS="via-make status=4" \
	>"$T_DIR/make-run.out" 2>&1 </dev/null
expect_line "$T_DIR/make-run.out" "arg[1]: via-make"
grep -q 'Error 4$' "$T_DIR/make-run.out" || fail "make run did not carry status 4"
echo "ok"
