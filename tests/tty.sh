#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Console input through newlib (lib/uktty, tests/apps/ttytest), fed from a
# file or a pipe: on linuxu (x86_64), and through QEMU's serial port on
# kvm x86_64 and kvm arm32. Every byte arrives (the first one too), in
# order, checked by a count and checksum; cooked mode edits with
# backspace and echoes, raw mode passes bytes unchanged; a read that
# starts before its input arrives waits for it; end of file comes at the
# host's end of input on linuxu and never on a serial line (a read there
# still waits after the last byte). On arm32 the image has lib/vfs, and
# poll() on the console times out while it is idle and waits for input.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc
[ -f /usr/src/newlib/newlib-3.3.0.tar.xz ] ||
	skip "newlib-source not installed (make deps)"
run=$UK_ROOT/support/scripts/uk-run

build() {
	app_build_or_fail ttytest "$@"
}
build x86 CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y
# arm32 with lib/vfs: fds 0-2 are /dev/console, and poll() works on it.
build arm CONFIG_ARCH_ARM_32=y CONFIG_PLAT_KVM=y CONFIG_LIBVFS=y
images=("$T_DIR/x86/ttytest/build/ttytest_linuxu-x86_64"
	"$T_DIR/x86/ttytest/build/ttytest_kvm-x86_64"
	"$T_DIR/arm/ttytest/build/ttytest_kvm-arm32")
export UK_ACCEL=tcg

# sum FILE: the checksum ttytest prints (s = s * 31 + byte, 32 bits).
sum() {
	local s=0 b
	for b in $(od -An -v -tu1 "$1"); do
		s=$(((s * 31 + b) & 0xffffffff))
	done
	echo "$s"
}

# A first line that would lose its first byte, bytes of every kind, long
# lines, and "quit" (a serial line has no end of file).
in=$T_DIR/input
{
	echo "print(1)"
	printf 'tab\there, high \303\251\304\237, punct !"#$%%&()*+,-./:;<=>?@[]^_{|}~\n'
	for i in $(seq 1 40); do
		printf 'line %02d: %s\n' "$i" "the quick brown fox jumps over the lazy dog"
	done
	echo quit
} >"$in"
nl=$(wc -l <"$in")
bytes=$(wc -c <"$in")
s=$(sum "$in")
for img in "${images[@]}"; do
	n=${img##*/}
	out=$T_DIR/$n.lines
	rc=0
	run_timeout 120 "$run" "$img" <"$in" >"$out.raw" 2>&1 || rc=$?
	tr -d '\r' <"$out.raw" >"$out"
	[ "$rc" = 0 ] || fail "$n: status $rc: $(tail -5 "$out")"
	expect_line "$out" "ttytest: 0 failed"
	expect_line "$out" "got 1: print(1)"
	expect_line "$out" "got 40: line 38: the quick brown fox jumps over the lazy dog"
	expect_line "$out" "ttytest: $nl lines, $bytes bytes, sum $s, quit"
	note "$n: $nl lines, $bytes bytes arrived whole"
done

# Cooked mode on the serial console: CR ends a line (ICRNL), backspace
# (BS or DEL) erases with "\b \b", the line is echoed; raw mode hands
# over \r and DEL unchanged.
printf 'abc\b\bz\rxy\177w\nquit\n' >"$T_DIR/cooked"
printf 'ab\177\r\nxyz' >"$T_DIR/raw"
for img in "${images[@]:1}"; do
	n=${img##*/}
	out=$T_DIR/$n.cooked
	run_timeout 120 "$run" "$img" <"$T_DIR/cooked" 2>&1 | tr -d '\r' >"$out"
	expect_line "$out" "got 1: az"
	expect_line "$out" "got 2: xw"
	grep -qF 'abc'$'\b \b\b \b''z' "$out" ||
		fail "$n: no echo with erase of 'abc^H^Hz': $(head -c 400 "$out" | od -c | head)"
	out=$T_DIR/$n.raw
	run_timeout 120 "$run" "$img" raw <"$T_DIR/raw" >"$out" 2>&1
	grep -q '^raw: 61 62 7f 0d 0a 78 79 7a' "$out" ||
		fail "$n: raw bytes changed: $(grep '^raw' "$out")"
done
note "cooked mode edits and echoes, raw mode passes bytes (kvm x86_64, arm32)"

# End of input: linuxu reads end of file at the host's; after the last
# partial line (no newline) comes through whole.
out=$T_DIR/linuxu.eof
printf 'one\ntwo' | run_timeout 30 "$run" "${images[0]}" >"$out" 2>&1 ||
	fail "linuxu: status $? at end of file: $(tail -3 "$out")"
expect_line "$out" "got 2: two"
expect_line "$out" "ttytest: 2 lines, 7 bytes, sum $(printf 'one\ntwo' >"$T_DIR/eof"; sum "$T_DIR/eof"), eof"
# A serial line has no end: with the input used up, the read waits on.
for img in "${images[@]:1}"; do
	n=${img##*/}
	rc=0
	printf 'one\ntwo\n' | run_timeout 15 "$run" "$img" \
		>"$T_DIR/$n.noeof.raw" 2>&1 || rc=$?
	tr -d '\r' <"$T_DIR/$n.noeof.raw" >"$T_DIR/$n.noeof"
	[ "$rc" = 124 ] || fail "$n: status $rc, the read did not wait: $(tail -3 "$T_DIR/$n.noeof")"
	grep -q ', eof$' "$T_DIR/$n.noeof" && fail "$n: end of file on a serial line"
	expect_line "$T_DIR/$n.noeof" "got 2: two"
done
note "end of file at the host's end (linuxu), none on a serial line"

# Late input: the read has started ("wait: reading") a second before the
# input is written; it waits for it, after a poll() that waits for it too
# (and one that timed out on the idle console before).
for img in "${images[@]}"; do
	n=${img##*/}
	out=$T_DIR/$n.wait
	fifo=$T_DIR/$n.fifo
	rm -f "$fifo" && mkfifo "$fifo"
	run_timeout 120 "$run" "$img" wait <"$fifo" >"$out" 2>&1 &
	pid=$!
	exec 9>"$fifo"
	for _ in $(seq 1 600); do
		grep -q '^wait: reading' "$out" 2>/dev/null && break
		sleep 0.1
	done
	grep -q '^wait: reading' "$out" || { exec 9>&-; fail "$n: never reached the read"; }
	sleep 1
	echo late >&9
	exec 9>&-
	wait "$pid" || fail "$n: status $?: $(tail -3 "$out")"
	ms=$(tr -d '\r' <"$out" | sed -n 's/^wait: 5 bytes after \([0-9]*\) ms$/\1/p')
	[ -n "$ms" ] || fail "$n: no wait line: $(tail -3 "$out")"
	[ "$ms" -ge 900 ] || fail "$n: the read returned after $ms ms, before the input"
	# poll() on the console (lib/vfs, arm32) waited for the same input
	case $n in *arm32) ;; *) note "$n: the read waited $ms ms for late input"; continue ;; esac
	pms=$(tr -d '\r' <"$out" | sed -n 's/^wait: poll 1 (revents 0x1) after \([0-9]*\) ms$/\1/p')
	[ -n "$pms" ] || fail "$n: no poll line: $(grep -a 'poll\|FAIL' "$out" | head -3)"
	[ "$pms" -ge 900 ] || fail "$n: poll returned after $pms ms, before the input"
	grep -aqx 'ok - poll of an idle console: 0' <(tr -d '\r' <"$out") ||
		fail "$n: poll of the idle console did not time out with 0"
	note "$n: the read waited $ms ms for late input"
done
echo "PASS: console input whole, waiting, cooked and raw"
