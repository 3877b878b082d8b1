/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer (<uk/plat/tls.h>), the FS base: a PVH guest runs in
 * ring 0 and writes its MSR (plat/shared/x86/tls.c); a PV guest runs its
 * kernel in ring 3, where only Xen can set it (set_segment_base).
 */
#include <uk/plat/tls.h>
#include <xen-abi.h>
#include <x86/cpu.h>

/* xen/include/public/xen.h and arch-x86/xen-x86_64.h */
#define XEN_HC_set_segment_base 25
#define XEN_SEGBASE_FS 0

int ukplat_tlsp_set(uintptr_t tp)
{
	if (xen_pvh)
		return x86_cpu_tlsp_set(tp);
	/* Fails only for a bad segment number or non-canonical address. */
	return (int)xen_hypercall2(XEN_HC_set_segment_base, XEN_SEGBASE_FS, tp);
}
