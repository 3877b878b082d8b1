#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Build-system figures for helloworld on linuxu-x86_64: clean build (-j2)
# after 'make clean', and from an empty folder (properclean: the kconfig
# sync and fixdep included), no-op rebuild, one-file rebuild, stripped
# image size, run time.
. "$(dirname "$0")/lib.sh"

app=$(app_copy helloworld)
img=helloworld_linuxu-x86_64
make -C "$app" defconfig >/dev/null
make -C "$app" >/dev/null    # warm the caches and build fixdep once

clean() { make -C "$app" clean >/dev/null && make -C "$app" -j2 >/dev/null; }
t0=$(now_ns)
for i in 1 2 3; do clean; done
t1=$(now_ns)
row build "$img" clean_build_j2 "$(((t1 - t0) / 3000000))" ms
fresh() { make -C "$app" properclean >/dev/null && make -C "$app" -j2 >/dev/null; }
t0=$(now_ns)
for i in 1 2 3; do fresh; done
t1=$(now_ns)
row build "$img" empty_folder_build_j2 "$(((t1 - t0) / 3000000))" ms
row build "$img" noop_rebuild "$(median_ms make -C "$app")" ms
row build "$img" one_file_rebuild \
	"$(median_ms bash -c "touch $app/main.c && make -C $app")" ms
row build "$img" stripped_size "$(stat -c %s "$app/build/$img")" bytes
row build "$img" run_time "$(median_ms "$app/build/$img" status=0)" ms
