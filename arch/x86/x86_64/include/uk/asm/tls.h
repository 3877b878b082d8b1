/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage layout, ELF TLS variant II (x86_64 psABI): the
 * TLS block ends at the thread pointer (%fs base), where the TCB starts;
 * the TCB's first word points to itself (%fs:0). The block size is a
 * multiple of its 64-byte alignment (sections.lds.h), so the linker's
 * offsets are (address in the template) - (template size).
 *
 * A thread's TLS area is [block][TCB], 64-byte aligned.
 */
#ifndef __UK_ASM_TLS_H__
#define __UK_ASM_TLS_H__

#define UKARCH_TLS_ALIGN 64
/* Bytes of the area before the block, and after it (the TCB). */
#define UKARCH_TLS_PRE 0
#define UKARCH_TLS_POST 16
/* The thread pointer of an area whose block starts at `block`. */
#define UKARCH_TLS_TP(block, size) ((uintptr_t)(block) + (size))
/* Variant II wants the TCB's self pointer. */
#define UKARCH_TLS_TCB_SELF 1

#endif /* __UK_ASM_TLS_H__ */
