/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The parts of Xen's guest ABI an arm32 guest uses, written from the public
 * interface (xen/include/public: arch-arm.h, xen.h, sched.h, memory.h,
 * event_channel.h, hvm/params.h, io/console.h). Layouts follow AAPCS with
 * 64-bit xen_ulong_t/xen_pfn_t; the asserts pin the offsets.
 */
#ifndef __XEN_ARM_H__
#define __XEN_ARM_H__

#include <stdint.h>
#include <stddef.h>
#include <uk/essentials.h>
#include <xen-console.h>

/* The HVC immediate Xen recognises as a hypercall (XEN_HYPERCALL_TAG). */
#define XEN_ARM_HVC_TAG 0xEA1

/* Hypercall numbers (the current ones; Arm has no compat variants). */
#define XEN_HC_memory_op 12
#define XEN_HC_console_io 18
#define XEN_HC_sched_op 29
#define XEN_HC_event_channel_op 32
#define XEN_HC_hvm_op 34

#define XEN_DOMID_SELF 0x7ff0
#define XEN_PAGE_SHIFT 12
#define XEN_PAGE_SIZE (1UL << XEN_PAGE_SHIFT)

#define XEN_CONSOLEIO_write 0
#define XEN_SCHEDOP_yield 0
#define XEN_SCHEDOP_shutdown 2
#define XEN_SHUTDOWN_poweroff 0
#define XEN_SHUTDOWN_crash 3
#define XEN_EVTCHNOP_send 4
#define XEN_HVMOP_get_param 1
#define XEN_HVM_PARAM_CONSOLE_PFN 17
#define XEN_HVM_PARAM_CONSOLE_EVTCHN 18
#define XEN_XENMEM_add_to_physmap 7
#define XEN_XENMAPSPACE_shared_info 0

struct xen_arm_hvm_param {
	uint16_t domid;
	uint32_t index;
	uint64_t value;
};

struct xen_arm_add_to_physmap {
	uint16_t domid;
	uint16_t size;
	uint32_t space;
	uint64_t idx;
	uint64_t gpfn;
};

/* shared_info with one legacy vcpu_info (48 bytes on Arm). */
struct xen_arm_shared_info {
	uint8_t vcpu_info[48];
	uint64_t evtchn_pending[64];
	uint64_t evtchn_mask[64];
	uint32_t wc_version;
	uint32_t wc_sec;
	uint32_t wc_nsec;
	uint32_t wc_sec_hi;
};

_Static_assert(__builtin_offsetof(struct xen_arm_hvm_param, value) == 8,
	       "xen_hvm_param layout");
_Static_assert(sizeof(struct xen_arm_add_to_physmap) == 24,
	       "xen_add_to_physmap layout");
_Static_assert(__builtin_offsetof(struct xen_arm_shared_info, wc_version) ==
		       1072,
	       "shared_info layout");

/*
 * hvc #0xEA1 with the number in r12 and arguments in r0-r4; the result
 * comes back in r0. Xen may clobber r12 and the argument registers.
 */
static inline long xen_hypercall(unsigned long nr, unsigned long a0,
				 unsigned long a1, unsigned long a2,
				 unsigned long a3, unsigned long a4)
{
	register unsigned long r0 __asm__("r0") = a0;
	register unsigned long r1 __asm__("r1") = a1;
	register unsigned long r2 __asm__("r2") = a2;
	register unsigned long r3 __asm__("r3") = a3;
	register unsigned long r4 __asm__("r4") = a4;
	register unsigned long r12 __asm__("r12") = nr;

	__asm__ __volatile__(".arch_extension virt\n\t"
			     "hvc #" STRINGIFY(XEN_ARM_HVC_TAG)
			     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4),
			       "+r"(r12)
			     :
			     : "memory");
	return (long)r0;
}

static inline long xen_sched_op(int cmd, void *arg)
{
	return xen_hypercall(XEN_HC_sched_op, cmd, (unsigned long)arg, 0, 0, 0);
}

static inline long xen_evtchn_send(uint32_t port)
{
	uint32_t p = port;

	return xen_hypercall(XEN_HC_event_channel_op, XEN_EVTCHNOP_send,
			     (unsigned long)&p, 0, 0, 0);
}

/* --- Shared between the files of plat/xen/arm32. */
struct arm_mem_range;
/* Identity map with RAM as normal cacheable memory, the rest as device. */
void xen_arm_mmu_init(const struct arm_mem_range *ram, int n, const void *fdt,
		      size_t fdt_size);
/* Make the 1 MiB around addr normal cacheable memory (a Xen page). */
void xen_arm_mmu_map_normal(uint64_t addr);
/* Find the console ring (console.c); the ring code: xen-console.h. */
void xen_console_init(void);
void xen_arm_time_init(void);

#endif /* __XEN_ARM_H__ */
