#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# uknetdev with virtio-net on kvm: tests/apps/netdevtest brings up the first
# network device, prints its MAC and link, resolves QEMU's user-network
# gateway 10.0.2.2 by ARP and pings it. Booted through uk-run (UK_NET=user)
# on x86_64 pc and q35 (virtio-net-pci), microvm (virtio-net-device on
# virtio-mmio) under TCG and KVM when usable, and on arm32 virt
# (virtio-net-device, version 1 and 2 of virtio-mmio), each in interrupt
# and polling mode. A boot on a network without that gateway must time
# out with status 1: the test can fail.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc

MAC=52:54:00:12:34:56
UK_RUN=$UK_ROOT/support/scripts/uk-run

build() { # ARCH: the app for kvm on ARCH; prints the image
	local dir=$T_DIR/$1 line
	mkdir -p "$dir"
	app_copy netdevtest "$dir/netdevtest" >/dev/null
	case $1 in
	x86_64) line=CONFIG_ARCH_X86_64=y ;;
	arm32) line=CONFIG_ARCH_ARM_32=y ;;
	esac
	config "$dir/netdevtest" "$line" CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n
	mk "$dir/netdevtest" -j2 ||
		fail "$1 build failed: $(tail -5 "$T_DIR/make.log")"
	echo "$dir/netdevtest/build/netdevtest_kvm-$1"
}

x86=$(build x86_64) || exit 1
arm=$(build arm32) || exit 1

accels=(tcg)
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then accels+=(kvm); else
	note "no usable /dev/kvm: TCG only"; fi

# boot NAME IMAGE ENV...: background boot; output in $T_DIR/NAME.out,
# exit status in $T_DIR/NAME.rc. At most 3 at a time: tests/run runs
# another test beside this one, and some of those measure time.
pids=()
boot() {
	local name=$1 img=$2
	shift 2
	while [ "$(jobs -rp | wc -l)" -ge 3 ]; do wait -n; done
	(
		rc=0
		env "$@" UK_MAC=$MAC timeout --kill-after=5 60 "$UK_RUN" "$img" \
			"${ARGS[@]}" </dev/null >"$T_DIR/$name.raw" \
			2>"$T_DIR/$name.err" || rc=$?
		tr -d '\r' <"$T_DIR/$name.raw" >"$T_DIR/$name.out"
		echo "$rc" >"$T_DIR/$name.rc"
	) &
	pids+=($!)
}

names=()
for mode in irq poll; do
	ARGS=(mode=$mode timeout=10)
	for accel in "${accels[@]}"; do
		for machine in pc q35 microvm; do
			n=x86-$machine-$accel-$mode
			boot "$n" "$x86" UK_NET=user UK_ACCEL=$accel \
				UK_MACHINE=$machine
			names+=("$n")
		done
	done
	boot "arm-v1-$mode" "$arm" UK_NET=user
	boot "arm-v2-$mode" "$arm" UK_NET=user \
		UK_QEMU_EXTRA="-global virtio-mmio.force-legacy=false"
	names+=("arm-v1-$mode" "arm-v2-$mode")
done
# No 10.0.2.2 on this network: the ARP request must time out. On x86
# only under KVM: under TCG on a loaded host the platform's PIT
# calibration of the TSC can be far off (a preemption longer than a PIT
# period during it), and the guest's 2 s then last minutes.
ARGS=(mode=poll timeout=2)
noreply=(arm-noreply)
boot arm-noreply "$arm" UK_NET=user,net=10.9.9.0/24
if [ "${accels[1]:-}" = kvm ]; then
	boot x86-noreply "$x86" UK_NET=user,net=10.9.9.0/24 UK_ACCEL=kvm \
		UK_MACHINE=microvm
	noreply+=(x86-noreply)
fi
wait "${pids[@]}"

for n in "${names[@]}"; do
	out=$T_DIR/$n.out
	rc=$(cat "$T_DIR/$n.rc")
	case $rc in
	124|137) fail "$n: no exit in 60 s: $(tail -3 "$T_DIR/$n.err") $(tail -3 "$out")" ;;
	0) ;;
	*) fail "$n: exit status $rc: $(tail -4 "$out" | tr '\n' '|') $(tail -2 "$T_DIR/$n.err")" ;;
	esac
	expect_line "$out" "driver: virtio-net"
	expect_line "$out" "mac: $MAC"
	expect_line "$out" "link: up"
	expect_line "$out" "arp reply: 10.0.2.2 is at 52:55:0a:00:02:02"
	expect_line "$out" "echo reply: 10.0.2.2 seq=1"
	case $n in
	*-irq) expect_line "$out" "rx interrupts: yes" ;;
	esac
done
for n in "${noreply[@]}"; do
	rc=$(cat "$T_DIR/$n.rc")
	[ "$rc" = 1 ] || fail "$n: exit status $rc, expected 1 (time-out): $(tail -3 "$T_DIR/$n.out")"
	expect_line "$T_DIR/$n.out" "timeout: no ARP reply from 10.0.2.2"
done
echo "PASS: ${#names[@]} boots (x86_64 pc/q35/microvm on ${accels[*]}, arm32 virt mmio v1/v2; irq and poll) and ${#noreply[@]} time-outs"
