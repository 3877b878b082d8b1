/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Layout of an arm32 system image, linked at ARM_IMAGE_BASE: a loader's
 * header if the platform has one (.text.header, e.g. Xen's zImage), then
 * start.S (a raw copy of the image is entered at its first byte), then
 * code, read-only data, tables, data; __image_load_end is where the raw
 * image ends, __image_end where the zeroed .bss does.
 * (A linker script fragment: not for clang-format.)
 */
#ifndef __ARM_IMAGE_LDS_H__
#define __ARM_IMAGE_LDS_H__

#include <uk/plat/common/sections.lds.h>

#define ARM_IMAGE_SECTIONS(ARM_IMAGE_BASE)                                 \
	. = ARM_IMAGE_BASE;                                                \
	__image_start = .;                                                 \
	.text : {                                                          \
		KEEP(*(.text.header))                                      \
		KEEP(*(.text.boot))                                        \
		*(.text .text.*)                                           \
	}                                                                  \
	.rodata : ALIGN(8) {                                               \
		*(.rodata .rodata.*)                                       \
	}                                                                  \
	.note.gnu.build-id : { *(.note.gnu.build-id) }                     \
	.ARM.exidx : ALIGN(4) {                                            \
		__exidx_start = .;                                         \
		*(.ARM.exidx* .gnu.linkonce.armexidx.*)                    \
		__exidx_end = .;                                           \
	}                                                                  \
	UK_TABLE_SECTIONS                                                  \
	UK_INIT_ARRAY_SECTION                                              \
	.data : ALIGN(8) {                                                 \
		*(.data .data.*)                                           \
		. = ALIGN(8);                                              \
	}                                                                  \
	__image_load_end = .;                                              \
	.bss (NOLOAD) : ALIGN(8) {                                         \
		__bss_start = .;                                           \
		*(.bss .bss.* COMMON)                                      \
		. = ALIGN(8);                                              \
		__bss_end = .;                                             \
	}                                                                  \
	. = ALIGN(4096);                                                   \
	__image_end = .;                                                   \
	/DISCARD/ : {                                                      \
		*(.note.GNU-stack .comment .interp .dynamic)               \
	}

#endif /* __ARM_IMAGE_LDS_H__ */
