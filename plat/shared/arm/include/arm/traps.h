/* SPDX-License-Identifier: BSD-3-Clause */
/* Exception frames of the arm32 system platforms (built in vectors.S). */
#ifndef __ARM_TRAPS_H__
#define __ARM_TRAPS_H__

#define ARM_TRAP_RESET 0
#define ARM_TRAP_UNDEF 1
#define ARM_TRAP_PABT 2
#define ARM_TRAP_DABT 3
#define ARM_TRAP_FIQ 4

#define ARM_FRAME_SP 52
#define ARM_FRAME_LR 56
#define ARM_FRAME_PC 60
#define ARM_FRAME_CPSR 64
#define ARM_FRAME_TYPE 68
#define ARM_FRAME_SIZE 72

#ifndef __ASSEMBLY__
#include <stdint.h>

/* The interrupted context; sp and lr are those of its mode. */
struct arm_trap_frame {
	uint32_t r[13];
	uint32_t sp;
	uint32_t lr;
	uint32_t pc;
	uint32_t cpsr;
	uint32_t type;
};

void arm_trap_handle(struct arm_trap_frame *f) __attribute__((noreturn));
/* Called by the IRQ vector with interrupts masked. */
void arm_irq_handle(void);
#endif

#endif /* __ARM_TRAPS_H__ */
