#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# HTTP requests per second and latency (p50, p99) with wrk (1 thread, 8
# keep-alive connections, 5 s) against apps/httpreply:
#  - httpreply_kvm-x86_64 under QEMU (KVM when it serves, else TCG; the
#    metric names say which) on a tap device in a private network
#    namespace (10.77.0.1 host side, 10.77.0.2 guest);
#  - httpreply_linuxu-x86_64, the same server code as a Linux process on
#    the same tap device (plat/linuxu's tap driver polls every 1 ms);
#  - nginx serving the same page from inside the namespace (loopback),
#    the reference: each unikernel row gets a ratio to it.
# Rows: http <image> <metric> <value> <unit>. Never asserts.
. "$(dirname "$0")/lib.sh"

for c in qemu-system-x86_64 wrk nginx curl ip; do
	command -v "$c" >/dev/null ||
		{ echo "bench/http: $c not installed (support/deps/net.list)" >&2; exit 0; }
done

app=$(app_copy httpreply)
printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_KVM=y CONFIG_PLAT_LINUXU=y \
	CONFIG_LIBNEWLIB=y CONFIG_LIBLWIP=y CONFIG_LIBUKSCHEDCOOP=y \
	CONFIG_LIBVIRTIO_NET=y CONFIG_LINUXU_TAP=y \
	CONFIG_LINUXU_TAP_IFNAME='"uktap0"' >"$app/defconfig"
make -C "$app" defconfig >"$B_DIR/make.log" 2>&1 &&
	make -C "$app" -j2 >>"$B_DIR/make.log" 2>&1 ||
	{ echo "bench/http: build failed: $(tail -3 "$B_DIR/make.log")" >&2; exit 1; }

ns=ukbench$$
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
if ! ip netns add "$ns" 2>/dev/null || ! { ip -n "$ns" link set lo up &&
	ip -n "$ns" tuntap add dev uktap0 mode tap &&
	ip -n "$ns" addr add 10.77.0.1/24 dev uktap0 &&
	ip -n "$ns" link set uktap0 up; } 2>/dev/null; then
	echo "bench/http: no network namespace with a tap device here" >&2
	exit 0
fi
in_ns() { ip netns exec "$ns" "$@"; }

# wrk_rows IMAGE SUFFIX URL: three rows; the req/s also in $RPS.
RPS=
wrk_rows() {
	local img=$1 sfx=$2 url=$3 out
	out=$(in_ns wrk -t1 -c8 -d5s --latency "$url" 2>&1)
	echo "$out" >"$B_DIR/wrk-$img$sfx.txt"
	RPS=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	# wrk prints latencies as 812.00us, 1.20ms or 1.01s.
	lat() {
		awk -v p="$1" '$1 == p {
			v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
			if (u == "us") v /= 1000; else if (u == "s") v *= 1000
			printf "%.3f", v }' <<<"$out"
	}
	row http "$img" "req_per_s$sfx" "${RPS:-0}" req/s
	row http "$img" "latency_p50$sfx" "$(lat 50%)" ms
	row http "$img" "latency_p99$sfx" "$(lat 99%)" ms
}

# wait_http URL SECONDS [LOG]: until URL answers 200 (inside the
# namespace); gives up early when LOG shows a KVM emulation failure (this
# machine's KVM cannot emulate newlib's SSE code: FACTS.md).
wait_http() {
	local i
	for i in $(seq $(($2 * 10))); do
		[ "$(in_ns curl -s -m 1 -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
		[ -n "${3:-}" ] && grep -q "KVM internal error" "$3" 2>/dev/null &&
			return 1
		sleep 0.1
	done
	return 1
}

# The guest: KVM if it boots and serves, else TCG.
guest=http://10.77.0.2
kvm_img=$app/build/httpreply_kvm-x86_64
accels=(tcg)
[ -r /dev/kvm ] && [ -w /dev/kvm ] && accels=(kvm tcg)
kvm_rps=
for accel in "${accels[@]}"; do
	# Not through in_ns: $! must be the process itself (ip execs it).
	ip netns exec "$ns" env UK_NET=tap,ifname=uktap0,script=no,downscript=no \
		UK_ACCEL=$accel timeout 120 "$UK_ROOT/support/scripts/uk-run" \
		"$kvm_img" netdev.ip=10.77.0.2/24 shutdown=1 </dev/null \
		>"$B_DIR/kvm-$accel.out" 2>&1 &
	pids+=($!)
	if wait_http "$guest/" 30 "$B_DIR/kvm-$accel.out"; then
		in_ns curl -s -o "$B_DIR/index.html" "$guest/"
		wrk_rows httpreply_kvm-x86_64 "_$accel" "$guest/"
		kvm_rps=$RPS kvm_sfx=_$accel
		in_ns curl -s -m 5 "$guest/shutdown" >/dev/null
		wait "${pids[-1]}" 2>/dev/null
		break
	fi
	echo "bench/http: kvm-x86_64 ($accel) did not serve: $(tail -2 "$B_DIR/kvm-$accel.out")" >&2
	kill "${pids[-1]}" 2>/dev/null
	wait "${pids[-1]}" 2>/dev/null
done
[ -n "$kvm_rps" ] || row http httpreply_kvm-x86_64 req_per_s_missing 0 req/s

# The same code as a Linux process on the same tap.
lx_rps=
if [ -x "$app/build/httpreply_linuxu-x86_64" ]; then
	ip netns exec "$ns" timeout 120 "$app/build/httpreply_linuxu-x86_64" \
		netdev.ip=10.77.0.2/24 shutdown=1 </dev/null \
		>"$B_DIR/linuxu.out" 2>&1 &
	pids+=($!)
	if wait_http "$guest/" 10; then
		[ -f "$B_DIR/index.html" ] ||
			in_ns curl -s -o "$B_DIR/index.html" "$guest/"
		wrk_rows httpreply_linuxu-x86_64 "" "$guest/"
		lx_rps=$RPS
		in_ns curl -s -m 5 "$guest/shutdown" >/dev/null
	else
		echo "bench/http: linuxu did not serve: $(tail -2 "$B_DIR/linuxu.out")" >&2
	fi
	kill "${pids[-1]}" 2>/dev/null
	wait "${pids[-1]}" 2>/dev/null
else
	row http httpreply_linuxu-x86_64 req_per_s_missing 0 req/s
fi

# nginx with the same page, in the namespace (loopback).
www=$B_DIR/nginx/www
mkdir -p "$www" "$B_DIR/nginx/tmp"
if [ -f "$B_DIR/index.html" ]; then
	cp "$B_DIR/index.html" "$www/index.html"
else
	echo "bench/http: no page fetched from httpreply; nginx serves a copy of its size" >&2
	head -c 160 /dev/zero | tr '\0' x >"$www/index.html"
fi
cat >"$B_DIR/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $B_DIR/nginx/nginx.pid;
error_log $B_DIR/nginx/error.log;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path $B_DIR/nginx/tmp;
	proxy_temp_path $B_DIR/nginx/tmp;
	fastcgi_temp_path $B_DIR/nginx/tmp;
	uwsgi_temp_path $B_DIR/nginx/tmp;
	scgi_temp_path $B_DIR/nginx/tmp;
	server {
		listen 127.0.0.1:8080;
		root $www;
	}
}
EOF
ip netns exec "$ns" nginx -p "$B_DIR/nginx" -c "$B_DIR/nginx/nginx.conf" \
	>"$B_DIR/nginx/out" 2>&1 &
pids+=($!)
ng_rps=
if wait_http http://127.0.0.1:8080/ 10; then
	wrk_rows nginx "" http://127.0.0.1:8080/
	ng_rps=$RPS
else
	echo "bench/http: nginx did not serve: $(tail -2 "$B_DIR/nginx/error.log")" >&2
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print 0 }'; }
if [ -n "$ng_rps" ]; then
	[ -n "$kvm_rps" ] && row http httpreply_kvm-x86_64 \
		"req_per_s${kvm_sfx}_vs_nginx" "$(ratio "$kvm_rps" "$ng_rps")" ratio
	[ -n "$lx_rps" ] && row http httpreply_linuxu-x86_64 \
		req_per_s_vs_nginx "$(ratio "$lx_rps" "$ng_rps")" ratio
fi
exit 0
