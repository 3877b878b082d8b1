#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# uknetdev on linuxu: tests/apps/netdevtest as a Linux process with the tap
# driver (plat/linuxu/tap.c), inside a network namespace this test makes:
# a tap interface uktap0 with the host side at 10.0.2.2/24, so the
# host kernel answers the unikernel's ARP request and ping. A second run
# with the address removed must time out (status 1). x86_64 natively;
# arm32, mips32 and mips32el under qemu-user. Skipped where network
# namespaces or /dev/net/tun are not available (needs root).
. "$(dirname "$0")/lib.sh"
need ip

[ -c /dev/net/tun ] || skip "no /dev/net/tun"
ns=uknetdev-$$
ip netns add "$ns" 2>/dev/null || skip "cannot create a network namespace (not root?)"
trap 'ip netns del "$ns" 2>/dev/null' EXIT
nsx() { ip netns exec "$ns" "$@"; }
nsx ip link set lo up
nsx ip tuntap add dev uktap0 mode tap 2>/dev/null || skip "cannot create a tap interface"
nsx ip addr add 10.0.2.2/24 dev uktap0
nsx ip link set uktap0 up

# Every linuxu arch whose compiler and emulator are here: x86_64 runs
# natively, the others under qemu-user (whose ioctl passes TUNSETIFF on).
host_mac=$(nsx cat /sys/class/net/uktap0/address)
rows=("x86_64 CONFIG_ARCH_X86_64=y - gcc -"
	"arm32 CONFIG_ARCH_ARM_32=y - arm-linux-gnueabihf-gcc qemu-arm-static"
	"mips32 CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y mips-linux-gnu-gcc qemu-mips-static"
	"mips32el CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_LITTLE_ENDIAN=y mipsel-linux-gnu-gcc qemu-mipsel-static")

# run NAME ARGS...: the image in the namespace; output in $T_DIR/NAME.out.
run() {
	local name=$1
	shift
	RC=0
	nsx timeout --kill-after=5 60 $emu "$img" "$@" >"$T_DIR/$name.out" \
		2>&1 </dev/null || RC=$?
}

done_archs=()
for row in "${rows[@]}"; do
	read -r arch line1 line2 cc emu <<<"$row"
	[ "$line2" = - ] && line2=
	[ "$emu" = - ] && emu=
	if ! command -v "$cc" >/dev/null || { [ -n "$emu" ] &&
		! command -v "$emu" >/dev/null; }; then
		note "$arch: $cc or $emu missing, not tested"
		continue
	fi
	app=$(app_copy netdevtest "$T_DIR/$arch/netdevtest")
	config "$app" $line1 $line2 CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=n \
		CONFIG_LINUXU_TAP=y CONFIG_LINUXU_TAP_IFNAME='"uktap0"' \
		CONFIG_LINUXU_TAP_MAC='"52:54:00:ab:cd:ef"'
	mk "$app" -j2 || fail "$arch: build failed: $(tail -5 "$T_DIR/make.log")"
	img=$app/build/netdevtest_linuxu-$arch

	run "$arch-poll" mode=poll timeout=10
	[ "$RC" = 0 ] || fail "$arch: exit status $RC: $(tail -4 "$T_DIR/$arch-poll.out")"
	for l in "driver: tap" "mac: 52:54:00:ab:cd:ef" "link: up" \
		"arp reply: 10.0.2.2 is at $host_mac" \
		"echo reply: 10.0.2.2 seq=1"; do
		expect_line "$T_DIR/$arch-poll.out" "$l"
	done
	# Interrupt mode is not available to a Linux process: said, status 3.
	run "$arch-irq" mode=irq timeout=2
	[ "$RC" = 3 ] || fail "$arch: mode=irq: exit status $RC, expected 3: $(tail -2 "$T_DIR/$arch-irq.out")"
	expect_line "$T_DIR/$arch-irq.out" "device has no interrupts"
	done_archs+=("$arch")
	[ "$arch" = "${done_archs[0]}" ] && first_emu=$emu
done
[ ${#done_archs[@]} -gt 0 ] || fail "no linuxu arch could be tested"

# Without the host's address nobody answers: a time-out, status 1.
nsx ip addr del 10.0.2.2/24 dev uktap0
arch=${done_archs[0]}
img=$T_DIR/$arch/netdevtest/build/netdevtest_linuxu-$arch
emu=$first_emu
run noreply mode=poll timeout=2
[ "$RC" = 1 ] || fail "without 10.0.2.2: exit status $RC, expected 1: $(tail -2 "$T_DIR/noreply.out")"
expect_line "$T_DIR/noreply.out" "timeout: no ARP reply from 10.0.2.2"
echo "PASS: ARP and ping through a tap in netns $ns on ${done_archs[*]}, no-reply time-out"
