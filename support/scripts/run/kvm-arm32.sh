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
#      virtio-9p-device (virtio-mmio); --initrd/UK_INITRD (below)
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

# ram_bytes SIZE: QEMU's -m size (suffix K, M, G; none is MiB) in bytes.
ram_bytes() {
	local n=${1%[KkMmGg]} u=${1: -1}
	[[ $n =~ ^[0-9]+$ ]] || { echo "error: UK_MEM=$1: a size like 64M" >&2; exit 2; }
	case $u in
	[Kk]) echo $((n << 10)) ;;
	[Gg]) echo $((n << 30)) ;;
	*) echo $((n << 20)) ;;
	esac
}

# The initrd: QEMU's -initrd works only for Linux-style raw images, not
# for this ELF, so it is loaded with the generic loader and named in a
# copy of QEMU's own device tree (/chosen linux,initrd-start/end), at
# RAM + min(RAM/2, 128 MiB) as QEMU places a Linux initrd.
if [ -n "$initrd" ]; then
	need_cmd dtc device-tree-compiler
	ka_ram=$(ram_bytes "${UK_MEM:-64M}")
	ka_size=$(stat -c %s "$initrd")
	ka_off=$((ka_ram / 2))
	[ "$ka_off" -gt $((128 << 20)) ] && ka_off=$((128 << 20))
	ka_addr=$((0x40000000 + ka_off))
	[ $((ka_off + ka_size)) -le "$ka_ram" ] || {
		echo "error: initrd $initrd ($ka_size bytes) does not fit in the" \
			"upper half of ${UK_MEM:-64M} of RAM: raise UK_MEM" >&2
		exit 2
	}
	ka_dtb=$(mktemp "${TMPDIR:-/tmp}/uk-run-arm.XXXXXX")
	[ "$dry" = 1 ] && ka_dtb=$img.initrd.dtb
	"${qemu[@]}" -machine dumpdtb="$ka_dtb.in" >/dev/null 2>&1 || {
		echo "error: qemu-system-arm cannot make the device tree" >&2
		exit 2
	}
	dtc -q -I dtb -O dts "$ka_dtb.in" |
		awk -v s="$ka_addr" -v e="$((ka_addr + ka_size))" '
		/^\tchosen \{/ { inchosen = 1 }
		inchosen && /^\t\};/ {
			printf "\t\tlinux,initrd-start = <0x%x>;\n", s
			printf "\t\tlinux,initrd-end = <0x%x>;\n", e
			inchosen = 0
		}
		{ print }' | dtc -q -I dts -O dtb -o "$ka_dtb" - || {
		echo "error: dtc rejected the device tree" >&2
		exit 2
	}
	rm -f "$ka_dtb.in"
	qemu+=(-dtb "$ka_dtb"
		-device "loader,file=$initrd,addr=$ka_addr,force-raw=on")
fi
if [ "$debug" = 1 ]; then
	gdb_hint gdb-multiarch
	qemu+=(-s -S)
fi
if [ -n "$initrd" ] && [ "$dry" = 0 ]; then
	# Not exec: the device tree is removed after the run.
	show_cmd "${qemu[@]}"
	ka_rc=0
	"${qemu[@]}" || ka_rc=$?
	rm -f "$ka_dtb"
	exit "$ka_rc"
fi
run_cmd "${qemu[@]}"
