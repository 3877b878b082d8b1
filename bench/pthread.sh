#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lib/pthread against glibc: mutex lock/unlock pairs per second and
# condvar ping-pong round trips per second, from the same C program
# (tests/apps/pthreadbench/main.c) built as a unikernel (newlib, linuxu
# x86_64) and natively (gcc -O2 -pthread); median of 3 runs each, and
# the ratio unikernel/native. A bench, not a test: nothing is asserted.
. "$(dirname "$0")/lib.sh"

app=$(app_copy pthreadbench)
make -C "$app" defconfig >/dev/null 2>&1 &&
	make -C "$app" -j2 >"$B_DIR/pthread-build.log" 2>&1 ||
	{ echo "bench/pthread: unikernel build failed (see $B_DIR/pthread-build.log)" >&2; exit 1; }
native=$B_DIR/pthreadbench-native
gcc -O2 -pthread -o "$native" "$app/main.c" ||
	{ echo "bench/pthread: native build failed" >&2; exit 1; }

median() { sort -n | sed -n 2p; }
measure() { # measure KEY CMD...
	local key=$1
	shift
	for i in 1 2 3; do
		"$@" 2000000 100000 | awk -v k="$key" '$1 == k { print $2 }'
	done | median
}
for key in mutex_pairs_per_s condvar_roundtrips_per_s; do
	u=$(measure $key "$app/build/pthreadbench_linuxu-x86_64")
	n=$(measure $key "$native")
	row pthread pthreadbench_linuxu-x86_64 "$key" "$u" per_s
	row pthread native-glibc "$key" "$n" per_s
	row pthread ratio "${key}_unikernel_over_glibc" \
		"$(awk -v u="$u" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f", u / n }')" ratio
done
