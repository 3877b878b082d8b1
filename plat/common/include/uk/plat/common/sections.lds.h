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
