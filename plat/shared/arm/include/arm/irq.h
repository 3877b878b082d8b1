/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt dispatch shared by the arm platforms: the platform's
 * interrupt controller driver registers itself; ukplat_irq_register()
 * unmasks lines through it; the IRQ vector calls its handle(), which
 * acknowledges each pending line and calls arm_irq_dispatch().
 */
#ifndef __ARM_IRQ_H__
#define __ARM_IRQ_H__

struct arm_intc {
	/* Unmask a line; 0 or -errno (unknown line). */
	int (*enable)(unsigned long irq);
	/* Serve every pending line. */
	void (*handle)(void);
};

void arm_irq_set_controller(const struct arm_intc *intc);
/* Call the handlers registered for irq; 0 when none took it. */
int arm_irq_dispatch(unsigned long irq);

#endif /* __ARM_IRQ_H__ */
