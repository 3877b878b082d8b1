/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Context switch for a scheduler. A context is what the AAPCS says a
 * function must preserve: r4-r11, sp, the return address, the VFP
 * registers d8-d15 and the FPSCR. Switching is a call that returns in
 * another context; the caller-saved registers are the compiler's concern.
 */
#ifndef __UK_ASM_CTX_H__
#define __UK_ASM_CTX_H__

#define UKARCH_CTX_OFF_R4 0
#define UKARCH_CTX_OFF_SP 32
#define UKARCH_CTX_OFF_LR 36
#define UKARCH_CTX_OFF_D8 40
#define UKARCH_CTX_OFF_FPSCR 104
#define UKARCH_CTX_SIZE 112

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <uk/essentials.h>

struct ukarch_ctx {
	uint32_t r[8];	/* r4-r11 */
	uint32_t sp;
	uint32_t lr;	/* where ukarch_ctx_switch() returns to */
	uint64_t d[8];	/* d8-d15 */
	uint32_t fpscr;
	uint32_t pad;
} __align(8);

UK_BUILD_BUG_ON(sizeof(struct ukarch_ctx) != UKARCH_CTX_SIZE);
UK_BUILD_BUG_ON(offsetof(struct ukarch_ctx, sp) != UKARCH_CTX_OFF_SP);
UK_BUILD_BUG_ON(offsetof(struct ukarch_ctx, d) != UKARCH_CTX_OFF_D8);
UK_BUILD_BUG_ON(offsetof(struct ukarch_ctx, fpscr) != UKARCH_CTX_OFF_FPSCR);

/*
 * Prepare ctx so that switching to it calls entry(arg) on the stack that
 * ends at stack_top (rounded down to 8 bytes). entry must not return.
 */
void ukarch_ctx_init(struct ukarch_ctx *ctx, uintptr_t stack_top,
		     void (*entry)(void *), void *arg);

/* Save the current context in prev, continue in next. */
void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next);
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_CTX_H__ */
