/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Random numbers for the kernel and the libraries: a ChaCha20 generator
 * (RFC 8439 block function, fast key erasure) seeded from the best
 * entropy source registered, and reseeded from it as output accumulates.
 * Sources are drivers (RDSEED/RDRAND, virtio-rng, the linuxu host); when
 * none is there the seed comes from timer jitter, and a warning says the
 * seed is weak. Not for interrupt context: a source may poll a device.
 */
#ifndef __UK_RANDOM_H__
#define __UK_RANDOM_H__

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Fill buf with len random bytes (seeding the generator first if needed). */
void uk_random_fill(void *buf, size_t len);
uint32_t uk_random_u32(void);

/* Source ranks: a later registration of a higher rank reseeds at once. */
#define UK_RANDOM_RANK_WEAK 0 /* timer jitter */
#define UK_RANDOM_RANK_CPU 10 /* RDRAND/RDSEED */
#define UK_RANDOM_RANK_HOST 20 /* virtio-rng, the host's getrandom() */

struct uk_random_source {
	const char *name;
	int rank;
	/* Fill buf with len bytes of entropy: 0, or a negative errno. */
	int (*read)(void *buf, size_t len);
	struct uk_random_source *next; /* the library's */
};

/* Offer a source; the best one seeds the generator. */
void uk_random_source_register(struct uk_random_source *src);

/* The source of the current seed ("none" before the first use). */
const char *uk_random_source_name(void);
/* Non-zero when the seed came from timer jitter only. */
int uk_random_seed_is_weak(void);

/*
 * The ChaCha20 block function (RFC 8439 2.3): 64 bytes of key stream for
 * key, counter and nonce into out (as 16 little-endian words).
 */
void uk_chacha20_block(const uint32_t key[8], uint32_t counter,
		       const uint32_t nonce[3], uint32_t out[16]);

#ifdef __cplusplus
}
#endif

#endif /* __UK_RANDOM_H__ */
