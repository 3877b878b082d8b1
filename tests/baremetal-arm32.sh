#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on arm32: the Raspberry Pi 2 as QEMU models it (raspi2b, TCG).
# helloworld from the raw kernel7-style image (moved from QEMU's load
# address to the firmware's, arguments from ATAGS, status through
# semihosting), from the ELF (all four cores enter; three must park),
# and the power-off without semihosting (watchdog reset to the firmware's
# "halt" partition 63: QEMU shuts down, with or without -no-reboot); then
# the arch test image: system timer compare interrupt wakes the CPU,
# context switch with VFP state, the uk_* atomics, memory regions.
. "$(dirname "$0")/lib.sh"
need arm-linux-gnueabihf-gcc arm-linux-gnueabihf-objcopy qemu-system-arm

qemu_pi() { # KERNEL [QEMU ARGS...]
	local k=$1
	shift
	# no_reboot= (empty) lets a reset boot the image again.
	run_timeout 30 qemu-system-arm -M raspi2b -nodefaults -no-user-config \
		-display none -serial stdio ${no_reboot--no-reboot} -kernel "$k" "$@"
}

# helloworld and the arch test application (tests/apps/archtest-arm32),
# built once by tests/prepare.
# uses_shared: helloworld_baremetal-arm32 archtest_baremetal-arm32
shared_image img helloworld_baremetal-arm32
shared_image aimg archtest_baremetal-arm32
app=${img%/build/*}
for f in "$img" "$img.dbg" "$img.map" "$img.img"; do
	[ -s "$f" ] || fail "missing output $f"
done
aimg=$aimg.img

# The raw image is the ELF's loadable bytes from _start (0x8000) on.
start=$(arm-linux-gnueabihf-nm "$img.dbg" | awk '$3 == "_start" {print $1}')
[ "$start" = 00008000 ] || fail "_start at 0x$start, not at 0x8000"
arm-linux-gnueabihf-objcopy -O binary "$img.dbg" "$T_DIR/ref.bin"
cmp -s "$T_DIR/ref.bin" "$img.img" || fail "$img.img is not the raw image"

boot() { # NAME KERNEL [QEMU ARGS...]
	local name=$1
	shift
	qemu_pi "$@" >"$T_DIR/out.$name" 2>&1
	echo $? >"$T_DIR/rc.$name"
}
for status in 0 7 255; do
	boot "hello-$status" "$img.img" -semihosting \
		-append "first 'two words' status=$status" &
done
wait
boot elf "$img" -semihosting &
boot watchdog "$img.img" -append "status=9" &
# Without -no-reboot a plain watchdog reset boots the image again and
# again (until the time-out); the halt partition ends QEMU after one run.
no_reboot= boot halt "$img.img" -append "status=9" &
wait
for t in timer ctx atomic; do
	boot "$t" "$aimg" -semihosting -append "$t" &
done
# ATAGS at 0x100 and the firmware area below 0x8000 are not free memory.
boot mem "$aimg" -semihosting -append "mem 0x100" &
wait

check_rc() { # NAME EXPECTED
	local rc
	rc=$(cat "$T_DIR/rc.$1")
	[ "$rc" = 124 ] && fail "$1: QEMU timed out; output: $(head -c 300 "$T_DIR/out.$1")"
	[ "$rc" = "$2" ] || fail "$1: exit status $rc, expected $2; output: $(head -c 300 "$T_DIR/out.$1")"
}
for status in 0 7 255; do
	n=hello-$status
	check_rc "$n" "$status"
	expect_line "$T_DIR/out.$n" "Hello world!"
	expect_line "$T_DIR/out.$n" "arg[1]: first"
	expect_line "$T_DIR/out.$n" "arg[2]: two words"
	expect_line "$T_DIR/out.$n" "arg[3]: status=$status"
done
# ELF: QEMU starts all four cores; one greeting means three parked.
check_rc elf 0
[ "$(grep -c '^Hello world!$' "$T_DIR/out.elf")" = 1 ] ||
	fail "elf: expected one greeting: $(cat "$T_DIR/out.elf")"
# No semihosting: the watchdog resets the board, QEMU exits 0.
check_rc watchdog 0
expect_line "$T_DIR/out.watchdog" "arg[1]: status=9"
check_rc halt 0
[ "$(grep -c '^Hello world!$' "$T_DIR/out.halt")" = 1 ] ||
	fail "halt: booted more than once: $(head -c 300 "$T_DIR/out.halt")"

check_rc timer 0
line=$(grep '^timer: ' "$T_DIR/out.timer") ||
	fail "timer: no result: $(cat "$T_DIR/out.timer")"
read -r _ ms _ wakes _ _ irqs <<<"$line"
[ "$ms" -ge 50 ] && [ "$ms" -lt 2000 ] ||
	fail "timer: woke after $ms ms for a 50 ms deadline"
[ "$wakes" -le 5 ] || fail "timer: $wakes wake-ups: no timer interrupt"
[ "$irqs" = off ] || fail "timer: interrupts left enabled"
check_rc ctx 0
check_rc atomic 0
expect_archtest_arm32 "$T_DIR/out.ctx" "$T_DIR/out.atomic"
check_rc mem 0
grep -q '^mem: ok, [1-9][0-9]* KiB free$' "$T_DIR/out.mem" ||
	fail "mem: $(cat "$T_DIR/out.mem")"

# make run boots the raw image through support/scripts/run/baremetal-arm32.sh.
run_timeout 60 "$UK_ROOT/support/scripts/uk-run" "$img" via-run status=3 \
	>"$T_DIR/run.out" 2>&1
rc=$?
expect_line "$T_DIR/run.out" "arg[1]: via-run"
[ "$rc" = 3 ] || fail "uk-run gave status $rc, expected 3"
run_timeout 60 make -C "$app" run P=baremetal ARGS="via-make" >"$T_DIR/make-run.out" 2>&1 ||
	fail "make run failed: $(tail -3 "$T_DIR/make-run.out")"
expect_line "$T_DIR/make-run.out" "arg[1]: via-make"
echo "ok"
