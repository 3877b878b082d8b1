#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Crashes on x86_64 kvm: crashtest's page fault (a read of address 0, the
# unmapped NULL guard page), divide error, failed assertion and undefined
# instruction each print their report and end with the crash status (125)
# on microvm and pc, under TCG and (when usable) KVM. So do a thread that
# recurses into the guard page under its stack (the page fault is taken on
# the IST stack and names the thread), main() recursing into the guard
# page under its own stack (CONFIG_LIBUKBOOT_MAIN_STACK_KB), and a local
# buffer overrun caught by the stack protector (the image is built with
# -fstack-protector-strong).
# The exception code is plat/shared/pc, the same on baremetal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kvm-x86_64.sh"
need qemu-system-x86_64

app=$(app_copy crashtest)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
	CONFIG_STACKPROTECTOR_STRONG=y
grep -q '^CONFIG_LIBUKSCHEDCOOP=y' "$app/.config" || fail "crashtest has no scheduler"
x86_build "$app"
img=$app/build/crashtest_kvm-x86_64

# kind|line that must be there|another one
cases=(
	"pagefault|CRASH: x86 exception 14 (#PF page fault)|  CR2 0x0000000000000000 (faulting address), page not present on read"
	"divzero|CRASH: x86 exception 0 (#DE divide error) at RIP 0x|  RAX"
	"assert|Assertion failed: zero == 1|"
	"undef|CRASH: x86 exception 6 (#UD invalid opcode) at RIP 0x|  RSP"
	"stackoverflow|CRASH: stack overflow in thread recurser (it hit the guard page under its stack)|page not present on write"
	"canary|CRASH: stack smashing detected|"
	"mainoverflow|CRASH: stack overflow in thread main (it hit the guard page under its stack)|page not present on write"
)
accels=(tcg)
x86_kvm_usable && accels+=(kvm)
for accel in "${accels[@]}"; do
	for machine in microvm pc; do
		for c in "${cases[@]}"; do
			IFS='|' read -r kind line1 line2 <<<"$c"
			out=$T_DIR/$kind-$machine-$accel.out
			UK_ACCEL=$accel UK_MACHINE=$machine x86_boot "$out" "$img" crash=$kind
			what="$kind ($machine, $accel)"
			[ "$X86_RC" = 125 ] || fail "$what: exit status $X86_RC, expected 125: $(tail -5 "$out")"
			grep -q "^crashtest: $kind" "$out" || fail "$what: no 'crashtest: $kind' line"
			grep -qF -- "$line1" "$out" || fail "$what: no '$line1' in: $(head -c 600 "$out")"
			[ -z "$line2" ] || grep -qF -- "$line2" "$out" ||
				fail "$what: no '$line2' in: $(head -c 600 "$out")"
			grep -q "crashtest: no crash" "$out" && fail "$what: did not crash"
			note "$what: report and status ok"
		done
	done
done
# A fault address above the 4 GiB the platform maps.
out=$T_DIR/high.out
UK_ACCEL=tcg UK_MACHINE=microvm x86_boot "$out" "$img" crash=pagefault addr=0x10000000000
grep -qF "CR2 0x0000010000000000 (faulting address)" "$out" || fail "high address: $(head -c 600 "$out")"
echo "PASS"
