/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Init functions: a library registers a function that the boot library
 * calls before main(), in class order (early .. late), then by priority
 * (0-9) inside a class. Registration is a table entry placed in a linker
 * section, so linking the library is enough.
 */
#ifndef __UK_INIT_H__
#define __UK_INIT_H__

#include <uk/essentials.h>

typedef int (*uk_init_func_t)(void);

struct uk_init_entry {
	uk_init_func_t func;
	const char *name;
};

/* Classes, in call order. */
#define UK_INIT_CLASS_EARLY 1
#define UK_INIT_CLASS_PLAT 2
#define UK_INIT_CLASS_LIB 3
#define UK_INIT_CLASS_ROOTFS 4
#define UK_INIT_CLASS_SYS 5
#define UK_INIT_CLASS_LATE 6

/* The section name sorts by class then priority. */
#define uk_initcall_class_prio(fn, cls, prio)                 \
	static const struct uk_init_entry __used __section(   \
		".uk_inittab" STRINGIFY(cls) STRINGIFY(prio)) \
		UK_CONCAT(__uk_initentry_, fn) = { (fn), STRINGIFY(fn) }

#define uk_early_initcall(fn) uk_initcall_class_prio(fn, UK_INIT_CLASS_EARLY, 5)
#define uk_plat_initcall(fn) uk_initcall_class_prio(fn, UK_INIT_CLASS_PLAT, 5)
#define uk_lib_initcall(fn) uk_initcall_class_prio(fn, UK_INIT_CLASS_LIB, 5)
#define uk_sys_initcall(fn) uk_initcall_class_prio(fn, UK_INIT_CLASS_SYS, 5)
#define uk_late_initcall(fn) uk_initcall_class_prio(fn, UK_INIT_CLASS_LATE, 5)
#define uk_lib_initcall_prio(fn, prio) \
	uk_initcall_class_prio(fn, UK_INIT_CLASS_LIB, prio)

/* Constructors that must run before any init function (e.g. allocator
 * registration); prio 0-9. */
typedef void (*uk_ctor_func_t)(void);
#define UK_CTOR_PRIO(fn, prio)                                                \
	static const uk_ctor_func_t __used __section(".uk_ctortab" STRINGIFY( \
		prio)) UK_CONCAT(__uk_ctorentry_, fn) = (fn)
#define UK_CTOR(fn) UK_CTOR_PRIO(fn, 5)

#endif /* __UK_INIT_H__ */
