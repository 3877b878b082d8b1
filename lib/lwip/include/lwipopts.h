/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's configuration for Unicore: threads (NO_SYS=0) on uksched, IPv4,
 * BSD sockets under their POSIX names (wrappers in sockets.c, not
 * lwIP's macros, so the names are real functions a libc can see), the
 * heap on ukalloc (so its statistics count lwIP's buffers) and fixed
 * pools for control blocks.
 */
#ifndef __LWIPOPTS_H__
#define __LWIPOPTS_H__

/* Before lwIP's arch.h defines LITTLE_ENDIAN and BIG_ENDIAN itself:
 * newlib's <sys/types.h> defines them too. */
#include <sys/types.h>

#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
/* The rx thread runs the stack itself: no hop through the mailbox. */
#define LWIP_TCPIP_CORE_LOCKING_INPUT 1
#define LWIP_NETCONN 1
#define LWIP_SOCKET 1
#define LWIP_COMPAT_SOCKETS 0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SOCKET_SELECT 1
#define LWIP_SOCKET_POLL 1
/* Descriptors 0-2 are the console's (UK_FD_FIRST_FREE of newlib). */
#define LWIP_SOCKET_OFFSET 3
/* newlib has struct timeval; nolibc does not. */
#if CONFIG_LIBNEWLIB
#define LWIP_TIMEVAL_PRIVATE 0
#else
#define LWIP_TIMEVAL_PRIVATE 1
#endif
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVBUF 1
#define LWIP_SO_LINGER 1
#define SO_REUSE 1
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_FIONREAD_LINUXMODE 1
#define LWIP_ERRNO_STDINCLUDE 1
#define LWIP_NETIF_API 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1

#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#if CONFIG_LIBLWIP_DHCP
#define LWIP_DHCP 1
#else
#define LWIP_DHCP 0
#endif
#define LWIP_DHCP_DOES_ACD_CHECK 0
#define DHCP_DOES_ARP_CHECK 0
#if CONFIG_LIBLWIP_TCP
#define LWIP_TCP 1
#else
#define LWIP_TCP 0
#endif
#if CONFIG_LIBLWIP_UDP || CONFIG_LIBLWIP_DHCP
#define LWIP_UDP 1
#else
#define LWIP_UDP 0
#endif
#if CONFIG_LIBLWIP_DNS
#define LWIP_DNS 1
#else
#define LWIP_DNS 0
#endif

/* Memory: lwIP's heap is ukalloc's default allocator (mem.c glue). */
#define MEM_LIBC_MALLOC 1
#define MEM_ALIGNMENT 8
#define MEMP_MEM_MALLOC 0
#define MEMP_NUM_NETCONN CONFIG_LIBLWIP_NUM_SOCKETS
/* A connection the application closed keeps its pcb through the FIN
 * exchange and TIME-WAIT: room for those beyond the sockets' own. */
#define MEMP_NUM_TCP_PCB (CONFIG_LIBLWIP_NUM_SOCKETS + 16)
#define MEMP_NUM_TCP_PCB_LISTEN 8
#define MEMP_NUM_UDP_PCB 8
#define MEMP_NUM_TCP_SEG 256
#define MEMP_NUM_NETBUF 16
#define MEMP_NUM_TCPIP_MSG_INPKT 64
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
#define PBUF_POOL_SIZE CONFIG_LIBLWIP_PBUF_POOL_SIZE
#define PBUF_POOL_BUFSIZE 1536
#define LWIP_SUPPORT_CUSTOM_PBUF 1

#define TCP_MSS 1460
#define TCP_WND (CONFIG_LIBLWIP_TCP_WND_KB * 1024)
#define TCP_SND_BUF (CONFIG_LIBLWIP_TCP_WND_KB * 1024)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define TCP_MSL CONFIG_LIBLWIP_TCP_MSL_MS
#define TCP_LISTEN_BACKLOG 1
#define LWIP_WND_SCALE 0

/* Threads and mailboxes. */
#define TCPIP_THREAD_NAME "lwip"
#define TCPIP_THREAD_STACKSIZE CONFIG_LIBLWIP_STACK_SIZE
#define TCPIP_MBOX_SIZE 128
#define DEFAULT_THREAD_STACKSIZE CONFIG_LIBLWIP_STACK_SIZE
#define DEFAULT_RAW_RECVMBOX_SIZE 16
#define DEFAULT_UDP_RECVMBOX_SIZE 16
#define DEFAULT_TCP_RECVMBOX_SIZE 64
/* Twice the largest backlog an application should ask (16): the
 * mailbox also carries a notice for each connection lwIP had to drop,
 * and a full mailbox resets the connection that finds it full. */
#define DEFAULT_ACCEPTMBOX_SIZE 32

#define LWIP_CHKSUM_ALGORITHM 3
#define LWIP_STATS 0
#define LWIP_NETIF_HOSTNAME 1
/* RFC 6528 initial sequence numbers (isn.c), not lwIP's counter from
 * 6510 that repeats from boot to boot. */
#define LWIP_HOOK_FILENAME "arch/uk_hooks.h"
#define LWIP_HOOK_TCP_ISN uk_lwip_tcp_isn

#if CONFIG_LIBLWIP_DEBUG
#define LWIP_DEBUG 1
#define LWIP_DBG_MIN_LEVEL LWIP_DBG_LEVEL_ALL
#define NETIF_DEBUG LWIP_DBG_ON
#define DHCP_DEBUG LWIP_DBG_ON
#define SOCKETS_DEBUG LWIP_DBG_ON
#else
#define LWIP_NOASSERT 1
#endif

#endif /* __LWIPOPTS_H__ */
