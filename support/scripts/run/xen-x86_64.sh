# SPDX-License-Identifier: GPL-2.0-or-later
# xen on x86_64: the PV image runs under Xen 4.17 inside QEMU (TCG) through
# the test bed (support/scripts/xen-testbed): `xl create` from a Linux dom0,
# or, with UK_XEN_DOM0=1, as Xen's initial domain (faster, console through
# HYPERVISOR_console_io). Sourced by uk-run: $img, $debug, $dry, run_cmd
# and the image arguments ("$@") come from there.
#
# env: UK_XEN_DOM0=1 (boot as the initial domain), UK_XEN_PVH=1 (xl
#      boots the same image as a PVH guest), UK_MEM (MiB for xl,
#      default 64), UK_XEN_TIMEOUT (seconds, default 300).
#      As the initial domain, a status 0 halts the machine (Xen leaves
#      ACPI power-off to that domain, which plat/xen does not do): the run
#      then ends at the time-out; nonzero statuses reset it and end at once.
#
# Exit status: Xen only carries a shutdown reason, so the guest prints
# "exit status N" before a nonzero exit (plat/xen/x86_64/setup.c):
#   poweroff                      -> 0
#   crash after "exit status N"   -> N (125 for ukplat_crash())
#   crash without that line       -> 125 (UKPLAT_STATUS_CRASH)
#   reboot, suspend, unknown      -> 125
#   test bed failure or time-out  -> 2
# The command line goes through start_info (PV) or the PVH start info,
# both copied by Xen's toolstack through a 1024-byte buffer
# (MAX_GUEST_CMDLINE), which the image refuses to have filled: 1022 bytes.
guest_cmdline 1022 "Xen's guest command line (MAX_GUEST_CMDLINE)" "$@"
set -- ${cmdline:+"$cmdline"}
xt=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/xen-testbed
if [ "${UK_XEN_DOM0:-0}" = 1 ]; then
	no_initrd "not with UK_XEN_DOM0=1: the initial domain gets no ramdisk from the test bed"
	xt_cmd=("$xt" run-dom0 --quiet-xen --timeout "${UK_XEN_TIMEOUT:-300}"
		"$img" "$@")
else
	# The initrd: ramdisk= in the xl config (start_info's mod_start and
	# mod_len for PV, the first PVH module).
	xt_cmd=("$xt" run-xl ${UK_XEN_PVH:+--pvh} --mem "${UK_MEM:-64}"
		${initrd:+--ramdisk "$initrd"}
		--timeout "${UK_XEN_TIMEOUT:-300}" "$img" "$@")
fi
xt_why="no debugger for Xen guests under the test bed"
dry_run_or_no_debug "$xt_why (Xen runs inside QEMU/TCG)" "${xt_cmd[@]}"
xt_out=$(mktemp "${TMPDIR:-/tmp}/uk-run-xen.XXXXXX")
trap 'rm -f "$xt_out"' EXIT
xt_rc=0
"${xt_cmd[@]}" | tee "$xt_out" || xt_rc=${PIPESTATUS[0]}
[ "$xt_rc" = 0 ] || exit 2
xt_status=$(sed -n 's/^exit status \(-\{0,1\}[0-9]*\)$/\1/p' "$xt_out" | tail -n1)
if [ "${UK_XEN_DOM0:-0}" = 1 ]; then
	# No result line: the status line alone tells (none = 0).
	exit "$(( ${xt_status:-0} & 255 ))"
fi
case $(tail -n1 "$xt_out") in
"XEN-TESTBED: shutdown=poweroff "*) exit 0 ;;
"XEN-TESTBED: shutdown=crash "*) exit "$(( ${xt_status:-125} & 255 ))" ;;
*) exit 125 ;;
esac
