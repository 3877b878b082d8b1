#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Reproducible builds: -j1 and -j2 give the same bytes, and so do two
# builds of one configuration in two different folders (O=).
. "$(dirname "$0")/lib.sh"

a=$(app_copy helloworld "$T_DIR/one/helloworld")
b=$(app_copy helloworld "$T_DIR/two/elsewhere/helloworld")
config "$a" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y
cp "$a/.config" "$b/.config"
mk "$a" -j1 O="$T_DIR/o1" || fail "-j1 build failed"
mk "$a" -j2 O="$T_DIR/o2" || fail "-j2 build failed"
mk "$b" -j2 || fail "build in a second folder failed"
img=helloworld_linuxu-x86_64
for f in $img $img.dbg; do
	cmp "$T_DIR/o1/$f" "$T_DIR/o2/$f" || fail "$f: -j1 and -j2 differ"
	cmp "$T_DIR/o1/$f" "$b/build/$f" || fail "$f: two folders differ"
done
# No build path leaks into the image or its debug info.
for p in "$T_DIR" "$UK_ROOT"; do
	grep -q "$p" "$T_DIR/o1/$img.dbg" && fail "$img.dbg contains the path $p"
done
echo ok
