/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage layout, ELF TLS variant I as the MIPS ABI has it:
 * the thread pointer (UserLocal, read with rdhwr $29) lies 0x7000 bytes
 * after the start of the TLS block, so 16-bit signed offsets reach 36 KiB
 * of it. Nothing before the block is used.
 *
 * A thread's TLS area is the block, 64-byte aligned.
 */
#ifndef __UK_ASM_TLS_H__
#define __UK_ASM_TLS_H__

#define UKARCH_TLS_ALIGN 64
#define UKARCH_TLS_PRE 0
#define UKARCH_TLS_POST 0
#define UKARCH_TLS_TP(block, size) ((uintptr_t)(block) + 0x7000)
#define UKARCH_TLS_TCB_SELF 0

#endif /* __UK_ASM_TLS_H__ */
