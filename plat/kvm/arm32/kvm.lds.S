/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QEMU virt: RAM starts at 0x40000000. Linking 1 MiB above it makes QEMU
 * load the ELF there and put the DTB at the start of RAM (see FACTS).
 */
#include <arm/image.lds.h>

OUTPUT_ARCH(arm)
ENTRY(_start)

SECTIONS
{
	ARM_IMAGE_SECTIONS(0x40100000)
}
