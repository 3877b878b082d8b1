/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __ARM_PL011_H__
#define __ARM_PL011_H__

#include <stdint.h>

/*
 * Use the PL011 at base as the kernel console. With clk_hz != 0, program
 * it for baud 8N1 (a real board); 0 keeps the loader's settings (QEMU).
 */
void arm_pl011_init(uintptr_t base, uint32_t clk_hz, uint32_t baud);

#endif /* __ARM_PL011_H__ */
