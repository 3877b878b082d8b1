#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# apps/httpreply against slow and idle clients, on kvm-x86_64 (TCG) and
# linuxu-x86_64, each on a tap device of a network namespace made here
# (10.77.0.1/24 and 10.78.0.1/24, nothing leaves the machine), one after
# the other so that neither slows the other's timings. Not QEMU's user
# network: its host-side listener has a backlog of 1, so the host itself
# drops the attack's bursts of SYNs before the guest sees them.
# Built with CONFIG_LIBLWIP_NUM_SOCKETS=48; each server is started with
# slots=16 backlog=16 head_timeout=5 idle_timeout=20 on its command line
# (a backlog of 16 absorbs the attack's bursts of SYNs while this shared
# machine pauses the server; the default 8 fits 32 sockets), then
# (tests/httpreply-slow.py):
#  - order: slots full with one idle keep-alive connection and slowloris
#    ones, a new client is served and the idle one is dropped; with only
#    slowloris ones, the oldest is dropped;
#  - deadline: a head sent a byte a second gets 408 and a close 5 s (to
#    6.5 s) after the connection opened: bytes do not restart the clock;
#  - load: 200 slowloris connections (a byte a second, reopened REOPEN
#    seconds after being dropped) and 64 idle keep-alive ones opened over
#    3 s; from 2 s later a normal client GETs / every 0.5 s for 11 s (over
#    twice the head deadline): every GET is answered within 1 s;
#  - the allocator's bytes in use (GET /stats) come back to the value
#    before the attack once its connections are closed, and /stats counts
#    evictions;
#  - bad slots=/backlog=/head_timeout= values stop the server with a
#    message and status 2;
#  - GET /shutdown: exit status 0.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 curl python3

UK_RUN=$UK_ROOT/support/scripts/uk-run
LOAD=$UK_ROOT/tests/httpreply-slow.py
ARGS="slots=16 backlog=16 head_timeout=5 idle_timeout=20"
# Seconds before the attack reopens a dropped connection. Every new
# connection evicts one when the slots are full, so this sets the rate of
# connections the server must take: about 260/REOPEN a second. Under TCG
# on a loaded 2-core machine the kvm guest takes some 150 a second; above
# that its backlog overflows, SYNs are dropped and the normal client's
# connect waits a second for its retransmission.
REOPEN=${HTTPREPLY_SLOW_REOPEN:-2}

app=$(app_copy httpreply "$T_DIR/httpreply")
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_LIBNEWLIB=y \
	CONFIG_LIBLWIP=y CONFIG_LIBUKSCHEDCOOP=y CONFIG_LIBVIRTIO_NET=y \
	CONFIG_LIBLWIP_NUM_SOCKETS=48 CONFIG_PLAT_LINUXU=y CONFIG_LINUXU_TAP=y \
	'CONFIG_LINUXU_TAP_IFNAME="uktap1"'
make -C "$app" -j2 >"$T_DIR/make.log" 2>&1 ||
	fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/httpreply_kvm-x86_64
lximg=$app/build/httpreply_linuxu-x86_64

# start NAME CMD...: run CMD in the background (output NAME.out, status
# NAME.rc) and wait for the server's settings line.
start() {
	local name=$1 i
	shift
	(
		rc=0
		timeout --kill-after=5 240 "$@" </dev/null >"$T_DIR/$name.out" \
			2>&1 &
		echo $! >"$T_DIR/$name.pid"
		wait $! || rc=$?
		echo "$rc" >"$T_DIR/$name.rc"
	) &
	for i in $(seq 600); do
		grep -q "^httpreply: 16 slots, backlog 16, head time-out 5 s, idle time-out 20 s" \
			"$T_DIR/$name.out" 2>/dev/null && return 0
		[ -f "$T_DIR/$name.rc" ] && break
		sleep 0.1
	done
	fail "$name: server not started with its arguments: $(tail -5 "$T_DIR/$name.out")"
}

# stat URL KEY: one value of GET /stats.
stat() {
	$NS curl -sS -m 10 "$1/stats" | sed -n "s/^$2 //p"
}

# attack NAME HOST PORT: the checks on a running server.
attack() {
	local name=$1 host=$2 port=$3 url="http://$2:$3" i a b
	for i in $(seq 10); do
		$NS curl -sS -m 10 -o /dev/null "$url/" ||
			fail "$name: GET / before the attack failed"
	done
	a=$(stat "$url" in_use)
	[ -n "$a" ] || fail "$name: no in_use in GET /stats"
	$NS python3 "$LOAD" order "$host" "$port" 16 >"$T_DIR/$name.order" 2>&1 ||
		fail "$name: $(tail -3 "$T_DIR/$name.order")"
	$NS python3 "$LOAD" deadline "$host" "$port" 5 >"$T_DIR/$name.deadline" 2>&1 ||
		fail "$name: $(tail -3 "$T_DIR/$name.deadline")"
	$NS python3 "$LOAD" load "$host" "$port" 11 200 64 "$REOPEN" \
		>"$T_DIR/$name.load" 2>&1 ||
		fail "$name: load: $(tr '\n' '|' <"$T_DIR/$name.load")"
	note "$name: $(cat "$T_DIR/$name.order")"
	note "$name: $(cat "$T_DIR/$name.deadline")"
	while read -r l; do note "$name: $l"; done <"$T_DIR/$name.load"
	# The attack's connections close (or their slots time out).
	for i in $(seq 30); do
		b=$(stat "$url" in_use)
		[ "$b" = "$a" ] && break
		sleep 1
	done
	[ "$b" = "$a" ] ||
		fail "$name: bytes in use before the attack $a, 30 s after it ${b:-?}"
	b=$(stat "$url" evicted)
	[ "${b:-0}" -gt 0 ] || fail "$name: /stats counts no eviction"
	note "$name: in_use $a bytes before and after; $b connections evicted; $(stat "$url" head_timeouts) head time-outs"
	[ "$($NS curl -sS -m 10 "$url/shutdown")" = bye ] ||
		fail "$name: GET /shutdown did not answer bye"
	for i in $(seq 100); do
		[ -f "$T_DIR/$name.rc" ] && break
		sleep 0.1
	done
	[ "$(cat "$T_DIR/$name.rc" 2>/dev/null)" = 0 ] ||
		fail "$name: exit status $(cat "$T_DIR/$name.rc" 2>/dev/null || echo none): $(tail -3 "$T_DIR/$name.out")"
}

ns=ukslow$$
cleanup() {
	local f
	for f in "$T_DIR"/*.pid; do
		[ -f "$f" ] && [ ! -f "${f%.pid}.rc" ] && kill "$(cat "$f")" 2>/dev/null
	done
	ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT

command -v ip >/dev/null || fail "no ip command (install iproute2)"
[ -c /dev/net/tun ] || fail "no /dev/net/tun"
{ ip netns add "$ns" && ip -n "$ns" link set lo up &&
	ip -n "$ns" tuntap add dev uktap0 mode tap &&
	ip -n "$ns" addr add 10.77.0.1/24 dev uktap0 &&
	ip -n "$ns" link set uktap0 up &&
	ip -n "$ns" tuntap add dev uktap1 mode tap &&
	ip -n "$ns" addr add 10.78.0.1/24 dev uktap1 &&
	ip -n "$ns" link set uktap1 up; } 2>"$T_DIR/tap.err" ||
	fail "no tap devices in a network namespace: $(head -1 "$T_DIR/tap.err")"
NS="ip netns exec $ns"
# shellcheck disable=SC2086
start kvm $NS env UK_NET=tap,ifname=uktap0,script=no,downscript=no \
	UK_ACCEL=tcg UK_MACHINE=pc "$UK_RUN" "$img" \
	netdev.ip=10.77.0.2/24 netdev.gw=10.77.0.1 $ARGS shutdown=1
attack kvm 10.77.0.2 80
# Bad values: a message naming the limit, status 2.
for bad in "slots=40 backlog=8:need 49 lwIP sockets, there are 48" \
	"backlog=17:backlog must be a number from 1 to 16" \
	"head_timeout=0:head_timeout must be a number from 1 to 3600" \
	"slots=x:slots must be a number"; do
	rc=0
	# shellcheck disable=SC2086
	$NS timeout 30 "$lximg" netdev.ip=10.78.0.2/24 ${bad%%:*} \
		>"$T_DIR/bad.out" 2>&1 || rc=$?
	[ $rc = 2 ] && grep -q "${bad#*:}" "$T_DIR/bad.out" ||
		fail "${bad%%:*}: status $rc, expected 2 and '${bad#*:}': $(tail -2 "$T_DIR/bad.out")"
done
# shellcheck disable=SC2086
start linuxu $NS "$lximg" netdev.ip=10.78.0.2/24 netdev.gw=10.78.0.1 \
	$ARGS shutdown=1
attack linuxu 10.78.0.2 80
echo "PASS: kvm-x86_64 (TCG) and linuxu-x86_64: 200 slowloris + 64 idle clients, every GET within 1 s"
