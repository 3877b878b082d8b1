# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on arm32: the Raspberry Pi 2 as QEMU models it (raspi2b, TCG).
# Boots the raw kernel7.img copy (IMAGE.img) when there is one: QEMU hands
# a raw image ATAGS with the command line, an ELF gets none. Arguments are
# quoted one by one (support/scripts/args.sh): the guest splits them back.
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
# QEMU writes the whole line into ATAGS (below the image at 0x10000).
guest_cmdline 0 "" "$@"
[ $# -gt 0 ] && qemu+=(-append "$cmdline")
image_config BAREMETAL_ARM32_SEMIHOSTING && qemu+=(-semihosting)
# shellcheck disable=SC2206
qemu+=(${UK_QEMU_EXTRA:-})
if [ "$debug" = 1 ]; then
	gdb_hint gdb-multiarch
	qemu+=(-s -S)
fi
run_cmd "${qemu[@]}"
