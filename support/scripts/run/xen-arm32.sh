# SPDX-License-Identifier: GPL-2.0-or-later
# xen on arm32: Xen on Arm boots <image>.zImage through `xl create` with
# the configuration make writes beside it (<image>.xl). This host has no
# Xen for Arm to run it under (Debian ships Xen for amd64 and arm64 only;
# it needs an Armv7-A host with the virtualization extensions, or an arm64
# Xen whose CPUs run AArch32 at EL1), so this prints how to boot it on
# such a host and exits 2. Sourced by uk-run: $img, $debug, $dry, run_cmd
# and the image arguments ("$@") come from there.
xl_cfg=$img.xl
[ -f "$xl_cfg" ] && [ -f "$img.zImage" ] || {
	echo "error: $img.xl or $img.zImage missing: run 'make' first" >&2
	exit 2
}
# xl takes KEY=VALUE after the file: the arguments replace the cmdline.
xl_cmd=(xl create -c "$xl_cfg")
[ $# -eq 0 ] || xl_cmd+=("cmdline=\"$(quote_args "$@")\"")
if [ "$dry" = 1 ]; then
	run_cmd "${xl_cmd[@]}"
	exit 0
fi
{
	echo "uk-run: no Xen for Arm here; on an Arm Xen host (dom0), with"
	echo "  $img.zImage and $xl_cfg copied there (fix kernel = \"...\"):"
	printf '  '
	printf '%q ' "${xl_cmd[@]}"
	echo
	echo "Status 0 powers the domain off; any other status (printed as"
	echo "\"exit status N\" first) crashes it, and on_crash = \"preserve\""
	echo "keeps it for 'xl dump-core'."
	[ "$debug" = 0 ] || echo "(--debug: attach gdbsx to the domain there)"
} >&2
exit 2
