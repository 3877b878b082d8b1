# SPDX-License-Identifier: GPL-2.0-or-later
# xen on arm32: Xen on Arm boots <image>.zImage. On an Arm Xen host that is
# `xl create -c <image>.xl` (make writes it). Here, Debian's Xen 4.17 for
# arm64 runs inside qemu-system-aarch64 (TCG, virt with EL2 and a GICv2)
# and starts the image itself at boot as a dom0less domain (AArch32 EL1):
# no dom0, no xl, no console ring; the guest prints through console_io,
# which Xen allows dom0less domains, as "(d1) ..." lines on its console.
# Sourced by uk-run: $img, $debug, $dry, run_cmd and the image arguments
# ("$@") come from there.
#
# env: UK_XEN_ARM64 (Xen's arm64 Image; by default Debian's
#      xen-hypervisor-4.17-arm64, fetched once with apt into
#      ~/.cache/unicore/xen-arm64), UK_MEM (MiB for the domain, default
#      32), UK_XEN_TIMEOUT (seconds, default 120), UK_XEN_LOG (keep Xen's
#      whole console output in this file).
#
# Exit status: the guest prints "exit status N" before it shuts down
# (plat/xen/arm32/setup.c; always, as a dom0less domain has no toolstack
# to report it): N (125 for ukplat_crash()); a Xen panic, no status line
# before the time-out, or a missing tool -> 2.
need_cmd qemu-system-aarch64 qemu-system-arm
# Xen stops before its first line on a module's bootargs longer than 1024
# bytes (its BOOTMOD_MAX_CMDLINE).
no_initrd "Xen on Arm guests take no initrd yet (README: An initrd)"
guest_cmdline 1024 "Xen on Arm's dom0less bootargs (BOOTMOD_MAX_CMDLINE)" "$@"
need_cmd dtc device-tree-compiler
z=$img.zImage
[ -f "$z" ] || {
	echo "error: $z missing: run 'make' first" >&2
	exit 2
}
xa_cache=${UNICORE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/unicore}/xen-arm64
xa_deb=xen-hypervisor-4.17-arm64

# Debian's arm64 Xen, with a private apt state (arm64 lists in the cache
# folder): the host's apt configuration and architectures stay as they are.
xa_fetch() {
	local d=$xa_cache/apt
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/deb"
	: >"$d/status"
	cat >"$d/apt.conf" <<-EOF
		APT::Architecture "arm64";
		APT::Architectures { "arm64"; };
		Dir::State::Lists "$d/lists";
		Dir::State::status "$d/status";
		Dir::Cache "$d/cache";
		APT::Sandbox::User "root";
		Debug::NoLocking "1";
	EOF
	echo "uk-run: fetching $xa_deb (once, into $xa_cache)" >&2
	(
		export APT_CONFIG=$d/apt.conf
		apt-get update -qq >/dev/null &&
			cd "$d/deb" && apt-get download -qq "$xa_deb" >/dev/null
	) 2>"$d/apt.log" || return 1
	dpkg -x "$d"/deb/"$xa_deb"_*.deb "$d/root" &&
		cp "$d"/root/boot/xen-4.17-arm64 "$xa_cache/xen"
}
xen=${UK_XEN_ARM64:-$xa_cache/xen}
if [ ! -f "$xen" ] && [ -z "${UK_XEN_ARM64:-}" ] && ! xa_fetch; then
	echo "error: cannot fetch $xa_deb (see $xa_cache/apt/apt.log); set" \
		"UK_XEN_ARM64 to Xen's arm64 Image, or boot on an Arm Xen host:" >&2
	echo "  xl create -c $img.xl" >&2
	exit 2
fi
[ -f "$xen" ] || {
	echo "error: no Xen image $xen" >&2
	exit 2
}

# QEMU's device tree for this machine, plus what Xen reads from /chosen:
# its command line and domU1 (the zImage, loaded by QEMU at 0x50000000).
xa_machine=(-M virt,virtualization=on,gic-version=2 -cpu cortex-a57 -smp 1
	-m 1G)
xa_tmp=$(mktemp -d "${TMPDIR:-/tmp}/uk-run-xen-arm.XXXXXX")
trap 'rm -rf "$xa_tmp"' EXIT
qemu-system-aarch64 "${xa_machine[@]}" -display none -nodefaults \
	-machine dumpdtb="$xa_tmp/virt.dtb" >/dev/null 2>&1 || {
	echo "error: qemu-system-aarch64 cannot make the device tree" >&2
	exit 2
}
# A DT string: backslashes and double quotes escaped.
dt_str() {
	local s=${1//\\/\\\\}
	printf '"%s"' "${s//\"/\\\"}"
}
# After the last property of /chosen, before its end. The strings go
# through the environment: awk -v would take their backslashes as escapes.
dtc -q -I dtb -O dts "$xa_tmp/virt.dtb" |
	XA_XEN_ARGS=$(dt_str "console=dtuart dtuart=/pl011@9000000 guest_loglvl=all") \
	XA_ARGS=$(dt_str "$cmdline") awk \
	-v mem=$((${UK_MEM:-32} * 1024)) -v size="$(stat -c %s "$z")" '
	BEGIN { xen_args = ENVIRON["XA_XEN_ARGS"]; args = ENVIRON["XA_ARGS"] }
	/^\tchosen \{/ { inchosen = 1 }
	inchosen && /^\t\};/ {
		print "\t\txen,xen-bootargs = " xen_args ";"
		print "\t\tdomU1 {"
		print "\t\t\tcompatible = \"xen,domain\";"
		print "\t\t\t#address-cells = <0x02>;"
		print "\t\t\t#size-cells = <0x01>;"
		printf "\t\t\tmemory = <0x00 0x%x>;\n", mem
		print "\t\t\tcpus = <0x01>;"
		print "\t\t\tmodule@50000000 {"
		print "\t\t\t\tcompatible = \"multiboot,kernel\", \"multiboot,module\";"
		printf "\t\t\t\treg = <0x00 0x50000000 0x%x>;\n", size
		print "\t\t\t\tbootargs = " args ";"
		print "\t\t\t};"
		print "\t\t};"
		inchosen = 0
	}
	{ print }' >"$xa_tmp/xen.dts"
dtc -q -I dts -O dtb -o "$xa_tmp/xen.dtb" "$xa_tmp/xen.dts" || {
	echo "error: dtc rejected the device tree ($xa_tmp/xen.dts)" >&2
	exit 2
}
# --dry-run: beside the image, so that the command works as printed. A run
# keeps its own: runs of one image side by side have other arguments.
xa_dtb=$xa_tmp/xen.dtb
if [ "$dry" = 1 ]; then
	xa_dtb=$img.dom0less.dtb
	cp "$xa_tmp/xen.dtb" "$xa_dtb"
fi
qemu=(qemu-system-aarch64 "${xa_machine[@]}" -nodefaults -no-user-config
	-display none -serial stdio -no-reboot -kernel "$xen"
	-dtb "$xa_dtb"
	-device "loader,file=$z,addr=0x50000000,force-raw=on")
xa_why="no debugger for a guest under Xen in QEMU;"
dry_run_or_no_debug "$xa_why on an Arm Xen host use gdbsx" "${qemu[@]}"

# Xen keeps running after the domain is gone: watch its console for the
# status line (or a panic) and stop QEMU then.
log=${UK_XEN_LOG:-$xa_tmp/xen.log}
: >"$log"
"${qemu[@]}" </dev/null >>"$log" 2>&1 &
qpid=$!
deadline=$((SECONDS + ${UK_XEN_TIMEOUT:-120}))
while kill -0 "$qpid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ] &&
	! grep -qE '^\(d1\) exit status -?[0-9]+|Panic on CPU' "$log"; do
	sleep 0.2
done
kill "$qpid" 2>/dev/null || true
wait "$qpid" 2>/dev/null || true
# The guest's lines, without Xen's prefix; not the status line of 0.
sed -n 's/^(d1) //p' "$log" | tr -d '\r' | grep -vx 'exit status 0' || true
status=$(sed -n 's/^(d1) exit status \(-\?[0-9]\+\).*/\1/p' "$log" | tail -1)
if [ -z "$status" ]; then
	echo "uk-run: no exit status from the guest; Xen's console:" >&2
	grep -v '^(d1) ' "$log" | tail -15 >&2
	exit 2
fi
exit $((status & 255))
