# SPDX-License-Identifier: GPL-2.0-or-later
# kvm on arm32: QEMU's virt machine under TCG (this host has no arm KVM).
# The ELF is loaded at its link address and finds the DTB at the start of
# RAM; the arguments become the DTB's /chosen/bootargs, which the guest
# splits like a shell, so each one is quoted here.
#
# Exit status: with CONFIG_KVM_ARM32_SEMIHOSTING (the default) the guest
# exits through semihosting SYS_EXIT_EXTENDED and QEMU's status is the
# guest's (125 = crash); otherwise PSCI SYSTEM_OFF always gives 0.
# env: UK_CPU (cortex-a15, cortex-a7, ...), UK_MEM (64M), UK_QEMU_EXTRA
command -v qemu-system-arm >/dev/null || {
	echo "error: qemu-system-arm not found: install qemu-system-arm" \
		"(support/scripts/install-deps)" >&2
	exit 2
}

# arm_append ARGS...: one command line, each argument single-quoted.
arm_append() {
	local a out=
	for a in "$@"; do
		out+="${out:+ }'${a//\'/\'\\\'\'}'"
	done
	printf '%s' "$out"
}

# arm_semihosting: does the image's configuration exit through
# semihosting? (auto.conf of its build folder; assume so without one.)
arm_semihosting() {
	local conf
	conf=$(dirname "$img")/include/config/auto.conf
	[ ! -f "$conf" ] || grep -q "^CONFIG_$1=y" "$conf"
}

qemu=(qemu-system-arm -M virt -cpu "${UK_CPU:-cortex-a15}"
	-m "${UK_MEM:-64M}" -nodefaults -no-user-config -display none
	-serial stdio -kernel "$img")
[ $# -gt 0 ] && qemu+=(-append "$(arm_append "$@")")
arm_semihosting KVM_ARM32_SEMIHOSTING && qemu+=(-semihosting)
# shellcheck disable=SC2206
qemu+=(${UK_QEMU_EXTRA:-})
if [ "$debug" = 1 ]; then
	echo "QEMU waits for gdb on localhost:1234; in another terminal:" >&2
	echo "  gdb-multiarch -ex 'target remote localhost:1234' $img.dbg" >&2
	qemu+=(-s -S)
fi
run_cmd "${qemu[@]}"
