/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PSCI (ARM DEN 0022): power management calls to the hypervisor or
 * firmware, through hvc or smc as the device tree says (QEMU virt: hvc).
 */
#include <uk/fdt.h>
#include <arm/psci.h>

static enum arm_psci_conduit conduit = ARM_PSCI_NONE;

void arm_psci_init(const void *fdt)
{
	int node = uk_fdt_path_offset(fdt, "/psci");
	const char *method;

	if (node < 0)
		return;
	method = uk_fdt_getprop(fdt, node, "method", NULL);
	if (!method)
		return;
	if (method[0] == 'h' && method[1] == 'v' && method[2] == 'c')
		conduit = ARM_PSCI_HVC;
	else if (method[0] == 's' && method[1] == 'm' && method[2] == 'c')
		conduit = ARM_PSCI_SMC;
}

long arm_psci_call(unsigned long fn, unsigned long a1, unsigned long a2,
		   unsigned long a3)
{
	register unsigned long r0 __asm__("r0") = fn;
	register unsigned long r1 __asm__("r1") = a1;
	register unsigned long r2 __asm__("r2") = a2;
	register unsigned long r3 __asm__("r3") = a3;

	switch (conduit) {
	case ARM_PSCI_HVC:
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
				     :
				     : "memory");
		break;
	case ARM_PSCI_SMC:
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
				     :
				     : "memory");
		break;
	default:
		return -1;
	}
	return (long)r0;
}
