#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fatal exceptions on arm32, on kvm (QEMU virt, Cortex-A15) and baremetal
# (raspi2b): an undefined instruction, a data abort (a store to an address
# with no device or RAM behind it: with the MMU off there are no page
# faults, this is arm32's "pagefault"), a prefetch abort (a jump there),
# a division by zero in libgcc (__aeabi_idiv0) and a failed assertion.
# Each must print its report (registers, DFAR/DFSR or IFAR/IFSR) and end
# with the crash status 125. Then tests/apps/crashtest, with
# addr=0xfffffff0 for its "pagefault" on kvm/baremetal (no MMU: a read of
# an unbacked address, i.e. a data abort, stands for a page fault).
. "$(dirname "$0")/lib.sh"
need arm-linux-gnueabihf-gcc qemu-system-arm

app=$(app_copy tests/apps/traps-arm32 "$T_DIR/traps")
config "$app" CONFIG_ARCH_ARM_32=y CONFIG_PLAT_KVM=y CONFIG_PLAT_BAREMETAL=y \
	"# CONFIG_PLAT_LINUXU is not set" CONFIG_LIBUKDEBUG_ENABLE_ASSERT=y
mk "$app" -j2 || fail "build failed: $(tail -5 "$T_DIR/make.log")"

kinds="undef dabt pabt divzero assert"
for plat in kvm baremetal; do
	for k in $kinds; do
		run_timeout 30 "$UK_ROOT/support/scripts/uk-run" \
			"$app/build/traps_$plat-arm32" "$k" \
			>"$T_DIR/out.$plat-$k" 2>&1
		echo $? >"$T_DIR/rc.$plat-$k"
	done &
done
wait

for plat in kvm baremetal; do
	for k in $kinds; do
		o=$T_DIR/out.$plat-$k
		rc=$(cat "$T_DIR/rc.$plat-$k")
		[ "$rc" = 124 ] && fail "$plat $k: timed out: $(head -c 300 "$o")"
		[ "$rc" = 125 ] || fail "$plat $k: status $rc, expected 125: $(head -c 400 "$o")"
		expect_line "$o" "crashing: $k"
		case $k in
		undef)	grep -q '^Undefined instruction at pc=0x[0-9a-f]\{8\}' "$o" ||
				fail "$plat undef: no report: $(cat "$o")" ;;
		dabt)	grep -q '^Data abort at pc=0x' "$o" &&
			grep -q '^DFAR=0xfffffff0 DFSR=0x[0-9a-f]\{8\}$' "$o" ||
				fail "$plat dabt: no report: $(cat "$o")" ;;
		pabt)	grep -q '^Prefetch abort at pc=0xfffffff0$' "$o" &&
			grep -q '^IFAR=0xfffffff0 IFSR=0x' "$o" ||
				fail "$plat pabt: no report: $(cat "$o")" ;;
		divzero) grep -q 'integer division by zero' "$o" ||
				fail "$plat divzero: no report: $(cat "$o")" ;;
		assert)	grep -q 'zero == 1' "$o" ||
				fail "$plat assert: no report: $(cat "$o")" ;;
		esac
		case $k in
		undef|dabt|pabt)
			grep -q '^r0=0x[0-9a-f]\{8\} r1=' "$o" &&
			grep -q ' sp=0x[0-9a-f]\{8\} lr=0x[0-9a-f]\{8\} pc=0x[0-9a-f]\{8\} cpsr=0x[0-9a-f]\{8\}$' "$o" ||
				fail "$plat $k: registers missing: $(cat "$o")" ;;
		esac
	done
done

# tests/apps/crashtest: the same kinds by name as on the other arches.
ct=$(app_copy crashtest)
config "$ct" CONFIG_ARCH_ARM_32=y CONFIG_PLAT_KVM=y \
	CONFIG_PLAT_BAREMETAL=y CONFIG_PLAT_LINUXU=y \
	CONFIG_STACKPROTECTOR_STRONG=y
mk "$ct" -j2 || fail "crashtest build failed: $(tail -5 "$T_DIR/make.log")"
for plat in kvm baremetal linuxu; do
	for k in assert pagefault divzero undef; do
		# No MMU on the arm32 system platforms, so no page
		# faults: "pagefault" reads an address with nothing
		# behind it, which is a data abort (external abort).
		extra=
		[ "$k" = pagefault ] && [ "$plat" != linuxu ] &&
			extra=addr=0xfffffff0
		run_timeout 30 "$UK_ROOT/support/scripts/uk-run" \
			"$ct/build/crashtest_$plat-arm32" "crash=$k" \
			$extra >"$T_DIR/ct.$plat-$k" 2>&1
		rc=$?
		[ "$rc" = 124 ] && fail "crashtest $plat $k: timed out"
		# linuxu reports its faults as well (plat/linuxu/fault.c).
		[ "$rc" = 125 ] || fail "crashtest $plat $k: status $rc: $(head -c 300 "$T_DIR/ct.$plat-$k")"
		grep -q 'crashtest: no crash' "$T_DIR/ct.$plat-$k" &&
			fail "crashtest $plat $k: did not crash"
	done
done
grep -q '^CRASH: SIGSEGV (bad memory access) at PC 0x' "$T_DIR/ct.linuxu-pagefault" ||
	fail "crashtest linuxu pagefault: no fault report"
grep -q '^DFAR=0xfffffff0 ' "$T_DIR/ct.kvm-pagefault" ||
	fail "crashtest kvm pagefault: no data abort report"
# The stack protector (the build has -fstack-protector-strong) on
# every platform; a thread's stack overflow where there are guard
# pages: linuxu only (the system platforms run with the MMU off, so
# an overflow runs on into the memory below the stack).
# ct_report PLAT KIND REPORT: crashtest crash=KIND on PLAT ends with 125
# and a line starting with REPORT.
ct_report() {
	local o=$T_DIR/ct.$1-$2 rc
	run_timeout 30 "$UK_ROOT/support/scripts/uk-run" \
		"$ct/build/crashtest_$1-arm32" "crash=$2" >"$o" 2>&1
	rc=$?
	[ "$rc" = 125 ] || fail "crashtest $1 $2: status $rc: $(head -c 300 "$o")"
	grep -q "^$3" "$o" ||
		fail "crashtest $1 $2: no report: $(head -c 300 "$o")"
}
for plat in kvm baremetal linuxu; do
	ct_report "$plat" canary 'CRASH: stack smashing detected'
done
ct_report linuxu stackoverflow 'CRASH: stack overflow in thread recurser '
# main() on its own stack (CONFIG_LIBUKBOOT_MAIN_STACK_KB) under a guard.
ct_report linuxu mainoverflow 'CRASH: stack overflow in thread main '
echo "ok"
