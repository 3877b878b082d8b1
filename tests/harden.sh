#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Memory protection on x86_64: tests/apps/crashtest, built once for
# linuxu and kvm as a 9 MiB image (CONFIG_APPCRASHTEST_BIG: 3 MiB of code
# that runs first, 6 MiB of read-only data, so the protection is checked
# far past the first 2 MiB), is booted once per case (kvm: QEMU pc under
# TCG) and each case must end in the fault report and the crash status,
# 125:
#   textwrite  a write into .text (read-only code)
#   rodatawrite  a write into the last page of .rodata (read-only data)
#   execdata   a call into .data (no-execute data)
#   execstack  a call into the stack (no-execute stacks)
#   nullread   a read of address 0 (the NULL page unmapped)
#   nullwrite  a write to address 0
#   outside    a read at 1 GiB, outside the 64 MiB of RAM (kvm: unmapped
#              from the top of RAM to 3 GiB; linuxu: nothing mapped there
#              in the process)
# linuxu gets the same x86 exception report as kvm (plat/linuxu/fault.c
# turns the kernel's trap number, error code and CR2 into it). Xen PVH
# shares kvm's page-table code; tests/xen-pvh.sh boots its W^X cases
# there, as each Xen boot costs a whole test bed run.
# Boots run one at a time, or UK_TEST_JOBS at a time.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kvm-x86_64.sh"
need qemu-system-x86_64

app=$(app_copy crashtest)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=y \
	CONFIG_APPCRASHTEST_BIG=y
x86_build "$app"
for plat in linuxu kvm; do
	size=$(stat -c %s "$app/build/crashtest_$plat-x86_64")
	[ "$size" -gt $((9 << 20)) ] || fail "crashtest_$plat-x86_64: $size bytes, expected a 9 MiB image"
done

# case|crashtest arguments|the fault line of the report
cases=(
	"textwrite|crash=textwrite|  CR2 0x[0-9a-f]{16} \(faulting address\), protection violation on write$"
	"rodatawrite|crash=rodatawrite|  CR2 0x[0-9a-f]{16} \(faulting address\), protection violation on write$"
	"execdata|crash=execdata|  CR2 0x[0-9a-f]{16} \(faulting address\), protection violation on read \(instruction fetch\)$"
	"execstack|crash=execstack|  CR2 0x[0-9a-f]{16} \(faulting address\), protection violation on read \(instruction fetch\)$"
	"nullread|crash=pagefault addr=0|  CR2 0x0000000000000000 \(faulting address\), page not present on read$"
	"nullwrite|crash=nullwrite|  CR2 0x0000000000000000 \(faulting address\), page not present on write$"
	"outside|crash=pagefault addr=0x40000000|  CR2 0x0000000040000000 \(faulting address\), page not present on read$"
)
plats=(linuxu kvm)
jobs=${UK_TEST_JOBS:-1}

# run PLAT CASE ARGS...: one boot, output in $T_DIR/PLAT-CASE.out, exit
# status in .rc.
run() {
	local out=$T_DIR/$1-$2.out img=$app/build/crashtest_$1-x86_64 rc=0
	shift 2
	UK_ACCEL=tcg UK_MACHINE=pc UK_MEM=64M run_timeout 60 \
		"$UK_ROOT/support/scripts/uk-run" "$img" "$@" </dev/null \
		>"$out.raw" 2>&1 || rc=$?
	tr -d '\r' <"$out.raw" >"$out"
	echo "$rc" >"${out%.out}.rc"
}

n=0
for plat in "${plats[@]}"; do
	for c in "${cases[@]}"; do
		IFS='|' read -r kind args _ <<<"$c"
		# shellcheck disable=SC2086 # args are words
		run "$plat" "$kind" $args &
		n=$((n + 1))
		[ $((n % jobs)) = 0 ] && wait
	done
done
wait

for plat in "${plats[@]}"; do
	for c in "${cases[@]}"; do
		IFS='|' read -r kind args line <<<"$c"
		out=$T_DIR/$plat-$kind.out
		what="$plat $kind ($args)"
		rc=$(cat "$T_DIR/$plat-$kind.rc")
		case $rc in 124|137) fail "$what: no exit in 60 s: $(tail -3 "$out")" ;; esac
		grep -q '^crashtest: no crash' "$out" &&
			fail "$what: not caught, the program went on: $(tail -3 "$out")"
		[ "$rc" = 125 ] || fail "$what: exit status $rc, expected 125: $(tail -5 "$out")"
		grep -q '^crashtest: ' "$out" || fail "$what: crashtest did not start: $(head -c 400 "$out")"
		expect_line "$out" "crashtest: ran 3 MiB of code, read-only data byte 1"
		grep -q '^CRASH: x86 exception 14 (#PF page fault) at RIP 0x' "$out" ||
			fail "$what: no page fault report: $(head -c 600 "$out")"
		grep -Eq -- "$line" "$out" ||
			fail "$what: no line matching '$line' in: $(head -c 600 "$out")"
		note "$what: report and status 125"
	done
done
echo "PASS: harden (${#cases[@]} cases on ${plats[*]}-x86_64)"
