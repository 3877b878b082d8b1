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

# Kernel code without SSE: this machine's KVM is a software KVM that runs
# the guest in KVM's instruction emulator, which fails on most SSE
# instructions GCC emits (KVM internal error, then QEMU hangs). Until the
# x86_64 arch flags leave SIMD out of kernel code, these tests build so.
X86_KERNEL_CFLAGS=${X86_KERNEL_CFLAGS--mgeneral-regs-only}

# x86_build APP_DIR: make the app's images.
x86_build() {
	mk "$1" ${X86_KERNEL_CFLAGS:+CFLAGS-y="$X86_KERNEL_CFLAGS"} ||
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

app=$(app_copy helloworld)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n
x86_build "$app"
img=$app/build/helloworld_kvm-x86_64
[ -f "$img" ] && [ -f "$img.dbg" ] && [ -f "$img.multiboot" ] ||
	fail "missing image files: $(ls "$app/build")"

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
			UK_KERNEL=$kernel x86_boot "$out" "$img" a "'b c'" status=$n
		what="$machine ($bios, $kernel, $accel)"
		[ "$X86_RC" = "$n" ] || fail "$what: exit status $X86_RC, expected $n: $(tail -5 "$out")"
		expect_line "$out" "Hello world!"
		expect_line "$out" "arg[1]: a"
		expect_line "$out" "arg[2]: b c"
		expect_line "$out" "arg[3]: status=$n"
		note "$what: ok"
	done
done

# Status 0 goes out through isa-debug-exit too (QEMU exits 1, uk-run: 0).
x86_boot "$T_DIR/zero.out" "$img"
[ "$X86_RC" = 0 ] || fail "status 0 gave $X86_RC"
echo "PASS: $n boots"
