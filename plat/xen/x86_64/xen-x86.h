/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared between the files of plat/xen/x86_64 on guard pages and faults. */
#ifndef __XEN_X86_H__
#define __XEN_X86_H__

#include <stdint.h>

/* paging.c: 1 if va is in a guard page; *owner names its thread. */
int xen_guard_owner(uintptr_t va, const char **owner);

/* entry.S: the PVH GDT's TSS slot (selector XEN_PVH_GDT_TSS). */
extern uint64_t xen_pvh_gdt_tss[2];
#define XEN_PVH_GDT_TSS 0x18

#endif /* __XEN_X86_H__ */
