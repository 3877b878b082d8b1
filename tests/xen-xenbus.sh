#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Xen guest libraries against the real Xen 4.17 and xenstored, inside
# the test bed (support/scripts/xen-testbed): tests/apps/xentest runs
# once as a PV and once as a PVH guest, in parallel, and prints a line
# per check:
#   lib/xenbus  read ("name" is "guest"), write and read back, ENOENT,
#               directory of /local/domain/<domid>, a watch (event with its
#               path and token), unwatch (no more events), a watch with a
#               callback, a transaction that commits, one that aborts
#               (value unchanged), one that conflicts with an outside write
#               and is retried (EAGAIN), rm
#   plat/xen/gnttab  query_size, a read-only grant to the domain itself (flags
#               0x5) checked by GNTTABOP_copy, which Xen must refuse after
#               end_access, a read-write grant to dom0 (flags 0x1) that
#               dom0 maps with gntdev (tests/apps/xentest/dom0: run + gntpeek,
#               built static here, run through --dom0-files): dom0 reads
#               the guest's string, writes its own, and while it maps the
#               page end_access gives -EBUSY (flags 0x19), then 0
#   plat/xen    event channels: loopback pair (alloc_unbound +
#               bind_interdomain), handler through ukplat_irq_register,
#               EVTCHNOP_send, mask/unmask, close; the one-shot timer
#               event ends ukplat_lcpu_halt_irq_until at its deadline
# and exits 0 (poweroff) only if every check passed.
# Skips only when qemu-system-x86_64 is missing.
. "$(dirname "$0")/lib.sh"

command -v qemu-system-x86_64 >/dev/null ||
	skip "qemu-system-x86_64 is missing (package qemu-system-x86)"
xt=$UK_ROOT/support/scripts/xen-testbed
"$xt" prepare >"$T_DIR/prepare.log" 2>&1 ||
	fail "xen-testbed prepare failed: $(tail -n1 "$T_DIR/prepare.log")"

app=$(app_copy xentest)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y \
	'# CONFIG_PLAT_LINUXU is not set'
mk "$app" -j2 || fail "build failed: $(tail -3 "$T_DIR/make.log")"
img=$app/build/xentest_xen-x86_64
[ -f "$img" ] || fail "no image $img"
# dom0's side of the grant check: a static Linux program and a script.
d0=$T_DIR/dom0
mkdir -p "$d0"
cp "$app/dom0/run" "$d0/run"
gcc -static -O2 -o "$d0/gntpeek" "$app/dom0/gntpeek.c" 2>"$T_DIR/gntpeek.log" ||
	fail "cannot build dom0/gntpeek.c static (libc6-dev, libxen-dev): $(head -n1 "$T_DIR/gntpeek.log")"

( run_timeout 240 "$xt" run-xl --dom0-files "$d0" --timeout 200 "$img" \
	pv-value dom0peer \
	>"$T_DIR/pv.out" 2>"$T_DIR/pv.err"; echo $? >"$T_DIR/pv.rc" ) &
( run_timeout 240 "$xt" run-xl --pvh --dom0-files "$d0" --timeout 200 \
	"$img" pvh-value dom0peer \
	>"$T_DIR/pvh.out" 2>"$T_DIR/pvh.err"; echo $? >"$T_DIR/pvh.rc" ) &
wait

for m in pv pvh; do
	out=$T_DIR/$m.out
	[ "$(cat "$T_DIR/$m.rc")" = 0 ] ||
		fail "$m: run-xl exited $(cat "$T_DIR/$m.rc"): $(tail -n3 "$T_DIR/$m.err")"
	if grep -q '^FAILED: ' "$out"; then
		fail "$m: $(grep -m1 '^FAILED: ' "$out")"
	fi
	v=$m-value
	for l in "name: 5 guest" "write: 0" "readback: ${#v} $v" "missing: -2" \
		"directory: 1 name=1 data=1 domid=1 nosuch=0" \
		"directory-missing: -2" "watch: 0" \
		"watch-event: 0 /data/watched tok-wait" "unwatch: 0" \
		"after-unwatch: -110" "watch-callback: 2 /data/cb/leaf tok-cb" \
		"tx-commit: 0 committed" "tx-abort: 0 committed" \
		"tx-retry: 0 tries=2 copy=outside" "rm: 0 -2" \
		"gnttab-query: 0 1" "grant-self: 1 flags=0x5" \
		"grant-copy: 0 granted page: $v" "grant-end: 0 flags=0" \
		"grant-copy-after-end: 1 0" "grant-dom0: 1 flags=0x1" \
		"dom0-saw: granted page: $v" "dom0-wrote: written by dom0" \
		"grant-dom0-mapped: -16 flags=0x19" "grant-dom0-unmapped: 0" \
		"evtchn-pair: 0 0 1" "evtchn-register: 0" \
		"evtchn-send: 0 count=1 arg=0x5a" "evtchn-masked: 1 then 2" \
		"evtchn-close: 0 0" "irq-register-bad: -22" "timer: 1" \
		"xentest: done"; do
		grep -qxF -- "$l" "$out" ||
			fail "$m: expected '$l'; got: $(grep -m1 "^${l%%:*}:" "$out" || tail -n2 "$out")"
	done
	[ "$(tail -n1 "$out")" = "XEN-TESTBED: shutdown=poweroff code=0" ] ||
		fail "$m: last line '$(tail -n1 "$out")'"
done
echo "PASS: xen-xenbus (PV and PVH: xenstore, watches, transactions, grants mapped by dom0, event channels, timer)"
