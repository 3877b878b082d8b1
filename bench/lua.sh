#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# apps/lua: image size, and the time from starting the image (the Linux
# process, or QEMU under TCG) to the first line Lua prints, for
# lua -e 'print(...)' (median of 5). Anchor: the host's lua5.4 when
# installed. Builds x86_64 and arm32 images for linuxu and kvm.
. "$(dirname "$0")/lib.sh"
run=$UK_ROOT/support/scripts/uk-run

# first_ms CMD...: median ms from the start of CMD to the line "lua-first".
first_ms() {
	python3 - "$@" <<'EOF'
import subprocess, sys, time, os
times = []
for _ in range(5):
    t0 = time.monotonic()
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                         env=dict(os.environ, UK_ACCEL="tcg"))
    for line in p.stdout:
        if b"lua-first" in line:
            times.append((time.monotonic() - t0) * 1000)
            break
    p.stdout.close()
    p.wait()
times.sort()
print("%.1f" % times[len(times) // 2] if len(times) == 5 else "nan")
EOF
}

for a in x86_64:X86_64 arm32:ARM_32; do
	arch=${a%%:*}
	d=$(app_copy lua)
	mkdir -p "$B_DIR/$arch" && mv "$d" "$B_DIR/$arch/lua" &&
		d=$B_DIR/$arch/lua
	printf '%s\n' "CONFIG_ARCH_${a#*:}=y" CONFIG_PLAT_LINUXU=y \
		CONFIG_PLAT_KVM=y CONFIG_LIBUKBOOT_HEAP_TLSF=y >"$d/defconfig"
	{ make -C "$d" defconfig && make -C "$d" -j2; } >"$B_DIR/$arch.log" 2>&1 ||
		{ echo "lua: $arch build failed (log $B_DIR/$arch.log)" >&2
		continue; }
	for p in linuxu kvm; do
		img=$d/build/lua_$p-$arch
		row lua "lua_$p-$arch" size "$(stat -c %s "$img")" bytes
		row lua "lua_$p-$arch" first-output \
			"$(first_ms "$run" "$img" -e 'print("lua-first")')" ms
	done
done
if command -v lua5.4 >/dev/null; then
	row lua host-lua5.4 first-output \
		"$(first_ms lua5.4 -e 'print("lua-first")')" ms
fi
