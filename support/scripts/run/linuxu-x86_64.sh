# SPDX-License-Identifier: GPL-2.0-or-later
# linuxu on x86_64: the image is a static Linux executable.
check_argc "$@"
if [ "$debug" = 1 ]; then
	run_cmd gdb --args "$img.dbg" "$@"
fi
run_cmd "$img" "$@"
