/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Malta image: linked and loaded at 0x80100000 in kseg0 (cached, unmapped;
 * the first MiB is left to the boot loader's vectors and arguments).
 */
#include <uk/plat/common/sections.lds.h>

/* cpp predefines mips as 1 */
#undef mips
OUTPUT_ARCH(mips)
ENTRY(_start)

SECTIONS
{
	. = 0x80100000;
	__image_start = .;

	.text : {
		KEEP(*(.text.boot))
		/* EBase needs 4 KiB alignment; vectors.S asks for it. */
		KEEP(*(.text.vectors))
		*(.text .text.*)
	}
	__etext = .;

	.rodata : ALIGN(8) {
		*(.rodata .rodata.*)
	}
	.note.gnu.build-id : { *(.note.gnu.build-id) }
	/* Allocated by the toolchain: keep it inside the image. */
	.MIPS.abiflags : ALIGN(8) { *(.MIPS.abiflags) }
	UK_TABLE_SECTIONS
	UK_INIT_ARRAY_SECTION

	.data : ALIGN(8) {
		*(.data .data.*)
		*(.sdata .sdata.*)
	}
	__edata = .;

	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.sbss .sbss.*)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	_end = .;

	.comment 0 : { *(.comment) }
	/DISCARD/ : {
		*(.reginfo) *(.pdr) *(.note.GNU-stack) *(.gnu.attributes)
		*(.MIPS.options)
	}
}
