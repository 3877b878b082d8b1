#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# kvm on arm32 (QEMU virt, TCG) on a Cortex-A15 and a Cortex-A7:
# helloworld's output, arguments (from the DTB's bootargs) and exit status
# (semihosting), power-off through PSCI without semihosting, 'make run';
# then an arch test image: one-shot timer interrupt wakes the CPU from
# ukplat_lcpu_halt_irq_until(), context switch with VFP state (d8-d15
# and the FPSCR rounding mode), the uk_* atomics (every operation, then
# two contexts racing), memory regions that exclude the image and the DTB.
. "$(dirname "$0")/lib.sh"
need arm-linux-gnueabihf-gcc arm-linux-gnueabihf-nm arm-linux-gnueabihf-objdump \
	qemu-system-arm

cpus="cortex-a15 cortex-a7"
qemu_virt() { # CPU IMAGE [QEMU ARGS...]
	local cpu=$1 img=$2
	shift 2
	run_timeout 30 qemu-system-arm -M virt -cpu "$cpu" -m 64M -nodefaults \
		-no-user-config -display none -serial stdio -kernel "$img" "$@"
}

# helloworld and the arch test application (tests/apps/archtest-arm32),
# built once by tests/prepare.
# uses_shared: helloworld_kvm-arm32 archtest_kvm-arm32
shared_image img helloworld_kvm-arm32
shared_image aimg archtest_kvm-arm32
app=${img%/build/*}
for f in "$img" "$img.dbg" "$img.map"; do
	[ -s "$f" ] || fail "missing output $f"
done
file "$img" | grep -q 'ELF 32-bit LSB executable, ARM' ||
	fail "not an arm ELF: $(file "$img")"

# Every boot in parallel; each writes out.<name> and rc.<name>.
boot() { # NAME CPU IMAGE [QEMU ARGS...]
	local name=$1
	shift
	qemu_virt "$@" >"$T_DIR/out.$name" 2>&1
	echo $? >"$T_DIR/rc.$name"
}
for cpu in $cpus; do
	for status in 0 7 255; do
		boot "hello-$cpu-$status" "$cpu" "$img" -semihosting \
			-append "first 'two words' status=$status" &
	done
	boot "psci-$cpu" "$cpu" "$img" -append "status=9" &
	for t in timer ctx atomic; do
		boot "$t-$cpu" "$cpu" "$aimg" -semihosting -append "$t" &
	done
	# The DTB sits at the start of RAM: it must not be free memory.
	boot "mem-$cpu" "$cpu" "$aimg" -semihosting -append "mem 0x40000000" &
	wait
done

# Atomics are inline ldrex/strex, never libgcc's Linux-only helpers.
arm-linux-gnueabihf-nm "$aimg.dbg" | grep -E ' __(sync|atomic)_' &&
	fail "archtest calls out-of-line atomics"
arm-linux-gnueabihf-objdump -d "$aimg.dbg" | grep -qw ldrexd ||
	fail "archtest has no ldrexd: 64-bit atomics not inline"

check_rc() { # NAME EXPECTED
	local rc
	rc=$(cat "$T_DIR/rc.$1")
	[ "$rc" = 124 ] && fail "$1: QEMU timed out; output: $(head -c 300 "$T_DIR/out.$1")"
	[ "$rc" = "$2" ] || fail "$1: exit status $rc, expected $2; output: $(head -c 300 "$T_DIR/out.$1")"
}
for cpu in $cpus; do
	for status in 0 7 255; do
		n=hello-$cpu-$status
		check_rc "$n" "$status"
		expect_line "$T_DIR/out.$n" "Hello world!"
		expect_line "$T_DIR/out.$n" "arg[1]: first"
		expect_line "$T_DIR/out.$n" "arg[2]: two words"
		expect_line "$T_DIR/out.$n" "arg[3]: status=$status"
	done
	# Without -semihosting the call returns and PSCI powers off (0).
	check_rc "psci-$cpu" 0
	expect_line "$T_DIR/out.psci-$cpu" "arg[1]: status=9"

	check_rc "timer-$cpu" 0
	line=$(grep '^timer: ' "$T_DIR/out.timer-$cpu") ||
		fail "timer-$cpu: no result: $(cat "$T_DIR/out.timer-$cpu")"
	read -r _ ms _ wakes _ _ irqs <<<"$line"
	[ "$ms" -ge 50 ] && [ "$ms" -lt 2000 ] ||
		fail "timer-$cpu: woke after $ms ms for a 50 ms deadline"
	# A busy loop would take hundreds of halts; the interrupt takes ~1.
	[ "$wakes" -le 5 ] || fail "timer-$cpu: $wakes wake-ups: no timer interrupt"
	[ "$irqs" = off ] || fail "timer-$cpu: interrupts left enabled"

	check_rc "ctx-$cpu" 0
	check_rc "atomic-$cpu" 0
	expect_archtest_arm32 "$T_DIR/out.ctx-$cpu" "$T_DIR/out.atomic-$cpu"
	check_rc "mem-$cpu" 0
	grep -q '^mem: ok, [1-9][0-9]* KiB free$' "$T_DIR/out.mem-$cpu" ||
		fail "mem-$cpu: $(cat "$T_DIR/out.mem-$cpu")"
done

# make run: through support/scripts/run/kvm-arm32.sh (status via make: != 0).
run_timeout 60 "$UK_ROOT/support/scripts/uk-run" "$img" via-run status=3 \
	>"$T_DIR/run.out" 2>&1
rc=$?
expect_line "$T_DIR/run.out" "arg[1]: via-run"
[ "$rc" = 3 ] || fail "uk-run gave status $rc, expected 3"
UK_CPU=cortex-a7 run_timeout 60 make -C "$app" run P=kvm ARGS="via-make" \
	>"$T_DIR/make-run.out" 2>&1 || fail "make run failed: $(tail -3 "$T_DIR/make-run.out")"
expect_line "$T_DIR/make-run.out" "arg[1]: via-make"
echo "ok"
