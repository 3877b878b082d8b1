/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __LINUXU_SETUP_H__
#define __LINUXU_SETUP_H__

#include <linuxu/syscall.h>

/* AT_HWCAP2 of the auxiliary vector (0 if absent). */
extern unsigned long linuxu_hwcap2;

/* The heap: UK_MEM from the host's environment, else the Kconfig size. */
void linuxu_memory_init(char **envp);
/* Maps the file that UK_INITRD names as the initrd region (memory.c). */
void linuxu_initrd_init(char **envp);
void linuxu_time_init(void);
/* SIGSEGV handler that reports hits of guard pages (fault.c). */
void linuxu_fault_init(void);
/* 1 if addr is in a guard page (paging.c); *owner its owner. */
int linuxu_guard_owner(void *addr, const char **owner);

#endif /* __LINUXU_SETUP_H__ */
