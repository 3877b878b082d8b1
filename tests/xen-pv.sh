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

command -v qemu-system-x86_64 >/dev/null ||
	skip "qemu-system-x86_64 is missing (package qemu-system-x86)"
xt=$UK_ROOT/support/scripts/xen-testbed
"$xt" prepare >"$T_DIR/prepare.log" 2>&1 ||
	fail "xen-testbed prepare failed: $(tail -n1 "$T_DIR/prepare.log")"

build() {
	local d
	d=$(app_copy "$1")
	config "$d" CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y \
		'# CONFIG_PLAT_LINUXU is not set'
	mk "$d" -j2 || fail "$1: build failed: $(tail -3 "$T_DIR/make.log")"
	[ -f "$d/build/$1_xen-x86_64" ] || fail "$1: no image"
	[ -f "$d/build/$1_xen-x86_64.xl" ] || fail "$1: no .xl file"
	echo "$d/build/$1_xen-x86_64"
}
hw=$(build helloworld) || { echo "$hw"; exit 1; }
ct=$(build crashtest) || { echo "$ct"; exit 1; }
grep -qx "kernel = \"$hw\"" "$hw.xl" || fail "$hw.xl: kernel line: $(cat "$hw.xl")"
readelf -n "$hw" | grep -q 'Xen .*0x00000006' || fail "no Xen GUEST_OS note"

# boot NAME CMD...: in the background, output in $T_DIR/NAME.out.
pids=()
boot() {
	local name=$1
	shift
	( run_timeout 240 "$@" >"$T_DIR/$name.out" 2>"$T_DIR/$name.err"
	  echo $? >"$T_DIR/$name.rc" ) &
	pids+=($!)
}
boot args "$xt" run-xl --timeout 200 "$hw" hello world status=0
boot status "$UK_ROOT/support/scripts/uk-run" "$hw" status=7
boot dom0 "$xt" run-dom0 --quiet-xen --timeout 120 "$hw" dom0 status=3
boot pagefault "$xt" run-xl --timeout 200 "$ct" crash=pagefault
boot stackoverflow "$xt" run-dom0 --timeout 120 "$ct" crash=stackoverflow
wait "${pids[@]}"

last() { tail -n1 "$T_DIR/$1.out"; }
rc() { cat "$T_DIR/$1.rc"; }

[ "$(rc args)" = 0 ] || fail "args: run-xl exited $(rc args): $(tail -n3 "$T_DIR/args.err")"
expect_line "$T_DIR/args.out" "Hello world!"
expect_line "$T_DIR/args.out" "arg[1]: hello"
expect_line "$T_DIR/args.out" "arg[2]: world"
expect_line "$T_DIR/args.out" "arg[3]: status=0"
[ "$(last args)" = "XEN-TESTBED: shutdown=poweroff code=0" ] ||
	fail "args: last line '$(last args)'"

[ "$(rc status)" = 7 ] || fail "status: uk-run exited $(rc status), expected 7"
expect_line "$T_DIR/status.out" "arg[1]: status=7"
expect_line "$T_DIR/status.out" "exit status 7"
[ "$(last status)" = "XEN-TESTBED: shutdown=crash code=3" ] ||
	fail "status: last line '$(last status)'"

[ "$(rc dom0)" = 0 ] || fail "dom0: run-dom0 exited $(rc dom0): $(tail -n3 "$T_DIR/dom0.err")"
expect_line "$T_DIR/dom0.out" "Hello world!"
expect_line "$T_DIR/dom0.out" "arg[1]: dom0"
expect_line "$T_DIR/dom0.out" "arg[2]: status=3"
expect_line "$T_DIR/dom0.out" "exit status 3"

[ "$(rc pagefault)" = 0 ] || fail "pagefault: run-xl exited $(rc pagefault)"
expect_line "$T_DIR/pagefault.out" "crashtest: pagefault (reading 0x0)"
grep -q '^CRASH: x86 exception 14 (#PF page fault) at RIP ' "$T_DIR/pagefault.out" ||
	fail "pagefault: no fault report: $(head -c 600 "$T_DIR/pagefault.out")"
grep -q '^  CR2 0x0000000000000000 (faulting address)' "$T_DIR/pagefault.out" ||
	fail "pagefault: CR2 not reported as 0"
expect_line "$T_DIR/pagefault.out" "exit status 125"
[ "$(last pagefault)" = "XEN-TESTBED: shutdown=crash code=3" ] ||
	fail "pagefault: last line '$(last pagefault)'"

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
