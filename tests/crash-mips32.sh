#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/apps/crashtest (crash=assert|pagefault|divzero|undef) on mips32 and
# mips32el, as a Linux process and on the Malta board. Every crash must end
# with a non-zero status: 125 (UKPLAT_STATUS_CRASH) on the Malta, through
# the reset path and the run script's "malta: crash" line (big-endian) or
# UHI semihosting (little-endian), with a register dump for the CPU
# exceptions: pagefault is a TLB refill (TLBL/TLBS, no TLB entry maps
# kuseg, so NULL misses) or an address error (AdEL/AdES), divzero GCC's
# divide check (teq: a trap exception), undef whatever the app executes
# (reserved instruction, trap or breakpoint). On linuxu an assertion exits
# 125 and the CPU faults kill the process with a signal (status > 128).
# crash=canary (the build has the stack protector) must say "stack
# smashing detected" with status 125 everywhere; crash=stackoverflow runs
# only on linuxu, the one mips32 platform with guard pages (the Malta runs
# unmapped kseg0: an overflow runs on into the memory below the stack).
. "$(dirname "$0")/lib.sh"
need mips-linux-gnu-gcc mipsel-linux-gnu-gcc qemu-mips-static \
	qemu-mipsel-static qemu-system-mips qemu-system-mipsel
# qemu-user would write a core file for each signal.
ulimit -c 0
run=$UK_ROOT/support/scripts/uk-run
modes="assert pagefault divzero undef"
arches="mips32:MIPS_BIG_ENDIAN:n
mips32el:MIPS_LITTLE_ENDIAN:y"

pids=()
while IFS=: read -r arch endian semi; do
	app=$(app_copy crashtest "$T_DIR/$arch/crashtest")
	( config "$app" CONFIG_ARCH_MIPS_32=y "CONFIG_$endian=y" \
		CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y \
		"CONFIG_MALTA_SEMIHOSTING_EXIT=$semi" \
		CONFIG_STACKPROTECTOR_STRONG=y && mk "$app" ) ||
		echo "$arch" >>"$T_DIR/build-failed" &
	pids+=($!)
done <<<"$arches"
wait "${pids[@]}"
[ -f "$T_DIR/build-failed" ] &&
	fail "build failed ($(paste -sd, "$T_DIR/build-failed")): $(tail -5 "$T_DIR/make.log")"

# boot NAME IMAGE ARGS...: uk-run in the background; NAME.out, NAME.rc.
boot() {
	local name=$1
	shift
	(
		run_timeout 60 "$run" "$@" </dev/null 2>&1 | tr -d '\r' >"$T_DIR/$name.out"
		echo "${PIPESTATUS[0]}" >"$T_DIR/$name.rc"
	) &
}

while IFS=: read -r arch endian semi; do
	for plat in linuxu baremetal; do
		img=$T_DIR/$arch/crashtest/build/crashtest_$plat-$arch
		[ -s "$img" ] || fail "missing image $img"
		boot "$arch-$plat-none" "$img"
		for m in $modes canary; do
			boot "$arch-$plat-$m" "$img" "crash=$m"
		done
		[ "$plat" = linuxu ] &&
			boot "$arch-$plat-stackoverflow" "$img" crash=stackoverflow
		wait
	done
done <<<"$arches"

while IFS=: read -r arch endian semi; do
	for plat in linuxu baremetal; do
		n=$arch-$plat
		# No crash asked: the usage line and status 2, not a crash.
		rc=$(cat "$T_DIR/$n-none.rc")
		[ "$rc" = 2 ] || fail "$n: no crash asked, status $rc (expected 2): $(tail -3 "$T_DIR/$n-none.out")"
		grep -q '^usage: crash=' "$T_DIR/$n-none.out" || fail "$n: no usage line"
		for m in $modes; do
			o=$T_DIR/$n-$m.out
			rc=$(cat "$T_DIR/$n-$m.rc")
			[ "$rc" = 124 ] || [ "$rc" = 137 ] && fail "$n crash=$m: timed out"
			[ "$rc" != 0 ] || fail "$n crash=$m: status 0"
			grep -q "^crashtest: $m" "$o" || fail "$n crash=$m: did not start"
			grep -q "^crashtest: no crash" "$o" && fail "$n crash=$m: survived"
			if [ "$plat" = baremetal ]; then
				[ "$rc" = 125 ] || fail "$n crash=$m: status $rc, expected 125"
				[ "$semi" = y ] || expect_line "$o" "malta: crash"
			else
				# linuxu reports every fault too (plat/linuxu/fault.c).
				[ "$rc" = 125 ] || fail "$n crash=$m: status $rc, expected 125"
				[ "$m" = assert ] || grep -q '^CRASH: SIG[A-Z]* (.*) at PC 0x' "$o" ||
					fail "$n crash=$m: no fault report: $(tail -3 "$o")"
			fi
		done
		# The stack protector (built with -fstack-protector-strong).
		o=$T_DIR/$n-canary.out
		rc=$(cat "$T_DIR/$n-canary.rc")
		[ "$rc" = 125 ] || fail "$n crash=canary: status $rc, expected 125: $(tail -3 "$o")"
		expect_line "$o" "CRASH: stack smashing detected"
		if [ "$plat" = linuxu ]; then
			# Guard pages (mprotect) under thread stacks.
			o=$T_DIR/$n-stackoverflow.out
			rc=$(cat "$T_DIR/$n-stackoverflow.rc")
			[ "$rc" = 125 ] || fail "$n crash=stackoverflow: status $rc: $(tail -3 "$o")"
			expect_line "$o" "CRASH: stack overflow in thread recurser (it hit the guard page under its stack)"
		fi
		[ "$plat" = baremetal ] || continue
		grep -Eq '^CRASH: exception (TLB miss on (load/fetch \(TLBL\)|store \(TLBS\))|address error on (load/fetch \(AdEL\)|store \(AdES\)))$' \
			"$T_DIR/$n-pagefault.out" || fail "$n: pagefault is not a TLB/address exception"
		grep -q '^EPC=[0-9a-f]\{8\}  Cause=[0-9a-f]\{8\}  BadVAddr=[0-9a-f]\{8\}  Status=' \
			"$T_DIR/$n-pagefault.out" || fail "$n: no EPC/Cause/BadVAddr dump"
		grep -q '^gp=[0-9a-f]\{8\}  sp=[0-9a-f]\{8\}  fp=[0-9a-f]\{8\}  ra=[0-9a-f]\{8\}$' \
			"$T_DIR/$n-pagefault.out" || fail "$n: no GPR dump"
		expect_line "$T_DIR/$n-divzero.out" "CRASH: exception trap"
		grep -Eq '^CRASH: exception (reserved instruction|trap|breakpoint)$' \
			"$T_DIR/$n-undef.out" || fail "$n: undef raised no instruction exception"
	done
done <<<"$arches"
echo "ok"
