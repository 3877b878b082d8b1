#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Context switches per second of ukschedcoop (two threads yielding to
# each other, bench=sched in tests/apps/unittests) on linuxu-x86_64 and, under
# TCG, kvm-x86_64 (microvm); median of 3 runs. Then the CPU time (user +
# sys) linuxu-x86_64 burns while its only thread sleeps 1 s (bench=idle):
# the idle thread sleeps in the kernel, so it should be near 0 (it spun
# on the clock before plat/linuxu had its own idle: ~0.4 s here).
. "$(dirname "$0")/lib.sh"

app=$(app_copy unittests)
printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	>"$app/defconfig"
make -C "$app" defconfig >/dev/null && make -C "$app" -j2 >/dev/null ||
	{ echo "bench/sched: build failed" >&2; exit 1; }

median() { sort -n | sed -n 2p; }
v=$(for i in 1 2 3; do
	"$app/build/unittests_linuxu-x86_64" suite=none bench=sched \
		switches=2000000 | awk '$2 == "ctx_switches" { print $3 }'
done | median)
row sched unittests_linuxu-x86_64 ctx_switches "$v" switches/s
v=$(for i in 1 2 3; do
	UK_ACCEL=tcg UK_MACHINE=microvm timeout 60 \
		"$UK_ROOT/support/scripts/uk-run" \
		"$app/build/unittests_kvm-x86_64" suite=none bench=sched \
		switches=1000000 </dev/null 2>/dev/null | tr -d '\r' |
		awk '$2 == "ctx_switches" { print $3 }'
done | median)
row sched unittests_kvm-x86_64 ctx_switches_tcg_microvm "$v" switches/s
v=$(for i in 1 2 3; do
	TIMEFORMAT='%U %S'
	{ time "$app/build/unittests_linuxu-x86_64" suite=none bench=idle \
		idle_ms=1000 >/dev/null; } 2>&1 | awk '{ printf "%d\n", ($1 + $2) * 1000 }'
done | median)
row sched unittests_linuxu-x86_64 idle_cpu_per_1s_sleep "$v" ms
