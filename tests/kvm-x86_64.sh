#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kvm on x86_64: helloworld booted with QEMU's -kernel on pc, q35 and
# microvm, under TCG and (when /dev/kvm works) KVM: the ELF64 through its
# PVH note, the ELF32 copy (<image>.multiboot) through QEMU's multiboot
# loader, and pc with SeaBIOS as well as qboot. Checks the output, the
# arguments and the exit status, and where the multiboot header sits in
# each file.
#
# The x86 helpers below are shared: baremetal-x86_64.sh and crash-x86_64.sh
# source this file, which then returns before its own test.

# Default flags: CONFIG_X86_64_GENERAL_REGS_ONLY keeps SSE out of kernel
# code, which this machine's software KVM cannot emulate.
# x86_build APP_DIR: make the app's images.
x86_build() {
	mk "$1" ||
		fail "build failed: $(tail -5 "$T_DIR/make.log")"
}

x86_kvm_usable() {
	[ -r /dev/kvm ] && [ -w /dev/kvm ]
}

# x86_boot OUT IMAGE ARGS...: boot through uk-run (UK_* from the caller's
# environment); output without CRs in OUT, exit status in X86_RC. A hang
# (under this KVM: an emulation failure) fails the test.
x86_boot() {
	local out=$1 img=$2
	shift 2
	X86_RC=0
	run_timeout "${X86_TIMEOUT:-60}" "$UK_ROOT/support/scripts/uk-run" \
		"$img" "$@" </dev/null >"$out.raw" 2>"$out.err" || X86_RC=$?
	tr -d '\r' <"$out.raw" >"$out"
	case $X86_RC in
	124|137) fail "$img (${UK_MACHINE:-pc}, ${UK_ACCEL:-}): no exit in" \
		"${X86_TIMEOUT:-60} s: $(tail -3 "$out.err") $(tail -3 "$out")" ;;
	esac
}

[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 objcopy od

# helloworld for kvm-x86_64, built once by tests/prepare.
# uses_shared: helloworld_kvm-x86_64
shared_image img helloworld_kvm-x86_64
[ -f "$img" ] && [ -f "$img.dbg" ] && [ -f "$img.multiboot" ] ||
	fail "missing image files: $(ls "${img%/*}")"

# The ELF64 must not show a multiboot header to QEMU (it would refuse an
# ELF64); the ELF32 copy must, within its first 8 KiB.
mb_magic() { od -A d -t x4 -N 8192 -v "$1" | grep -q 1badb002; }
mb_magic "$img" && fail "ELF64 image has a multiboot header in its first 8 KiB"
mb_magic "$img.multiboot" || fail "no multiboot header in the first 8 KiB of $img.multiboot"
od -A n -t x1 -N 5 "$img.multiboot" | grep -q '7f 45 4c 46 01' ||
	fail "$img.multiboot is not an ELF32 file"

accels=(tcg)
if x86_kvm_usable; then accels+=(kvm); else note "no usable /dev/kvm: TCG only"; fi

n=0
for accel in "${accels[@]}"; do
	for row in "pc qboot pvh" "q35 qboot pvh" "microvm - pvh" \
		"pc qboot multiboot" "q35 qboot multiboot" "pc seabios pvh"; do
		read -r machine bios kernel <<<"$row"
		# SeaBIOS runs instruction by instruction under a software KVM.
		[ "$accel/$bios" = kvm/seabios ] && continue
		n=$((n + 1))
		out=$T_DIR/boot-$accel-$machine-$bios-$kernel.out
		UK_ACCEL=$accel UK_MACHINE=$machine UK_BIOS=${bios/-/qboot} \
			UK_KERNEL=$kernel x86_boot "$out" "$img" a "b c" status=$n
		what="$machine ($bios, $kernel, $accel)"
		[ "$X86_RC" = "$n" ] || fail "$what: exit status $X86_RC, expected $n: $(tail -5 "$out")"
		expect_line "$out" "Hello world!"
		expect_line "$out" "arg[1]: a"
		expect_line "$out" "arg[2]: b c"
		expect_line "$out" "arg[3]: status=$n"
		note "$what: ok"
	done
done

# Without isa-debug-exit: ACPI power-off (QEMU exits 0), found through the
# FADT: PM1a control on pc and q35, the sleep control register on microvm.
for machine in pc q35 microvm; do
	out=$T_DIR/acpi-$machine.out
	rc=0
	run_timeout 60 qemu-system-x86_64 -nodefaults -no-user-config \
		-display none -serial stdio -accel tcg -M "$machine" -m 64M \
		-kernel "$img" -append "status=5" </dev/null >"$out" 2>&1 || rc=$?
	[ "$rc" = 0 ] || fail "ACPI power-off on $machine: QEMU exit $rc: $(tail -3 "$out")"
	grep -q "Hello world!" "$out" || fail "ACPI power-off on $machine: no output"
done
note "ACPI power-off: pc, q35, microvm"

# Time, idle and memory, from a small app written here: the platform's
# clock, a 50 ms sleep through the one-shot timer and hlt, the wall clock,
# and the free memory regions.
tapp=$T_DIR/timetest
mkdir -p "$tapp"
printf 'UK_ROOT ?= %s\ninclude $(UK_ROOT)/Makefile\n' "$UK_ROOT" >"$tapp/Makefile"
printf 'config APPTIMETEST\n\tbool\n\tdefault y\n\tselect LIBNOLIBC if !LIBNEWLIB\n\tselect LIBUKBOOT\n' >"$tapp/Config.uk"
printf '$(eval $(call addlib,apptimetest))\nAPPTIMETEST_SRCS-y += $(APPTIMETEST_BASE)/main.c\n' >"$tapp/Makefile.uk"
cat >"$tapp/main.c" <<'C'
#include <stdio.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/memory.h>
#include <uk/plat/time.h>

static volatile int ticks;

static int tick(void *arg)
{
	ticks++;
	return 1;
}

static void outb(unsigned short port, unsigned char v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

int main(void)
{
	struct ukplat_memregion_desc d;
	unsigned long free = 0;
	__nsec t0, t1, wall = ukplat_wall_clock();
	int i, wakes = 0;

	ukplat_memregion_foreach(&d, i)
		if (d.flags & UKPLAT_MEMRF_FREE)
			free += d.len;
	printf("free KiB: %lu\n", free >> 10);
	printf("wall year ok: %d\n", wall > 1600000000LL * UKPLAT_NSEC_PER_SEC);
	ukplat_lcpu_disable_irq();
	t0 = ukplat_monotonic_clock();
	while ((t1 = ukplat_monotonic_clock()) < t0 + 50000000LL) {
		ukplat_lcpu_halt_irq_until(t0 + 50000000LL);
		wakes++;
	}
	printf("slept ms: %lld, wakes: %d\n", (long long)(t1 - t0) / 1000000, wakes);

	/*
	 * ISA IRQ 0: the PIT at 1 kHz (mode 2), until 10 ticks (or 2 s),
	 * three times. A host that holds QEMU off for long makes it
	 * deliver the late ticks in a burst, which squeezes one round; a
	 * PIT programmed wrong squeezes or stretches all three.
	 */
	outb(0x43, 0x34);
	outb(0x40, 1193 & 0xff);
	outb(0x40, 1193 >> 8);
	if (ukplat_irq_register(0, tick, NULL) < 0)
		return 3;
	for (i = 0; i < 3; i++) {
		ticks = 0;
		t0 = ukplat_monotonic_clock();
		while (ticks < 10 &&
		       ukplat_monotonic_clock() < t0 + 2000000000LL)
			ukplat_lcpu_halt_irq_until(t0 + 2000000000LL);
		t1 = ukplat_monotonic_clock();
		printf("irq0 ticks: %d in %lld us\n", ticks,
		       (long long)(t1 - t0) / 1000);
	}
	ukplat_lcpu_enable_irq();
	return 0;
}
C
config "$tapp" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
	CONFIG_KVM_X86_CONSOLE_VGA=y
x86_build "$tapp"

# The VGA console: after power-off (-no-shutdown keeps QEMU), the text
# screen starts with the first line, "free KiB: ", in light grey (0x07).
out=$T_DIR/vga.out
(sleep 4; echo "xp /5hx 0xb8000"; echo quit) | run_timeout 30 \
	qemu-system-x86_64 -nodefaults -no-user-config -display none -vga std \
	-serial "file:$T_DIR/vga.serial" -monitor stdio -no-shutdown -accel tcg \
	-M pc -m 32M -kernel "$tapp/build/timetest_kvm-x86_64" >"$out" 2>&1
grep -q '0x0766 0x0772 0x0765 0x0765 0x0720' "$out" ||
	fail "VGA text screen does not start with 'free ': $(grep -A2 xp "$out")"
grep -q "^free KiB" "$T_DIR/vga.serial" || fail "no serial output with VGA on"
note "VGA and serial consoles: ok"
for accel in "${accels[@]}"; do
	out=$T_DIR/timetest-$accel.out
	start=$(date +%s%N)
	UK_ACCEL=$accel UK_MACHINE=microvm UK_MEM=32M x86_boot "$out" "$tapp/build/timetest_kvm-x86_64"
	wall_ms=$((($(date +%s%N) - start) / 1000000))
	[ "$X86_RC" = 0 ] || fail "timetest ($accel): status $X86_RC: $(cat "$out")"
	expect_line "$out" "wall year ok: 1"
	kib=$(sed -n 's/^free KiB: //p' "$out")
	[ "${kib:-0}" -gt 20000 ] && [ "$kib" -lt 32768 ] || fail "timetest ($accel): $kib KiB free of 32 MiB"
	read -r ms wakes < <(sed -n 's/^slept ms: \([0-9]*\), wakes: \([0-9]*\)$/\1 \2/p' "$out")
	# The sleep ends at its deadline, after few wake-ups (a timer
	# interrupt, not a busy loop), and takes real time. A busy host may
	# hold the vCPU off for long (710 ms seen at load 30), so the guest's
	# count is bounded by the host's, not by a fixed time: a guest clock
	# running fast counts more than the host saw.
	[ "${ms:-0}" -ge 50 ] && [ "$ms" -le "$wall_ms" ] ||
		fail "timetest ($accel): slept ${ms:-?} ms by the guest's clock, $wall_ms ms of host time"
	[ "${wakes:-0}" -ge 1 ] && [ "$wakes" -le 5 ] || fail "timetest ($accel): $wakes wake-ups"
	[ "$wall_ms" -ge 50 ] || fail "timetest ($accel): 50 ms sleep took $wall_ms ms of host time"
	# 10 ticks of a 1 kHz PIT take at least 8 ms (the first two may come
	# at once). Every round must see its 10 ticks, and the longest round
	# must take 8 ms: none, or a PIT programmed wrong, fails.
	rounds=$(sed -n 's/^irq0 ticks: \([0-9]*\) in \([0-9]*\) us$/\1:\2/p' "$out" | tr '\n' ' ')
	read -r n_ok longest < <(echo "$rounds" | tr ' ' '\n' | awk -F: '
		NF == 2 { if ($1 == 10) ok++; if ($2 > max) max = $2 }
		END { print ok + 0, max + 0 }')
	[ "$n_ok" = 3 ] && [ "$longest" -ge 8000 ] ||
		fail "timetest ($accel): IRQ 0 rounds (ticks:us) ${rounds:-none} at 1 kHz (want 3 rounds of 10, the longest >= 8 ms)"
	note "timetest ($accel): $kib KiB free, slept $ms ms in $wakes wake-up(s), IRQ 0 rounds (ticks:us) $rounds"
done

# Status 0 goes out through isa-debug-exit too (QEMU exits 3, uk-run: 0);
# 126 is the largest status QEMU's exit code carries, larger ones come out
# as 126 with a line that says so; QEMU's own failure is 127, not 0.
x86_boot "$T_DIR/zero.out" "$img"
[ "$X86_RC" = 0 ] || fail "status 0 gave $X86_RC"
x86_boot "$T_DIR/s126.out" "$img" status=126
[ "$X86_RC" = 126 ] || fail "status 126 gave $X86_RC"
x86_boot "$T_DIR/s200.out" "$img" status=200
[ "$X86_RC" = 126 ] || fail "status 200 gave $X86_RC, expected 126"
expect_line "$T_DIR/s200.out" "kvm: exit status 200 does not fit QEMU's exit code: it exits with 126"
UK_QEMU_EXTRA="-device no-such-device" x86_boot "$T_DIR/bad.out" "$img"
[ "$X86_RC" = 127 ] || fail "a QEMU failure gave $X86_RC, expected 127"
grep -q "uk-run: qemu-system-x86_64 failed" "$T_DIR/bad.out.err" ||
	fail "no uk-run message on QEMU's failure: $(cat "$T_DIR/bad.out.err")"
echo "PASS: $n boots"
