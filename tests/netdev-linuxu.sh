#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# uknetdev on linuxu: apps/netdevtest as a Linux process with the tap
# driver (plat/linuxu/tap.c), inside a network namespace this test makes:
# a tap interface uktap0 with the host side at 10.0.2.2/24, so the
# host kernel answers the unikernel's ARP request and ping. A second run
# with the address removed must time out (status 1). Skipped where network
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

app=$(app_copy netdevtest)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=n \
	CONFIG_LINUXU_TAP=y CONFIG_LINUXU_TAP_IFNAME='"uktap0"' \
	CONFIG_LINUXU_TAP_MAC='"52:54:00:ab:cd:ef"'
mk "$app" -j2 || fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/netdevtest_linuxu-x86_64
host_mac=$(nsx cat /sys/class/net/uktap0/address)

# run NAME ARGS...: the image in the namespace; output in $T_DIR/NAME.out.
run() {
	local name=$1
	shift
	RC=0
	nsx timeout --kill-after=5 30 "$img" "$@" >"$T_DIR/$name.out" \
		2>&1 </dev/null || RC=$?
}

run poll mode=poll timeout=10
[ "$RC" = 0 ] || fail "exit status $RC: $(tail -4 "$T_DIR/poll.out")"
for l in "driver: tap" "mac: 52:54:00:ab:cd:ef" "link: up" \
	"arp reply: 10.0.2.2 is at $host_mac" "echo reply: 10.0.2.2 seq=1"; do
	expect_line "$T_DIR/poll.out" "$l"
done

# Interrupt mode is not available to a Linux process: said, status 3.
run irq mode=irq timeout=2
[ "$RC" = 3 ] || fail "mode=irq: exit status $RC, expected 3: $(tail -2 "$T_DIR/irq.out")"
expect_line "$T_DIR/irq.out" "device has no interrupts"

nsx ip addr del 10.0.2.2/24 dev uktap0
run noreply mode=poll timeout=2
[ "$RC" = 1 ] || fail "without 10.0.2.2: exit status $RC, expected 1: $(tail -2 "$T_DIR/noreply.out")"
expect_line "$T_DIR/noreply.out" "timeout: no ARP reply from 10.0.2.2"
echo "PASS: ARP and ping through a tap in netns $ns (host MAC $host_mac), no-reply time-out"
