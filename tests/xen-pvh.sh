#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# plat/xen on x86_64 as a PVH guest: the same image as tests/xen-pv.sh,
# booted by `xl create` with type = "pvh" (32-bit PHYS32_ENTRY, hypercall
# page through the CPUID-named MSR, console ring from HVM parameters), in
# parallel under Xen in QEMU (support/scripts/xen-testbed):
#   args       arguments, status 0 -> lines, shutdown=poweroff
#   status     uk-run with UK_XEN_PVH=1, status=7 -> "exit status 7",
#              crash, and uk-run's exit status 7
#   pagefault  crashtest crash=pagefault -> #PF report (CR2 0), crash
#   stackoverflow  crashtest crash=stackoverflow -> the thread ran into
#              its guard page: "stack overflow in thread recurser" (the
#              fault runs on the IST stack), status 125, crash
#   textwrite, execdata  crashtest writing its .text and calling into
#              .data: W^X (plat/shared/x86/paging.c) turns both into a
#              #PF protection violation, status 125 (tests/harden.sh
#              runs these cases and more on linuxu and kvm)
# Skips only when qemu-system-x86_64 is missing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-xen.sh"

hw=$(xen_build helloworld CONFIG_XEN_XL_PVH=y) || { echo "$hw"; exit 1; }
ct=$(xen_build crashtest CONFIG_XEN_XL_PVH=y) || { echo "$ct"; exit 1; }
grep -qx 'type = "pvh"' "$hw.xl" || fail "$hw.xl has no type = \"pvh\""
# PHYS32_ENTRY (type 18) must hold the 32-bit entry's address.
entry=$(nm "$hw.dbg" | sed -n 's/^0*\([0-9a-f]*\) T _xen_pvh_start$/\1/p')
[ -n "$entry" ] || fail "no _xen_pvh_start symbol"
bytes=$(printf '%08x' "0x$entry" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4 \3 \2 \1/')
readelf -nW "$hw" | grep -q "^ *Xen .*(0x00000012).*description data: $bytes *\$" ||
	fail "no PHYS32_ENTRY note pointing at _xen_pvh_start (0x$entry)"

boot args "$xt" run-xl --pvh --timeout 200 "$hw" hello world status=0
boot status env UK_XEN_PVH=1 "$UK_ROOT/support/scripts/uk-run" "$hw" status=7
boot pagefault "$xt" run-xl --pvh --timeout 200 "$ct" crash=pagefault
boot stackoverflow env UK_XEN_PVH=1 UK_XEN_TIMEOUT=200 \
	"$UK_ROOT/support/scripts/uk-run" "$ct" crash=stackoverflow
for k in textwrite execdata; do
	boot "$k" env UK_XEN_PVH=1 UK_XEN_TIMEOUT=200 \
		"$UK_ROOT/support/scripts/uk-run" "$ct" "crash=$k"
done
wait "${pids[@]}"

check_args
check_status
check_pagefault

so=$T_DIR/stackoverflow.out
[ "$(rc stackoverflow)" = 125 ] ||
	fail "stackoverflow: uk-run exited $(rc stackoverflow), expected 125: $(tail -n3 "$so")"
expect_line "$so" "crashtest: stackoverflow"
expect_line "$so" "CRASH: stack overflow in thread recurser (it hit the guard page under its stack)"
grep -q '^  CR2 0x[0-9a-f]* (faulting address), page not present on write$' "$so" ||
	fail "stackoverflow: no CR2 line: $(head -c 600 "$so")"
expect_line "$so" "exit status 125"
grep -q '^crashtest: no crash' "$so" && fail "stackoverflow: the thread survived"
[ "$(last stackoverflow)" = "XEN-TESTBED: shutdown=crash code=3" ] ||
	fail "stackoverflow: last line '$(last stackoverflow)'"
for k in textwrite execdata; do
	o=$T_DIR/$k.out
	grep -q '^crashtest: no crash' "$o" && fail "$k: not caught, the program went on"
	[ "$(rc "$k")" = 125 ] ||
		fail "$k: uk-run exited $(rc "$k"), expected 125: $(tail -n3 "$o")"
	expect_line "$o" "crashtest: $k"
	grep -q '^CRASH: x86 exception 14 (#PF page fault) at RIP 0x' "$o" ||
		fail "$k: no page fault report: $(head -c 600 "$o")"
	case $k in
	textwrite) want='protection violation on write$' ;;
	*) want='protection violation on read (instruction fetch)$' ;;
	esac
	grep -q "^  CR2 0x[0-9a-f]* (faulting address), $want" "$o" ||
		fail "$k: no CR2 line ending '$want': $(head -c 600 "$o")"
	expect_line "$o" "exit status 125"
done
echo "PASS: xen-pvh (xl type pvh: args, status 7, pagefault, stack overflow, W^X)"
