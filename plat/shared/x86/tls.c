/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer (<uk/plat/tls.h>): the FS base, through its MSR.
 * wrmsr works on every x86_64 CPU; wrfsbase would need CR4.FSGSBASE and a
 * CPUID check, and this machine's software KVM emulates fewer forms.
 */
#include <uk/plat/tls.h>
#include <x86/cpu.h>

#define X86_MSR_FS_BASE 0xC0000100

int x86_cpu_tlsp_set(uintptr_t tp)
{
	wrmsr(X86_MSR_FS_BASE, tp);
	return 0;
}
