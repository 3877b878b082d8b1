/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer (<uk/plat/tls.h>) of a Linux process: only the
 * kernel may write it. x86_64: arch_prctl(ARCH_SET_FS); arm: the private
 * syscall set_tls (TPIDRURO); mips: set_thread_area (what rdhwr $29
 * returns). One syscall per context switch of a thread that has TLS,
 * except on x86_64 when the kernel lets user space write the FS base
 * itself (AT_HWCAP2 has HWCAP2_FSGSBASE, Linux 5.9+): then wrfsbase.
 */
#include <uk/plat/tls.h>
#include <linuxu/setup.h>

#if defined(__x86_64__)
#define SC_ARCH_PRCTL 158
#define ARCH_SET_FS 0x1002
#define HWCAP2_FSGSBASE (1UL << 1)
#elif defined(__arm__)
#define SC_SET_TLS 0x0f0005
#elif defined(__mips__)
#define SC_SET_THREAD_AREA (__SC_BASE + 283)
#endif

int ukplat_tlsp_set(uintptr_t tp)
{
	long r;

#if defined(__x86_64__)
	if (linuxu_hwcap2 & HWCAP2_FSGSBASE) {
		__asm__ __volatile__("wrfsbase %0" : : "r"(tp) : "memory");
		return 0;
	}
	r = linuxu_syscall(SC_ARCH_PRCTL, ARCH_SET_FS, tp, 0);
#elif defined(__arm__)
	r = linuxu_syscall(SC_SET_TLS, tp, 0, 0);
#elif defined(__mips__)
	r = linuxu_syscall(SC_SET_THREAD_AREA, tp, 0, 0);
#endif
	return r < 0 ? (int)r : 0;
}
