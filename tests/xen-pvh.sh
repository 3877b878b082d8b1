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
	config "$d" CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y CONFIG_XEN_XL_PVH=y \
		'# CONFIG_PLAT_LINUXU is not set'
	mk "$d" -j2 || fail "$1: build failed: $(tail -3 "$T_DIR/make.log")"
	[ -f "$d/build/$1_xen-x86_64" ] || fail "$1: no image"
	echo "$d/build/$1_xen-x86_64"
}
hw=$(build helloworld) || { echo "$hw"; exit 1; }
ct=$(build crashtest) || { echo "$ct"; exit 1; }
grep -qx 'type = "pvh"' "$hw.xl" || fail "$hw.xl has no type = \"pvh\""
# PHYS32_ENTRY (type 18) must hold the 32-bit entry's address.
entry=$(nm "$hw.dbg" | sed -n 's/^0*\([0-9a-f]*\) T _xen_pvh_start$/\1/p')
[ -n "$entry" ] || fail "no _xen_pvh_start symbol"
bytes=$(printf '%08x' "0x$entry" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4 \3 \2 \1/')
readelf -nW "$hw" | grep -q "^ *Xen .*(0x00000012).*description data: $bytes *\$" ||
	fail "no PHYS32_ENTRY note pointing at _xen_pvh_start (0x$entry)"

pids=()
boot() {
	local name=$1
	shift
	( run_timeout 240 "$@" >"$T_DIR/$name.out" 2>"$T_DIR/$name.err"
	  echo $? >"$T_DIR/$name.rc" ) &
	pids+=($!)
}
boot args "$xt" run-xl --pvh --timeout 200 "$hw" hello world status=0
boot status env UK_XEN_PVH=1 "$UK_ROOT/support/scripts/uk-run" "$hw" status=7
boot pagefault "$xt" run-xl --pvh --timeout 200 "$ct" crash=pagefault
boot stackoverflow env UK_XEN_PVH=1 UK_XEN_TIMEOUT=200 \
	"$UK_ROOT/support/scripts/uk-run" "$ct" crash=stackoverflow
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
echo "PASS: xen-pvh (xl type pvh: args, status 7, pagefault, stack overflow)"
