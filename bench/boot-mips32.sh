#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# helloworld on mips32 and mips32el: stripped image size, wall time from
# start to exit (qemu-mips(el)-static for linuxu; qemu-system-mips(el)
# -M malta under TCG for baremetal, up to the PIIX4 power-off) and the
# smallest -m the Malta image still boots and powers off in (64 KiB steps).
. "$(dirname "$0")/lib.sh"

arches=(mips32:MIPS_BIG_ENDIAN:qemu-mips-static:qemu-system-mips
	mips32el:MIPS_LITTLE_ENDIAN:qemu-mipsel-static:qemu-system-mipsel)

# malta_ok QEMU IMG MEM_KIB: boots, prints and powers off by itself.
malta_ok() {
	local out
	out=$(timeout 10 "$1" -M malta -m "$3K" -nodefaults -no-user-config \
		-display none -serial stdio -kernel "$2" 2>/dev/null </dev/null) &&
		grep -q 'Hello world!' <<<"$out"
}

# QEMU's -serial stdio reads stdin: keep it away from the terminal.
exec </dev/null
for a in "${arches[@]}"; do
	IFS=: read -r arch endian quser qsys <<<"$a"
	app=$B_DIR/$arch/helloworld
	mkdir -p "$app"
	cp -r "$UK_ROOT/apps/helloworld/." "$app/"
	rm -rf "$app/build" "$app/.config"
	sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$app/Makefile"
	printf '%s\n' CONFIG_ARCH_MIPS_32=y "CONFIG_$endian=y" \
		CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y >"$app/defconfig"
	make -C "$app" defconfig >&2 && make -C "$app" -j2 >&2 ||
		{ echo "build failed for $arch" >&2; exit 1; }

	lu=helloworld_linuxu-$arch
	bm=helloworld_baremetal-$arch
	row boot "$lu" stripped_size "$(stat -c %s "$app/build/$lu")" bytes
	row boot "$lu" wall_ms_qemu_user \
		"$(median_ms "$quser" "$app/build/$lu")" ms
	row boot "$bm" stripped_size "$(stat -c %s "$app/build/$bm")" bytes
	row boot "$bm" wall_ms_tcg_malta "$(median_ms "$qsys" -M malta \
		-nodefaults -no-user-config -display none -serial stdio \
		-kernel "$app/build/$bm")" ms

	# Bisect the smallest working size; 1 MiB (the load address) fails.
	lo=1024 hi=16384
	malta_ok "$qsys" "$app/build/$bm" "$hi" || {
		echo "$bm does not boot in $hi KiB" >&2
		continue
	}
	while [ $((hi - lo)) -gt 64 ]; do
		mid=$(((lo + hi) / 2 / 64 * 64))
		if malta_ok "$qsys" "$app/build/$bm" "$mid"; then
			hi=$mid
		else
			lo=$mid
		fi
	done
	row boot "$bm" min_mem_tcg_malta "$hi" KiB
done
