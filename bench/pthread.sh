#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lib/pthread against glibc: mutex lock/unlock pairs per second and
# condvar ping-pong round trips per second, from the same C program
# (tests/apps/pthreadbench/main.c) built as a unikernel (newlib;
# linuxu-x86_64 and kvm-x86_64) and natively (gcc -O2 -pthread). Each of
# PTHREAD_ROUNDS rounds (3) runs the three once, one after the other, so
# that a slow spell of this shared machine hits all of them; a row is
# the median of the rounds, and each unikernel row has its ratio to
# glibc. kvm runs under KVM when /dev/kvm works for the image, else under
# TCG: its metric names end in _tcg then (not KVM figures). A bench, not
# a test: nothing is asserted; a run that fails gives "failed".
. "$(dirname "$0")/lib.sh"

rounds=${PTHREAD_ROUNDS:-3}
[[ $rounds =~ ^[1-9][0-9]*$ ]] ||
	{ echo "bench/pthread: PTHREAD_ROUNDS=$rounds: give a positive integer" >&2; exit 2; }
app=$(app_copy pthreadbench)
printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	>"$app/defconfig"
make -C "$app" defconfig >/dev/null 2>&1 &&
	make -C "$app" -j2 >"$B_DIR/pthread-build.log" 2>&1 ||
	{ echo "bench/pthread: unikernel build failed (see $B_DIR/pthread-build.log)" >&2; exit 1; }
native=$B_DIR/pthreadbench-native
gcc -O2 -pthread -o "$native" "$app/main.c" ||
	{ echo "bench/pthread: native build failed" >&2; exit 1; }
kvm=$app/build/pthreadbench_kvm-x86_64

# kvm_run ACCEL ARGS...: the kvm image under uk-run; status the image's.
kvm_run() {
	local accel=$1
	shift
	UK_ACCEL=$accel timeout --kill-after=5 300 \
		"$UK_ROOT/support/scripts/uk-run" "$kvm" "$@" </dev/null |
		tr -d '\r'
	return "${PIPESTATUS[0]}"
}
kvm_accel kvm_run kvm 1000 100

# run NAME CMD...: one run, output in NAME.ROUND.out.
run() {
	local name=$1 out
	shift
	out=$B_DIR/$name.$round.out
	"$@" 2000000 100000 >"$out" 2>&1 ||
		echo "bench/pthread: $name round $round: status $?: $(tail -2 "$out")" >&2
}
for round in $(seq "$rounds"); do
	run linuxu "$app/build/pthreadbench_linuxu-x86_64"
	run kvm kvm_run "$accel"
	run native timeout 300 "$native"
done

# fig NAME KEY: median over the rounds, or "failed".
fig() {
	local r v vals=()
	for r in $(seq "$rounds"); do
		v=$(awk -v k="$2" '$1 == k { print $2 }' "$B_DIR/$1.$r.out")
		[ -n "$v" ] || { echo failed; return; }
		vals+=("$v")
	done
	printf '%s\n' "${vals[@]}" | sort -g |
		awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() {
	awk -v u="$1" -v n="$2" 'BEGIN {
		if (u ~ /^[0-9.]+$/ && n ~ /^[0-9.]+$/ && n > 0) printf "%.2f", u / n
		else print "failed" }'
}
row pthread pthreadbench_kvm-x86_64 accel "$accel" name
for key in mutex_pairs_per_s condvar_roundtrips_per_s; do
	u=$(fig linuxu $key)
	k=$(fig kvm $key)
	n=$(fig native $key)
	row pthread pthreadbench_linuxu-x86_64 "$key" "$u" per_s
	row pthread pthreadbench_kvm-x86_64 "$key$sfx" "$k" per_s
	row pthread native-glibc "$key" "$n" per_s
	row pthread ratio "${key}_unikernel_over_glibc" "$(ratio "$u" "$n")" ratio
	row pthread ratio "${key}_kvm${sfx}_over_glibc" "$(ratio "$k" "$n")" ratio
done
