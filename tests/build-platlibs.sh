#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Platform libraries go only into their platform's image: linuxu + xen
# with xenbus (lib/xenbus, registered for xen only) and grant tables
# (plat/xen/gnttab, a library of the xen platform), dead-code elimination
# off so that nothing unused is dropped at the link. Both images link; the
# linuxu one holds no Xen symbol, the xen one holds both libraries.
. "$(dirname "$0")/lib.sh"

app=$(app_copy helloworld)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_XEN=y \
	CONFIG_LIBXENBUS=y CONFIG_LIBGNTTAB=y "# CONFIG_OPTIMIZE_DEADELIM is not set"
for s in CONFIG_LIBXENBUS=y CONFIG_LIBGNTTAB=y \
	"# CONFIG_OPTIMIZE_DEADELIM is not set"; do
	grep -qxF "$s" "$app/.config" || fail ".config lacks '$s'"
done
mk "$app" -j2 || fail "build failed: $(grep -m3 -e 'undefined' -e 'rror' \
	"$T_DIR/make.log")"
lx=$app/build/helloworld_linuxu-x86_64
xen=$app/build/helloworld_xen-x86_64
for f in "$lx" "$lx.dbg" "$xen" "$xen.dbg"; do
	[ -s "$f" ] || fail "missing image $f"
done

nm "$lx.dbg" >"$T_DIR/linuxu.nm" || fail "nm $lx.dbg failed"
nm "$xen.dbg" >"$T_DIR/xen.nm" || fail "nm $xen.dbg failed"
if grep -E 'uk_xenstore_|uk_gnttab_|ukplat_xen_' "$T_DIR/linuxu.nm" \
	>"$T_DIR/leak"; then
	fail "the linuxu image holds Xen symbols: $(head -3 "$T_DIR/leak")"
fi
for s in uk_xenstore_read uk_xenstore_watch uk_gnttab_init \
	uk_gnttab_grant_access ukplat_xen_store_ring; do
	grep -q " T $s\$" "$T_DIR/xen.nm" || fail "the xen image lacks $s"
done
# The linuxu image still is a working program.
"$lx" a >"$T_DIR/out" 2>&1 || fail "linuxu image exited $?"
expect_line "$T_DIR/out" "arg[1]: a"
echo "ok"
