/* SPDX-License-Identifier: BSD-3-Clause */
/* Interrupt registration, the same on every platform. */
#ifndef __UK_PLAT_IRQ_H__
#define __UK_PLAT_IRQ_H__

/* Returns 1 when the handler dealt with the interrupt, 0 otherwise. */
typedef int (*uk_irq_handler_func_t)(void *arg);

/*
 * Register a handler for a platform interrupt line (ISA IRQ / GSI on
 * x86, GIC SPI/PPI id on arm, CPU interrupt line on mips, event channel
 * on xen). Several handlers may share a line. Returns 0 or -errno.
 */
int ukplat_irq_register(unsigned long irq, uk_irq_handler_func_t func,
			void *arg);

#endif /* __UK_PLAT_IRQ_H__ */
