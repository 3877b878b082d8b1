/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Image layout of the x86_64 PC-like platforms: loaded at 1 MiB as one
 * segment, the multiboot header first.
 *
 * The platforms link with -z max-page-size=0x2000, so in the ELF64 image
 * the segment, and the multiboot header with it, starts at file offset
 * 8 KiB: beyond where QEMU looks for a multiboot header (it would refuse
 * an ELF64 with one), so QEMU's -kernel boots the ELF64 through its PVH
 * note. `objcopy -O elf32-i386` lays the ELF32 copy (<image>.multiboot)
 * out with 4-KiB pages: the header lands at offset 4 KiB, inside the first
 * 8 KiB where QEMU and GRUB look for it.
 *
 * _etext and _erodata end the code and the read-only data on page
 * boundaries: setup.c maps the code read-only and executable, the
 * read-only data read-only, all else not executable.
 */
#include <uk/plat/common/sections.lds.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_multiboot_entry)

PHDRS
{
	image PT_LOAD FLAGS(7);
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = 0x100000;
	_image_start = .;

	.text : {
		KEEP(*(.multiboot_header))
		*(.text.boot)
		*(.text .text.*)
		/* W^X: code pages hold nothing else. */
		. = ALIGN(4096);
		_etext = .;
	} :image

	/* 4-byte aligned, as QEMU reads the notes with the segment's
	 * alignment. */
	.note : ALIGN(4) {
		KEEP(*(.note.pvh))
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

	.bss : ALIGN(64) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(64);
	}
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.note.GNU-stack)
		*(.eh_frame .eh_frame_hdr)
	}
}
