/* SPDX-License-Identifier: BSD-3-Clause */
/* lwIP's hooks (LWIP_HOOK_FILENAME): included by the lwIP files that
 * call them, after lwIP's own headers. */
#ifndef __LWIP_ARCH_UK_HOOKS_H__
#define __LWIP_ARCH_UK_HOOKS_H__

#include <lwip/ip_addr.h>

/* RFC 6528 initial sequence numbers (isn.c). */
u32_t uk_lwip_tcp_isn(const ip_addr_t *local_ip, u16_t local_port,
		      const ip_addr_t *remote_ip, u16_t remote_port);

#endif /* __LWIP_ARCH_UK_HOOKS_H__ */
