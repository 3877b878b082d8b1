/* SPDX-License-Identifier: BSD-3-Clause */
/* lwIP's compiler and platform definitions for Unicore. */
#ifndef __LWIP_ARCH_CC_H__
#define __LWIP_ARCH_CC_H__

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
/* newlib's <sys/types.h> defines LITTLE_ENDIAN and friends: take them
 * before lwIP's fallbacks; nolibc's defines none. */
#include <sys/types.h>
#include <uk/assert.h>
#include <uk/print.h>
#include <uk/essentials.h>

#ifndef BYTE_ORDER
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define BYTE_ORDER BIG_ENDIAN
#else
#define BYTE_ORDER LITTLE_ENDIAN
#endif
#endif

/* The libc's headers define these; lwIP's own copies would clash. */
#define LWIP_NO_INTTYPES_H 0
#define LWIP_NO_LIMITS_H 0
#define LWIP_NO_CTYPE_H 0
/* newlib has ssize_t in <sys/types.h>, nolibc too. */
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif
#define LWIP_NO_UNISTD_H 1
#if CONFIG_LIBNEWLIB
/* newlib's struct timeval and fd_set, for lwIP's sources too (an fd_set
 * of lwIP's own would differ from the one applications use). */
#include <sys/time.h>
#include <sys/select.h>
#endif

#define LWIP_PLATFORM_DIAG(x) \
	do {                  \
		uk_pr_info x; \
	} while (0)
#define LWIP_PLATFORM_ASSERT(x)                                           \
	UK_CRASH("lwip: assertion \"%s\" failed at %s:%d\n", x, __FILE__, \
		 __LINE__)

/* lwIP draws its random numbers (local ports, DHCP xid, DNS ids) from
 * here; TCP ISNs come from LWIP_HOOK_TCP_ISN (lwipopts.h). */
uint32_t uk_lwip_rand(void);
#define LWIP_RAND() uk_lwip_rand()

/* The heap is ukalloc's default allocator (mem.c). */
void *uk_lwip_malloc(size_t size);
void *uk_lwip_calloc(size_t n, size_t size);
void uk_lwip_free(void *p);
#define mem_clib_malloc uk_lwip_malloc
#define mem_clib_calloc uk_lwip_calloc
#define mem_clib_free uk_lwip_free

#endif /* __LWIP_ARCH_CC_H__ */
