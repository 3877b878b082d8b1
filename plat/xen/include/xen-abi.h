/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The parts of Xen's guest ABI this platform uses, written from the public
 * interface description (xen/include/public: xen.h, sched.h,
 * event_channel.h, io/console.h, elfnote.h): hypercall numbers, constants
 * and the layouts of the shared structures, for x86_64 PV guests.
 */
#ifndef __XEN_ABI_H__
#define __XEN_ABI_H__

/* ELF note types (elfnote.h); the note name is "Xen". */
#define XEN_NOTE_ENTRY 1
#define XEN_NOTE_HYPERCALL_PAGE 2
#define XEN_NOTE_VIRT_BASE 3
#define XEN_NOTE_PADDR_OFFSET 4
#define XEN_NOTE_XEN_VERSION 5
#define XEN_NOTE_GUEST_OS 6
#define XEN_NOTE_LOADER 8
#define XEN_NOTE_FEATURES 10
#define XEN_NOTE_PHYS32_ENTRY 18

/* Kernel segment selectors of a 64-bit PV guest (ring 3). */
#define XEN_KERNEL_CS 0xe033
#define XEN_KERNEL_DS 0xe02b

#ifndef __ASSEMBLY__
#include <uk/essentials.h>
#include <xen-console.h>
#include <uk/plat/common/pvclock.h>

/* Hypercall numbers: each has a 32-byte slot in the hypercall page. */
#define XEN_HC_set_trap_table 0
#define XEN_HC_set_timer_op 15
#define XEN_HC_update_va_mapping 14
#define XEN_HC_console_io 18
#define XEN_HC_sched_op 29
#define XEN_HC_event_channel_op 32
#define XEN_HC_memory_op 12
#define XEN_HC_hvm_op 34
#define XEN_HC_mmu_update 1
#define XEN_HC_xen_version 17
#define XEN_HC_grant_table_op 20
#define XEN_HC_iret 23
#define XEN_HC_vcpu_op 24
#define XEN_HC_callback_op 30

#define XEN_DOMID_SELF 0x7ff0
#define XEN_XENMEM_add_to_physmap 7
#define XEN_XENMAPSPACE_shared_info 0
#define XEN_XENMAPSPACE_grant_table 1
#define XEN_HVMOP_set_param 0
#define XEN_HVMOP_get_param 1
#define XEN_HVM_PARAM_CALLBACK_IRQ 0
/* HVM_PARAM_CALLBACK_IRQ value: type (bits 63-56) 2 = IDT vector. */
#define XEN_HVM_CALLBACK_VECTOR(v) ((2ULL << 56) | (v))
#define XEN_HVM_PARAM_STORE_PFN 1
#define XEN_HVM_PARAM_STORE_EVTCHN 2
#define XEN_HVM_PARAM_CONSOLE_PFN 17
#define XEN_HVM_PARAM_CONSOLE_EVTCHN 18
#define XEN_HVM_START_MAGIC 0x336ec578

#define XEN_SCHEDOP_yield 0
#define XEN_SCHEDOP_block 1
#define XEN_SCHEDOP_shutdown 2
#define XEN_SCHEDOP_poll 3
#define XEN_SHUTDOWN_poweroff 0
#define XEN_SHUTDOWN_crash 3

#define XEN_EVTCHNOP_bind_interdomain 0
#define XEN_EVTCHNOP_bind_virq 1
#define XEN_EVTCHNOP_close 3
#define XEN_EVTCHNOP_send 4
#define XEN_EVTCHNOP_alloc_unbound 6
#define XEN_EVTCHNOP_unmask 9
#define XEN_VIRQ_TIMER 0
/* 2-level event channels: 64 words of 64 pending/mask bits. */
#define XEN_NR_EVTCHN 4096

#define XEN_CALLBACKOP_register 0
#define XEN_CALLBACKTYPE_event 0
#define XEN_CALLBACKTYPE_failsafe 1

#define XEN_VCPUOP_stop_periodic_timer 7
#define XEN_VCPUOP_set_singleshot_timer 8
#define XEN_VCPUOP_stop_singleshot_timer 9

#define XEN_CONSOLEIO_write 0
#define XEN_UVMF_INVLPG 2

#define XEN_SIF_INITDOMAIN (1 << 1)
#define XEN_PAGE_SHIFT 12
#define XEN_PAGE_SIZE (1UL << XEN_PAGE_SHIFT)
/* The read-only machine-to-physical table every PV guest sees. */
#define XEN_M2P ((const unsigned long *)0xffff800000000000UL)

/*
 * Xen's toolstack copies a guest's command line through a buffer of this
 * size (MAX_GUEST_CMDLINE), for PV start_info and PVH alike, cutting it
 * without a word: ukboot refuses a line that fills it.
 */
#define XEN_MAX_GUEST_CMDLINE 1024

struct xen_start_info {
	char magic[32];
	unsigned long nr_pages;
	unsigned long shared_info; /* machine address */
	uint32_t flags;
	unsigned long store_mfn;
	uint32_t store_evtchn;
	union {
		struct {
			unsigned long mfn;
			uint32_t evtchn;
		} domu;
		struct {
			uint32_t info_off;
			uint32_t info_size;
		} dom0;
	} console;
	unsigned long pt_base; /* virtual */
	unsigned long nr_pt_frames;
	unsigned long mfn_list; /* virtual */
	unsigned long mod_start;
	unsigned long mod_len;
	char cmd_line[XEN_MAX_GUEST_CMDLINE];
	unsigned long first_p2m_pfn;
	unsigned long nr_p2m_frames;
};

struct xen_vcpu_info {
	uint8_t evtchn_upcall_pending;
	uint8_t evtchn_upcall_mask;
	unsigned long evtchn_pending_sel;
	unsigned long cr2; /* arch part: faulting address of a #PF */
	unsigned long pad;
	struct pvclock_vcpu_time_info time;
};

struct xen_shared_info {
	struct xen_vcpu_info vcpu_info[32];
	unsigned long evtchn_pending[64];
	unsigned long evtchn_mask[64];
	uint32_t wc_version;
	uint32_t wc_sec;
	uint32_t wc_nsec;
	uint32_t wc_sec_hi;
};

struct xen_trap_info {
	uint8_t vector;
	uint8_t flags; /* bits 0-1: DPL */
	uint16_t cs;
	unsigned long address;
};

struct xen_sched_shutdown {
	unsigned int reason;
};

struct xen_sched_poll {
	uint32_t *ports;
	unsigned int nr_ports;
	uint64_t timeout; /* system time, ns */
};

struct xen_evtchn_send {
	uint32_t port;
};

/* alloc_unbound, close and unmask too: one port, in or out. */
struct xen_evtchn_port {
	uint32_t port;
};

struct xen_evtchn_alloc_unbound {
	uint16_t dom;
	uint16_t remote_dom;
	uint32_t port; /* out */
};

struct xen_evtchn_bind_interdomain {
	uint16_t remote_dom;
	uint32_t remote_port;
	uint32_t local_port; /* out */
};

struct xen_callback_register {
	uint16_t type;
	uint16_t flags;
	unsigned long address;
};

struct xen_vcpu_singleshot_timer {
	uint64_t timeout_abs_ns;
	uint32_t flags;
};

struct xen_mmu_update {
	uint64_t ptr; /* machine address of the PTE, low 2 bits: command */
	uint64_t val;
};

struct xen_evtchn_bind_virq {
	uint32_t virq;
	uint32_t vcpu;
	uint32_t port; /* out */
};

struct xen_add_to_physmap {
	uint16_t domid;
	uint16_t size;
	uint32_t space;
	unsigned long idx;
	unsigned long gpfn;
};

struct xen_hvm_param {
	uint16_t domid;
	uint32_t index;
	uint64_t value;
};

_Static_assert(sizeof(struct xen_vcpu_info) == 64, "vcpu_info layout");
_Static_assert(__builtin_offsetof(struct xen_shared_info, wc_version) == 0xc00,
	       "shared_info layout");
_Static_assert(__builtin_offsetof(struct xen_start_info, cmd_line) == 0x80,
	       "start_info layout");

/* --- Hypercalls: arguments in rdi, rsi, rdx, r10, r8; rcx and r11 lost. */
extern char xen_hypercall_page[];

static inline long xen_hypercall3(unsigned int nr, unsigned long a1,
				  unsigned long a2, unsigned long a3)
{
	long ret;
	void *fn = xen_hypercall_page + nr * 32;

	__asm__ __volatile__("call *%[fn]"
			     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3)
			     : [fn] "r"(fn)
			     : "memory", "rcx", "r11", "r8", "r10");
	return ret;
}

#define xen_hypercall2(nr, a, b) xen_hypercall3(nr, a, b, 0)

static inline long xen_sched_op(int cmd, void *arg)
{
	return xen_hypercall2(XEN_HC_sched_op, cmd, (unsigned long)arg);
}

static inline long xen_evtchn_op(int cmd, void *arg)
{
	return xen_hypercall2(XEN_HC_event_channel_op, cmd, (unsigned long)arg);
}

/* --- Shared between the files of plat/xen/x86_64. */
extern struct xen_start_info *xen_start_info;
extern struct xen_shared_info *xen_shared_info;

extern char xen_shared_info_page[4096];
extern void *xen_store_ring;
extern uint32_t xen_store_port;
/* 1 when booted through the PVH entry (pvh.c), 0 for PV. */
extern int xen_pvh;

void xen_boot_finish(const char *cmdline) __noreturn;
/* Event channels (evtchn.c): masks everything, installs the upcall. */
void xen_evtchn_init(void);
/* The upcall body: dispatch every pending, unmasked port. */
void xen_evtchn_upcall(void);
/* Arm the one-shot timer (VIRQ_TIMER) for a system time in ns. */
void xen_timer_arm(uint64_t until);
/* Find the PV console ring (console.c); PVH: pvh.c. */
void xen_console_init(void);
void xen_memory_init(void);
void xen_time_init(void);
void xen_traps_init(void);
void xen_pvh_traps_init(void);
#endif /* !__ASSEMBLY__ */
#endif /* __XEN_ABI_H__ */
