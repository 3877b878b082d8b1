#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The POSIX layer inside images: tests/apps/unittests built with newlib
# (CONFIG_LIBNEWLIB=y, which implies lib/vfs, ramfs and devfs) once per
# arch, its platforms together, then booted two at a time on linuxu
# x86_64/arm32/mips32, kvm x86_64 (pc and microvm) and arm32 under TCG,
# baremetal arm32 (raspi2b) and mips32 (Malta), baremetal x86_64 where
# the ISO tools are, and Xen PV and PVH where the Xen test bed prepares.
# Each must print "uktest: N passed, 0 failed", run the vfs and ramfs
# suites, and exit 0.
# Then tests/apps/fsconform, one C source, is built with the host gcc and
# run on Linux, and built as a unikernel (newlib + lib/vfs) for linuxu
# x86_64, arm32 and mips32 and kvm x86_64 and arm32: each transcript
# ("fsc: " lines) must equal the Linux one byte for byte.
. "$(dirname "$0")/lib.sh"
need gcc qemu-system-x86_64 qemu-system-arm qemu-system-mips \
	qemu-arm-static qemu-mips-static arm-linux-gnueabihf-gcc mips-linux-gnu-gcc
[ -f /usr/src/newlib/newlib-3.3.0.tar.xz ] ||
	skip "newlib-source not installed (make deps)"

x86_bm=
command -v grub-mkrescue >/dev/null && command -v xorriso >/dev/null &&
	command -v mformat >/dev/null && x86_bm=CONFIG_PLAT_BAREMETAL=y
[ -n "$x86_bm" ] || note "no grub-mkrescue/xorriso/mformat: no baremetal-x86_64"
xen=
if "$UK_ROOT/support/scripts/xen-testbed" prepare >"$T_DIR/xen-prepare.log" 2>&1; then
	xen=1
else
	note "xen-testbed prepare failed: no Xen boots ($(tail -n1 "$T_DIR/xen-prepare.log"))"
fi

# The 1,000-file and 1.5 MiB ramfs tests need more than linuxu's default
# 4 MiB heap beside the other suites.
nl="CONFIG_LIBNEWLIB=y CONFIG_LINUXU_HEAP_SIZE_MB=32"
# app:name:config lines (space-separated)
builds="unittests:x86_64:CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y $x86_bm $nl
unittests:arm32:CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y CONFIG_PLAT_BAREMETAL=y $nl
unittests:mips32:CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y $nl
fsconform:fsc-x86_64:CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y
fsconform:fsc-arm32:CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y
fsconform:fsc-mips32:CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y CONFIG_PLAT_LINUXU=y"
[ -n "$xen" ] && builds+="
unittests:xen:CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y CONFIG_PLAT_LINUXU=n CONFIG_LIBNEWLIB=y"

build_one() {
	local app=$1 name=$2 dir=$T_DIR/$2/$1
	shift 2
	app_copy "$app" "$dir" >/dev/null
	# shellcheck disable=SC2068
	(config "$dir" $@ && mk "$dir") >/dev/null ||
		echo "$name" >>"$T_DIR/build-failed"
}
jobs=0
while IFS=: read -r app name cfg; do
	# shellcheck disable=SC2086
	build_one "$app" "$name" $cfg &
	jobs=$((jobs + 1))
	[ $((jobs % 2)) = 0 ] && wait
done <<<"$builds"
wait
[ -f "$T_DIR/build-failed" ] &&
	fail "build failed: $(paste -sd, "$T_DIR/build-failed"): $(grep -m3 -i 'error' "$T_DIR/make.log")"
grep -i 'warning:' "$T_DIR/make.log" | head -3 | grep . &&
	fail "compiler warnings: $(grep -m1 -i 'warning:' "$T_DIR/make.log")"
grep -qx 'CONFIG_LIBVFS=y' "$T_DIR/x86_64/unittests/.config" ||
	fail "newlib unittests without lib/vfs"

# raspi2b boots the ELF from a folder without the .img (as in
# tests/unittests.sh: the raw image's relocation copy breaks past 32 KiB).
rpi=$T_DIR/arm32/unittests/rpi-elf
mkdir -p "$rpi/include/config"
cp "$T_DIR/arm32/unittests/build/unittests_baremetal-arm32" "$rpi/"
cp "$T_DIR/arm32/unittests/build/include/config/auto.conf" "$rpi/include/config/"

# label:image:environment[:arguments]
boots="linuxu-x86_64:x86_64/unittests/build/unittests_linuxu-x86_64:
kvm-x86_64-microvm:x86_64/unittests/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=microvm
kvm-x86_64-pc:x86_64/unittests/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=pc
linuxu-arm32:arm32/unittests/build/unittests_linuxu-arm32:
kvm-arm32:arm32/unittests/build/unittests_kvm-arm32:
baremetal-arm32:arm32/unittests/rpi-elf/unittests_baremetal-arm32:
linuxu-mips32:mips32/unittests/build/unittests_linuxu-mips32:
baremetal-mips32:mips32/unittests/build/unittests_baremetal-mips32:"
[ -n "$x86_bm" ] && boots+="
baremetal-x86_64:x86_64/unittests/build/unittests_baremetal-x86_64:UK_ACCEL=tcg"
# The PV heap is a few MiB (tests/unittests.sh): the file suites only.
[ -n "$xen" ] && boots+="
xen-pv:xen/unittests/build/unittests_xen-x86_64:UK_XEN_TIMEOUT=110:suite=vfs,ramfs
xen-pvh:xen/unittests/build/unittests_xen-x86_64:UK_XEN_PVH=1 UK_XEN_TIMEOUT=110"
note "no KVM boots here: TCG only (the software KVM's limits, FACTS.md)"

boot_one() {
	local label=$1 img=$2 env=$3 rc=0
	shift 3
	# shellcheck disable=SC2086
	env $env timeout --kill-after=5 150 "$UK_ROOT/support/scripts/uk-run" \
		"$T_DIR/$img" "$@" </dev/null 2>&1 | tr -d '\r' >"$T_DIR/$label.out"
	rc=${PIPESTATUS[0]}
	echo "$rc" >"$T_DIR/$label.rc"
}
n=0
while IFS=: read -r label img env args; do
	# shellcheck disable=SC2086
	boot_one "$label" "$img" "$env" ${args:-} &
	n=$((n + 1))
	[ $((n % 2)) = 0 ] && wait
done <<<"$boots"
wait

while IFS=: read -r label img env args; do
	out=$T_DIR/$label.out rc=$(cat "$T_DIR/$label.rc")
	[ "$rc" = 124 ] && fail "$label: no exit in 150 s: $(tail -3 "$out")"
	line=$(grep -a '^uktest: ' "$out")
	[[ $line =~ ^uktest:\ ([0-9]+)\ passed,\ 0\ failed$ ]] ||
		fail "$label: $(grep -a -m3 'FAIL' "$out") summary '$line'"
	for t in vfs.paths vfs.symlinks vfs.fd_calls vfs.pipes vfs.devfs \
		vfs.mounts vfs.bad_fds vfs.poll_mix vfs.select_mix vfs.poll_timeout \
		vfs.epoll_triggers vfs.epoll_ctl_errors vfs.epoll_close_watched \
		vfs.epoll_timeout vfs.socketpair_both_ways vfs.socketpair_peer_close \
		vfs.socketpair_errors vfs.poll_blocks vfs.epoll_blocks vfs.poll_eintr \
		ramfs.big_file ramfs.thousand_files \
		ramfs.rename_and_link; do
		grep -aqx "\[ PASS \] $t" "$out" || fail "$label: $t did not pass"
	done
	# /dev/urandom reads lib/ukrandom (vfs.devfs reads it): the log
	# names the generator's seed, and devfs never refused the device.
	grep -aqE 'ukrandom: (seeded from|WEAK seed)' "$out" ||
		fail "$label: no log line naming ukrandom's seed"
	grep -aq 'devfs: /dev/urandom: no entropy source' "$out" &&
		fail "$label: devfs refused /dev/urandom"
	grep -aq "vfs: mount of x on /: unknown filesystem type 'nosuchfs'" "$out" ||
		fail "$label: no log line for the unknown filesystem"
	[ "$rc" = 0 ] || fail "$label: exit status $rc, expected 0"
	note "$label: $line"
done <<<"$boots"

# The conformance transcript: Linux first, then each unikernel.
src=$UK_ROOT/tests/apps/fsconform/main.c
gcc -O2 -Wall -Wextra -Werror -o "$T_DIR/fsconform-native" "$src" ||
	fail "fsconform does not build with the host gcc"
"$T_DIR/fsconform-native" "$T_DIR/native-dir" >"$T_DIR/native.out" ||
	fail "fsconform failed on Linux: $(tail -3 "$T_DIR/native.out")"
grep '^fsc: ' "$T_DIR/native.out" >"$T_DIR/native.fsc"
[ "$(wc -l <"$T_DIR/native.fsc")" -ge 80 ] ||
	fail "native transcript too short: $(wc -l <"$T_DIR/native.fsc") lines"
fsc="linuxu-x86_64:fsc-x86_64/fsconform/build/fsconform_linuxu-x86_64:
kvm-x86_64:fsc-x86_64/fsconform/build/fsconform_kvm-x86_64:UK_ACCEL=tcg
linuxu-arm32:fsc-arm32/fsconform/build/fsconform_linuxu-arm32:
kvm-arm32:fsc-arm32/fsconform/build/fsconform_kvm-arm32:
linuxu-mips32:fsc-mips32/fsconform/build/fsconform_linuxu-mips32:"
n=0
while IFS=: read -r label img env; do
	boot_one "fsc-$label" "$img" "$env" &
	n=$((n + 1))
	[ $((n % 2)) = 0 ] && wait
done <<<"$fsc"
wait
while IFS=: read -r label img env; do
	out=$T_DIR/fsc-$label.out
	[ "$(cat "$T_DIR/fsc-$label.rc")" = 0 ] ||
		fail "fsconform $label: status $(cat "$T_DIR/fsc-$label.rc"): $(tail -3 "$out")"
	grep -a '^fsc: ' "$out" >"$T_DIR/fsc-$label.fsc"
	cmp -s "$T_DIR/native.fsc" "$T_DIR/fsc-$label.fsc" ||
		fail "fsconform $label differs from Linux: $(diff "$T_DIR/native.fsc" "$T_DIR/fsc-$label.fsc" | head -6)"
	note "fsconform $label: $(wc -l <"$T_DIR/native.fsc") lines, same as Linux"
done <<<"$fsc"
echo "ok"
