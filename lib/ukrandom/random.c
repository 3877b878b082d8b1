/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generator: a 256-bit ChaCha20 key. Each request runs ChaCha20 from
 * counter 0 under the key; block 0's first half becomes the next key
 * (fast key erasure: what was output cannot be recomputed from the state
 * left behind), the blocks after it are the output. A (re)seed XORs 32
 * bytes from the best source into the key and hashes it once more.
 */
#include <string.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/random.h>
#include "random.h"

#define RESEED_BYTES ((uint64_t)CONFIG_LIBUKRANDOM_RESEED_KB * 1024)

static uint32_t key[8];
static struct uk_random_source *sources; /* highest rank first */
static const struct uk_random_source *seeded_from;
static uint64_t since_reseed;
static int need_reseed = 1;

void uk_random_source_register(struct uk_random_source *src)
{
	struct uk_random_source **p = &sources;

	while (*p && (*p)->rank >= src->rank)
		p = &(*p)->next;
	src->next = *p;
	*p = src;
	/* A better source than the seed's: take a fresh seed from it. */
	if (!seeded_from || src->rank > seeded_from->rank)
		need_reseed = 1;
}

static void rekey(const uint32_t block[16])
{
	memcpy(key, block, sizeof(key));
}

static void reseed(void)
{
	static const uint32_t nonce[3] = { 0x64656573, 0, 0 }; /* "seed" */
	const struct uk_random_source *src;
	uint32_t seed[8], out[16];
	unsigned int i;

	for (src = sources; src; src = src->next)
		if (src->read(seed, sizeof(seed)) == 0)
			break;
	if (!src) {
		/* Not even jitter answered: keep the key, say it. */
		if (!seeded_from)
			uk_pr_err("ukrandom: no entropy source answered\n");
		need_reseed = 0;
		return;
	}
	for (i = 0; i < 8; i++)
		key[i] ^= seed[i];
	uk_chacha20_block(key, 0, nonce, out);
	rekey(out);
	memset(seed, 0, sizeof(seed));
	memset(out, 0, sizeof(out));
	if (seeded_from != src) {
		if (src->rank == UK_RANDOM_RANK_WEAK)
			uk_pr_warn(
				"ukrandom: WEAK seed: no entropy source on this platform, seeded from %s only (keys and TCP sequence numbers may be guessable; add a virtio-rng device or use a CPU with RDRAND)\n",
				src->name);
		else
			uk_pr_info("ukrandom: seeded from %s\n", src->name);
	}
	seeded_from = src;
	since_reseed = 0;
	need_reseed = 0;
}

void uk_random_fill(void *buf, size_t len)
{
	static const uint32_t nonce[3] = { 0, 0, 0 };
	uint8_t *p = buf;
	uint32_t block[16];
	uint32_t ctr = 1;

	if (need_reseed || since_reseed >= RESEED_BYTES)
		reseed();
	since_reseed += len;
	while (len) {
		size_t n = len < sizeof(block) ? len : sizeof(block);

		uk_chacha20_block(key, ctr++, nonce, block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	uk_chacha20_block(key, 0, nonce, block);
	rekey(block);
	memset(block, 0, sizeof(block));
}

uint32_t uk_random_u32(void)
{
	uint32_t v;

	uk_random_fill(&v, sizeof(v));
	return v;
}

const char *uk_random_source_name(void)
{
	return seeded_from ? seeded_from->name : "none";
}

int uk_random_seed_is_weak(void)
{
	return !seeded_from || seeded_from->rank == UK_RANDOM_RANK_WEAK;
}

/* Jitter is always there, as the last resort. */
static void ukrandom_ctor(void)
{
	uk_random_source_register(&ukrandom_jitter_source);
}
UK_CTOR_PRIO(ukrandom_ctor, 1);

/*
 * Seed before main, once the platform's drivers (virtio-rng) are probed,
 * so the log says where the seed came from even if nothing asks early.
 */
static int ukrandom_boot_seed(void)
{
	uint32_t v;

	uk_random_fill(&v, sizeof(v));
	return 0;
}
uk_late_initcall(ukrandom_boot_seed);
