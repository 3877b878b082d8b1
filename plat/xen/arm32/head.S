/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ARM Linux zImage header (Documentation/arm/booting: magic at 0x24,
 * start/end addresses at 0x28/0x2c), which Xen's domain builder looks
 * for: it loads the file 32 KiB into guest RAM (0x40008000) and enters
 * at the start address in SVC mode, MMU off, r2 = device tree. The
 * header's start address is the link address, so plat/shared/arm's
 * start.S never needs to move the image.
 */
	.syntax unified
	.arm

	.section .text.header, "ax", %progbits
	.globl _xen_zimage
	.type _xen_zimage, %function
_xen_zimage:
	b _start
	.org _xen_zimage + 0x24
	.word 0x016f2818		/* zImage magic */
	.word _xen_zimage		/* start: load and entry address */
	.word __image_load_end		/* end: last loaded byte + 1 */
	.word 0x04030201		/* little-endian image */
	.size _xen_zimage, . - _xen_zimage

	.section .note.GNU-stack, "", %progbits
