#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Image size of helloworld with newlib against nolibc (stripped image and
# text), on linuxu and kvm for x86_64, and the time of a newlib build for
# x86_64 (from scratch, cache off; -j2).
. "$(dirname "$0")/lib.sh"

for libc in nolibc newlib; do
	app=$(app_copy helloworld)
	rm -rf "$app/build"
	printf '%s\n' CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
		$([ $libc = newlib ] && echo CONFIG_LIBNEWLIB=y) >"$app/defconfig"
	make -C "$app" defconfig >/dev/null 2>&1
	if [ $libc = newlib ]; then
		t0=$(now_ns)
		UK_NEWLIB_CACHE=0 make -C "$app" -j2 >"$B_DIR/$libc.log" 2>&1 ||
			{ echo "newlib build failed (see $B_DIR/$libc.log)" >&2; exit 1; }
		t1=$(now_ns)
		row newlib newlib-x86_64 build_j2 "$(((t1 - t0) / 1000000))" ms
	else
		make -C "$app" -j2 >"$B_DIR/$libc.log" 2>&1 ||
			{ echo "$libc build failed" >&2; exit 1; }
	fi
	for plat in linuxu kvm; do
		img=$app/build/helloworld_$plat-x86_64
		row newlib "helloworld_$plat-x86_64" "size_$libc" \
			"$(stat -c %s "$img")" bytes
		row newlib "helloworld_$plat-x86_64" "text_$libc" \
			"$(size "$img.dbg" | awk 'NR == 2 { print $1 }')" bytes
	done
done
