#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# plat/xen on x86_64 (PV): helloworld and crashtest are built once, then
# booted in parallel under Xen in QEMU (support/scripts/xen-testbed):
#   args       xl create, arguments, status 0   -> lines, shutdown=poweroff
#   status     xl create, status=7              -> "exit status 7", crash
#   dom0       as Xen's initial domain, status=3 -> lines via console_io;
#              a crash makes Xen reset the machine and QEMU exit (a status
#              0 would only halt it: an initial domain has to power the
#              machine off through ACPI itself, which plat/xen does not do)
#   pagefault  xl create, crashtest             -> fault report, crash
#   stackoverflow  initial domain, crashtest crash=stackoverflow -> the
#              thread runs into its guard page. A PV guest has no IST:
#              Xen pushes the exception frame on the faulting stack, which
#              is the guard page, and crashes the domain itself ("(XEN)
#              domain_crash_sync called from entry.S", its page walk
#              showing the empty L1 entry of the guard); no guest report
# and `uk-run` maps the shutdown back to the exit status (status=7 -> 7).
# Skips only when qemu-system-x86_64 is missing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-xen.sh"

hw=$(xen_build helloworld) || { echo "$hw"; exit 1; }
ct=$(xen_build crashtest) || { echo "$ct"; exit 1; }
grep -qx "kernel = \"$hw\"" "$hw.xl" || fail "$hw.xl: kernel line: $(cat "$hw.xl")"
readelf -n "$hw" | grep -q 'Xen .*0x00000006' || fail "no Xen GUEST_OS note"

boot args "$xt" run-xl --timeout 200 "$hw" hello world status=0
boot status "$UK_ROOT/support/scripts/uk-run" "$hw" status=7
boot dom0 "$xt" run-dom0 --quiet-xen --timeout 120 "$hw" dom0 status=3
boot pagefault "$xt" run-xl --timeout 200 "$ct" crash=pagefault
boot stackoverflow "$xt" run-dom0 --timeout 120 "$ct" crash=stackoverflow
wait "${pids[@]}"

check_args
check_status

[ "$(rc dom0)" = 0 ] || fail "dom0: run-dom0 exited $(rc dom0): $(tail -n3 "$T_DIR/dom0.err")"
expect_line "$T_DIR/dom0.out" "Hello world!"
expect_line "$T_DIR/dom0.out" "arg[1]: dom0"
expect_line "$T_DIR/dom0.out" "arg[2]: status=3"
expect_line "$T_DIR/dom0.out" "exit status 3"

check_pagefault

so=$T_DIR/stackoverflow.out
[ "$(rc stackoverflow)" = 0 ] ||
	fail "stackoverflow: run-dom0 exited $(rc stackoverflow): $(tail -n3 "$T_DIR/stackoverflow.err")"
expect_line "$so" "crashtest: stackoverflow"
grep -q '^crashtest: no crash' "$so" && fail "stackoverflow: the thread survived"
grep -q '^(XEN) domain_crash_sync called from entry\.S' "$so" ||
	fail "stackoverflow: Xen did not crash the domain on the guard: $(grep -m3 '^(XEN).*\(crash\|fault\)' "$so")"
# The page walk of the frame Xen could not write ends at the guard's
# empty (zero) L1 entry.
grep -q '^(XEN)  L1\[0x[0-9a-f]*\] = 0000000000000000 ' "$so" ||
	fail "stackoverflow: the faulting page is not a guard: $(grep -m5 '^(XEN)  L[1-4]' "$so")"
grep -q '^(XEN) Domain 0 (vcpu#0) crashed' "$so" ||
	fail "stackoverflow: no domain crash"
echo "PASS: xen-pv (xl: args, status 7, pagefault; initial domain, stack overflow)"
