/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raspberry Pi 2: linked where the firmware loads kernel7.img. QEMU loads
 * a raw image at 0x10000 instead; start.S moves it here.
 */
#include <arm/image.lds.h>

OUTPUT_ARCH(arm)
ENTRY(_start)

SECTIONS
{
	ARM_IMAGE_SECTIONS(0x8000)
}
