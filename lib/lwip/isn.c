/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP initial sequence numbers as RFC 6528 asks: ISN = M + F(localip,
 * localport, remoteip, remoteport, secretkey), M a timer ticking every
 * 4 microseconds, F a keyed pseudo-random function. F here is ChaCha20
 * (ukrandom's block function) keyed with 256 random bits drawn at the
 * first connection, with the 4-tuple as the nonce: another boot or
 * another 4-tuple gives an unrelated offset, while one 4-tuple's ISNs
 * still grow with time, as RFC 793's quiet-time rule needs.
 */
#include <lwip/ip_addr.h>
#include <uk/plat/time.h>
#include <uk/random.h>
#include "arch/uk_hooks.h"

#if LWIP_IPV6
#error "uk_lwip_tcp_isn() hashes IPv4 4-tuples only: extend it for IPv6"
#endif

u32_t uk_lwip_tcp_isn(const ip_addr_t *local_ip, u16_t local_port,
		      const ip_addr_t *remote_ip, u16_t remote_port)
{
	static uint32_t key[8];
	static int keyed;
	uint32_t nonce[3], out[16];

	if (!keyed) {
		uk_random_fill(key, sizeof(key));
		keyed = 1;
	}
	nonce[0] = ip4_addr_get_u32(ip_2_ip4(local_ip));
	nonce[1] = ip4_addr_get_u32(ip_2_ip4(remote_ip));
	nonce[2] = ((uint32_t)local_port << 16) | remote_port;
	uk_chacha20_block(key, 0, nonce, out);
	return (u32_t)(ukplat_monotonic_clock() / 4000) + out[0];
}
