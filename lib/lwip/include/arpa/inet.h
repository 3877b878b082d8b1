/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Address conversion (lib/lwip). inet_addr, inet_aton and inet_ntoa are
 * lwIP's macros; inet_ntop and inet_pton are functions (sockets.c).
 */
#ifndef __LWIP_UK_ARPA_INET_H__
#define __LWIP_UK_ARPA_INET_H__

#include <netinet/in.h>

#ifdef __cplusplus
extern "C" {
#endif

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);
int inet_pton(int af, const char *src, void *dst);

#ifdef __cplusplus
}
#endif

#endif /* __LWIP_UK_ARPA_INET_H__ */
