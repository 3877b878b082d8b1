# SPDX-License-Identifier: GPL-2.0-or-later
# linuxu on arm32: a static EABI hard-float executable run by QEMU's
# user-mode emulator, called explicitly (binfmt_misc need not be mounted).
# The exit status is the process's.
command -v qemu-arm-static >/dev/null || {
	echo "error: qemu-arm-static not found: install qemu-user-static" \
		"(support/scripts/install-deps)" >&2
	exit 2
}
check_argc "$@"
# The initrd goes through the environment: argv stays the user's.
[ -n "$initrd" ] && export UK_INITRD=$initrd
if [ "$debug" = 1 ]; then
	echo "gdb server on localhost:1234; in another terminal:" >&2
	echo "  gdb-multiarch -ex 'target remote localhost:1234' $img.dbg" >&2
	run_cmd qemu-arm-static -g 1234 "$img" "$@"
fi
run_cmd qemu-arm-static "$img" "$@"
