#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Raw uknetdev latency: tests/apps/netdevtest pings QEMU's user-network gateway
# 200 times one after the other (pings=200) and reports the mean round
# trip, per machine (x86_64 pc with virtio-net-pci, microvm with
# virtio-mmio; arm32 virt), accelerator (TCG; KVM when /dev/kvm works)
# and receive mode (busy polling, interrupts). No network stack: driver,
# virtqueues, QEMU's virtio-net and slirp only. This host's KVM is a
# software one, its exits cost milliseconds: compare modes, not hosts.
# Rows: netdev <image> rtt_us_<accel>_<machine>_<mode> <value> us
. "$(dirname "$0")/lib.sh"
for c in qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc; do
	command -v "$c" >/dev/null || { echo "bench/netdev: $c missing" >&2; exit 0; }
done
UK_RUN=$UK_ROOT/support/scripts/uk-run
PINGS=200

build() { # ARCH_LINE: prints the image
	local d=$B_DIR/${1%%=*}
	mkdir -p "$d"
	cp -r "$UK_ROOT/tests/apps/netdevtest" "$d/" && rm -rf "$d/netdevtest/build"
	sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$d/netdevtest/Makefile"
	printf '%s\n' "$1" CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
		>"$d/netdevtest/defconfig"
	{ make -C "$d/netdevtest" defconfig && make -C "$d/netdevtest" -j2; } \
		>>"$B_DIR/make.log" 2>&1 ||
		{ echo "bench/netdev: build failed" >&2; exit 1; }
	ls "$d"/netdevtest/build/netdevtest_kvm-*[0-9]
}
x86=$(build CONFIG_ARCH_X86_64=y) || exit 1
arm=$(build CONFIG_ARCH_ARM_32=y) || exit 1

# rtt IMAGE METRIC ENV...: one run, one row (nothing when it failed).
rtt() {
	local img=$1 metric=$2 ns
	shift 2
	ns=$(env "$@" UK_NET=user timeout 120 "$UK_RUN" "$img" "mode=${metric##*_}" \
		pings=$PINGS timeout=100 2>/dev/null </dev/null |
		tr -d '\r' | sed -n 's/^pings: [0-9]* rtt_ns: \([0-9]*\)$/\1/p')
	[ -n "$ns" ] && row netdev "${img##*/}" "$metric" \
		"$(awk -v n="$ns" 'BEGIN { printf "%.1f", n / 1000 }')" us
}

accels=(tcg)
[ -r /dev/kvm ] && [ -w /dev/kvm ] && accels+=(kvm)
for mode in poll irq; do
	for accel in "${accels[@]}"; do
		for machine in pc microvm; do
			rtt "$x86" "rtt_us_${accel}_${machine}_$mode" \
				UK_ACCEL=$accel UK_MACHINE=$machine
		done
	done
	rtt "$arm" "rtt_us_tcg_virt_$mode"
done
