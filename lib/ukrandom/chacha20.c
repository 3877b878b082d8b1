/* SPDX-License-Identifier: BSD-3-Clause */
/* The ChaCha20 block function, written from RFC 8439 section 2.3. */
#include <uk/random.h>

#define ROTL32(v, n) (((v) << (n)) | ((v) >> (32 - (n))))

#define QROUND(x, a, b, c, d)                                        \
	do {                                                         \
		x[a] += x[b], x[d] ^= x[a], x[d] = ROTL32(x[d], 16); \
		x[c] += x[d], x[b] ^= x[c], x[b] = ROTL32(x[b], 12); \
		x[a] += x[b], x[d] ^= x[a], x[d] = ROTL32(x[d], 8);  \
		x[c] += x[d], x[b] ^= x[c], x[b] = ROTL32(x[b], 7);  \
	} while (0)

void uk_chacha20_block(const uint32_t key[8], uint32_t counter,
		       const uint32_t nonce[3], uint32_t out[16])
{
	uint32_t s[16], x[16];
	int i;

	/* "expand 32-byte k" */
	s[0] = 0x61707865;
	s[1] = 0x3320646e;
	s[2] = 0x79622d32;
	s[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		s[4 + i] = key[i];
	s[12] = counter;
	s[13] = nonce[0];
	s[14] = nonce[1];
	s[15] = nonce[2];
	for (i = 0; i < 16; i++)
		x[i] = s[i];
	for (i = 0; i < 10; i++) {
		/* a column round, then a diagonal round */
		QROUND(x, 0, 4, 8, 12);
		QROUND(x, 1, 5, 9, 13);
		QROUND(x, 2, 6, 10, 14);
		QROUND(x, 3, 7, 11, 15);
		QROUND(x, 0, 5, 10, 15);
		QROUND(x, 1, 6, 11, 12);
		QROUND(x, 2, 7, 8, 13);
		QROUND(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++)
		out[i] = x[i] + s[i];
}
