/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __ARM_SEMIHOST_H__
#define __ARM_SEMIHOST_H__

#define ARM_SEMIHOST_SYS_EXIT_EXTENDED 0x20
#define ARM_SEMIHOST_ADP_STOPPED_APPLICATIONEXIT 0x20026

long arm_semihost_call(unsigned long op, void *arg);

/* Exit the emulator with status; returns if nobody handles semihosting. */
void arm_semihost_exit(int status);

#endif /* __ARM_SEMIHOST_H__ */
