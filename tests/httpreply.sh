#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# apps/httpreply (newlib + lwIP + virtio-net) on kvm-x86_64 and kvm-arm32,
# built once each:
#  - QEMU user network with a host port forwarded to port 80, on pc
#    (virtio-net-pci) and microvm (virtio-mmio), under TCG and KVM when
#    usable, and on arm32 virt (virtio-mmio): the page and its headers, keep-alive (two requests on one
#    connection), Connection: close, HEAD, 404, 405, a malformed request
#    (400) and an oversized head (431) after which the server still serves,
#    and a new connection from the port of one the server just closed
#    (lwIP lets a SYN reopen a connection in TIME-WAIT: patches/);
#  - 1,000 sequential connections: the allocator's bytes in use (GET
#    /stats) are the same after 10 and after 1,010 connections;
#  - the address from DHCP at boot on the user network;
#  - a tap device in a network namespace made here (10.77.0.1/24, nothing
#    leaves the machine), the guest at 10.77.0.2 by boot arguments, curl
#    inside the namespace; the same for httpreply_linuxu-x86_64 (the same
#    code as a Linux process, plat/linuxu's tap driver) on a second tap;
#  - every boot ends by GET /shutdown: exit status 0 and the allocator's
#    statistics printed.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm arm-linux-gnueabihf-gcc curl python3 \
	objdump addr2line

UK_RUN=$UK_ROOT/support/scripts/uk-run
PAGE_LEN=160

# DHCP at boot (2 s at most), which the arguments can override.
common=(CONFIG_PLAT_KVM=y CONFIG_LIBNEWLIB=y CONFIG_LIBLWIP=y
	CONFIG_LIBUKSCHEDCOOP=y CONFIG_LIBVIRTIO_NET=y CONFIG_LIBLWIP_DHCP=y
	CONFIG_LIBLWIP_DHCP_WAIT=2)
app=$(app_copy httpreply "$T_DIR/x86/httpreply")
config "$app" CONFIG_ARCH_X86_64=y "${common[@]}" CONFIG_PLAT_LINUXU=y \
	CONFIG_LINUXU_TAP=y 'CONFIG_LINUXU_TAP_IFNAME="uktap1"'
arm=$(app_copy httpreply "$T_DIR/arm/httpreply")
config "$arm" CONFIG_ARCH_ARM_32=y "${common[@]}" CONFIG_PLAT_LINUXU=n
# Both builds at once, each with its own log.
make -C "$app" -j2 >"$T_DIR/make-x86.log" 2>&1 &
xpid=$!
make -C "$arm" -j2 >"$T_DIR/make-arm.log" 2>&1 ||
	fail "arm32 build failed: $(tail -5 "$T_DIR/make-arm.log")"
wait $xpid || fail "x86_64 build failed: $(tail -5 "$T_DIR/make-x86.log")"
img=$app/build/httpreply_kvm-x86_64
lximg=$app/build/httpreply_linuxu-x86_64
armimg=$arm/build/httpreply_kvm-arm32
[ -f "$img" ] && [ -f "$lximg" ] && [ -f "$armimg" ] ||
	fail "no images: $(ls "$app/build" "$arm/build")"

# A small HTTP client for what curl cannot send: raw bytes (malformed
# and oversized requests) and many sequential connections.
cat >"$T_DIR/httpc.py" <<'EOF'
import errno, socket, sys, time
def read_all(s):
    # Until the server closes, or a time-out (which is said).
    out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except socket.timeout:
        out += b"\n<timeout: connection left open>\n"
    s.close()
    return out
def raw(host, port, data):
    s = socket.create_connection((host, port), timeout=30)
    s.sendall(data)
    sys.stdout.write(read_all(s).decode("latin-1"))
def conns(host, port, n):
    req = b"GET / HTTP/1.1\r\nHost: t\r\n\r\n"
    for i in range(n):
        s = socket.create_connection((host, port), timeout=30)
        s.sendall(req)
        data = b""
        while b"</html>" not in data:
            d = s.recv(65536)
            if not d:
                break
            data += d
        s.close()
        if not data.startswith(b"HTTP/1.1 200 OK\r\n"):
            sys.exit("connection %d: %r" % (i, data[:80]))
def connect_from(host, port, lport):
    # The last connection from lport may hold its addresses a moment.
    for t in range(50):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.settimeout(10)
        try:
            s.bind(("", lport))
            s.connect((host, port))
            return s
        except socket.timeout:
            sys.exit("connect from port %d: no answer in 10 s" % lport)
        except OSError as e:
            s.close()
            if e.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL):
                raise
            time.sleep(0.1)
    sys.exit("cannot connect from port %d again" % lport)
def get_close(s):
    s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    return read_all(s)
def reuse(host, port):
    # The server closes first (Connection: close), so it holds that
    # connection in TIME-WAIT; a new one from the same client port, as
    # clients that reuse ports at once make, must be served at once.
    s = connect_from(host, port, 0)
    lport = s.getsockname()[1]
    first = get_close(s)
    s = connect_from(host, port, lport)
    again = get_close(s)
    for what, data in (("first", first), ("again from port %d" % lport, again)):
        if not data.startswith(b"HTTP/1.1 200 OK\r\n"):
            sys.exit("%s: %r" % (what, data[:80]))
    print("ok")
cmd, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if cmd == "raw":
    raw(host, port, sys.stdin.buffer.read().replace(b"\n", b"\r\n"))
elif cmd == "reuse":
    reuse(host, port)
elif cmd == "oversized":
    raw(host, port, b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 5000 + b"\r\n\r\n")
else:
    conns(host, port, int(sys.argv[4]))
EOF

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start NAME ENV...: boot in the background with the env settings;
# output in NAME.out, exit status in NAME.rc; waits for "listening".
start() {
	local name=$1 i
	shift
	(
		rc=0
		# shellcheck disable=SC2086
		env "$@" timeout --kill-after=5 150 "$UK_RUN" "${IMG:-$img}" \
			${ARGS:-} shutdown=1 </dev/null >"$T_DIR/$name.raw" \
			2>"$T_DIR/$name.err" &
		echo $! >"$T_DIR/$name.pid"
		wait $! || rc=$?
		echo "$rc" >"$T_DIR/$name.rc"
	) &
	for i in $(seq 300); do
		grep -q "^httpreply: listening on port 80" \
			"$T_DIR/$name.raw" 2>/dev/null && return 0
		[ -f "$T_DIR/$name.rc" ] && break
		grep -q "KVM internal error" "$T_DIR/$name.err" 2>/dev/null && break
		sleep 0.1
	done
	if grep -q "KVM internal error" "$T_DIR/$name.err" 2>/dev/null; then
		# This machine's software KVM cannot emulate SSE instructions
		# (FACTS.md), and newlib's x86_64 code has some (gcc
		# vectorises it): that is the known limit, said as such (as in
		# tests/newlib.sh); a failure anywhere else fails the test.
		local rip fn
		rip=$(grep -o 'RIP=[0-9a-f]*' "$T_DIR/$name.err" | head -1 | cut -d= -f2)
		fn=$(addr2line -f -e "$img.dbg" "0x$rip" 2>/dev/null | head -1)
		kill "$(cat "$T_DIR/$name.pid")" 2>/dev/null
		if objdump -d --start-address="0x$rip" \
			--stop-address=$((0x$rip + 8)) "$img.dbg" 2>/dev/null |
			grep -q xmm; then
			echo "limit: $name: KVM emulation failure at an SSE instruction in $fn (software KVM limit; the TCG boots passed)"
			return 2
		fi
		echo "$name: KVM internal error at 0x$rip ($fn): an instruction this KVM cannot emulate"
		return 1
	fi
	echo "$name: server not listening: $(tr -d '\r' <"$T_DIR/$name.raw" | tail -3) $(tail -2 "$T_DIR/$name.err")"
	return 1
}

# finish NAME URL: GET /shutdown, then the exit status and the statistics.
finish() {
	local name=$1 url=$2 i out
	[ "$(${CURL:-} curl -sS -m 10 "$url/shutdown" 2>&1)" = bye ] ||
		{ echo "$name: GET /shutdown did not answer bye"; return 1; }
	for i in $(seq 100); do
		[ -f "$T_DIR/$name.rc" ] && break
		sleep 0.1
	done
	out=$T_DIR/$name.out
	tr -d '\r' <"$T_DIR/$name.raw" >"$out"
	[ "$(cat "$T_DIR/$name.rc" 2>/dev/null)" = 0 ] ||
		{ echo "$name: exit status $(cat "$T_DIR/$name.rc" 2>/dev/null || echo none, still running): $(tail -3 "$out")"; return 1; }
	grep -q '^ukalloc: in use [0-9]* bytes, peak [0-9]* bytes' "$out" ||
		{ echo "$name: no allocator statistics at shutdown: $(tail -3 "$out")"; return 1; }
}

# checks NAME HOST PORT: the HTTP behaviour; prints the first problem.
checks() {
	local name=$1 host=$2 port=$3 url="http://$2:$3" r
	local c=(${CURL:-} curl -sS -m 10)
	r=$("${c[@]}" -i "$url/" 2>&1 | tr -d '\r')
	grep -qx 'HTTP/1.1 200 OK' <<<"$r" &&
		grep -qx "Content-Length: $PAGE_LEN" <<<"$r" &&
		grep -qx 'Content-Type: text/html' <<<"$r" &&
		grep -qx 'Connection: keep-alive' <<<"$r" &&
		grep -q '<h1>Hello from Unicore</h1>' <<<"$r" ||
		{ echo "$name: GET /: $(head -c 300 <<<"$r")"; return 1; }
	# The body is exactly Content-Length bytes.
	r=$("${c[@]}" -o /dev/null -w '%{http_code} %{size_download}' "$url/")
	[ "$r" = "200 $PAGE_LEN" ] || { echo "$name: GET / size: $r"; return 1; }
	# Keep-alive: the second request reuses the connection.
	r=$("${c[@]}" -v -o /dev/null "$url/" -o /dev/null "$url/index.html" 2>&1)
	[ "$(grep -c '^< HTTP/1.1 200 OK' <<<"$r")" = 2 ] &&
		grep -q 'Re-using existing connection' <<<"$r" ||
		{ echo "$name: keep-alive: $(grep -E '^[*<] ' <<<"$r" | head -8 | tr '\n' '|')"; return 1; }
	# Connection: close is honoured: the server closes after the answer.
	r=$(printf 'GET / HTTP/1.1\nHost: t\nConnection: close\n\n' |
		${CURL:-} python3 "$T_DIR/httpc.py" raw "$host" "$port" | tr -d '\r')
	grep -qx 'Connection: close' <<<"$r" && ! grep -q '<timeout' <<<"$r" &&
		[ "$(grep -c '^HTTP/1.1 200 OK' <<<"$r")" = 1 ] ||
		{ echo "$name: Connection: close: $(head -c 300 <<<"$r")"; return 1; }
	# HEAD: the headers of GET, no body.
	r=$(printf 'HEAD / HTTP/1.1\nHost: t\nConnection: close\n\n' |
		${CURL:-} python3 "$T_DIR/httpc.py" raw "$host" "$port" | tr -d '\r')
	grep -qx 'HTTP/1.1 200 OK' <<<"$r" &&
		grep -qx "Content-Length: $PAGE_LEN" <<<"$r" &&
		! grep -q '<html' <<<"$r" ||
		{ echo "$name: HEAD: $(head -c 300 <<<"$r")"; return 1; }
	r=$("${c[@]}" -o /dev/null -w '%{http_code}' "$url/nothing-here")
	[ "$r" = 404 ] || { echo "$name: GET /nothing-here: $r, expected 404"; return 1; }
	r=$("${c[@]}" -o /dev/null -w '%{http_code}' -X POST -d x=1 "$url/")
	[ "$r" = 405 ] || { echo "$name: POST /: $r, expected 405"; return 1; }
	# Malformed and oversized requests: an error, then business as usual.
	r=$(printf 'GARBAGE\n\n' |
		${CURL:-} python3 "$T_DIR/httpc.py" raw "$host" "$port" | head -1 | tr -d '\r')
	[ "$r" = "HTTP/1.1 400 Bad Request" ] || { echo "$name: malformed request: '$r'"; return 1; }
	r=$(printf 'GET /x y HTTP/1.1\n\n' |
		${CURL:-} python3 "$T_DIR/httpc.py" raw "$host" "$port" | head -1 | tr -d '\r')
	[ "$r" = "HTTP/1.1 400 Bad Request" ] || { echo "$name: request line with 4 words: '$r'"; return 1; }
	r=$("${c[@]}" -o /dev/null -w '%{http_code}' "$url/")
	[ "$r" = 200 ] || { echo "$name: GET / after 400: $r"; return 1; }
	r=$(${CURL:-} python3 "$T_DIR/httpc.py" oversized "$host" "$port" | head -1 | tr -d '\r')
	[ "$r" = "HTTP/1.1 431 Request Header Fields Too Large" ] ||
		{ echo "$name: oversized head: '$r'"; return 1; }
	r=$("${c[@]}" -o /dev/null -w '%{http_code}' "$url/")
	[ "$r" = 200 ] || { echo "$name: GET / after 431: $r"; return 1; }
	# A client port reused right after the server closed its connection
	# (a SYN to a connection in TIME-WAIT) is served at once.
	r=$(${CURL:-} python3 "$T_DIR/httpc.py" reuse "$host" "$port" 2>&1)
	[ "$r" = ok ] || { echo "$name: port reused after the server's close: $r"; return 1; }
}

# in_use URL: the allocator's bytes in use, from GET /stats.
in_use() {
	curl -sS -m 10 "$1/stats" | sed -n 's/^in_use //p'
}

# user NAME ENV...: a boot on QEMU's user network with the checks; the
# result line goes to NAME.res.
user() {
	local name=$1 port a b
	shift
	port=$(free_port)
	{
		start "$name" UK_NET="user,hostfwd=tcp:127.0.0.1:$port-:80" "$@" &&
			checks "$name" 127.0.0.1 "$port" &&
			{ grep -q 'lwip: en0 10.0.2.15/24 gw 10.0.2.2 (dhcp)' "$T_DIR/$name.raw" ||
				{ echo "$name: no DHCP lease: $(grep lwip: "$T_DIR/$name.raw")"; false; }; } &&
			if [ "$name" = tcg-pc ]; then
				# The leak test: /stats after 10 and 1,010.
				python3 "$T_DIR/httpc.py" conns 127.0.0.1 "$port" 10 &&
					a=$(in_use "http://127.0.0.1:$port") &&
					python3 "$T_DIR/httpc.py" conns 127.0.0.1 "$port" 1000 &&
					b=$(in_use "http://127.0.0.1:$port") &&
					if [ -z "$a" ] || [ "$a" != "$b" ]; then
						echo "$name: bytes in use after 10 connections: ${a:-?}, after 1010: ${b:-?}"
						false
					else
						echo "leak: $a bytes in use after 10 and after 1010 connections" >"$T_DIR/leak.res"
					fi
			fi &&
			finish "$name" "http://127.0.0.1:$port" &&
			echo ok
	} >"$T_DIR/$name.res" 2>&1
}

accels=(tcg)
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then accels+=(kvm); else
	note "no usable /dev/kvm: TCG only"; fi

names=()
pids=()
for accel in "${accels[@]}"; do
	for machine in pc microvm; do
		user "$accel-$machine" UK_ACCEL=$accel UK_MACHINE=$machine &
		pids+=($!)
		names+=("$accel-$machine")
	done
done

# arm32 virt: virtio-mmio.
IMG=$armimg user arm32-virt &
pids+=($!)
names+=(arm32-virt)

# The tap run, inside a namespace of its own.
ns=ukhttp$$
tap_res=$T_DIR/tap.res
# A failed check leaves its QEMU running: stop it (timeout passes the
# signal on), then remove the namespace.
cleanup() {
	local f
	for f in "$T_DIR"/*.pid; do
		[ -f "$f" ] && [ ! -f "${f%.pid}.rc" ] && kill "$(cat "$f")" 2>/dev/null
	done
	ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
tap_note=""
if ! command -v ip >/dev/null; then
	tap_note="tap: skipped (no ip command; install iproute2)"
elif [ ! -c /dev/net/tun ]; then
	tap_note="tap: skipped (no /dev/net/tun)"
elif ! ip netns add "$ns" 2>"$T_DIR/netns.err"; then
	tap_note="tap: skipped (cannot create a network namespace: $(head -1 "$T_DIR/netns.err"))"
elif ! { ip -n "$ns" link set lo up &&
	ip -n "$ns" tuntap add dev uktap0 mode tap &&
	ip -n "$ns" addr add 10.77.0.1/24 dev uktap0 &&
	ip -n "$ns" link set uktap0 up; } 2>"$T_DIR/tap.err"; then
	tap_note="tap: skipped (no tap device in the namespace: $(head -1 "$T_DIR/tap.err"))"
else
	{
		ARGS="netdev.ip=10.77.0.2/24 netdev.gw=10.77.0.1" \
			start tap ip netns exec "$ns" env \
			UK_NET=tap,ifname=uktap0,script=no,downscript=no \
			UK_ACCEL=tcg &&
			CURL="ip netns exec $ns" checks tap 10.77.0.2 80 &&
			CURL="ip netns exec $ns" finish tap http://10.77.0.2 &&
			{ grep -q 'lwip: en0 10.77.0.2/24 gw 10.77.0.1' "$T_DIR/tap.out" ||
				{ echo "tap: the boot arguments did not set the address: $(head -5 "$T_DIR/tap.out")"; false; }; } &&
			echo ok
	} >"$tap_res" 2>&1 &
	pids+=($!)
	names+=(tap)
	# The same server as a Linux process, on a tap of its own.
	if { ip -n "$ns" tuntap add dev uktap1 mode tap &&
		ip -n "$ns" addr add 10.78.0.1/24 dev uktap1 &&
		ip -n "$ns" link set uktap1 up; } 2>"$T_DIR/tap1.err"; then
		{
			IMG=$lximg ARGS="netdev.ip=10.78.0.2/24 netdev.gw=10.78.0.1" \
				start linuxu ip netns exec "$ns" env &&
				CURL="ip netns exec $ns" checks linuxu 10.78.0.2 80 &&
				CURL="ip netns exec $ns" finish linuxu http://10.78.0.2 &&
				echo ok
		} >"$T_DIR/linuxu.res" 2>&1 &
		pids+=($!)
		names+=(linuxu)
	else
		tap_note="linuxu: skipped (no second tap: $(head -1 "$T_DIR/tap1.err"))"
	fi
fi
wait "${pids[@]}"

limits=()
for n in "${names[@]}"; do
	r=$(tail -1 "$T_DIR/$n.res")
	case $r in
	ok) ;;
	limit:*) note "${r#limit: }"; limits+=("$n") ;;
	*) fail "${r:-$n: no result}" ;;
	esac
done
# The known KVM limit excuses KVM boots only, never the TCG or tap ones.
for n in "${limits[@]}"; do
	case $n in kvm-*) ;; *) fail "$n: $(tail -1 "$T_DIR/$n.res")" ;; esac
done
[ -f "$T_DIR/leak.res" ] || fail "no leak test result"
note "$(cat "$T_DIR/leak.res")"
[ -n "$tap_note" ] && note "$tap_note"
echo "PASS: ${names[*]}${limits[*]:+ (KVM SSE limit: ${limits[*]})}${tap_note:+ ($tap_note)}"
