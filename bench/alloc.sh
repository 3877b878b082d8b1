#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# malloc/free pairs per second (mixed sizes 16 B..4 KiB, 16 live blocks)
# for each allocator in tests/apps/unittests on linuxu-x86_64 (bench=alloc), and
# the same loop against the host's glibc malloc; each allocator's ratio
# to glibc follows its absolute figure. Median of 3 runs.
. "$(dirname "$0")/lib.sh"

app=$(app_copy unittests)
make -C "$app" defconfig >/dev/null && make -C "$app" -j2 >/dev/null ||
	{ echo "bench/alloc: build failed" >&2; exit 1; }
img=unittests_linuxu-x86_64

cat >"$B_DIR/host.c" <<'C'
/* SPDX-License-Identifier: BSD-3-Clause */
/* The unikernel's alloc benchmark loop against glibc malloc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint32_t rnd(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

int main(int argc, char **argv)
{
	unsigned long pairs = argc > 1 ? strtoul(argv[1], NULL, 0) : 1000000;
	void *live[16] = { 0 };
	uint32_t r = 12345;
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (unsigned long i = 0; i < pairs; i++) {
		free(live[i % 16]);
		live[i % 16] = malloc(16 + rnd(&r) % 4081);
	}
	for (int s = 0; s < 16; s++)
		free(live[s]);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.0f\n", pairs / ((b.tv_sec - a.tv_sec) +
				  (b.tv_nsec - a.tv_nsec) / 1e9));
	return 0;
}
C
gcc -O2 -o "$B_DIR/host" "$B_DIR/host.c"

median() { sort -n | sed -n 2p; }
glibc=$(for i in 1 2 3; do "$B_DIR/host" 1000000; done | median)
row alloc host alloc_glibc "$glibc" pairs/s
for name in bbuddy region tlsf; do
	v=$(for i in 1 2 3; do
		"$app/build/$img" suite=none bench=alloc pairs=1000000 |
			awk -v n="alloc_$name" '$2 == n { print $3 }'
	done | median)
	row alloc "$img" "alloc_$name" "$v" pairs/s
	row alloc "$img" "alloc_${name}_vs_glibc" \
		"$(awk -v a="$v" -v b="$glibc" 'BEGIN { printf "%.2f", a / b }')" ratio
done
