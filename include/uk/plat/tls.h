/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer register that compiled __thread accesses use: the
 * FS base on x86_64, TPIDRURO on arm32, UserLocal on mips32. uksched
 * sets it at every context switch; the layout of what it points to is the
 * arch's (uk/asm/tls.h).
 */
#ifndef __UK_PLAT_TLS_H__
#define __UK_PLAT_TLS_H__

#include <stdint.h>

/* 0, or -EOPNOTSUPP where the platform cannot set it. */
int ukplat_tlsp_set(uintptr_t tp);

#endif /* __UK_PLAT_TLS_H__ */
