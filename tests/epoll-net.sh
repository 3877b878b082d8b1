#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# epoll on lwIP sockets (lib/vfs, lib/lwip's event callback): the test
# app tests/apps/epollecho, an echo server whose one loop is epoll_wait
# without a time-out over the listener (level-triggered), each connection
# (edge-triggered, read until EAGAIN) and a socket pair. Built for
# kvm-x86_64 (virtio-net-pci) and kvm-arm32 (virtio-mmio), booted under
# TCG on QEMU's user network with a forwarded port; a Python client from
# the host opens three connections and interleaves lines on them, sends
# 200 KiB on one (all of it must come back), half-closes one (its last
# line echoed, then EPOLLRDHUP and end of file: the server closes it)
# and checks the others still echo, then sends "quit", which the server
# passes through the socket pair to end its loop. The server's count of
# bytes echoed must equal the client's, one connection must have shown
# EPOLLRDHUP, and the server must exit 0.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc python3

UK_RUN=$UK_ROOT/support/scripts/uk-run
common=(CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n CONFIG_LIBNEWLIB=y
	CONFIG_LIBLWIP=y CONFIG_LIBUKSCHEDCOOP=y CONFIG_LIBVIRTIO_NET=y
	CONFIG_LIBLWIP_DHCP=y CONFIG_LIBLWIP_DHCP_WAIT=2)
app_build_or_fail epollecho x86 CONFIG_ARCH_X86_64=y "${common[@]}"
app_build_or_fail epollecho arm CONFIG_ARCH_ARM_32=y "${common[@]}"
grep -i 'warning:' "$T_DIR/x86.log" "$T_DIR/arm.log" | head -3 | grep . &&
	fail "compiler warnings"

cat >"$T_DIR/client.py" <<'PY'
import socket, sys, time
host, port = "127.0.0.1", int(sys.argv[1])
def conn():
    return socket.create_connection((host, port), timeout=30)
def recv_n(s, n):
    d = b""
    while len(d) < n:
        x = s.recv(65536)
        if not x:
            break
        d += x
    return d
sent = 0
cs = [conn() for _ in range(3)]
for r in range(5):
    msgs = [("conn %d round %d\n" % (i, r)).encode() for i in range(3)]
    for s, m in zip(cs, msgs):
        s.sendall(m)
    for i, (s, m) in enumerate(zip(cs, msgs)):
        got = recv_n(s, len(m))
        if got != m:
            sys.exit("conn %d round %d: echo %r, sent %r" % (i, r, got, m))
        sent += len(m)
big = bytes(range(256)) * 800
cs[1].sendall(big)
got = recv_n(cs[1], len(big))
if got != big:
    sys.exit("200 KiB on one connection: %d bytes came back" % len(got))
sent += len(big)
# a half-close: what came before the FIN is echoed, then the server
# (told by EPOLLRDHUP and end of file) closes its side too
cs[0].sendall(b"bye\n")
cs[0].shutdown(socket.SHUT_WR)
if recv_n(cs[0], 5) != b"bye\n":
    sys.exit("half-closed connection 0: no echo, or not closed after it")
sent += 4
cs[0].close()
cs[2].sendall(b"still here\n")
if recv_n(cs[2], 11) != b"still here\n":
    sys.exit("no echo on connection 2 after connection 0 closed")
sent += 11
q = conn()
q.sendall(b"quit\n")
if q.recv(10) != b"":
    sys.exit("quit: the server did not close the connection")
print("sent %d" % sent)
PY

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# run NAME IMAGE: boot, wait for the listener, run the client, check.
run() {
	local name=$1 img=$2 port i rc sent
	port=$(free_port)
	UK_ACCEL=tcg UK_NET="user,hostfwd=tcp:127.0.0.1:$port-:7" \
		timeout --kill-after=5 150 "$UK_RUN" "$img" </dev/null \
		>"$T_DIR/$name.raw" 2>&1 &
	local pid=$!
	for i in $(seq 600); do
		grep -q '^epollecho: listening' "$T_DIR/$name.raw" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	grep -q '^epollecho: listening' "$T_DIR/$name.raw" || {
		kill "$pid" 2>/dev/null
		fail "$name: server not listening: $(tr -d '\r' <"$T_DIR/$name.raw" | tail -3)"
	}
	sent=$(python3 "$T_DIR/client.py" "$port" 2>&1) || {
		kill "$pid" 2>/dev/null
		fail "$name: client: $sent"
	}
	rc=0
	wait "$pid" || rc=$?
	tr -d '\r' <"$T_DIR/$name.raw" >"$T_DIR/$name.out"
	[ "$rc" = 0 ] || fail "$name: exit status $rc: $(tail -3 "$T_DIR/$name.out")"
	grep -qE "^epollecho: 4 connections, ${sent#sent } bytes echoed, [0-9]+ closed, 1 with EPOLLRDHUP, [0-9]+ wake-ups$" \
		"$T_DIR/$name.out" ||
		fail "$name: the server's count differs from the client's ($sent): $(grep '^epollecho:' "$T_DIR/$name.out" | tail -2)"
	note "$name: $(grep '^epollecho: 4 connections' "$T_DIR/$name.out")"
}

run kvm-x86_64 "$T_DIR/x86/epollecho/build/epollecho_kvm-x86_64"
run kvm-arm32 "$T_DIR/arm/epollecho/build/epollecho_kvm-arm32"
echo "PASS: epoll over lwIP sockets and a socket pair on x86_64 and arm32"
