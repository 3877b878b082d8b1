#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/apps/unittests built with newlib, so that lib/pthread, lib/mman
# and lib/sysinfo are in (imply ... if LIBNEWLIB), booted with
# suite=pthread,mman,sysinfo,signal on linuxu and kvm (TCG) x86_64, linuxu
# and kvm arm32, linuxu and baremetal mips32 (the signal suite: SIGALRM
# during a pipe read, nanosleep, sem_wait, cond_wait). Each boot must
# print "uktest: N passed, 0 failed" with N at least the cases of the four
# suites, and exit 0. fork's ENOSYS must be logged once, not twice.
# UK_PTHREAD_ARCHES (default "x86_64 arm32 mips32") picks the builds.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm qemu-system-mips qemu-arm-static \
	qemu-mips-static arm-linux-gnueabihf-gcc mips-linux-gnu-gcc

arches=${UK_PTHREAD_ARCHES:-x86_64 arm32 mips32}
declare -A cfg=(
	[x86_64]="CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y"
	[arm32]="CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y"
	[mips32]="CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y"
)
for a in $arches; do
	[ -n "${cfg[$a]:-}" ] || fail "UK_PTHREAD_ARCHES: unknown arch '$a' (x86_64 arm32 mips32)"
	app=$(app_copy unittests "$T_DIR/$a/unittests")
	# shellcheck disable=SC2086
	config "$app" ${cfg[$a]} CONFIG_LIBNEWLIB=y
	for s in LIBPTHREAD LIBMMAN LIBSYSINFO; do
		grep -qx "CONFIG_$s=y" "$app/.config" ||
			fail "$a: CONFIG_$s not set by defconfig (unittests' Config.uk)"
	done
	mk "$app" -j2 || fail "$a: build failed: $(grep -m3 -i error "$T_DIR/make.log")"
done
grep -i 'warning:' "$T_DIR/make.log" | head -3 | grep . &&
	fail "compiler warnings: $(grep -m1 -i 'warning:' "$T_DIR/make.log")"

# The number of test cases of the four suites, from their sources.
min=$(cat "$UK_ROOT"/lib/{pthread,mman,sysinfo,signal}/tests/*.c | grep -c '^UK_TESTCASE(')
boots="linuxu-x86_64:x86_64/build/unittests_linuxu-x86_64:
kvm-x86_64:x86_64/build/unittests_kvm-x86_64:UK_ACCEL=tcg UK_MACHINE=microvm
kvm-arm32:arm32/build/unittests_kvm-arm32:
linuxu-arm32:arm32/build/unittests_linuxu-arm32:
linuxu-mips32:mips32/build/unittests_linuxu-mips32:
baremetal-mips32:mips32/build/unittests_baremetal-mips32:"
while IFS=: read -r label img env; do
	a=${img%%/*}
	case " $arches " in *" $a "*) ;; *) continue ;; esac
	out=$T_DIR/$label.out
	# shellcheck disable=SC2086
	env $env timeout --kill-after=5 240 "$UK_ROOT/support/scripts/uk-run" \
		"$T_DIR/$a/unittests/${img#*/}" suite=pthread,mman,sysinfo,signal \
		</dev/null 2>&1 | tr -d '\r' >"$out"
	rc=${PIPESTATUS[0]}
	n=$(sed -n 's/.*uktest: \([0-9]*\) passed, 0 failed.*/\1/p' "$out" | tail -n1)
	[ "$rc" = 0 ] && [ -n "$n" ] && [ "$n" -ge "$min" ] ||
		fail "$label: rc=$rc, expected 'uktest: N passed, 0 failed' with N >= $min: $(grep -m5 -i 'fail\|crash\|error' "$out")"
	[ "$(grep -c 'fork: ENOSYS' "$out")" = 1 ] ||
		fail "$label: 'fork: ENOSYS' logged $(grep -c 'fork: ENOSYS' "$out") times, expected once"
	note "$label: $n passed"
done <<<"$boots"
echo "PASS: pthread, mman, sysinfo, signal suites ($arches)"
