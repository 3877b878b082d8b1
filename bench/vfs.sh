#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# File throughput and metadata rates of lib/vfs against Linux, from one C
# program (tests/apps/vfsbench/main.c) built as a unikernel (newlib) and
# natively (gcc -O2, glibc): sequential write and read MiB/s of a
# VFS_MIB MiB file in VFS_BLOCK_KIB KiB blocks, and creates, stats and
# unlinks per second of VFS_FILES small files in one folder.
#  - ramfs (the root of lib/vfs) on linuxu-x86_64 and kvm-x86_64, beside
#    the native program on tmpfs (/dev/shm);
#  - the host-folder share, lib/hostfs on linuxu and virtio-9p (lib/9pfs)
#    on kvm, beside the native program in a plain folder of the same host
#    file system;
#  - creates per second with VFS_BIG_FILES files in one folder, ramfs on
#    linuxu beside tmpfs: against the VFS_FILES row it shows how a rate
#    falls with the folder's size.
# kvm runs under KVM when /dev/kvm works for this image, else under TCG:
# the metric names end in _tcg then, and TCG figures are not KVM figures.
# Each round runs every configuration once, one after the other
# (interleaved, so that a slow spell of this shared machine hits all of
# them); each program takes the median of VFS_PASSES passes, and a row is
# the median of VFS_ROUNDS rounds. Ratios are unikernel / native.
# A bench, not a test: nothing is asserted. A run that fails gives the
# value "failed" and its error line in the log.
# env: VFS_ROUNDS (3), VFS_PASSES (3), VFS_MIB (16), VFS_BLOCK_KIB (64),
#      VFS_FILES (1000), VFS_BIG_FILES (8000)
. "$(dirname "$0")/lib.sh"

for v in VFS_ROUNDS VFS_PASSES VFS_MIB VFS_BLOCK_KIB VFS_FILES VFS_BIG_FILES; do
	[[ ${!v:-1} =~ ^[1-9][0-9]*$ ]] || {
		echo "bench/vfs: $v=${!v}: give a positive integer" >&2
		exit 2
	}
done
rounds=${VFS_ROUNDS:-3} passes=${VFS_PASSES:-3} mib=${VFS_MIB:-16}
bkib=${VFS_BLOCK_KIB:-64} nfiles=${VFS_FILES:-1000}
big=${VFS_BIG_FILES:-8000}
[ "$passes" -le 15 ] || { echo "bench/vfs: VFS_PASSES=$passes: at most 15" >&2; exit 2; }
[ $((mib * 1024 % bkib)) = 0 ] ||
	{ echo "bench/vfs: VFS_MIB=$mib is not a multiple of VFS_BLOCK_KIB=$bkib KiB" >&2; exit 2; }
command -v qemu-system-x86_64 >/dev/null ||
	{ echo "bench/vfs: qemu-system-x86_64 not installed (make deps)" >&2; exit 0; }

app=$(app_copy vfsbench)
{ make -C "$app" defconfig && make -C "$app" fetch && make -C "$app" -j2; } \
	>"$B_DIR/build.log" 2>&1 ||
	{ echo "bench/vfs: unikernel build failed: $(tail -3 "$B_DIR/build.log")" >&2; exit 1; }
native=$B_DIR/vfsbench-native
gcc -O2 -o "$native" "$app/main.c" 2>>"$B_DIR/build.log" ||
	{ echo "bench/vfs: native build failed: $(tail -3 "$B_DIR/build.log")" >&2; exit 1; }
lx=$app/build/vfsbench_linuxu-x86_64
kvm=$app/build/vfsbench_kvm-x86_64

# The file lives in the heap of a ramfs: room for it twice, and more.
mem=$((2 * mib + 128))M
shm=$(mktemp -d /dev/shm/ukvfsbench.XXXXXX) ||
	{ echo "bench/vfs: no tmpfs at /dev/shm for the native ramfs row" >&2; exit 1; }
trap 'rm -rf "$shm"' EXIT
mkdir -p "$B_DIR/native-dir" "$B_DIR/share-linuxu" "$B_DIR/share-kvm"

# kvm_run SHARE ACCEL ARGS...: the kvm image under uk-run, sharing the
# folder SHARE (none when empty); its status is the image's.
kvm_run() {
	local share=$1 accel=$2
	shift 2
	UK_SHARE=$share UK_ACCEL=$accel UK_MEM=$mem \
		timeout --kill-after=5 600 "$UK_ROOT/support/scripts/uk-run" \
		"$kvm" "$@" </dev/null | tr -d '\r'
	return "${PIPESTATUS[0]}"
}
# KVM when it works for this image (this machine's KVM may not emulate
# every instruction: FACTS.md), else TCG.
# The probe must print a figure, not only exit 0.
kvm_probe() {
	local out rc=0
	out=$(kvm_run "" kvm /bench 1 64 10 1) || rc=$?
	printf '%s\n' "$out"
	[ "$rc" = 0 ] && grep -q '^vfsbench: creates_per_s' <<<"$out"
}
kvm_accel kvm_probe

# run NAME CMD...: one run of a configuration, output in NAME.ROUND.out.
run() {
	local name=$1 out
	shift
	out=$B_DIR/$name.$round.out
	"$@" >"$out" 2>&1 || echo "bench/vfs: $name round $round: status $?:" \
		"$(grep -m1 'error\|usage' "$out" || tail -2 "$out")" >&2
}
args=("$mib" "$bkib" "$nfiles" "$passes")
bigargs=(1 64 "$big" 1)
for round in $(seq "$rounds"); do
	echo "bench/vfs: round $round of $rounds" >&2
	run lx-ram env UK_MEM=$mem "$lx" /bench "${args[@]}"
	run native-shm timeout 600 "$native" "$shm/r$round" "${args[@]}"
	rm -rf "$B_DIR/share-linuxu"/*
	run lx-host env UK_MEM=$mem UK_SHARE="$B_DIR/share-linuxu" "$lx" \
		/share "${args[@]}"
	rm -rf "$B_DIR/native-dir"/*
	run native-dir timeout 600 "$native" "$B_DIR/native-dir" "${args[@]}"
	run kvm-ram kvm_run "" "$accel" /bench "${args[@]}"
	rm -rf "$B_DIR/share-kvm"/*
	run kvm-9p kvm_run "$B_DIR/share-kvm" "$accel" /share "${args[@]}"
	run lx-ram-big env UK_MEM=$mem "$lx" /bench "${bigargs[@]}"
	run native-shm-big timeout 600 "$native" "$shm/b$round" "${bigargs[@]}"
done

# fig NAME KEY: the median over the rounds of KEY in NAME's outputs, or
# "failed" when a round has no such line.
fig() {
	local name=$1 key=$2 r v vals=()
	for r in $(seq "$rounds"); do
		v=$(awk -v k="$key" '$1 == "vfsbench:" && $2 == k { print $3 }' \
			"$B_DIR/$name.$r.out")
		[ -n "$v" ] || { echo failed; return; }
		vals+=("$v")
	done
	printf '%s\n' "${vals[@]}" | sort -g |
		awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() {
	awk -v u="$1" -v n="$2" 'BEGIN {
		if (u ~ /^[0-9.]+$/ && n ~ /^[0-9.]+$/ && n > 0) printf "%.3f", u / n
		else print "failed" }'
}
# rows UNI-NAME IMAGE FS NATIVE-NAME NATIVE-FS PLAT: a row per figure for
# the unikernel (metric FS_FIGURE, "_tcg" added under TCG), the native
# program (NATIVE-FS_FIGURE, once) and their ratio (FS_FIGURE_PLAT/native).
declare -A shown
rows() {
	local un=$1 img=$2 fs=$3 nn=$4 nfs=$5 plat=$6 key short unit u n t=
	case $plat in kvm) t=$sfx ;; esac
	for key in seq_write_mib_per_s seq_read_mib_per_s creates_per_s \
		stats_per_s unlinks_per_s; do
		short=${key#seq_}
		short=${short%_per_s}
		short=${short%_mib}
		case $key in *mib*) unit=MiB/s ;; *) unit=per_s ;; esac
		u=$(fig "$un" "$key")
		n=$(fig "$nn" "$key")
		row vfs "$img" "${fs}_$short$t" "$u" "$unit"
		[ -n "${shown[$nfs$short]:-}" ] ||
			row vfs native-glibc "${nfs}_$short" "$n" "$unit"
		shown[$nfs$short]=1
		row vfs ratio "${fs}_${short}_$plat$t/native" "$(ratio "$u" "$n")" ratio
	done
}
row vfs vfsbench_kvm-x86_64 accel "$accel" name
rows lx-ram vfsbench_linuxu-x86_64 ramfs native-shm tmpfs linuxu
rows kvm-ram vfsbench_kvm-x86_64 ramfs native-shm tmpfs kvm
rows lx-host vfsbench_linuxu-x86_64 hostfs native-dir dir linuxu
rows kvm-9p vfsbench_kvm-x86_64 9p native-dir dir kvm
u=$(fig lx-ram-big creates_per_s)
n=$(fig native-shm-big creates_per_s)
row vfs vfsbench_linuxu-x86_64 "ramfs_creates_${big}_files" "$u" per_s
row vfs native-glibc "tmpfs_creates_${big}_files" "$n" per_s
row vfs ratio "ramfs_creates_${big}_files_linuxu/native" "$(ratio "$u" "$n")" ratio
