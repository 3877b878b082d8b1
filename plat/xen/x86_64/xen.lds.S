/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Layout of the Xen PV image: one segment at 4 MiB (the VIRT_BASE and
 * PADDR_OFFSET notes say the same, so virtual = link address and Xen's
 * pseudo-physical page 0 is the first page of the image). Nothing is
 * mapped below 4 MiB: a NULL dereference faults. _etext and _erodata
 * end the code and the read-only data on page boundaries, for PVH's W^X
 * (pvh.c); a PV guest's page tables are Xen's.
 */
#include <uk/plat/common/sections.lds.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_xen_start)

PHDRS
{
	image PT_LOAD FLAGS(7);
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = 0x400000;
	_image_start = .;

	.text : {
		*(.text.xen_boot)
		*(.text .text.*)
		/* W^X under PVH: code pages hold nothing else (pvh.c). */
		. = ALIGN(4096);
		_etext = .;
	} :image

	.note : ALIGN(4) {
		KEEP(*(.note.xen))
		*(.note.gnu.build-id)
	} :image :note

	.rodata : {
		*(.rodata .rodata.*)
		. = ALIGN(4096);
		_erodata = .;
	} :image

	UK_TABLE_SECTIONS
	UK_INIT_ARRAY_SECTION

	.data : ALIGN(64) {
		*(.data .data.*)
	}

	.bss : ALIGN(4096) {
		__bss_start = .;
		*(.bss.xen_page)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
	}
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.note.GNU-stack)
		*(.eh_frame .eh_frame_hdr)
	}
}
