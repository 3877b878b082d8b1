#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Libraries: external folders (L= / UK_LIBS) are found, configured and
# linked; two util.c in two subfolders of one library both link; two
# libraries' private globals of the same name do not clash thanks to the
# export lists (and do clash without them, so the check can fail).
. "$(dirname "$0")/lib.sh"

fix=$T_DIR/fixtures
cp -r "$UK_ROOT/tests/fixtures" "$fix"
app=$fix/apps/libcheck
sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$app/Makefile"
mk "$app" defconfig && mk "$app" || fail "build failed: $(tail -5 "$T_DIR/make.log")"
img=$app/build/libcheck_linuxu-x86_64
"$img" >"$T_DIR/out" || fail "libcheck exited $?"
expect_line "$T_DIR/out" "same_a=1 same_b=6 priva=10 privb=20"

# Same file name in two folders: two objects, both in the image.
for o in a/util.o b/util.o; do
	[ -f "$app/build/libsame/$o" ] || fail "no object $o"
done
nm "$img.dbg" | grep -qw same_a && nm "$img.dbg" | grep -qw same_b ||
	fail "same_a/same_b not both linked"

# Export lists: priv_helper is local in each library's partial link.
for l in priva privb; do
	nm "$app/build/lib$l.o" | grep -q ' t priv_helper$' ||
		fail "lib$l: priv_helper not localised"
	nm "$app/build/lib$l.o" | grep -q " T ${l}_value$" ||
		fail "lib$l: ${l}_value not exported"
done
# Negative control: without the lists the two helpers collide.
rm "$fix/libpriva/exportsyms.uk" "$fix/libprivb/exportsyms.uk"
mk "$app" && fail "link without export lists should fail (duplicate symbol)"
grep -q "multiple definition of .priv_helper" "$T_DIR/make.log" ||
	fail "expected a duplicate priv_helper error without export lists"
git -C "$UK_ROOT" show HEAD:tests/fixtures/libpriva/exportsyms.uk \
	>"$fix/libpriva/exportsyms.uk" 2>/dev/null || echo priva_value >"$fix/libpriva/exportsyms.uk"
echo privb_value >"$fix/libprivb/exportsyms.uk"
mk "$app" || fail "relink with export lists restored failed"

# L= on the command line: an extra library appears in the generated menu
# and in the build; a relative path works.
hw=$(app_copy helloworld)
cp -r "$fix/libsame" "$T_DIR/extlib"
(cd "$hw" && make defconfig L=../extlib >>"$T_DIR/make.log" 2>&1) ||
	fail "defconfig with relative L= failed"
grep -q "source \"$T_DIR/extlib/Config.uk\"" "$hw/build/kconfig/libs.uk" ||
	fail "L= library not in the generated Kconfig"
grep -qx CONFIG_LIBSAME=y "$hw/.config" || fail "L= library not configured"
mk "$hw" L="$T_DIR/extlib" || fail "build with L= failed"
[ -f "$hw/build/libsame.o" ] || fail "L= library not built"
grep -q "libsame.o" "$hw/build/helloworld_linuxu-x86_64.dbg.rsp" ||
	fail "L= library not linked"

# A disabled library leaves no trace in build/.
sed -i 's/^CONFIG_LIBSAME=y$/# CONFIG_LIBSAME is not set/' "$hw/.config"
mk "$hw" properclean && mk "$hw" L="$T_DIR/extlib" || fail "rebuild failed"
ls "$hw/build" | grep -q libsame && fail "disabled library left files in build/"
echo ok
