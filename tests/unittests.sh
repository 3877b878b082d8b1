#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/apps/unittests (every uktest suite in one unikernel) on each
# platform and arch that boots: one build per arch (its platforms
# together), then the boots two at a time. Each must print "uktest: N
# passed, 0 failed" and exit 0. Then an image built with
# CONFIG_LIBUKTEST_SELFCHECK_FAIL must report a failure and a non-zero
# status, and so must uktest_fail=1. A
# variant with the region (bump) allocator as the boot heap runs on
# linuxu-x86_64 and kvm-x86_64 (linuxu with a 16 MiB heap: nothing is
# ever freed, and page-aligned guarded stacks take their toll).
# xen-x86_64 boots as a PV and as a PVH guest under `xl create` in the Xen
# test bed (support/scripts/xen-testbed), where sched.tls_vars and
# sched.stack_guard must really run (thread pointer and guard pages).
# The linuxu boots get two variables in their environment and
# getenv_check=1: nolibc.getenv must find them through getenv(). Every
# full run must include the nolibc, ukdebug and argparse suites.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm qemu-system-mips qemu-system-mipsel \
	qemu-arm-static qemu-mips-static qemu-mipsel-static \
	arm-linux-gnueabihf-gcc mips-linux-gnu-gcc mipsel-linux-gnu-gcc

# baremetal x86_64 boots an ISO (GRUB): only where the ISO tools are.
x86_bm=
command -v grub-mkrescue >/dev/null && command -v xorriso >/dev/null &&
	command -v mformat >/dev/null && x86_bm=CONFIG_PLAT_BAREMETAL=y
[ -n "$x86_bm" ] || note "no grub-mkrescue/xorriso/mformat: no baremetal-x86_64"
xen=
if "$UK_ROOT/support/scripts/xen-testbed" prepare >"$T_DIR/xen-prepare.log" 2>&1; then
	xen=1
else
	note "xen-testbed prepare failed: no xen-x86_64 ($(tail -n1 "$T_DIR/xen-prepare.log"))"
fi

# name:config lines (space-separated)
builds="x86_64:CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y $x86_bm
arm32:CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y CONFIG_PLAT_BAREMETAL=y
mips32:CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y
mips32el:CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_LITTLE_ENDIAN=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y
fail:CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_LIBUKTEST_SELFCHECK_FAIL=y CONFIG_LIBUKSCHED=n CONFIG_LIBUKSCHEDCOOP=n CONFIG_LIBUKBOOT_HEAP_TLSF=y
region:CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y CONFIG_LIBUKBOOT_HEAP_REGION=y CONFIG_LINUXU_HEAP_SIZE_MB=16"
[ -n "$xen" ] && builds+="
xen:CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y CONFIG_PLAT_LINUXU=n"

build_one() {
	local name=$1 app=$T_DIR/$1/unittests
	shift
	app_copy unittests "$app" >/dev/null
	# shellcheck disable=SC2068
	(config "$app" $@ && mk "$app") >/dev/null ||
		echo "$name" >>"$T_DIR/build-failed"
}
jobs=0
while IFS=: read -r name cfg; do
	build_one "$name" $cfg &
	jobs=$((jobs + 1))
	[ $((jobs % 2)) = 0 ] && wait
done <<<"$builds"
wait
[ -f "$T_DIR/build-failed" ] &&
	fail "build failed: $(paste -sd, "$T_DIR/build-failed"): $(grep -m3 -i 'error' "$T_DIR/make.log")"
grep -i 'warning:' "$T_DIR/make.log" | head -3 | grep . &&
	fail "compiler warnings: $(grep -m1 -i 'warning:' "$T_DIR/make.log")"

# raspi2b: the raw .img relocates itself from 0x10000 to 0x8000 with a
# copy loop that overwrites itself once an image exceeds 32 KiB (a
# plat/shared/arm/start.S bug, reported); boot the ELF, which QEMU loads
# at its link address, from a folder without the .img (no arguments
# reach it that way).
rpi=$T_DIR/arm32/unittests/rpi-elf
mkdir -p "$rpi/include/config"
cp "$T_DIR/arm32/unittests/build/unittests_baremetal-arm32" "$rpi/"
cp "$T_DIR/arm32/unittests/build/include/config/auto.conf" "$rpi/include/config/"

# label:image:environment[:arguments] (boots through uk-run, status = the
# app's). Under this host's software KVM, byte-wise memory access is ~100x
# slower than under TCG: the stress tests do 1/20 of their work there.
# (no ':' and no blanks in the values: they pass through 'env $env').
uenv="UK_TEST_ENV=a=b,c UK_TEST_ENVX=other:getenv_check=1"
boots="linuxu-x86_64:x86_64/build/unittests_linuxu-x86_64:$uenv
kvm-x86_64-tcg:x86_64/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=microvm
kvm-x86_64-pc:x86_64/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=pc
linuxu-arm32:arm32/build/unittests_linuxu-arm32:$uenv
kvm-arm32:arm32/build/unittests_kvm-arm32:
baremetal-arm32:arm32/rpi-elf/unittests_baremetal-arm32:
linuxu-mips32:mips32/build/unittests_linuxu-mips32:$uenv
baremetal-mips32:mips32/build/unittests_baremetal-mips32:
linuxu-mips32el:mips32el/build/unittests_linuxu-mips32el:$uenv
baremetal-mips32el:mips32el/build/unittests_baremetal-mips32el:
region-linuxu-x86_64:region/build/unittests_linuxu-x86_64:$uenv
region-kvm-x86_64-tcg:region/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=microvm"
# The two Xen boots make one pair (Xen in QEMU/TCG, ~30-60 s each). The
# PV heap is only the pages Xen's domain builder mapped (a few MiB, see
# plat/xen/x86_64/memory.c): after the alloc suites' stress tests it is
# too fragmented for sched.many_threads_no_leak's 40 page-aligned guarded
# stacks, so PV runs the suites that need no big heap.
[ -n "$xen" ] && boots+="
xen-pv:xen/build/unittests_xen-x86_64:UK_XEN_TIMEOUT=110:suite=sched,lock,uktest
xen-pvh:xen/build/unittests_xen-x86_64:UK_XEN_PVH=1 UK_XEN_TIMEOUT=110"
[ -n "$x86_bm" ] && boots+="
baremetal-x86_64:x86_64/build/unittests_baremetal-x86_64:UK_ACCEL=tcg"
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	boots+="
kvm-x86_64-kvm:x86_64/build/unittests_kvm-x86_64:UK_ACCEL=kvm UK_MACHINE=microvm:stress_div=20"
else
	note "no usable /dev/kvm: TCG only"
fi

# Time limit of one boot: this host's software KVM emulates every guest
# instruction (~1 us each); a loaded CI host stretches that 2-3 times.
limit() {
	case $1 in
	*-kvm) echo 300 ;;
	*) echo 120 ;;
	esac
}

boot_one() {
	local label=$1 img=$2 env=$3 rc=0 t0=$SECONDS
	shift 3
	# shellcheck disable=SC2086
	env $env timeout --kill-after=5 "$(limit "$label")" \
		"$UK_ROOT/support/scripts/uk-run" \
		"$T_DIR/${img%%/*}/unittests/${img#*/}" "$@" </dev/null 2>&1 | tr -d '\r' \
		>"$T_DIR/$label.out"
	rc=${PIPESTATUS[0]}
	echo "$rc" >"$T_DIR/$label.rc"
	echo "$((SECONDS - t0))" >"$T_DIR/$label.time"
}
n=0
while IFS=: read -r label img env args; do
	# shellcheck disable=SC2086
	boot_one "$label" "$img" "$env" seed=7 ${args:-} &
	n=$((n + 1))
	[ $((n % 2)) = 0 ] && wait
done <<<"$boots"
boot_one fail-kconfig fail/build/unittests_linuxu-x86_64 "" &
boot_one fail-arg x86_64/build/unittests_linuxu-x86_64 "" uktest_fail=1 \
	suite=uktest,alloc &
wait

while IFS=: read -r label img env args; do
	out=$T_DIR/$label.out rc=$(cat "$T_DIR/$label.rc")
	[ "$rc" = 124 ] &&
		fail "$label: no exit in $(limit "$label") s: $(tail -3 "$out")"
	line=$(grep -a '^uktest: ' "$out")
	[[ $line =~ ^uktest:\ ([0-9]+)\ passed,\ 0\ failed$ ]] ||
		fail "$label: $(grep -a -m2 'FAIL' "$out") summary '$line'"
	[ "${BASH_REMATCH[1]}" -ge 10 ] ||
		fail "$label: only ${BASH_REMATCH[1]} tests ran"
	grep -aq '^\[ PASS \] uktest.selfcheck_fail' "$out" &&
		fail "$label: the failing self-check ran"
	if [[ ${args:-} != suite=* ]]; then
		for s in nolibc ukdebug argparse; do
			grep -aq "^\[ PASS \] $s\." "$out" ||
				fail "$label: suite $s did not run"
		done
	fi
	# The environment really reached getenv() (not a skipped check).
	if [[ ${args:-} = *getenv_check=1* ]]; then
		grep -aqx '\[ PASS \] nolibc\.getenv' "$out" ||
			fail "$label: nolibc.getenv did not pass"
	fi
	[ "$rc" = 0 ] || fail "$label: exit status $rc, expected 0"
	if [[ $label = xen-* ]]; then
		# TLS and guard pages are there: no "not run"/"canary only".
		for t in tls_vars stack_guard; do
			grep -aqx "\[ PASS \] sched\.$t" "$out" ||
				fail "$label: sched.$t did not pass"
			grep -aq "^sched\.$t: " "$out" &&
				fail "$label: $(grep -a -m1 "^sched\.$t: " "$out")"
		done
		grep -aq 'uksched: this platform cannot set the thread' "$out" &&
			fail "$label: uksched found no thread pointer"
	fi
	note "$label: $line ($(cat "$T_DIR/$label.time") s)"
done <<<"$boots"

for label in fail-kconfig fail-arg; do
	out=$T_DIR/$label.out rc=$(cat "$T_DIR/$label.rc")
	grep -aq '^\[ FAIL \] uktest.selfcheck_fail: .*selfcheck.c:[0-9]*: expected one == 2: 1 != 2$' "$out" ||
		fail "$label: no FAIL line for the self-check: $(tail -3 "$out")"
	grep -aqE '^uktest: [0-9]+ passed, [1-9][0-9]* failed$' "$out" ||
		fail "$label: summary does not count the failure: $(tail -1 "$out")"
	[ "$rc" = 1 ] || fail "$label: exit status $rc, expected 1"
done
# The Kconfig variant also has no uksched (uklock in its single-threaded
# form) and TLSF as the heap: everything but the self-check passes.
out=$T_DIR/fail-kconfig.out
[ "$(grep -ac '^\[ FAIL \]' "$out")" = 1 ] ||
	fail "fail-kconfig: other failures: $(grep -a -m3 '^\[ FAIL' "$out")"
grep -aq '^\[ PASS \] lock.mutex_single$' "$out" ||
	fail "fail-kconfig: uklock's single-threaded tests did not run"
grep -aq '^\[ PASS \] sched\.' "$out" && fail "fail-kconfig: uksched is linked"
grep -q '^CONFIG_LIBUKBOOT_HEAP_TLSF=y' "$T_DIR/fail/unittests/.config" ||
	fail "fail-kconfig: TLSF is not the heap allocator"
# The region variant really ran with the bump allocator as its heap.
grep -q '^CONFIG_LIBUKBOOT_HEAP_REGION=y' "$T_DIR/region/unittests/.config" ||
	fail "region: the region allocator is not the heap allocator"
grep -aq '^sched.many_threads_no_leak: heap is the region allocator' \
	"$T_DIR/region-linuxu-x86_64.out" || fail "region: the heap choice did not reach the tests"
# suite= selects: only uktest and alloc suites ran (test result lines;
# kernel messages start with "[" too).
grep -a '^\[ \(PASS\|FAIL\) \]' "$T_DIR/fail-arg.out" |
	grep -avq '\] \(uktest\|alloc\)\.' &&
	fail "suite=uktest,alloc ran other suites"
echo "ok"
