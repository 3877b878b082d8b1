#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld on x86_64 kvm and baremetal: image sizes; wall time from QEMU
# start to exit (median of 5) per machine (pc with qboot and with SeaBIOS,
# q35, microvm; the baremetal ISO with SeaBIOS and GRUB) and accelerator
# (TCG; KVM when /dev/kvm works); the guest's own time from its first
# instruction to main() (TSC, printed by a CONFIG_KVM_X86_BOOT_TIME build;
# per machine at -m 64M, and on pc at -m 2M and 256M);
# the smallest -m each machine boots the image in (bisected in 64 KiB
# steps). This machine's KVM is a software one: its times are emulation.
# Prints: bench<TAB>image<TAB>metric<TAB>value<TAB>unit
. "$(dirname "$0")/lib.sh"
for c in gcc qemu-system-x86_64; do
	command -v "$c" >/dev/null || { echo "boot-x86_64: $c missing" >&2; exit 0; }
done

build() { # APP_DIR CONFIG_LINES...
	local d=$1
	shift
	printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=n "$@" >"$d/defconfig"
	{ make -C "$d" defconfig && make -C "$d" -j2; } \
		>>"$B_DIR/make.log" 2>&1 ||
		{ echo "boot-x86_64: build failed" >&2; tail -5 "$B_DIR/make.log" >&2; exit 1; }
}
app=$(app_copy helloworld)
build "$app" CONFIG_PLAT_KVM=y CONFIG_PLAT_BAREMETAL=y
b=$app/build
timed_app=$B_DIR/boottime/helloworld
mkdir -p "$timed_app"
cp -r "$app/." "$timed_app/" && rm -rf "$timed_app/build" "$timed_app/.config"
build "$timed_app" CONFIG_PLAT_KVM=y CONFIG_KVM_X86_BOOT_TIME=y

img=$b/helloworld_kvm-x86_64
bimg=$b/helloworld_baremetal-x86_64
row boot "${img##*/}" image_bytes "$(stat -c %s "$img")" B
read -r text data bss _ < <(size "$img.dbg" | sed -n 2p)
row boot "${img##*/}" text_data_bss_bytes $((text + data + bss)) B
row boot "${img##*/}.multiboot" image_bytes "$(stat -c %s "$img.multiboot")" B
row boot "${bimg##*/}.iso" image_bytes "$(stat -c %s "$bimg.iso")" B

accels=(tcg)
[ -r /dev/kvm ] && [ -w /dev/kvm ] && accels+=(kvm)

# boot ACCEL MACHINE[/BIOS] IMAGE [MEM [TIMEOUT]]: one boot through uk-run;
# 0 when the greeting came and the status is 0. Output in $B_DIR/boot.out.
boot() {
	local machine=${2%/*} bios=qboot
	[ "$2" = "${2#*/}" ] || bios=${2#*/}
	UK_ACCEL=$1 UK_MACHINE=$machine UK_BIOS=$bios UK_MEM=${4:-64M} \
		timeout "${5:-60}" "$UK_ROOT/support/scripts/uk-run" "$3" \
		</dev/null 2>/dev/null | tr -d '\r' >"$B_DIR/boot.out" &&
		[ "${PIPESTATUS[0]}" = 0 ] && grep -qx 'Hello world!' "$B_DIR/boot.out"
}
timed() { "$@" && median_ms "$@" || echo NaN; }

for accel in "${accels[@]}"; do
	for m in pc q35 microvm pc/seabios; do
		# SeaBIOS alone takes seconds under a software KVM.
		[ "$accel/$m" = kvm/pc/seabios ] && continue
		row boot "${img##*/}" "wall_ms_${accel}_${m/\//_}" \
			"$(timed boot "$accel" "$m" "$img")" ms
		if boot "$accel" "$m" "$timed_app/build/helloworld_kvm-x86_64"; then
			us=$(sed -n 's/^kvm: boot time: entry to main \([0-9]*\) us .*/\1/p' \
				"$B_DIR/boot.out")
			src=$(sed -n 's/.* kHz from the \(.*\))$/\1/p' "$B_DIR/boot.out")
			row boot "${img##*/}" "guest_us_to_main_${accel}_${m/\//_}" \
				"${us:-NaN}" "us (TSC, ${src:-?})"
		fi
	done
	# Entry to main against guest memory (pc; the rows above are 64M):
	# set-up work that grows with memory shows here.
	for mem in 2M 256M; do
		boot "$accel" pc "$timed_app/build/helloworld_kvm-x86_64" "$mem" ||
			continue
		us=$(sed -n 's/^kvm: boot time: entry to main \([0-9]*\) us .*/\1/p' \
			"$B_DIR/boot.out")
		row boot "${img##*/}" "guest_us_to_main_${accel}_pc_m$mem" \
			"${us:-NaN}" us
	done
done
# The PC: SeaBIOS, GRUB from the ISO, then the image (TCG; under the
# software KVM this takes about a minute).
row boot "${bimg##*/}.iso" wall_ms_tcg_pc_seabios_grub \
	"$(timed boot tcg pc "$bimg")" ms

# Smallest -m in KiB (64 KiB steps); a failed boot may hang under KVM.
for accel in "${accels[@]}"; do
	for m in pc q35 microvm; do
		lo=0 hi=65536
		boot "$accel" "$m" "$img" "${hi}K" 20 || { row boot "${img##*/}" \
			"min_mem_kib_${accel}_$m" NaN KiB; continue; }
		while [ $((hi - lo)) -gt 64 ]; do
			mid=$(((lo + hi) / 2 / 64 * 64))
			[ "$mid" -le "$lo" ] && break
			if boot "$accel" "$m" "$img" "${mid}K" 10; then hi=$mid; else lo=$mid; fi
		done
		row boot "${img##*/}" "min_mem_kib_${accel}_$m" "$hi" KiB
	done
done
