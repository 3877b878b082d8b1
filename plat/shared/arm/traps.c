/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fatal exceptions: print the interrupted registers and the fault
 * status/address registers, then crash through the platform. Printing
 * goes straight to the console with no formatting library: the fault may
 * be in one.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/common/putk.h>
#include <uk/asm/arch.h>
#include <arm/cpu.h>
#include <arm/traps.h>

static void put_reg(const char *name, uint32_t v, const char *sep)
{
	plat_puts(name);
	plat_puts("=0x");
	plat_puthex(v, 8);
	plat_puts(sep);
}

static const char *const trap_names[] = {
	[ARM_TRAP_RESET] = "Reset vector",
	[ARM_TRAP_UNDEF] = "Undefined instruction",
	[ARM_TRAP_PABT] = "Prefetch abort",
	[ARM_TRAP_DABT] = "Data abort",
	[ARM_TRAP_FIQ] = "Unexpected FIQ",
};

static const char *const reg_names[] = { "r0",	"r1",  "r2", "r3", "r4",
					 "r5",	"r6",  "r7", "r8", "r9",
					 "r10", "r11", "r12" };

void arm_trap_handle(struct arm_trap_frame *f)
{
	int i;

	/* A Thumb instruction is 2 bytes before the return address. */
	if (f->type == ARM_TRAP_UNDEF && (f->cpsr & ARM_PSR_T))
		f->pc += 2;
	plat_puts("\n");
	plat_puts(f->type < ARRAY_SIZE(trap_names) ? trap_names[f->type] :
						     "Exception");
	put_reg(" at pc", f->pc, (f->cpsr & ARM_PSR_T) ? " (Thumb)\n" : "\n");
	switch (f->type) {
	case ARM_TRAP_DABT:
		put_reg("DFAR", ARM_CP15_READ(0, c6, c0, 0), " ");
		put_reg("DFSR", ARM_CP15_READ(0, c5, c0, 0), "\n");
		break;
	case ARM_TRAP_PABT:
		put_reg("IFAR", ARM_CP15_READ(0, c6, c0, 2), " ");
		put_reg("IFSR", ARM_CP15_READ(0, c5, c0, 1), "\n");
		break;
	}
	for (i = 0; i < 13; i++)
		put_reg(reg_names[i], f->r[i], (i % 4 == 3) ? "\n" : " ");
	put_reg("sp", f->sp, " ");
	put_reg("lr", f->lr, " ");
	put_reg("pc", f->pc, " ");
	put_reg("cpsr", f->cpsr, "\n");
	ukplat_crash();
}
