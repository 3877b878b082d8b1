/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __ARM_PSCI_H__
#define __ARM_PSCI_H__

#define ARM_PSCI_SYSTEM_OFF 0x84000008U
#define ARM_PSCI_SYSTEM_RESET 0x84000009U

enum arm_psci_conduit { ARM_PSCI_NONE, ARM_PSCI_HVC, ARM_PSCI_SMC };

/* Read the conduit from the device tree's /psci node ("method"). */
void arm_psci_init(const void *fdt);
/* A PSCI call with up to 3 arguments; -1 (NOT_SUPPORTED) without PSCI. */
long arm_psci_call(unsigned long fn, unsigned long a1, unsigned long a2,
		   unsigned long a3);

#endif /* __ARM_PSCI_H__ */
