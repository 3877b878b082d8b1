#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# baremetal on x86_64 (a PC): helloworld's <image>.iso booted from QEMU's
# CD-ROM drive by SeaBIOS and GRUB (multiboot), no -kernel, on pc and q35
# under TCG. Checks the output, the arguments built into the ISO and given
# to `uk-run` (a temporary ISO), the exit status, and that the ISO is the
# same bytes when built in another folder. Not under this machine's
# software KVM: it emulates SeaBIOS and GRUB instruction by instruction
# (about a minute per boot); kvm-x86_64.sh boots the same code under KVM.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kvm-x86_64.sh"
need qemu-system-x86_64 grub-mkrescue xorriso mformat

build() {
	local app
	app=$(app_copy helloworld "$1")
	config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_BAREMETAL=y \
		CONFIG_PLAT_LINUXU=n 'CONFIG_BAREMETAL_PC_CMDLINE="a b status=6"'
	x86_build "$app"
	echo "$app"
}
app=$(build "$T_DIR/one/helloworld")
img=$app/build/helloworld_baremetal-x86_64
for f in "$img" "$img.multiboot" "$img.iso"; do
	[ -f "$f" ] || fail "missing $f: $(ls "$app/build")"
done

export UK_ACCEL=tcg
for machine in pc q35; do
	out=$T_DIR/iso-$machine.out
	UK_MACHINE=$machine x86_boot "$out" "$img"
	[ "$X86_RC" = 6 ] || fail "$machine: exit status $X86_RC, expected 6: $(tail -5 "$out")"
	expect_line "$out" "Hello world!"
	expect_line "$out" "arg[1]: a"
	expect_line "$out" "arg[2]: b"
	expect_line "$out" "arg[3]: status=6"
	note "$machine: ISO boots, arguments and status ok"
done

# Other arguments: uk-run writes a temporary ISO.
out=$T_DIR/iso-args.out
x86_boot "$out" "$img" x status=3
[ "$X86_RC" = 3 ] || fail "ARGS: exit status $X86_RC, expected 3: $(tail -5 "$out")"
expect_line "$out" "arg[1]: x"
grep -q 'arg\[3\]' "$out" && fail "ARGS: the ISO's built-in arguments are still there"
note "uk-run arguments: ok"

if command -v faketime >/dev/null; then
	app2=$(build "$T_DIR/two/helloworld")
	img2=$app2/build/helloworld_baremetal-x86_64
	for s in "" .multiboot .iso; do
		cmp -s "$img$s" "$img2$s" || fail "$(basename "$img$s") differs between two build folders"
	done
	note "two build folders: same image, ELF32 copy and ISO"
else
	note "faketime not installed: ISO reproducibility not checked"
fi
echo "PASS"
