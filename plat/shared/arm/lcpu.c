/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt masking, idling and the thread pointer of the (single) arm32
 * CPU.
 */
#include <uk/plat/lcpu.h>
#include <uk/plat/tls.h>
#include <uk/plat/time.h>
#include <uk/arch/lcpu.h>
#include <uk/arch/barrier.h>
#include <arm/timer.h>

void ukplat_lcpu_halt_irq_until(__nsec until)
{
	/*
	 * wfi wakes on a pending interrupt even while CPSR.I masks it, so
	 * an interrupt arriving between the check and wfi is not lost.
	 */
	if (!until || (until > ukplat_monotonic_clock() &&
		       arm_timer_set_deadline(until) == 0))
		ukarch_halt();
	/* Let whatever is pending run its handler, then mask again. */
	ukarch_irq_enable();
	isb();
	ukarch_irq_disable();
}

/*
 * TPIDRURO, what compiled __thread accesses read (mrc p15, 0, rX, c13,
 * c0, 3); writable from PL1, where kvm and baremetal run.
 */
int ukplat_tlsp_set(uintptr_t tp)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" : : "r"(tp));
	return 0;
}
