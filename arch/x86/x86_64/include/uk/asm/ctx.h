/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Context switch for a scheduler. A context is what the System V AMD64
 * ABI says a function must preserve: rbx, rbp, r12-r15, rsp and the
 * return address. Switching is a call that returns in another context;
 * caller-saved registers are the compiler's concern. The SSE/x87 control
 * words are not switched: kernel code is built without SSE (see
 * CONFIG_X86_64_GENERAL_REGS_ONLY) and nothing here changes them.
 */
#ifndef __UK_ASM_CTX_H__
#define __UK_ASM_CTX_H__

#define UKARCH_CTX_OFF_RSP 48
#define UKARCH_CTX_OFF_RIP 56
#define UKARCH_CTX_SIZE 64

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <uk/essentials.h>

struct ukarch_ctx {
	uint64_t rbx, rbp, r12, r13, r14, r15;
	uint64_t rsp;
	uint64_t rip; /* where ukarch_ctx_switch() returns to */
};

UK_BUILD_BUG_ON(sizeof(struct ukarch_ctx) != UKARCH_CTX_SIZE);
UK_BUILD_BUG_ON(offsetof(struct ukarch_ctx, rsp) != UKARCH_CTX_OFF_RSP);
UK_BUILD_BUG_ON(offsetof(struct ukarch_ctx, rip) != UKARCH_CTX_OFF_RIP);

/*
 * Prepare ctx so that switching to it calls entry(arg) on the stack that
 * ends at stack_top (rounded down to 16 bytes). entry must not return.
 */
void ukarch_ctx_init(struct ukarch_ctx *ctx, uintptr_t stack_top,
		     void (*entry)(void *), void *arg);

/* Save the current context in prev, continue in next. */
void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next);
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_CTX_H__ */
