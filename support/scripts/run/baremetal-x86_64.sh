# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on x86_64: a PC. QEMU boots <image>.iso from its CD-ROM drive
# with SeaBIOS, and GRUB starts the image through multiboot: no -kernel.
# Arguments (ARGS) other than the ones built into the ISO
# (CONFIG_BAREMETAL_PC_CMDLINE) need a new ISO: one is made in a temporary
# folder. So does an initrd (--initrd/UK_INITRD): a second multiboot module,
# beside the built-in command line when no ARGS are given. Sourced by
# uk-run ($img, $debug, $dry, run_cmd, kvm_usable).
#
# env: UK_MACHINE=pc|q35 (default pc), UK_ACCEL=kvm|tcg (default: kvm when
#      /dev/kvm works; note that a software KVM emulates SeaBIOS and GRUB
#      instruction by instruction, which takes about a minute), UK_MEM
#      (default 64M), UK_QEMU_EXTRA.
# Exit status: as for kvm (x86_qemu_run of kvm-x86_64.sh).

x86_pc_iso() {
	local iso=$img.iso
	[ -f "$iso" ] || { echo "error: no $iso: run 'make' first" >&2; exit 2; }
	if [ -n "$initrd" ] && [ -z "$cmdline" ]; then
		local conf
		conf=$(dirname "$img")/include/config/auto.conf
		[ ! -f "$conf" ] || cmdline=$(sed -n \
			's/^CONFIG_BAREMETAL_PC_CMDLINE="\(.*\)"$/\1/p' "$conf" |
			sed 's/\\\(.\)/\1/g')
	fi
	if [ -n "$cmdline" ] || [ -n "$initrd" ]; then
		tmpdir=$(mktemp -d)
		trap 'rm -rf "$tmpdir"' EXIT
		iso=$tmpdir/${img##*/}.iso
		"$UK_ROOT/plat/baremetal/x86_64/mkiso" "$iso" "$img.multiboot" \
			"$cmdline" "$initrd" || exit 2
	fi
	local machine=${UK_MACHINE:-pc} accel=tcg
	if kvm_usable; then accel=kvm; fi
	case $machine in
	pc|q35) ;;
	*) echo "error: UK_MACHINE=$machine: pc or q35" >&2; exit 2 ;;
	esac
	qemu=(qemu-system-x86_64 -nodefaults -no-user-config -display none
		-serial stdio -no-reboot -accel "$accel" -m "${UK_MEM:-64M}"
		-M "$machine" -device isa-debug-exit,iobase=0xf4,iosize=0x04
		-cdrom "$iso" -boot d)
	# shellcheck disable=SC2206
	qemu+=(${UK_QEMU_EXTRA:-})
}

# shellcheck source=kvm-x86_64.sh
. "$here/run/kvm-x86_64.sh"
UK_ROOT=${UK_ROOT:-$(cd "$here/../.." && pwd)}
guest_cmdline 0 "" "$@"
x86_pc_iso
x86_qemu_run
