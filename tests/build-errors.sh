#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Every error path: a non-zero exit, a one-line cause and remedy, and the
# previous .config and image left untouched.
. "$(dirname "$0")/lib.sh"

fix=$UK_ROOT/tests/fixtures
app=$(app_copy helloworld)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y
mk "$app" || fail "initial build failed"
img=$app/build/helloworld_linuxu-x86_64
sums() { sha256sum "$app/.config" "$img" "$img.dbg"; }
sums >"$T_DIR/sums"

# expect_error NAME PATTERN MAKE-ARGS...: make fails, says PATTERN on an
# "error:" line, and changes neither .config nor the image.
expect_error() {
	local name=$1 pat=$2
	shift 2
	if make -C "$app" "$@" >"$T_DIR/$name.out" 2>&1; then
		fail "$name: make succeeded"
	fi
	grep -E "error:|\*\*\*" "$T_DIR/$name.out" | grep -qE "$pat" ||
		fail "$name: no message matching '$pat': $(tail -3 "$T_DIR/$name.out")"
	sums | cmp -s - "$T_DIR/sums" || fail "$name: .config or image changed"
	note "$name: $(grep -m1 -E "$pat" "$T_DIR/$name.out")"
}

touch "$app/main.c"   # so that a build would relink if it went on
expect_error cross "nonexistent-gcc.*not found.*CROSS_COMPILE.*\(support/scripts/install-deps does it\) or set CROSS_COMPILE=" \
	CROSS_COMPILE=nonexistent-
expect_error badlib "L=.*/no-such-lib: no Makefile.uk" L=/no-such-lib
expect_error badlib-config "L=.*/no-such-lib: no Makefile.uk" \
	L=/no-such-lib menuconfig
# One line names the file, the line and the fix, and nothing else follows.
syntax_pat="^error: $fix/libbroken/Config.uk:6: syntax error: fix that line of the Config.uk; .config was left unchanged$"
expect_error syntax "$syntax_pat" L="$fix/libbroken"
grep -q "build stopped" "$T_DIR/syntax.out" && fail "syntax: a second error line"
expect_error syntax-defconfig "$syntax_pat" L="$fix/libbroken" defconfig
printf 'CONFIG_ARCH_X86_64=y\nCONFIG_PLAT_LINUXU=y\nCONFIG_LIBDEPX=y\n' \
	>"$T_DIR/unmet.defconfig"
expect_error unmet "CONFIG_LIBDEPX=y .*unmet dependency" \
	L="$fix/libdep" defconfig UK_DEFCONFIG="$T_DIR/unmet.defconfig"
grep -q "depends on LIBDEPY" "$T_DIR/unmet.out" ||
	fail "unmet: the dependency (LIBDEPY) is not named"
# A library whose source is missing: the build fails, and .config keeps
# no trace of the library (a later plain make works).
expect_error badsrc "No rule to make target.*libbadsrc/missing.c" \
	L="$fix/libbadsrc"
grep -q LIBBADSRC "$app/.config" && fail "badsrc: .config names the library"
# A select kconfig cannot honour (virtio-net needs kvm; this is linuxu):
# an error at configuration time naming the file and line of the select.
expect_error badselect "^error: $fix/libbadselect/Config.uk:7: LIBBADSELECT selects LIBVIRTIO_NET, which needs PLAT_KVM" \
	L="$fix/libbadselect"
expect_error badselect-defconfig "^error: $fix/libbadselect/Config.uk:7: LIBBADSELECT selects LIBVIRTIO_NET" \
	L="$fix/libbadselect" defconfig
expect_error spaces "contains a space" O="$T_DIR/with space"
# A hand-edited .config asking for what kconfig cannot keep.
cp "$app/.config" "$T_DIR/config.ok"
echo CONFIG_LIBDEPX=y >>"$app/.config"
sums >"$T_DIR/sums"
expect_error unmet-config "CONFIG_LIBDEPX=y .*unmet dependency" L="$fix/libdep"
cp "$T_DIR/config.ok" "$app/.config"
sums >"$T_DIR/sums"

# An application without main(): in a fresh folder no image is left; in
# one that built before (main() then deleted), the old image stays.
nm=$(mktemp -d "$T_DIR/nomain.XXXX")
cp -r "$fix/apps/nomain/." "$nm/"
sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$nm/Makefile"
make -C "$nm" defconfig >/dev/null 2>&1 || fail "nomain: defconfig failed"
make -C "$nm" >"$T_DIR/nomain.out" 2>&1 && fail "nomain: link succeeded"
grep -q "error: application '${nm##*/}' defines no main()" "$T_DIR/nomain.out" ||
	fail "nomain: no message naming the application"
ls "$nm"/build/*_linuxu-x86_64* 2>/dev/null | grep -v rsp &&
	fail "nomain: a half-written image was left"
cp "$app/main.c" "$T_DIR/main.c.ok"
printf 'int helloworld_not_main(void) { return 0; }\n' >"$app/main.c"
expect_error nomain-rebuild "application 'helloworld' defines no main\(\)"
cp "$T_DIR/main.c.ok" "$app/main.c"

# After all that, the build still works and rebuilds only main.o.
make -C "$app" >"$T_DIR/after.out" 2>&1 || fail "build after errors failed: $(tail -3 "$T_DIR/after.out")"
grep -E '^  CC ' "$T_DIR/after.out" | grep -vq ': main.o$' &&
	fail "build after errors rebuilt more than main.o: $(grep '^  CC ' "$T_DIR/after.out")"
make -C "$app" >"$T_DIR/noop.out" 2>&1 || fail "no-op build failed"
grep -qE '^  (CC|AS|LD|STRIP|OBJCOPY) ' "$T_DIR/noop.out" &&
	fail "a second build rewrote something: $(head -5 "$T_DIR/noop.out")"
echo ok
