/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Context switch support for a scheduler: a context is what the o32 ABI
 * says a callee preserves (s0-s7, fp, gp) plus sp and ra. Everything else
 * is saved by the caller of ukarch_ctx_switch(), as for any call.
 */
#ifndef __UK_ASM_CTX_H__
#define __UK_ASM_CTX_H__

/* Byte offsets in struct ukarch_ctx, shared with ctx.S. */
#define UKARCH_CTX_S0 0
#define UKARCH_CTX_FP 32
#define UKARCH_CTX_GP 36
#define UKARCH_CTX_SP 40
#define UKARCH_CTX_RA 44
#define UKARCH_CTX_SIZE 48

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <stddef.h>

struct ukarch_ctx {
	uint32_t s[8]; /* s0-s7 */
	uint32_t fp; /* s8 */
	uint32_t gp;
	uint32_t sp;
	uint32_t ra;
};

_Static_assert(offsetof(struct ukarch_ctx, fp) == UKARCH_CTX_FP, "ctx fp");
_Static_assert(offsetof(struct ukarch_ctx, ra) == UKARCH_CTX_RA, "ctx ra");
_Static_assert(sizeof(struct ukarch_ctx) == UKARCH_CTX_SIZE, "ctx size");

/*
 * Save the running context into *prev and resume *next; returns when
 * something switches back to prev.
 */
void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next);

/*
 * Prepare *ctx so that switching to it calls entry(arg) on a fresh stack
 * ending at stack_top (rounded down to 8 bytes). entry must not return;
 * if it does, the thread spins forever (with a break 0x77 first,
 * which a kernel platform reports as a crash).
 */
void ukarch_ctx_init(struct ukarch_ctx *ctx, uintptr_t stack_top,
		     void (*entry)(void *arg), void *arg);
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_CTX_H__ */
