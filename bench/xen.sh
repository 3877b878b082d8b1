#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld as a Xen PV guest (x86_64), under Xen 4.17 in QEMU/TCG
# (support/scripts/xen-testbed): image size; the whole run-xl wall time
# (QEMU + Xen + dom0 boot + xl create + shutdown: mostly the test bed);
# dom0's uptime from `xl create` to xl's exit (guest boot, run and
# shutdown plus the test bed's console drain, which polls in 0.5 s steps:
# an upper bound, not the guest's boot time); the smallest `memory =` (MiB,
# of 4, 8, 16, 32) with which the guest boots and powers off; the time
# from `xl create` to the guest's first console line, PV and PVH (dom0
# prints a marker on the guest console's serial line just before `xl
# create`; both lines stamped on the host as they arrive: domain build,
# guest boot, xenconsoled and the test bed's console relay).
# Everything runs under TCG emulation: times are not those of real hardware.
# Prints: bench<TAB>image<TAB>metric<TAB>value<TAB>unit
. "$(dirname "$0")/lib.sh"
command -v qemu-system-x86_64 >/dev/null ||
	{ echo "xen: qemu-system-x86_64 missing" >&2; exit 0; }
xt=$UK_ROOT/support/scripts/xen-testbed
"$xt" prepare >"$B_DIR/prepare.log" 2>&1 ||
	{ echo "xen: xen-testbed prepare failed" >&2; exit 1; }

app=$(app_copy helloworld)
printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=n CONFIG_PLAT_XEN=y \
	>"$app/defconfig"
{ make -C "$app" defconfig && make -C "$app" -j2; } >"$B_DIR/make.log" 2>&1 ||
	{ echo "xen: build failed" >&2; tail -5 "$B_DIR/make.log" >&2; exit 1; }
img=$app/build/helloworld_xen-x86_64
name=${img##*/}
row xen "$name" image_bytes "$(stat -c %s "$img")" B
read -r text data bss _ < <(size "$img.dbg" | sed -n 2p)
row xen "$name" text_data_bss_bytes $((text + data + bss)) B

# run MEM: one boot, output in $B_DIR/mem$MEM.{out,log}, wall ms in .ms
run() {
	local t0
	t0=$(now_ns)
	"$xt" run-xl --mem "$1" --timeout 240 --log "$B_DIR/mem$1.log" "$img" \
		>"$B_DIR/mem$1.out" 2>"$B_DIR/mem$1.err"
	echo $((($(now_ns) - t0) / 1000000)) >"$B_DIR/mem$1.ms"
}
# Two boots at a time (two cores).
run 16 & run 4 & wait
run 8 & run 32 & wait

ok() { [ "$(tail -n1 "$B_DIR/mem$1.out" 2>/dev/null)" = \
	"XEN-TESTBED: shutdown=poweroff code=0" ]; }
if ok 16; then
	row xen "$name" wall_ms_run_xl_tcg "$(cat "$B_DIR/mem16.ms")" ms
	# dom0 uptime stamps: "xen-testbed-dom0: [T] xl create" ... "rc=".
	log=$(tr -d '\r' <"$B_DIR/mem16.log")
	t0=$(sed -n 's/^xen-testbed-dom0: \[\([0-9.]*\)\] xl create$/\1/p' <<<"$log")
	t1=$(sed -n 's/^xen-testbed-dom0: \[\([0-9.]*\)\] xl create: rc=.*/\1/p' <<<"$log")
	if [ -n "$t0" ] && [ -n "$t1" ]; then
		row xen "$name" xl_create_to_exit_ms_tcg_upper_bound \
			"$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 }')" ms
	fi
fi
for m in 4 8 16 32; do
	if ok $m; then
		row xen "$name" min_memory_xl_of_4_8_16_32 "$m" MiB
		break
	fi
done

# first TYPE: one run with the test bed's "xl create" marker; every line
# of its console stamped with the host's clock (us) in $B_DIR/first-TYPE.ts.
stamp() { while IFS= read -r l; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$l"; done; }
first() {
	local opt=
	[ "$1" = pv ] || opt=--pvh
	XEN_TESTBED_MARK=1 "$xt" run-xl $opt --mem 16 --timeout 240 \
		--log "$B_DIR/first-$1.log" "$img" 2>/dev/null | stamp >"$B_DIR/first-$1.ts"
}
first pv & first pvh & wait
for t in pv pvh; do
	f=$B_DIR/first-$t.ts
	t0=$(sed -n 's/^\([0-9]*\) XEN-TESTBED: xl create$/\1/p' "$f" | head -n1)
	t1=$(sed -n '/ XEN-TESTBED: xl create$/{n;s/^\([0-9]*\) .*/\1/p;q}' "$f")
	if [ -n "$t0" ] && [ -n "$t1" ] &&
		grep -q ' XEN-TESTBED: shutdown=poweroff code=0$' "$f"; then
		row xen "$name" "xl_create_to_first_line_ms_tcg_$t" \
			"$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) / 1000 }')" ms
	fi
done
