/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The last-resort source: the jitter of the platform clock around a
 * small memory walk, plus the wall clock, hashed with ChaCha20. How much
 * entropy this holds depends on the machine (an emulator's clock can be
 * very regular), so the generator calls a seed from here weak.
 */
#include <string.h>
#include <uk/plat/time.h>
#include <uk/random.h>
#include "random.h"

#define JITTER_SAMPLES 1024

static int jitter_read(void *buf, size_t len)
{
	static const uint32_t nonce[3] = { 0x7474696a, 0, 0 }; /* "jitt" */
	static volatile uint8_t walk[4096];
	uint32_t pool[8] = { 0 }, out[16];
	uint64_t now, prev, wall;
	uint8_t *p = buf;
	uint32_t ctr = 0;
	unsigned int i, j, pos = 0;

	wall = ukplat_wall_clock();
	pool[0] = (uint32_t)wall;
	pool[1] = (uint32_t)(wall >> 32);
	prev = ukplat_monotonic_clock();
	for (i = 0; i < JITTER_SAMPLES; i++) {
		/* A walk whose length depends on what was measured so far. */
		for (j = 0; j < 16 + (pool[i % 8] & 63); j++) {
			pos = (pos + 67 + walk[pos]) % sizeof(walk);
			walk[pos] += (uint8_t)(i + j);
		}
		now = ukplat_monotonic_clock();
		pool[i % 8] ^= (uint32_t)(now - prev) * 0x9e3779b9u;
		prev = now;
		if (i % 8 == 7) {
			uk_chacha20_block(pool, ctr++, nonce, out);
			memcpy(pool, out, sizeof(pool));
		}
	}
	while (len) {
		size_t n = len < 32 ? len : 32;

		uk_chacha20_block(pool, ctr++, nonce, out);
		memcpy(p, &out[8], n);
		memcpy(pool, out, sizeof(pool));
		p += n;
		len -= n;
	}
	memset(pool, 0, sizeof(pool));
	memset(out, 0, sizeof(out));
	return 0;
}

struct uk_random_source ukrandom_jitter_source = {
	.name = "timer jitter",
	.rank = UK_RANDOM_RANK_WEAK,
	.read = jitter_read,
};
