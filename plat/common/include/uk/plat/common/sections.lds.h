/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Output sections every platform's linker script includes: the tables the
 * boot library walks (constructors, init functions) and test suites. They
 * are KEEP()s so --gc-sections never drops a registered entry.
 */
#ifndef __UK_PLAT_COMMON_SECTIONS_LDS_H__
#define __UK_PLAT_COMMON_SECTIONS_LDS_H__

#define UK_TABLE_SECTIONS                                                      \
	.uk_ctortab : ALIGN(8) {                                               \
		PROVIDE(uk_ctortab_start = .);                                 \
		KEEP(*(SORT_BY_NAME(.uk_ctortab*)))                            \
		PROVIDE(uk_ctortab_end = .);                                   \
	}                                                                      \
	.uk_inittab : ALIGN(8) {                                               \
		PROVIDE(uk_inittab_start = .);                                 \
		KEEP(*(SORT_BY_NAME(.uk_inittab*)))                            \
		PROVIDE(uk_inittab_end = .);                                   \
	}                                                                      \
	.uk_testtab : ALIGN(8) {                                               \
		PROVIDE(uk_testtab_start = .);                                 \
		KEEP(*(SORT_BY_NAME(.uk_testtab*)))                            \
		PROVIDE(uk_testtab_end = .);                                   \
	}                                                                      \
	UK_TLS_SECTIONS

/*
 * The template of the thread-local variables (__thread): .tdata holds the
 * initial values, .tbss the zero-initialised rest. uksched copies it into
 * each thread's TLS area. Both start 64-byte aligned and the end is padded
 * to 64, so the linker's thread-pointer offsets (which round the size and
 * the TCB to the segment's alignment) come out the same on every arch
 * (see uk/asm/tls.h). The symbols are addresses of the template.
 */
#define UK_TLS_SECTIONS                                                        \
	.tdata : ALIGN(64) {                                                   \
		_uk_tls_start = .;                                             \
		*(.tdata .tdata.* .gnu.linkonce.td.*)                          \
		_uk_tdata_end = .;                                             \
	}                                                                      \
	.tbss : ALIGN(64) {                                                    \
		*(.tbss .tbss.* .gnu.linkonce.tb.*)                            \
		*(.tcommon)                                                    \
		. = ALIGN(64);                                                 \
		_uk_tls_end = .;                                               \
	}

/* C constructors (__attribute__((constructor))), for images whose script
 * is our own (the linuxu one keeps ld's default .init_array). */
#define UK_INIT_ARRAY_SECTION                                                  \
	.init_array : ALIGN(8) {                                               \
		PROVIDE_HIDDEN(__init_array_start = .);                        \
		KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))                  \
		KEEP(*(.init_array .ctors))                                    \
		PROVIDE_HIDDEN(__init_array_end = .);                          \
	}

#endif /* __UK_PLAT_COMMON_SECTIONS_LDS_H__ */
