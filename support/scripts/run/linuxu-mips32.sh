# SPDX-License-Identifier: GPL-2.0-or-later
# linuxu on mips32 (big-endian) or, sourced by linuxu-mips32el.sh, on
# mips32el: a static o32 executable run by QEMU's user-mode emulator, called
# explicitly (no binfmt_misc needed). The exit status is the process's.
: "${qemu_user:=qemu-mips-static}"
command -v "$qemu_user" >/dev/null || {
	echo "error: $qemu_user not found: install qemu-user-static" \
		"(support/scripts/install-deps)" >&2
	exit 2
}
check_argc "$@"
# The initrd goes through the environment: argv stays the user's.
[ -n "$initrd" ] && export UK_INITRD=$initrd
if [ "$debug" = 1 ]; then
	echo "gdb server on localhost:1234; in another terminal:" >&2
	echo "  gdb-multiarch -ex 'target remote localhost:1234' $img.dbg" >&2
	run_cmd "$qemu_user" -g 1234 "$img" "$@"
fi
run_cmd "$qemu_user" "$img" "$@"
