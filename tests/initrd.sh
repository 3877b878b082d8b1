#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The initrd, from a host folder to the unikernel: a folder with a file
# (mode 0640), a nested folder with a file (0600) and a symlink is packed
# by support/scripts/mkcpio (twice, from copies with other mtimes: the
# same bytes), then tests/apps/initrdtest lists what it finds in the
# UKPLAT_MEMRF_INITRD region, booted with it the platform's way:
#   linuxu x86_64     make run P=linuxu UK_ROOTFS=dir (UK_INITRD variable)
#   kvm x86_64        uk-run --initrd, PVH module and multiboot module
#   linuxu arm32      uk-run --initrd under qemu-arm-static
#   kvm arm32         uk-run --initrd (/chosen linux,initrd-start/end)
#   baremetal mips32  uk-run --initrd: QEMU -initrd, rd_start=/rd_size= words
#   baremetal x86_64  uk-run --initrd: a GRUB ISO with the module "initrd"
#                     (when grub-mkrescue, xorriso and mformat are there)
#   xen x86_64        uk-run --initrd: ramdisk= in the xl config, PV and
#                     PVH (when support/scripts/xen-testbed prepare works)
# Each listing must match the folder: names, modes, contents, the link;
# and so must the files lib/ukcpio unpacked into / (lib/vfs's ramfs), read
# back with lstat, open/read and readlink, and read through the symlink.
# Then a truncated and a corrupt archive: one log line names the reason,
# the entries before the damage are there (listed and unpacked), the
# image exits 0. An archive with "../up" and "/abs": each refused with a
# line, nothing made outside the root, the rest unpacked.
# Mounts: "vfs.mount=ramfs::/etc vfs.mount=nofs::/x -- a -- b" mounts an
# empty ramfs over the initrd's /etc (its files are hidden), names the
# unknown filesystem in one line, and the application gets a, --, b;
# "a -- b" alone stays the application's.
# Without an initrd: "initrd: none", status 3.
. "$(dirname "$0")/lib.sh"
need python3 qemu-system-x86_64 qemu-system-arm qemu-system-mips qemu-arm-static dtc \
	arm-linux-gnueabihf-gcc mips-linux-gnu-gcc
[ -f /usr/src/newlib/newlib-3.3.0.tar.xz ] ||
	skip "newlib-source not installed (make deps)"
run=$UK_ROOT/support/scripts/uk-run
mkcpio=$UK_ROOT/support/scripts/mkcpio

# The folder, and a copy of it with other mtimes.
rootfs=$T_DIR/rootfs
mkdir -p "$rootfs/etc/deep/er"
printf 'hello from the initrd\n' >"$rootfs/etc/motd"
chmod 0640 "$rootfs/etc/motd"
printf 'nested\n' >"$rootfs/etc/deep/er/data"
chmod 0600 "$rootfs/etc/deep/er/data"
chmod 0750 "$rootfs/etc/deep"
ln -s etc/motd "$rootfs/motd"
cp -a "$rootfs" "$T_DIR/rootfs2"
touch -h -d '2001-02-03 04:05' "$T_DIR/rootfs2/etc/motd" "$T_DIR/rootfs2/motd"
"$mkcpio" "$rootfs" "$T_DIR/a.cpio" || fail "mkcpio failed"
"$mkcpio" "$T_DIR/rootfs2" "$T_DIR/b.cpio" || fail "mkcpio failed"
cmp -s "$T_DIR/a.cpio" "$T_DIR/b.cpio" ||
	fail "mkcpio: the same folder with other mtimes gives other bytes"
if command -v cpio >/dev/null; then
	(cd "$T_DIR" && mkdir x && cd x && cpio -id --quiet <../a.cpio) ||
		fail "host cpio cannot unpack mkcpio's archive"
	diff -r "$rootfs" "$T_DIR/x" >/dev/null ||
		fail "host cpio unpacks something else than the folder"
fi
"$mkcpio" "$T_DIR/nonexistent" "$T_DIR/c.cpio" 2>"$T_DIR/mk.err" &&
	fail "mkcpio accepted a missing folder"
grep -q "not a folder" "$T_DIR/mk.err" || fail "mkcpio: $(cat "$T_DIR/mk.err")"

cat >"$T_DIR/expected" <<'EOT'
initrd: 768 bytes
dir etc mode=0755
dir etc/deep mode=0750
dir etc/deep/er mode=0755
file etc/deep/er/data mode=0600 size=7 data=nested\n
file etc/motd mode=0640 size=22 data=hello from the initrd\n
link motd -> etc/motd
end ok 6
EOT
cat >"$T_DIR/expected-fs" <<'EOT'
fs dir /etc mode=0755
fs dir /etc/deep mode=0750
fs dir /etc/deep/er mode=0755
fs file /etc/deep/er/data mode=0600 data=nested\n
fs file /etc/motd mode=0640 data=hello from the initrd\n
fs link /motd -> etc/motd data=hello from the initrd\n
EOT
size=$(stat -c %s "$T_DIR/a.cpio")
sed -i "s/^initrd: 768 bytes/initrd: $size bytes/" "$T_DIR/expected"

# Damaged copies: cut inside etc/motd's data; the magic of etc/motd's
# header overwritten. The entries before it stay listed.
off=$(grep -boa 'etc/motd' "$T_DIR/a.cpio" | head -1 | cut -d: -f1)
hdr=$((off - 110))
head -c $((off + 20)) "$T_DIR/a.cpio" >"$T_DIR/trunc.cpio"
cp "$T_DIR/a.cpio" "$T_DIR/corrupt.cpio"
printf 'XXXXXX' | dd of="$T_DIR/corrupt.cpio" bs=1 seek="$hdr" conv=notrunc \
	status=none
head -5 "$T_DIR/expected" | tail -4 >"$T_DIR/before"
head -4 "$T_DIR/expected-fs" >>"$T_DIR/before"

# Names that would leave the root, between two good entries.
python3 - "$T_DIR/evil.cpio" <<'PY'
import sys
out = bytearray()
for name, mode, data in [("ok", 0o40755, b""), ("../up", 0o100644, b"x"),
                         ("/abs", 0o100644, b"y"), ("ok/f", 0o100600, b"z\n"),
                         ("TRAILER!!!", 0, b"")]:
    n = name.encode() + b"\0"
    f = [0, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(n), 0]
    out += b"070701" + b"".join(b"%08x" % v for v in f) + n
    out += b"\0" * (-len(out) % 4) + data
    out += b"\0" * (-len(out) % 4)
open(sys.argv[1], "wb").write(out)
PY

build() {
	local name=$1
	shift
	app_build initrdtest "$name" "$@" || echo "$name" >>"$T_DIR/failed"
}
build x86 CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	CONFIG_LIBNEWLIB=y
build arm CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	CONFIG_LIBNEWLIB=y
build mips CONFIG_ARCH_MIPS_32=y CONFIG_PLAT_BAREMETAL=y \
	CONFIG_PLAT_LINUXU=n CONFIG_LIBNEWLIB=y
bm=0
if command -v grub-mkrescue >/dev/null && command -v xorriso >/dev/null &&
	command -v mformat >/dev/null; then
	bm=1
	build bm CONFIG_ARCH_X86_64=y CONFIG_PLAT_BAREMETAL=y \
		CONFIG_PLAT_LINUXU=n CONFIG_LIBNEWLIB=y
else
	note "baremetal x86_64 left out: grub-mkrescue, xorriso or mformat missing"
fi
xen=0
if "$UK_ROOT/support/scripts/xen-testbed" prepare >"$T_DIR/xen-prepare.log" 2>&1
then
	xen=1
	build xen CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y \
		'# CONFIG_PLAT_LINUXU is not set' CONFIG_LIBNEWLIB=y
else
	note "xen left out: xen-testbed prepare failed:" \
		"$(tail -n1 "$T_DIR/xen-prepare.log")"
fi
if [ -f "$T_DIR/failed" ]; then
	n=$(head -1 "$T_DIR/failed")
	fail "initrdtest build for $n failed: $(grep -m3 -E 'error|Error' \
		"$T_DIR/$n.log") $(tail -3 "$T_DIR/$n.log")"
fi
x86=$T_DIR/x86/initrdtest/build/initrdtest

# boot NAME WANT_RC CMD...: run CMD, output (without \r) in NAME.out.
boot() {
	local name=$1 want=$2 rc=0
	shift 2
	UK_ACCEL=tcg run_timeout 300 "$@" </dev/null >"$T_DIR/$name.raw" \
		2>"$T_DIR/$name.err" || rc=$?
	tr -d '\r' <"$T_DIR/$name.raw" | grep -v '^make' >"$T_DIR/$name.out"
	[ "$rc" = "$want" ] || fail "$name: status $rc, not $want:" \
		"$(tail -4 "$T_DIR/$name.out") $(tail -3 "$T_DIR/$name.err")"
}

# listing NAME: NAME.out holds the expected listing, in order.
listing() {
	sed -n '/^initrd: /,/^end /p' "$T_DIR/$1.out" >"$T_DIR/$1.list"
	diff -u "$T_DIR/expected" "$T_DIR/$1.list" >"$T_DIR/$1.diff" ||
		fail "$1: listing differs from the folder: $(head -c 800 "$T_DIR/$1.diff")"
	grep '^fs ' "$T_DIR/$1.out" >"$T_DIR/$1.fs"
	diff -u "$T_DIR/expected-fs" "$T_DIR/$1.fs" >"$T_DIR/$1.diff" ||
		fail "$1: unpacked files differ from the folder: $(head -c 800 "$T_DIR/$1.diff")"
	grep -q 'initrd: 6 entries unpacked into /$' "$T_DIR/$1.out" ||
		fail "$1: no 'initrd: 6 entries unpacked into /' line"
}

# damaged NAME REASON: the entries before the damage, then one end line.
damaged() {
	local out=$T_DIR/$1.out
	while IFS= read -r l; do expect_line "$out" "$l"; done <"$T_DIR/before"
	[ "$(grep -c '^end ' "$out")" = 1 ] || fail "$1: not one end line"
	grep -q "^end error $hdr $2" "$out" ||
		fail "$1: no 'end error $hdr $2...' line: $(tail -3 "$out")"
	grep -q '^file etc/motd' "$out" && fail "$1: lists the damaged entry"
	[ "$(grep -c 'initrd: stopped at byte' "$out")" = 1 ] ||
		fail "$1: not one 'initrd: stopped at byte' log line: $(head -3 "$out")"
	grep -q "initrd: stopped at byte $hdr after 4 entries: $2" "$out" ||
		fail "$1: the log line does not say where and why: $(grep initrd: "$out" | head -2)"
	return 0
}

plats="x86:kvm-x86_64 x86:linuxu-x86_64 arm:kvm-arm32 arm:linuxu-arm32
	mips:baremetal-mips32"
[ "$bm" = 1 ] && plats="$plats bm:baremetal-x86_64"
for p in $plats; do
	a=${p%%:*} pl=${p#*:}
	img=$T_DIR/$a/initrdtest/build/initrdtest_$pl
	boot "$pl" 0 "$run" --initrd "$T_DIR/a.cpio" "$img"
	listing "$pl"
	boot "$pl-trunc" 0 "$run" --initrd "$T_DIR/trunc.cpio" "$img"
	damaged "$pl-trunc" "file data runs past the end"
	boot "$pl-corrupt" 0 env UK_INITRD="$T_DIR/corrupt.cpio" "$run" "$img"
	damaged "$pl-corrupt" "bad magic"
	boot "$pl-none" 3 "$run" "$img"
	expect_line "$T_DIR/$pl-none.out" "initrd: none"
	case $pl in kvm-x86_64 | linuxu-arm32 | baremetal-mips32) ;; *) continue ;; esac
	boot "$pl-mount" 0 "$run" --initrd "$T_DIR/a.cpio" "$img" \
		vfs.mount=ramfs::/etc vfs.mount=nofs::/x -- a -- b
	o=$T_DIR/$pl-mount.out
	for l in "argc=4" "argv[1]=a" "argv[2]=--" "argv[3]=b" \
		"fs missing /etc/motd errno=2" "fs missing /etc/deep errno=2" \
		"fs link /motd -> etc/motd data=<open: errno 2>"; do
		expect_line "$o" "$l"
	done
	grep -q 'vfs.mount: ramfs mounted on /etc$' "$o" ||
		fail "$pl-mount: no 'ramfs mounted on /etc' line: $(grep mount "$o")"
	[ "$(grep -c "nofs" "$o")" = 1 ] ||
		fail "$pl-mount: not one line about nofs: $(grep nofs "$o")"
	boot "$pl-dashes" 3 "$run" "$img" a -- b
	for l in "argc=4" "argv[1]=a" "argv[2]=--" "argv[3]=b"; do
		expect_line "$T_DIR/$pl-dashes.out" "$l"
	done
	boot "$pl-evil" 0 "$run" --initrd "$T_DIR/evil.cpio" "$img"
	o=$T_DIR/$pl-evil.out
	for l in "fs dir /ok mode=0755" "fs file /ok/f mode=0600 data=z\n" \
		"fs missing /../up errno=2" "fs missing //abs errno=2"; do
		expect_line "$o" "$l"
	done
	grep -q 'initrd: 2 of 4 entries unpacked into /$' "$o" ||
		fail "$pl-evil: no 'initrd: 2 of 4 entries unpacked' line"
	for n in ../up /abs; do
		grep -qF "initrd: $n: refused (absolute or with \"..\")" "$o" ||
			fail "$pl-evil: no refusal of $n: $(grep initrd: "$o")"
	done
done
boot kvm-x86_64-multiboot 0 env UK_KERNEL=multiboot "$run" \
	--initrd "$T_DIR/a.cpio" "${x86}_kvm-x86_64"
listing kvm-x86_64-multiboot
if [ "$xen" = 1 ]; then
	ximg=$T_DIR/xen/initrdtest/build/initrdtest_xen-x86_64
	boot xen-pv 0 env UK_XEN_TIMEOUT=250 "$run" --initrd "$T_DIR/a.cpio" "$ximg"
	listing xen-pv
	boot xen-pvh 0 env UK_XEN_TIMEOUT=250 UK_XEN_PVH=1 "$run" \
		--initrd "$T_DIR/a.cpio" "$ximg"
	listing xen-pvh
fi
# make run UK_ROOTFS=dir packs the folder itself.
boot make-run 0 make -s -C "$T_DIR/x86/initrdtest" run P=linuxu \
	UK_ROOTFS="$rootfs"
listing make-run
cmp -s "$T_DIR/a.cpio" "$T_DIR/x86/initrdtest/build/rootfs.cpio" ||
	fail "make run UK_ROOTFS packed other bytes than mkcpio"
echo "initrd: listed and unpacked on linuxu, kvm (PVH, multiboot) x86_64 and arm32$(
	[ "$bm" = 1 ] && echo ", baremetal x86_64")$(
	[ "$xen" = 1 ] && echo ", xen PV and PVH");" \
	"truncated and corrupt archives stop with one line"
