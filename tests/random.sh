#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# lib/ukrandom's entropy sources on kvm, each named by the boot log, with
# the ukrandom uktest suite (RFC 8439 vectors, output, getrandom())
# passing on each: tests/apps/unittests with LIBVIRTIO_RNG, x86_64 and
# arm32, under TCG:
#  - pc with virtio-rng-pci, microvm with virtio-rng-device (MMIO), arm
#    virt with virtio-rng-device: "seeded from virtio-rng", no warning;
#  - pc on -cpu max (RDRAND, maybe RDSEED), no virtio-rng: the CPU;
#  - pc on QEMU's default CPU (no RDRAND) and arm virt, both without
#    virtio-rng: the timer-jitter fallback and its WEAK seed warning.
# (linuxu's host getrandom(), the Pi's BCM2835 RNG and Xen's RDRAND show
# in tests/unittests.sh's boots.)
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc

x86=$(app_copy unittests "$T_DIR/x86/unittests")
arm=$(app_copy unittests "$T_DIR/arm/unittests")
config "$x86" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
	CONFIG_LIBVIRTIO_RNG=y
config "$arm" CONFIG_ARCH_ARM_32=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
	CONFIG_LIBVIRTIO_RNG=y
mk "$x86" -j2 || fail "x86_64 build failed: $(tail -5 "$T_DIR/make.log")"
mk "$arm" -j2 || fail "arm32 build failed: $(tail -5 "$T_DIR/make.log")"
xi=$x86/build/unittests_kvm-x86_64
ai=$arm/build/unittests_kvm-arm32

# boot LABEL IMAGE ENV...: the ukrandom suite; must pass, status 0.
boot() {
	local label=$1 img=$2 rc=0 out=$T_DIR/$1.out line
	shift 2
	env UK_ACCEL=tcg "$@" timeout --kill-after=5 120 \
		"$UK_ROOT/support/scripts/uk-run" "$img" suite=ukrandom \
		</dev/null 2>&1 | tr -d '\r' >"$out"
	rc=${PIPESTATUS[0]}
	line=$(grep -a '^uktest: ' "$out")
	[[ $line =~ ^uktest:\ ([0-9]+)\ passed,\ 0\ failed$ ]] ||
		fail "$label: $(grep -a -m2 FAIL "$out") summary '$line'"
	[ "${BASH_REMATCH[1]}" -ge 4 ] ||
		fail "$label: only ${BASH_REMATCH[1]} tests ran"
	grep -aq '^\[ PASS \] ukrandom.chacha20_rfc8439_2_3_2$' "$out" ||
		fail "$label: the RFC 8439 vector test did not pass"
	[ "$rc" = 0 ] || fail "$label: exit status $rc"
}
# seeded LABEL SOURCE: the log names SOURCE and has no weak-seed warning.
seeded() {
	grep -aq "Info: ukrandom: seeded from $2$" "$T_DIR/$1.out" ||
		fail "$1: not seeded from $2: $(grep -a ukrandom "$T_DIR/$1.out")"
	grep -aq 'WEAK seed' "$T_DIR/$1.out" &&
		fail "$1: weak-seed warning with $2 present"
	return 0
}
# weak LABEL: the fallback, named as weak.
weak() {
	grep -aq 'Warn: ukrandom: WEAK seed: .* seeded from timer jitter only' \
		"$T_DIR/$1.out" ||
		fail "$1: no weak-seed warning: $(grep -a ukrandom "$T_DIR/$1.out")"
}

boot pc-rng "$xi" UK_MACHINE=pc UK_QEMU_EXTRA="-device virtio-rng-pci"
seeded pc-rng virtio-rng
grep -aq 'virtio-rng (pci): entropy source' "$T_DIR/pc-rng.out" ||
	fail "pc-rng: no virtio-rng-pci device found"
# microvm lists virtio-mmio devices on the command line only with
# acpi=off, which the run script sets when there is a NIC.
boot microvm-rng "$xi" UK_MACHINE=microvm UK_NET=user \
	UK_QEMU_EXTRA="-device virtio-rng-device"
seeded microvm-rng virtio-rng
grep -aq 'virtio-rng (mmio): entropy source' "$T_DIR/microvm-rng.out" ||
	fail "microvm-rng: no virtio-rng-device found"
boot arm-rng "$ai" UK_QEMU_EXTRA="-device virtio-rng-device"
seeded arm-rng virtio-rng
boot pc-cpumax "$xi" UK_MACHINE=pc UK_QEMU_EXTRA="-cpu max"
grep -aq 'Info: ukrandom: seeded from RD\(RAND\|SEED\)$' "$T_DIR/pc-cpumax.out" ||
	fail "pc-cpumax: not seeded from RDRAND/RDSEED: $(grep -a ukrandom "$T_DIR/pc-cpumax.out")"
boot pc-none "$xi" UK_MACHINE=pc
weak pc-none
boot arm-none "$ai"
weak arm-none
echo "ok: virtio-rng (pci, mmio x86_64 and arm32), RDRAND, and the weak fallback"
