#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Checks support/scripts/xen-testbed end to end, before any Unicore guest
# exists: Debian's own Linux kernel runs as a PV guest under Xen (in QEMU)
# with a tiny busybox initramfs, once powering off and once crashing, and the
# test compares the guest's console line and the reported shutdown reason.
# Exit: 0 pass, 77 skip (no QEMU), anything else fail.
set -euo pipefail

command -v qemu-system-x86_64 >/dev/null ||
	{ echo "SKIP: qemu-system-x86_64 is missing (package qemu-system-x86)"; exit 77; }

top=$(cd "$(dirname "$0")/.." && pwd)
xt="$top/support/scripts/xen-testbed"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xen-testbed-test.XXXXXX")

# One line on stdout; the details stay in $tmp for a look afterwards.
fail() { echo "FAIL: xen-testbed: $* (details in $tmp)"; exit 1; }

"$xt" prepare 2>"$tmp/prepare.err" ||
	fail "prepare failed: $(tail -n1 "$tmp/prepare.err")"
bb=$("$xt" path busybox)
kernel=$("$xt" path vmlinux)

# The guest's /init prints its arguments (what follows "--" on the kernel
# command line), then crashes the kernel if asked to, else powers off.
make_guest_initrd() {
	local root="$tmp/guest"
	mkdir -p "$root/bin" "$root/proc"
	cp "$bb" "$root/bin/busybox"
	cat >"$root/init" <<'EOT'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
echo "GUEST-HELLO $*"
[ "$1" != crash ] || echo c >/proc/sysrq-trigger
/bin/busybox poweroff -f
EOT
	chmod 755 "$root/init"
	(cd "$root" && find . | LC_ALL=C sort | "$bb" cpio -o -H newc -R 0:0 2>/dev/null) |
		gzip -n >"$tmp/guest.cpio.gz"
}

# run_guest NAME EXPECTED-RESULT-LINE ARGS...: boot the guest, check the
# GUEST-HELLO line and that the last line is the expected result.
run_guest() {
	local name=$1 want=$2 out rc=0
	shift 2
	out="$tmp/$name.out"
	"$xt" run-xl --mem 128 --timeout 300 --ramdisk "$tmp/guest.cpio.gz" \
		--log "$tmp/$name.log" "$kernel" console=hvc0 quiet -- "$@" \
		>"$out" 2>"$tmp/$name.err" || rc=$?
	if [ "$rc" != 0 ]; then
		cat "$tmp/$name.err" >&2
		fail "$name: run-xl exited with $rc"
	fi
	grep -qx "GUEST-HELLO $*" "$out" ||
		fail "$name: no 'GUEST-HELLO $*' line on stdout"
	[ "$(tail -n1 "$out")" = "$want" ] ||
		fail "$name: last line is '$(tail -n1 "$out")', expected '$want'"
	if grep -q '^(XEN)\|xen-testbed-dom0' "$out"; then
		fail "$name: Xen or dom0 messages leaked to stdout"
	fi
	echo "PASS: xen-testbed $name: $want"
}

make_guest_initrd
run_guest poweroff "XEN-TESTBED: shutdown=poweroff code=0" hello world
run_guest crash "XEN-TESTBED: shutdown=crash code=3" crash now
rm -rf "$tmp"
