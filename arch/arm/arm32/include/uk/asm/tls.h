/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage layout, ELF TLS variant I (ARM ELF ABI): the thread
 * pointer (TPIDRURO) points to an 8-byte TCB, and the TLS block follows
 * at the TCB size rounded up to the block's alignment, 64 here (see
 * sections.lds.h).
 *
 * A thread's TLS area is [TCB, padded to 64][block], 64-byte aligned.
 */
#ifndef __UK_ASM_TLS_H__
#define __UK_ASM_TLS_H__

#define UKARCH_TLS_ALIGN 64
#define UKARCH_TLS_PRE 64
#define UKARCH_TLS_POST 0
#define UKARCH_TLS_TP(block, size) ((uintptr_t)(block)-UKARCH_TLS_PRE)
#define UKARCH_TLS_TCB_SELF 0

#endif /* __UK_ASM_TLS_H__ */
