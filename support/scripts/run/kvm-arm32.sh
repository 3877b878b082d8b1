# SPDX-License-Identifier: GPL-2.0-or-later
# kvm on arm32: QEMU's virt machine under TCG (this host has no arm KVM).
# The ELF is loaded at its link address and finds the DTB at the start of
# RAM; the arguments become the DTB's /chosen/bootargs, which the guest
# splits back into the same words (support/scripts/args.sh).
#
# Exit status: with CONFIG_KVM_ARM32_SEMIHOSTING (the default) the guest
# exits through semihosting SYS_EXIT_EXTENDED and QEMU's status is the
# guest's (125 = crash); otherwise PSCI SYSTEM_OFF always gives 0.
# env: UK_CPU (cortex-a15, cortex-a7, ...), UK_MEM (64M), UK_QEMU_EXTRA,
#      UK_NET (a virtio-net-device NIC on virtio-mmio: the -netdev backend,
#      e.g. "user" for QEMU's user network 10.0.2.0/24, gateway 10.0.2.2),
#      UK_MAC (default 52:54:00:12:34:56), UK_SHARE=DIR and UK_SHARE_TAG
#      (default share): the host folder DIR as a 9p share on
#      virtio-9p-device (virtio-mmio)
need_cmd qemu-system-arm qemu-system-arm

qemu=(qemu-system-arm -M virt -cpu "${UK_CPU:-cortex-a15}"
	-m "${UK_MEM:-64M}" -nodefaults -no-user-config -display none
	-serial stdio -kernel "$img")
guest_cmdline 0 "" "$@"
[ $# -gt 0 ] && qemu+=(-append "$cmdline")
image_config KVM_ARM32_SEMIHOSTING && qemu+=(-semihosting)
[ -n "${UK_NET:-}" ] && qemu+=(-netdev "$UK_NET,id=n0"
	-device "virtio-net-device,netdev=n0,mac=${UK_MAC:-52:54:00:12:34:56}")
share_qemu virtio-9p-device
# shellcheck disable=SC2206
qemu+=(${UK_QEMU_EXTRA:-})
if [ "$debug" = 1 ]; then
	gdb_hint gdb-multiarch
	qemu+=(-s -S)
fi
run_cmd "${qemu[@]}"
