/* SPDX-License-Identifier: BSD-3-Clause */
/* Handler table behind ukplat_irq_register() on the arm platforms. */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/console.h>
#include <arm/irq.h>
#include <arm/traps.h>

#define ARM_IRQ_MAX_HANDLERS 32
#define ARM_EINVAL 22
#define ARM_ENOMEM 12
#define ARM_ENODEV 19

struct irq_handler {
	unsigned long irq;
	uk_irq_handler_func_t func;
	void *arg;
};

static struct irq_handler handlers[ARM_IRQ_MAX_HANDLERS];
static unsigned int nhandlers;
static const struct arm_intc *controller;

void arm_irq_set_controller(const struct arm_intc *intc)
{
	controller = intc;
}

int ukplat_irq_register(unsigned long irq, uk_irq_handler_func_t func,
			void *arg)
{
	int rc;

	if (!func)
		return -ARM_EINVAL;
	if (!controller)
		return -ARM_ENODEV;
	if (nhandlers == ARM_IRQ_MAX_HANDLERS)
		return -ARM_ENOMEM;
	/* Visible to the vector before the line is unmasked. */
	handlers[nhandlers] = (struct irq_handler){ irq, func, arg };
	__atomic_store_n(&nhandlers, nhandlers + 1, __ATOMIC_RELEASE);
	rc = controller->enable(irq);
	if (rc < 0)
		__atomic_store_n(&nhandlers, nhandlers - 1, __ATOMIC_RELEASE);
	return rc;
}

int arm_irq_dispatch(unsigned long irq)
{
	unsigned int i, n = __atomic_load_n(&nhandlers, __ATOMIC_ACQUIRE);
	int handled = 0;

	for (i = 0; i < n; i++)
		if (handlers[i].irq == irq && handlers[i].func(handlers[i].arg))
			handled = 1;
	return handled;
}

void arm_irq_handle(void)
{
	if (controller)
		controller->handle();
}
