#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# lib/xenbus on plat/xen x86_64: a scratch app reads its domain's "name"
# from xenstore (the test bed names the domain "guest"), writes a key and
# reads it back, and reads a missing key (-ENOENT), once as a PV and once
# as a PVH guest, in parallel, under Xen in QEMU (xen-testbed).
# Skips only when qemu-system-x86_64 is missing.
. "$(dirname "$0")/lib.sh"

command -v qemu-system-x86_64 >/dev/null ||
	skip "qemu-system-x86_64 is missing (package qemu-system-x86)"
xt=$UK_ROOT/support/scripts/xen-testbed
"$xt" prepare >"$T_DIR/prepare.log" 2>&1 ||
	fail "xen-testbed prepare failed: $(tail -n1 "$T_DIR/prepare.log")"

app=$T_DIR/xs
mkdir -p "$app"
printf '%s\n' "UK_ROOT ?= $UK_ROOT" 'include $(UK_ROOT)/Makefile' >"$app/Makefile"
printf '%s\n' 'config APPXS' '	bool' '	default y' '	select LIBNOLIBC' \
	'	select LIBUKBOOT' '	select LIBXENBUS' >"$app/Config.uk"
printf '%s\n' '$(eval $(call addlib,appxs))' \
	'APPXS_SRCS-y += $(APPXS_BASE)/main.c' >"$app/Makefile.uk"
cat >"$app/main.c" <<'EOT'
#include <stdio.h>
#include <uk/xenstore.h>

int main(int argc, char *argv[])
{
	char buf[64];
	int n;

	n = uk_xenstore_read("name", buf, sizeof(buf));
	printf("name: %d %s\n", n, n >= 0 ? buf : "");
	n = uk_xenstore_write("data/unicore", argc > 1 ? argv[1] : "none");
	printf("write: %d\n", n);
	n = uk_xenstore_read("data/unicore", buf, sizeof(buf));
	printf("readback: %d %s\n", n, n >= 0 ? buf : "");
	n = uk_xenstore_read("no/such/key", buf, sizeof(buf));
	printf("missing: %d\n", n);
	return 0;
}
EOT
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y \
	'# CONFIG_PLAT_LINUXU is not set'
mk "$app" -j2 || fail "build failed: $(tail -3 "$T_DIR/make.log")"
img=$app/build/xs_xen-x86_64
[ -f "$img" ] || fail "no image $img"

( run_timeout 240 "$xt" run-xl --timeout 200 "$img" pv-value \
	>"$T_DIR/pv.out" 2>"$T_DIR/pv.err"; echo $? >"$T_DIR/pv.rc" ) &
( run_timeout 240 "$xt" run-xl --pvh --timeout 200 "$img" pvh-value \
	>"$T_DIR/pvh.out" 2>"$T_DIR/pvh.err"; echo $? >"$T_DIR/pvh.rc" ) &
wait

for m in pv pvh; do
	out=$T_DIR/$m.out
	[ "$(cat "$T_DIR/$m.rc")" = 0 ] ||
		fail "$m: run-xl exited $(cat "$T_DIR/$m.rc"): $(tail -n3 "$T_DIR/$m.err")"
	expect_line "$out" "name: 5 guest"
	expect_line "$out" "write: 0"
	v=$m-value
	expect_line "$out" "readback: ${#v} $v"
	expect_line "$out" "missing: -2"
	[ "$(tail -n1 "$out")" = "XEN-TESTBED: shutdown=poweroff code=0" ] ||
		fail "$m: last line '$(tail -n1 "$out")'"
done
echo "PASS: xen-xenbus (PV and PVH: read, write, read back, ENOENT)"
