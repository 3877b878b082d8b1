#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# TCP initial sequence numbers of lwIP (lib/lwip/isn.c, RFC 6528) and the
# entropy behind them (lib/ukrandom): apps/httpreply on kvm-x86_64 (TCG,
# QEMU user network with a forwarded port) boots twice, 20 connections
# each; QEMU's filter-dump writes every frame of the NIC to a pcap, whose
# SYN-ACKs from port 80 carry the server's ISNs. Over the 40: no ISN
# repeats, consecutive ones do not differ by one constant step, and they
# spread over the 32-bit space (lwIP's own counter gave 6510, 6511, 6513...
# on every boot). Boot 1 has a virtio-rng-pci device and must say it was
# seeded from it; boot 2 has none, on QEMU's default CPU (no RDRAND), and
# must warn that its seed is weak (timer jitter). Both end by GET
# /shutdown with status 0.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 curl python3

UK_RUN=$UK_ROOT/support/scripts/uk-run
app=$(app_copy httpreply "$T_DIR/httpreply")
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=n \
	CONFIG_LIBNEWLIB=y CONFIG_LIBLWIP=y CONFIG_LIBUKSCHEDCOOP=y \
	CONFIG_LIBVIRTIO_NET=y CONFIG_LIBVIRTIO_RNG=y
mk "$app" -j2 || fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/httpreply_kvm-x86_64
[ -f "$img" ] || fail "no image: $(ls "$app/build")"

cat >"$T_DIR/isn.py" <<'PY'
import socket, struct, sys
def conns(port, n):
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            d = s.recv(65536)
            if not d:
                break
            data += d
        s.close()
        if not data.startswith(b"HTTP/1.1 200 OK\r\n"):
            sys.exit("connection %d: %r" % (i, data[:80]))
def isns(path):
    # pcap (libpcap format, Ethernet): the sequence numbers of SYN-ACKs
    # sent from TCP port 80, in capture order.
    f = open(path, "rb")
    hdr = f.read(24)
    if len(hdr) < 24:
        sys.exit("%s: no pcap header" % path)
    magic = struct.unpack("<I", hdr[:4])[0]
    e = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    out = []
    while True:
        rec = f.read(16)
        if len(rec) < 16:
            break
        incl = struct.unpack(e + "IIII", rec)[2]
        pkt = f.read(incl)
        if len(pkt) < 14 + 20 or pkt[12:14] != b"\x08\x00":
            continue
        ip = pkt[14:]
        ihl = (ip[0] & 15) * 4
        if ip[9] != 6 or len(ip) < ihl + 20:
            continue
        tcp = ip[ihl:]
        sport, dport, seq = struct.unpack(">HHI", tcp[:8])
        if sport == 80 and tcp[13] & 0x12 == 0x12:
            out.append(seq)
    return out
if sys.argv[1] == "conns":
    conns(int(sys.argv[2]), int(sys.argv[3]))
else:
    for s in isns(sys.argv[2]):
        print(s)
PY

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# boot NAME EXTRA-QEMU-OPTIONS: 20 connections, then /shutdown; the
# server's ISNs into NAME.isn, its log into NAME.out.
boot() {
	local name=$1 extra=$2 port i rc
	port=$(free_port)
	(
		rc=0
		UK_ACCEL=tcg UK_NET="user,hostfwd=tcp:127.0.0.1:$port-:80" \
			UK_QEMU_EXTRA="$extra -object filter-dump,id=cap,netdev=n0,file=$T_DIR/$name.pcap" \
			run_timeout 150 "$UK_RUN" "$img" shutdown=1 \
			</dev/null >"$T_DIR/$name.raw" 2>"$T_DIR/$name.err" ||
			rc=$?
		echo "$rc" >"$T_DIR/$name.rc"
	) &
	for i in $(seq 600); do
		grep -q "^httpreply: listening on port 80" "$T_DIR/$name.raw" \
			2>/dev/null && break
		[ -f "$T_DIR/$name.rc" ] && break
		sleep 0.1
	done
	grep -q "^httpreply: listening on port 80" "$T_DIR/$name.raw" ||
		fail "$name: server not listening: $(tr -d '\r' <"$T_DIR/$name.raw" | tail -3) $(tail -2 "$T_DIR/$name.err")"
	python3 "$T_DIR/isn.py" conns "$port" 20 >"$T_DIR/$name.client" 2>&1 ||
		fail "$name: $(tail -2 "$T_DIR/$name.client")"
	[ "$(curl -sS -m 10 "http://127.0.0.1:$port/shutdown" 2>&1)" = bye ] ||
		fail "$name: GET /shutdown did not answer bye"
	wait
	tr -d '\r' <"$T_DIR/$name.raw" >"$T_DIR/$name.out"
	rc=$(cat "$T_DIR/$name.rc")
	[ "$rc" = 0 ] || fail "$name: exit status $rc: $(tail -3 "$T_DIR/$name.out")"
	python3 "$T_DIR/isn.py" isns "$T_DIR/$name.pcap" >"$T_DIR/$name.isn" ||
		fail "$name: $(tail -1 "$T_DIR/$name.isn")"
	# 20 connections and /shutdown: 21 SYN-ACKs.
	[ "$(wc -l <"$T_DIR/$name.isn")" = 21 ] ||
		fail "$name: $(wc -l <"$T_DIR/$name.isn") SYN-ACKs from port 80 in the capture, expected 21"
}

boot rng "-device virtio-rng-pci"
grep -q "ukrandom: seeded from virtio-rng$" "$T_DIR/rng.out" ||
	fail "boot with virtio-rng-pci: no 'seeded from virtio-rng': $(grep -i random "$T_DIR/rng.out")"
grep -q "WEAK seed" "$T_DIR/rng.out" &&
	fail "boot with virtio-rng-pci warned of a weak seed: $(grep WEAK "$T_DIR/rng.out")"
boot norng ""
grep -q "Warn: ukrandom: WEAK seed: .*timer jitter" "$T_DIR/norng.out" ||
	fail "boot without an entropy source: no weak-seed warning: $(grep -i random "$T_DIR/norng.out")"

# The 20 connections of each boot (the 21st SYN-ACK is /shutdown's).
head -n 20 "$T_DIR/rng.isn" >"$T_DIR/all.isn"
head -n 20 "$T_DIR/norng.isn" >>"$T_DIR/all.isn"
python3 - "$T_DIR/all.isn" >"$T_DIR/check.out" <<'PY' ||
	fail "ISNs: $(tail -1 "$T_DIR/check.out")"
import sys
v = [int(x) for x in open(sys.argv[1])]
def bad(msg):
    print(msg + ": " + " ".join(map(str, v)))
    sys.exit(1)
if len(v) != 40:
    bad("%d ISNs, expected 40" % len(v))
if len(set(v)) != 40:
    bad("repeated ISNs")
for half in (v[:20], v[20:]):
    steps = {(b - a) % 2**32 for a, b in zip(half, half[1:])}
    if len(steps) == 1:
        bad("one boot's ISNs grow by a constant step %d" % steps.pop())
# Independent uniform 32-bit values: 40 of them share fewer than 10 top
# bytes with a probability far below 1e-20; a counter shares one or two.
if len({x >> 24 for x in v}) < 10:
    bad("ISNs bunched in %d of 256 top-byte values" % len({x >> 24 for x in v}))
print("40 ISNs, no repeat, no constant step")
PY
note "$(python3 -c 'import sys; v=[int(x) for x in open(sys.argv[1])]; print("ISNs of boot 1 start", v[:3], "boot 2", v[20:23])' "$T_DIR/all.isn")"
echo "ok: 2 boots x 20 connections, ISNs unique and unrelated; virtio-rng seed, then the weak-seed warning without it"
