# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for benchmarks: source it first.
set -u
UK_ROOT=${UK_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
UK_BENCH_OUT=${UK_BENCH_OUT:-$UK_ROOT/build/bench}
B_NAME=$(basename "$0" .sh)
B_DIR=$UK_BENCH_OUT/$B_NAME.d
rm -rf "$B_DIR" && mkdir -p "$B_DIR"

# row BENCH IMAGE METRIC VALUE UNIT
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@"; }

# now_ns: monotonic-enough wall clock in ns.
now_ns() { date +%s%N; }

# median_ms CMD...: run CMD 5 times, print the median wall time in ms.
median_ms() {
	local t0 t1 i times=()
	for i in 1 2 3 4 5; do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1
		t1=$(now_ns)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | sed -n 3p |
		awk '{ printf "%.1f", $1 / 1000 }'
}

# app_copy APP: private copy of apps/APP (or of the test program
# tests/apps/APP) in the bench folder.
app_copy() {
	local dst=$B_DIR/$1 src=$UK_ROOT/apps/$1
	[ -d "$src" ] || src=$UK_ROOT/tests/apps/$1
	mkdir -p "$dst"
	cp -r "$src/." "$dst/"
	rm -rf "$dst/build" "$dst/.config"
	sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$dst/Makefile"
	echo "$dst"
}

# kvm_accel PROBE...: sets accel (kvm or tcg) and sfx ("" or _tcg, for
# metric names). kvm only when /dev/kvm is usable and the command PROBE
# (a short run of the bench's own image) succeeds; each fallback is said.
kvm_accel() {
	accel=tcg
	if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
		if "$@" >"$B_DIR/kvm-probe.out" 2>&1; then
			accel=kvm
		else
			echo "bench/$B_NAME: KVM did not run the image: $(tail -2 "$B_DIR/kvm-probe.out"); TCG" >&2
		fi
	else
		echo "bench/$B_NAME: no usable /dev/kvm: kvm-x86_64 under TCG (emulated, not KVM figures)" >&2
	fi
	sfx=
	[ "$accel" = tcg ] && sfx=_tcg
}
