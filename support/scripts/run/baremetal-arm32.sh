# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on arm32: the Raspberry Pi 2 as QEMU models it (raspi2b, TCG).
# Boots the raw kernel7.img copy (IMAGE.img) when there is one: an ELF gets
# no boot data. Arguments are quoted one by one (support/scripts/args.sh)
# and reach the image in a device tree's /chosen/bootargs: a minimal one,
# IMAGE.args.dtb, made with dtc, which QEMU completes with the memory and
# -append. Without -dtb QEMU writes the line into ATAGS at 0x100, where its
# secondary cores' boot code (at 0x300) overwrites a line longer than
# about 460 bytes; the image refuses such a line.
#
# Exit status: with CONFIG_BAREMETAL_ARM32_SEMIHOSTING (the default) the
# guest's status through semihosting SYS_EXIT_EXTENDED (125 = crash);
# otherwise the guest asks the firmware to halt (PM_RSTS boot partition
# 63, then a watchdog reset), on which QEMU exits 0; -no-reboot stays as a
# guard against an image that resets the board any other way.
# env: UK_QEMU_EXTRA (more QEMU options)
need_cmd qemu-system-arm qemu-system-arm

kernel=$img
[ -f "$img.img" ] && kernel=$img.img
# The board has 1 GiB; QEMU's raspi2b accepts no other -m.
qemu=(qemu-system-arm -M raspi2b -nodefaults -no-user-config -display none
	-serial stdio -no-reboot -kernel "$kernel")
no_initrd "the Raspberry Pi 2 image takes no initrd yet (README: An initrd)"
guest_cmdline 0 "" "$@"
if [ $# -gt 0 ]; then
	need_cmd dtc device-tree-compiler
	if [ ! -f "$img.args.dtb" ]; then
		printf '%s\n' '/dts-v1/;' '/ {' '#address-cells = <1>;' \
			'#size-cells = <1>;' 'chosen { };' \
			'memory { device_type = "memory"; reg = <0 0x40000000>; };' \
			'};' | dtc -q -I dts -O dtb -o "$img.args.dtb.$$" - &&
			mv -f "$img.args.dtb.$$" "$img.args.dtb" || {
			echo "error: dtc cannot make $img.args.dtb" >&2
			exit 2
		}
	fi
	qemu+=(-dtb "$img.args.dtb" -append "$cmdline")
fi
image_config BAREMETAL_ARM32_SEMIHOSTING && qemu+=(-semihosting)
# shellcheck disable=SC2206
qemu+=(${UK_QEMU_EXTRA:-})
if [ "$debug" = 1 ]; then
	gdb_hint gdb-multiarch
	qemu+=(-s -S)
fi
run_cmd "${qemu[@]}"
