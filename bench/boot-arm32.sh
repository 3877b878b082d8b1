#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld on arm32: image sizes, wall time from QEMU start to exit
# (median of 5: qemu-arm-static; QEMU virt on a Cortex-A15 and an A7;
# raspi2b) and the smallest -m the virt image boots in (bisected in 64 KiB
# steps; raspi2b has a fixed 1 GiB). Times under TCG: ratios, not truths.
# Prints: bench<TAB>image<TAB>metric<TAB>value<TAB>unit
. "$(dirname "$0")/lib.sh"
for c in arm-linux-gnueabihf-gcc qemu-system-arm qemu-arm-static; do
	command -v "$c" >/dev/null || { echo "boot-arm32: $c missing" >&2; exit 0; }
done
app=$(app_copy helloworld)
printf '%s\n' CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	CONFIG_PLAT_BAREMETAL=y >"$app/defconfig"
{ make -C "$app" defconfig && make -C "$app" -j2; } >"$B_DIR/make.log" 2>&1 ||
	{ echo "boot-arm32: build failed" >&2; tail -5 "$B_DIR/make.log" >&2; exit 1; }
b=$app/build

virt() { # CPU MEM: one boot, 0 when the greeting came and the status is 0
	timeout 10 qemu-system-arm -M virt -cpu "$1" -m "$2" -nodefaults \
		-no-user-config -display none -serial stdio -semihosting \
		-kernel "$b/helloworld_kvm-arm32" >"$B_DIR/virt.out" 2>&1 &&
		grep -qx 'Hello world!' "$B_DIR/virt.out"
}
pi() {
	timeout 10 qemu-system-arm -M raspi2b -nodefaults -no-user-config \
		-display none -serial stdio -no-reboot -semihosting \
		-kernel "$b/helloworld_baremetal-arm32.img" >"$B_DIR/pi.out" 2>&1 &&
		grep -qx 'Hello world!' "$B_DIR/pi.out"
}
user() {
	timeout 10 qemu-arm-static "$b/helloworld_linuxu-arm32" >"$B_DIR/user.out" 2>&1 &&
		grep -qx 'Hello world!' "$B_DIR/user.out"
}
# timed NAME CMD...: the median, or NaN when the command fails.
timed() {
	"$@" && median_ms "$@" || echo NaN
}

for p in linuxu kvm baremetal; do
	img=$b/helloworld_$p-arm32
	row boot "${img##*/}" image_bytes "$(stat -c %s "$img")" B
	read -r text data bss _ < <(arm-linux-gnueabihf-size "$img.dbg" | sed -n 2p)
	row boot "${img##*/}" text_data_bss_bytes $((text + data + bss)) B
done
row boot helloworld_baremetal-arm32.img image_bytes \
	"$(stat -c %s "$b/helloworld_baremetal-arm32.img")" B

row boot helloworld_linuxu-arm32 wall_ms_qemu_user "$(timed user)" ms
for cpu in cortex-a15 cortex-a7; do
	row boot helloworld_kvm-arm32 "wall_ms_tcg_virt_$cpu" \
		"$(timed virt "$cpu" 64M)" ms
done
row boot helloworld_baremetal-arm32 wall_ms_tcg_raspi2b "$(timed pi)" ms

lo=0 hi=65536
if virt cortex-a15 ${hi}K; then
	while [ $((hi - lo)) -gt 64 ]; do
		mid=$(((lo + hi) / 2 / 64 * 64))
		[ "$mid" -le "$lo" ] && break
		if virt cortex-a15 ${mid}K; then hi=$mid; else lo=$mid; fi
	done
else
	hi=NaN
fi
row boot helloworld_kvm-arm32 min_mem_tcg_virt "$hi" KiB
