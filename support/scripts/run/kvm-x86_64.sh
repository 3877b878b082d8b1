# SPDX-License-Identifier: GPL-2.0-or-later
# kvm on x86_64: QEMU's -kernel boots the ELF64 image through its PVH note
# (or, with UK_KERNEL=multiboot, the ELF32 copy <image>.multiboot through
# QEMU's multiboot loader). Sourced by uk-run: $img, $debug, $dry, run_cmd,
# kvm_usable and the image arguments ("$@") come from there.
#
# env: UK_MACHINE=pc|q35|microvm (default pc), UK_ACCEL=kvm|tcg (default:
#      kvm when /dev/kvm works), UK_MEM (default 64M), UK_BIOS=qboot|seabios
#      (pc and q35; default qboot, which boots much faster),
#      UK_KERNEL=pvh|multiboot, UK_QEMU_EXTRA (more QEMU options),
#      UK_NET (a NIC: the -netdev backend, e.g. "user" for QEMU's user
#      network 10.0.2.0/24 with the gateway 10.0.2.2, or
#      "user,net=10.9.9.0/24", "tap,ifname=tap0,script=no"): virtio-net-pci
#      on pc and q35, virtio-net-device on microvm, with ACPI off there
#      (only then does QEMU list virtio-mmio devices on the command line,
#      on IRQs the 8259 sees); UK_MAC (default 52:54:00:12:34:56).
#      UK_SHARE=DIR, UK_SHARE_TAG (default share): the host folder DIR as
#      a 9p share, on virtio-9p-pci (pc, q35) or virtio-9p-device
#      (microvm, ACPI off as for UK_NET).
#
# Exit status: the image's. It writes status + 1 to isa-debug-exit, and
# QEMU exits with ((status + 1) << 1) | 1, mapped back here: statuses 0 to
# 126 come through (the image turns others into 126); 0 is also ACPI
# power-off. QEMU's own failure (exit code 1, a bad option say) gives 127.
#
# baremetal-x86_64.sh sources this file for x86_qemu_run.

x86_qemu_cmd() {
	local machine=${UK_MACHINE:-pc} accel=tcg kernel=$img
	if kvm_usable; then accel=kvm; fi
	case ${UK_KERNEL:-pvh} in
	pvh) ;;
	multiboot) kernel=$img.multiboot ;;
	*) echo "error: UK_KERNEL=$UK_KERNEL: pvh or multiboot" >&2; exit 2 ;;
	esac
	qemu=(qemu-system-x86_64 -nodefaults -no-user-config -display none
		-serial stdio -no-reboot -accel "$accel" -m "${UK_MEM:-64M}")
	case $machine in
	pc|q35)
		qemu+=(-M "$machine")
		case ${UK_BIOS:-qboot} in
		qboot) qemu+=(-bios /usr/share/qemu/qboot.rom) ;;
		seabios) ;;
		*) echo "error: UK_BIOS=$UK_BIOS: qboot or seabios" >&2; exit 2 ;;
		esac ;;
	microvm)
		# The legacy devices the image uses: COM1, PIT, PIC, RTC.
		local acpi=
		[ -n "${UK_NET:-}${UK_SHARE:-}" ] && acpi=,acpi=off
		qemu+=(-M "microvm,isa-serial=on,pit=on,pic=on,rtc=on$acpi") ;;
	*)
		echo "error: UK_MACHINE=$machine: pc, q35 or microvm" >&2
		exit 2 ;;
	esac
	qemu+=(-device isa-debug-exit,iobase=0xf4,iosize=0x04
		-kernel "$kernel" -append "$cmdline")
	# The first multiboot module or PVH module: the initrd. QEMU's
	# multiboot loader splits -initrd at commas (one module each).
	if [ -n "$initrd" ]; then
		[[ $initrd == *,* ]] && [ "${UK_KERNEL:-pvh}" = multiboot ] &&
			no_initrd "$initrd: a comma in the path splits QEMU's multiboot module list"
		qemu+=(-initrd "$initrd")
	fi
	if [ -n "${UK_NET:-}" ]; then
		local nic=virtio-net-pci
		[ "$machine" = microvm ] && nic=virtio-net-device
		qemu+=(-netdev "$UK_NET,id=n0"
			-device "$nic,netdev=n0,mac=${UK_MAC:-52:54:00:12:34:56}")
	fi
	if [ "$machine" = microvm ]; then
		share_qemu virtio-9p-device
	else
		share_qemu virtio-9p-pci
	fi
	# shellcheck disable=SC2206
	qemu+=(${UK_QEMU_EXTRA:-})
}

# x86_qemu_run: run "${qemu[@]}" (or print it, or wait for gdb) and exit
# with the image's status.
x86_qemu_run() {
	if [ "$dry" = 1 ]; then
		run_cmd "${qemu[@]}"
		exit 0
	fi
	if [ "$debug" = 1 ]; then
		echo "uk-run: QEMU waits for gdb on localhost:1234; attach with:" >&2
		echo "  gdb -ex 'target remote localhost:1234' -ex 'hbreak main'" \
			"-ex continue $img.dbg" >&2
		run_cmd "${qemu[@]}" -s -S
	fi
	local rc=0
	show_cmd "${qemu[@]}"
	"${qemu[@]}" || rc=$?
	# 0: ACPI power-off. 1: QEMU failed (it said why on stderr). Odd
	# from 3: isa-debug-exit, ((status + 1) << 1) | 1.
	if [ "$rc" = 1 ]; then
		echo "uk-run: ${qemu[0]} failed (exit code 1): see its message above" >&2
		rc=127
	elif [ $((rc & 1)) -eq 1 ]; then
		rc=$(((rc >> 1) - 1))
	fi
	exit "$rc"
}

if [ "$plat" = kvm ]; then
	guest_cmdline 0 "" "$@"
	x86_qemu_cmd
	x86_qemu_run
fi
