#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Host-folder shares over virtio-9p on kvm (lib/9p, lib/virtio's
# virtio-9p, UK_SHARE in uk-run): tests/apps/ninepshare boots with a fresh
# host folder holding hello.txt (a random line) and in/{a,b}. It must
# print that line and those names, and leave behind what the host then
# checks byte for byte: guest.bin (its pattern), trunc.bin (10 bytes),
# renamed.txt without torename.txt, the symlink lnk -> hello.txt, and no
# d1 (made, filled, listed, emptied and removed in the guest). On x86_64
# pc and q35 (virtio-9p-pci) and microvm (virtio-9p-device), under TCG and
# KVM when usable, and arm32 virt (virtio-mmio version 1 and 2). A share
# under another tag, or none, must give one clear line and status 2; a
# missing host folder must stop uk-run with status 2.
# With lib/vfs in the tree, tests/apps/sharefs does the same through the
# POSIX calls on /share, mounted at boot: lib/9pfs on kvm x86_64 and
# arm32, lib/hostfs on linuxu x86_64 and arm32; without the share, one
# log line and the boot goes on to main.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc python3

UK_RUN=$UK_ROOT/support/scripts/uk-run
GUEST_SIZE=150001

build() { # ARCH: the app for kvm on ARCH; prints the image
	local dir=$T_DIR/$1 line
	mkdir -p "$dir"
	app_copy ninepshare "$dir/ninepshare" >/dev/null
	case $1 in
	x86_64) line=CONFIG_ARCH_X86_64=y ;;
	arm32) line=CONFIG_ARCH_ARM_32=y ;;
	esac
	config "$dir/ninepshare" "$line" CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n
	mk "$dir/ninepshare" -j2 ||
		fail "$1 build failed: $(tail -5 "$T_DIR/make.log")"
	echo "$dir/ninepshare/build/ninepshare_kvm-$1"
}

x86=$(build x86_64) || exit 1
arm=$(build arm32) || exit 1

# sharefs ARCH: the POSIX app for kvm and linuxu on ARCH; prints its
# build folder (images sharefs_kvm-ARCH and sharefs_linuxu-ARCH).
sharefs() {
	local dir=$T_DIR/fs-$1 line
	mkdir -p "$dir"
	app_copy sharefs "$dir/sharefs" >/dev/null
	case $1 in
	x86_64) line=CONFIG_ARCH_X86_64=y ;;
	arm32) line=CONFIG_ARCH_ARM_32=y ;;
	esac
	config "$dir/sharefs" "$line" CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=y \
		'CONFIG_LIB9PFS_BOOT_TAG="share"'
	mk "$dir/sharefs" fetch && mk "$dir/sharefs" -j2 ||
		fail "sharefs $1 build failed: $(tail -5 "$T_DIR/make.log")"
	echo "$dir/sharefs/build"
}
fs=()
if [ -f "$UK_ROOT/lib/vfs/Config.uk" ]; then
	fsx86=$(sharefs x86_64) || exit 1
	fsarm=$(sharefs arm32) || exit 1
	need qemu-arm-static
else
	note "no lib/vfs in this tree: the POSIX checks on /share are left out"
fi

# What guest.bin must hold: byte i = i * 7 + i / 256.
python3 -c "
import sys
sys.stdout.buffer.write(bytes((i * 7 + i // 256) & 255 for i in range($GUEST_SIZE)))
" >"$T_DIR/guest.expected"

accels=(tcg)
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then accels+=(kvm); else
	note "no usable /dev/kvm: TCG only"; fi

# boot NAME IMAGE ENV...: boot with the share $T_DIR/NAME.share (fresh);
# output in $T_DIR/NAME.out, status in $T_DIR/NAME.rc. Two at a time.
pids=()
boot() {
	local name=$1 img=$2 share=$T_DIR/$1.share
	shift 2
	rm -rf "$share"
	mkdir -p "$share/in"
	echo "hello from the host, $name, $RANDOM$RANDOM" >"$share/hello.txt"
	: >"$share/in/a"
	: >"$share/in/b"
	while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
	(
		rc=0
		env UK_SHARE="$share" "$@" timeout --kill-after=5 90 \
			"$UK_RUN" "$img" "${ARGS[@]}" </dev/null \
			>"$T_DIR/$name.raw" 2>"$T_DIR/$name.err" || rc=$?
		tr -d '\r' <"$T_DIR/$name.raw" >"$T_DIR/$name.out"
		echo "$rc" >"$T_DIR/$name.rc"
	) &
	pids+=($!)
}

ARGS=()
names=()
for accel in "${accels[@]}"; do
	for machine in pc q35 microvm; do
		boot "x86-$machine-$accel" "$x86" UK_ACCEL=$accel \
			UK_MACHINE=$machine
		names+=("x86-$machine-$accel")
	done
done
boot arm-v1 "$arm"
boot arm-v2 "$arm" UK_QEMU_EXTRA="-global virtio-mmio.force-legacy=false"
names+=(arm-v1 arm-v2)
# The share under another tag than the one asked for, and no share.
ARGS=(tag=data)
boot x86-othertag "$x86" UK_ACCEL=tcg
boot arm-othertag "$arm"
boot x86-noshare "$x86" UK_ACCEL=tcg UK_SHARE=
if [ -n "${fsx86:-}" ]; then
	ARGS=()
	boot fs-kvm-x86 "$fsx86/sharefs_kvm-x86_64" UK_ACCEL=tcg
	boot fs-kvm-arm "$fsarm/sharefs_kvm-arm32"
	boot fs-linuxu-x86 "$fsx86/sharefs_linuxu-x86_64"
	boot fs-linuxu-arm "$fsarm/sharefs_linuxu-arm32"
	fs=(fs-kvm-x86 fs-kvm-arm fs-linuxu-x86 fs-linuxu-arm)
	boot fs-kvm-noshare "$fsx86/sharefs_kvm-x86_64" UK_ACCEL=tcg UK_SHARE=
fi
wait "${pids[@]}"

for n in "${names[@]}"; do
	out=$T_DIR/$n.out share=$T_DIR/$n.share
	rc=$(cat "$T_DIR/$n.rc")
	case $rc in
	0) ;;
	124|137) fail "$n: no exit in 90 s: $(tail -3 "$out" | tr '\n' '|') $(tail -2 "$T_DIR/$n.err")" ;;
	*) fail "$n: exit status $rc: $(grep -E 'FAIL|9p' "$out" | head -5 | tr '\n' '|') $(tail -2 "$T_DIR/$n.err")" ;;
	esac
	grep -q 'virtio-9p (\(pci\|mmio\), irq [0-9]*): mount tag "share"' "$out" ||
		fail "$n: no virtio-9p driver line: $(head -c 400 "$out")"
	expect_line "$out" "hello.txt: $(cat "$share/hello.txt")"
	grep -qxE 'in: (a b|b a) ' "$out" || fail "$n: in/ listed wrong: $(grep '^in:' "$out")"
	grep -qxE 'd1: (b c|c b) ' "$out" || fail "$n: d1/ listed wrong: $(grep '^d1:' "$out")"
	expect_line "$out" "9p: 29 checks, all passed"
	# What the guest left on the host.
	cmp -s "$share/guest.bin" "$T_DIR/guest.expected" ||
		fail "$n: guest.bin differs from the pattern ($(stat -c %s "$share/guest.bin" 2>&1) bytes)"
	head -c 10 "$T_DIR/guest.expected" | cmp -s - "$share/trunc.bin" ||
		fail "$n: trunc.bin is not the pattern's first 10 bytes"
	[ "$(cat "$share/renamed.txt" 2>&1)" = renamed ] ||
		fail "$n: renamed.txt: $(cat "$share/renamed.txt" 2>&1)"
	[ ! -e "$share/torename.txt" ] || fail "$n: torename.txt still there"
	[ "$(readlink "$share/lnk")" = hello.txt ] ||
		fail "$n: lnk is not a symlink to hello.txt"
	[ ! -e "$share/d1" ] || fail "$n: d1 still there"
done

line='9p: no share with mount tag "data" (QEMU: -virtfs local,path=DIR,mount_tag=data,security_model=none, or make run UK_SHARE=DIR UK_SHARE_TAG=data)'
for n in x86-othertag arm-othertag x86-noshare; do
	rc=$(cat "$T_DIR/$n.rc")
	[ "$rc" = 2 ] || fail "$n: exit status $rc, expected 2: $(tail -3 "$T_DIR/$n.out" | tr '\n' '|')"
	expect_line "$T_DIR/$n.out" "$line"
	[ "$(grep -c '^9p:' "$T_DIR/$n.out")" = 1 ] ||
		fail "$n: more than one 9p line: $(grep '^9p:' "$T_DIR/$n.out")"
done
grep -q 'mount tag "share"' "$T_DIR/x86-othertag.out" ||
	fail "x86-othertag: the share was not found under its own tag"

# uk-run refuses a share folder that does not exist.
rc=0
UK_SHARE=$T_DIR/nonexistent "$UK_RUN" --dry-run "$x86" >"$T_DIR/bad.out" 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "UK_SHARE=<missing folder>: uk-run status $rc, expected 2"
grep -q "^error: UK_SHARE=.*: no such folder" "$T_DIR/bad.out" ||
	fail "UK_SHARE=<missing folder>: $(cat "$T_DIR/bad.out")"

# The POSIX calls on /share: what main printed, what the host sees.
python3 -c "
import sys
sys.stdout.buffer.write(bytes((i * 7 + i // 256) & 255 for i in range(200003)))
" >"$T_DIR/fs.expected"
for n in "${fs[@]}"; do
	out=$T_DIR/$n.out share=$T_DIR/$n.share
	rc=$(cat "$T_DIR/$n.rc")
	[ "$rc" = 0 ] || fail "$n: exit status $rc: $(grep -E 'FAIL|fs|9p|hostfs' "$out" | head -5 | tr '\n' '|') $(tail -2 "$T_DIR/$n.err")"
	case $n in
	fs-kvm-*) grep -q 'Info: 9pfs: share "share" mounted on /share' "$out" ||
		fail "$n: no 9pfs mount line: $(head -3 "$out")" ;;
	*) grep -q "Info: hostfs: $share mounted on /share" "$out" ||
		fail "$n: no hostfs mount line: $(head -3 "$out")"
		! grep -q 'ERR' "$out" || fail "$n: $(grep ERR "$out")" ;;
	esac
	expect_line "$out" "fs hello.txt: $(cat "$share/hello.txt")"
	grep -qxE 'fs in: (a b|b a) ' "$out" || fail "$n: in/ listed wrong"
	grep -qxE 'fs fsd: (f2 g0|g0 f2) ' "$out" || fail "$n: fsd/ listed wrong"
	expect_line "$out" "fs: 35 checks, all passed"
	cmp -s "$share/fs.bin" "$T_DIR/fs.expected" || fail "$n: fs.bin differs"
	[ "$(printf 'one\ntwo\n')" = "$(cat "$share/app.txt")" ] ||
		fail "$n: app.txt: $(cat "$share/app.txt")"
	[ "$(cat "$share/trunc.txt")" = 0123 ] || fail "$n: trunc.txt not truncated to 4"
	[ "$(cat "$share/fsrenamed.txt")" = moved ] && [ ! -e "$share/fsold.txt" ] ||
		fail "$n: rename not seen on the host"
	[ "$(readlink "$share/fslnk")" = hello.txt ] || fail "$n: fslnk"
	[ ! -e "$share/fsd" ] || fail "$n: fsd still there"
done
if [ ${#fs[@]} -gt 0 ]; then
	out=$T_DIR/fs-kvm-noshare.out
	[ "$(cat "$T_DIR/fs-kvm-noshare.rc")" = 2 ] || fail "fs-kvm-noshare: status $(cat "$T_DIR/fs-kvm-noshare.rc"), expected 2"
	grep -q 'ERR: 9pfs: no 9p share with mount tag "share" (QEMU: -virtfs' "$out" ||
		fail "fs-kvm-noshare: no clear line: $(head -c 400 "$out")"
	expect_line "$out" "fs: /share/hello.txt: No such file or directory: share not mounted"
	# hostfs given a missing folder directly (uk-run would refuse it).
	rc=0
	UK_SHARE=$T_DIR/nonexistent run_timeout 30 qemu-arm-static \
		"$fsarm/sharefs_linuxu-arm32" >"$T_DIR/fs-lx-missing.out" 2>&1 || rc=$?
	[ "$rc" = 2 ] || fail "fs-lx-missing: status $rc, expected 2"
	grep -q "ERR: hostfs: host folder $T_DIR/nonexistent: No such file or directory" \
		"$T_DIR/fs-lx-missing.out" || fail "fs-lx-missing: $(head -3 "$T_DIR/fs-lx-missing.out")"
fi

# ...and a platform without shares.
: >"$T_DIR/img_xen-x86_64"
rc=0
UK_SHARE=$T_DIR "$UK_RUN" --dry-run "$T_DIR/img_xen-x86_64" >"$T_DIR/bad.out" 2>&1 || rc=$?
[ "$rc" = 2 ] && grep -q "^error: UK_SHARE: xen-x86_64 images have no host-folder share" \
	"$T_DIR/bad.out" || fail "UK_SHARE on xen: status $rc: $(cat "$T_DIR/bad.out")"

echo "PASS: ${#names[@]} shares (x86_64 pc/q35/microvm on ${accels[*]}, arm32 virt mmio v1/v2) read and written, checked on the host; a missing tag gives one line and status 2; ${#fs[@]} POSIX runs on /share (9pfs, hostfs)"
