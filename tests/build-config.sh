#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Configuration targets: each gives the expected .config; savedefconfig ->
# defconfig round-trips; allyesconfig builds; help lists targets/variables.
. "$(dirname "$0")/lib.sh"

app=$(app_copy helloworld)
cfg=$app/.config
has() { grep -qx "$1" "$cfg" || fail "$2: .config lacks '$1'"; }
hasnt() { grep -qx "$1" "$cfg" && fail "$2: .config has '$1'"; return 0; }

# defconfig: the app's own defconfig, then UK_DEFCONFIG=file.
mk "$app" defconfig || fail "defconfig failed"
has CONFIG_ARCH_X86_64=y defconfig
has CONFIG_PLAT_LINUXU=y defconfig
has CONFIG_LIBNOLIBC=y defconfig
has CONFIG_LIBUKBOOT=y defconfig
printf 'CONFIG_ARCH_X86_64=y\nCONFIG_PLAT_LINUXU=y\nCONFIG_OPTIMIZE_SIZE=y\n' \
	>"$T_DIR/size.defconfig"
mk "$app" defconfig UK_DEFCONFIG="$T_DIR/size.defconfig" ||
	fail "defconfig UK_DEFCONFIG= failed"
has CONFIG_OPTIMIZE_SIZE=y "UK_DEFCONFIG"
hasnt CONFIG_OPTIMIZE_PERF=y "UK_DEFCONFIG"

# savedefconfig -> defconfig gives the same .config.
cp "$cfg" "$T_DIR/before"
mk "$app" savedefconfig || fail "savedefconfig failed"
[ -s "$app/build/defconfig" ] || fail "savedefconfig wrote no build/defconfig"
grep -q CONFIG_OPTIMIZE_SIZE=y "$app/build/defconfig" ||
	fail "savedefconfig lost a non-default value"
rm "$cfg"
mk "$app" defconfig UK_DEFCONFIG="$app/build/defconfig" ||
	fail "defconfig from savedefconfig failed"
diff -u "$T_DIR/before" "$cfg" || fail "savedefconfig/defconfig round trip differs"

# olddefconfig restores a symbol deleted from .config to its default.
sed -i '/^CONFIG_LIBUKBOOT=y/d' "$cfg"
mk "$app" olddefconfig || fail "olddefconfig failed"
has CONFIG_LIBUKBOOT=y olddefconfig

# allnoconfig: nothing optional, so no platform.
mk "$app" allnoconfig || fail "allnoconfig failed"
hasnt CONFIG_PLAT_LINUXU=y allnoconfig
has "# CONFIG_PLAT_LINUXU is not set" allnoconfig
mk "$app" >"$T_DIR/allno.out" 2>&1 && fail "allnoconfig build should stop: no platform"
grep -q "no platform selected" "$T_DIR/make.log" ||
	fail "allnoconfig build: no message naming the missing platform"

# allyesconfig: every platform of the arch on; the result builds.
mk "$app" allyesconfig || fail "allyesconfig failed"
has CONFIG_PLAT_LINUXU=y allyesconfig
has CONFIG_OPTIMIZE_DEADELIM=y allyesconfig
if ! mk "$app" -j2; then
	fail "allyesconfig does not build: $(grep -m3 'error' "$T_DIR/make.log")"
fi
ls "$app"/build/helloworld_*-x86_64 >/dev/null || fail "allyesconfig: no image"

# Mixed goals run in order.
mk "$app" defconfig all || fail "'make defconfig all' failed"
has CONFIG_PLAT_LINUXU=y "defconfig all"

# help names every target and variable: the targets as the top Makefile
# declares them, the variables every run script and helper reads (taken
# from the sources, so a new one that help omits fails here).
make -C "$app" help >"$T_DIR/help" 2>&1 || fail "make help failed"
targets=$(sed -n 's/^\.PHONY: all FORCE \$(noconfig-targets) //p' "$UK_ROOT/Makefile")
targets+=" $(make -C "$app" -pq help 2>/dev/null | sed -n 's/^\(no\)\{0,1\}config-targets := //p')"
[ -n "$targets" ] && echo "$targets" | grep -q randconfig ||
	fail "cannot read the target lists from the top Makefile"
vars=$(cd "$UK_ROOT" && grep -ohE '\$\{UK_[A-Z0-9_]+' support/scripts/run/*.sh \
	support/scripts/uk-run support/scripts/install-deps support/kconfig/kconfig |
	sed 's/^\${//' | grep -vxE 'UK_(CONFIG|SAVEDEFCONFIG)' | sort -u)
for w in $targets $vars V=1 O=dir C=file L=dir1 UK_DEFCONFIG CROSS_COMPILE \
	'LIB<X>_URL' 'LIB<X>_SHA256' 'LIB<X>_ARCHIVE' test bench; do
	grep -qw -- "$w" "$T_DIR/help" || fail "help does not mention $w"
done

# clean keeps .config, properclean the build folder, distclean .config too.
mk "$app" clean || fail clean
[ -f "$cfg" ] || fail "clean removed .config"
ls "$app"/build/helloworld_* >/dev/null 2>&1 && fail "clean left images"
mk "$app" properclean || fail properclean
[ -d "$app/build" ] && fail "properclean left build/"
mk "$app" distclean || fail distclean
[ -f "$cfg" ] && fail "distclean left .config"
echo ok
