/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Unformatted output on the platform console (ukplat_coutk), for boot
 * messages and crash reports: no printf, no locks, no allocation, so it
 * works before the libraries are up and inside a fault handler
 * (plat/common/putk.c).
 */
#ifndef __UK_PLAT_COMMON_PUTK_H__
#define __UK_PLAT_COMMON_PUTK_H__

#include <stdint.h>

void plat_puts(const char *s);
/* The low `digits` hex digits of v (at most 16), with no prefix. */
void plat_puthex(uint64_t v, unsigned int digits);
/* v in decimal. unsigned long: no 64-bit division helpers on 32-bit. */
void plat_putdec(unsigned long v);
/* v in decimal, with a minus sign when negative (exit statuses). */
void plat_putint(long v);

#endif /* __UK_PLAT_COMMON_PUTK_H__ */
