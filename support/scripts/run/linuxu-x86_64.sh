# SPDX-License-Identifier: GPL-2.0-or-later
# linuxu on x86_64: the image is a static Linux executable.
check_argc "$@"
# The initrd goes through the environment: argv stays the user's.
[ -n "$initrd" ] && export UK_INITRD=$initrd
if [ "$debug" = 1 ]; then
	run_cmd gdb --args "$img.dbg" "$@"
fi
run_cmd "$img" "$@"
