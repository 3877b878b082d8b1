/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen on Arm loads a zImage at guest RAM + 0x8000 (0x40008000 with Xen's
 * guest memory layout, arch-arm.h): link there, zImage header first.
 */
#include <arm/image.lds.h>

OUTPUT_ARCH(arm)
ENTRY(_xen_zimage)

SECTIONS
{
	ARM_IMAGE_SECTIONS(0x40008000)
}
