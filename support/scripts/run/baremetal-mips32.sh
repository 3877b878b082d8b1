# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on mips32 (big-endian) or, sourced by baremetal-mips32el.sh, on
# mips32el: the MIPS Malta board under QEMU (TCG). The image is the ELF
# linked at 0x80100000; arguments become the boot command line (-append),
# each quoted so that the image gives them back as they were. QEMU's boot
# stub copies -append through a 256-byte slot: at most 254 bytes here.
# --initrd is QEMU's -initrd: the stub then writes "rd_start=0x<16 hex
# digits> rd_size=<bytes> " into the same slot first (up to 47 bytes),
# and the platform takes those two words off.
#
# Exit status: QEMU is always started with -semihosting and -no-reboot.
# - An image built with CONFIG_MALTA_SEMIHOSTING_EXIT leaves through UHI
#   exit(status): QEMU's exit code is the status (125 for a crash).
# - Otherwise status 0 powers off (QEMU exits 0) and anything else resets
#   the board (QEMU exits 0 too, because of -no-reboot) after a last line
#   "malta: exit status N" or "malta: crash": this script turns that line
#   into N or 125 (UKPLAT_STATUS_CRASH).
: "${qemu_sys:=qemu-system-mips}"
need_cmd "$qemu_sys" qemu-system-mips

if [ -n "$initrd" ]; then
	guest_cmdline $((254 - 47)) \
		"QEMU's Malta boot stub (-append, after its initrd words)" "$@"
else
	guest_cmdline 254 "QEMU's Malta boot stub (-append)" "$@"
fi
qemu=("$qemu_sys" -M malta -m "${UK_MEM:-64M}" -nodefaults -no-user-config
	-display none -serial stdio -no-reboot
	-semihosting-config enable=on,target=native
	-kernel "$img" -append "$cmdline")
[ -n "$initrd" ] && qemu+=(-initrd "$initrd")
# shellcheck disable=SC2206
[ -n "${UK_QEMU_EXTRA:-}" ] && qemu+=($UK_QEMU_EXTRA)

if [ "$debug" = 1 ]; then
	gdb_hint gdb-multiarch
	qemu+=(-s -S)
fi
if [ "$debug" = 1 ] || [ "$dry" = 1 ]; then
	run_cmd "${qemu[@]}"
	exit 0
fi

# Copy the console through, remembering the platform's last status line.
last_status=
filter() {
	local line
	while IFS= read -r line || [ -n "$line" ]; do
		printf '%s\n' "$line"
		case ${line%$'\r'} in
		"malta: exit status "*) last_status=${line#malta: exit status } ;;
		"malta: crash") last_status=125 ;;
		esac
	done
	echo "${last_status%$'\r'}" >"$status_file"
}
status_file=$(mktemp)
trap 'rm -f "$status_file"' EXIT
set +e
show_cmd "${qemu[@]}"
"${qemu[@]}" | filter
rc=${PIPESTATUS[0]}
set -e
st=$(cat "$status_file")
if [ "$rc" = 0 ] && [ -n "$st" ]; then
	exit $((st & 0xff))
fi
exit "$rc"
