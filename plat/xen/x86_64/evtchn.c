/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event channels (2-level ABI) and the platform IRQ API on top of them:
 * on Xen an "irq" is an event channel port. Xen sets a port's bit in
 * shared_info's evtchn_pending[], then (unless the port is masked in
 * evtchn_mask[]) the word's bit in the vCPU's evtchn_pending_sel and
 * evtchn_upcall_pending, and enters the upcall: PV through the callback
 * registered with CALLBACKOP_register (entry.S: xen_pv_event_entry,
 * events then masked by evtchn_upcall_mask); PVH as IDT vector
 * XEN_PVH_EVENT_VECTOR (HVM_PARAM_CALLBACK_IRQ, events masked by the
 * interrupt flag). Every port starts masked; registering a handler
 * unmasks it.
 */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/xen.h>
#include <xen-abi.h>

#define EINVAL 22
#define ENOMEM 12
#define MAX_HANDLERS 64
/* The IDT vector of event delivery on PVH; entry.S has its stub. */
#define XEN_PVH_EVENT_VECTOR 32

#define barrier() __asm__ __volatile__("" ::: "memory")

struct evtchn_handler {
	uk_irq_handler_func_t fn;
	void *arg;
	uint32_t port;
};

static struct evtchn_handler handlers[MAX_HANDLERS];
extern char xen_pv_event_entry[], xen_pv_failsafe_entry[];

static volatile struct xen_vcpu_info *vcpu(void)
{
	return &xen_shared_info->vcpu_info[0];
}

static void dispatch(uint32_t port)
{
	unsigned int i;

	for (i = 0; i < MAX_HANDLERS; i++)
		if (handlers[i].fn && handlers[i].port == port)
			handlers[i].fn(handlers[i].arg);
}

void xen_evtchn_upcall(void)
{
	volatile struct xen_vcpu_info *v = vcpu();
	unsigned long sel, bits, bit;
	unsigned int w, port;

	do {
		/* Cleared first: an event raised meanwhile comes round again. */
		v->evtchn_upcall_pending = 0;
		sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0,
					  __ATOMIC_SEQ_CST);
		while (sel) {
			w = __builtin_ctzl(sel);
			sel &= sel - 1;
			bits = xen_shared_info->evtchn_pending[w] &
			       ~xen_shared_info->evtchn_mask[w];
			while (bits) {
				bit = __builtin_ctzl(bits);
				bits &= bits - 1;
				port = w * 64 + bit;
				__atomic_fetch_and(
					&xen_shared_info->evtchn_pending[w],
					~(1UL << bit), __ATOMIC_SEQ_CST);
				dispatch(port);
			}
		}
	} while (v->evtchn_upcall_pending);
}

void ukplat_xen_evtchn_mask(uint32_t port)
{
	if (port < XEN_NR_EVTCHN)
		__atomic_fetch_or(&xen_shared_info->evtchn_mask[port / 64],
				  1UL << (port % 64), __ATOMIC_SEQ_CST);
}

/* Xen re-raises an event that came while the port was masked. */
int ukplat_xen_evtchn_unmask(uint32_t port)
{
	struct xen_evtchn_port u = { .port = port };

	return xen_evtchn_op(XEN_EVTCHNOP_unmask, &u);
}

int ukplat_xen_evtchn_alloc_unbound(uint16_t remote_dom, uint32_t *port)
{
	struct xen_evtchn_alloc_unbound a = { .dom = XEN_DOMID_SELF,
					      .remote_dom = remote_dom };
	int rc = xen_evtchn_op(XEN_EVTCHNOP_alloc_unbound, &a);

	if (!rc)
		*port = a.port;
	return rc;
}

int ukplat_xen_evtchn_bind_interdomain(uint16_t remote_dom,
				       uint32_t remote_port, uint32_t *port)
{
	struct xen_evtchn_bind_interdomain b = { .remote_dom = remote_dom,
						 .remote_port = remote_port };
	int rc = xen_evtchn_op(XEN_EVTCHNOP_bind_interdomain, &b);

	if (!rc)
		*port = b.local_port;
	return rc;
}

int ukplat_xen_evtchn_bind_virq(uint32_t virq, uint32_t *port)
{
	struct xen_evtchn_bind_virq b = { .virq = virq, .vcpu = 0 };
	int rc = xen_evtchn_op(XEN_EVTCHNOP_bind_virq, &b);

	if (!rc)
		*port = b.port;
	return rc;
}

int ukplat_xen_evtchn_close(uint32_t port)
{
	struct xen_evtchn_port c = { .port = port };
	unsigned long flags = ukplat_lcpu_save_irqf();
	unsigned int i;

	ukplat_xen_evtchn_mask(port);
	/* Xen may hand the number out again: start it clean. */
	if (port < XEN_NR_EVTCHN)
		__atomic_fetch_and(&xen_shared_info->evtchn_pending[port / 64],
				   ~(1UL << (port % 64)), __ATOMIC_SEQ_CST);
	for (i = 0; i < MAX_HANDLERS; i++)
		if (handlers[i].fn && handlers[i].port == port)
			handlers[i].fn = NULL;
	ukplat_lcpu_restore_irqf(flags);
	return xen_evtchn_op(XEN_EVTCHNOP_close, &c);
}

int ukplat_xen_evtchn_send(uint32_t port)
{
	struct xen_evtchn_send s = { .port = port };

	return xen_evtchn_op(XEN_EVTCHNOP_send, &s);
}

int ukplat_irq_register(unsigned long irq, uk_irq_handler_func_t func,
			void *arg)
{
	unsigned long flags;
	unsigned int i;

	if (irq >= XEN_NR_EVTCHN || !func)
		return -EINVAL;
	flags = ukplat_lcpu_save_irqf();
	for (i = 0; i < MAX_HANDLERS && handlers[i].fn; i++)
		;
	if (i < MAX_HANDLERS)
		handlers[i] = (struct evtchn_handler){ .fn = func,
						       .arg = arg,
						       .port = irq };
	ukplat_lcpu_restore_irqf(flags);
	if (i == MAX_HANDLERS)
		return -ENOMEM;
	return ukplat_xen_evtchn_unmask(irq);
}

/*
 * Event delivery on/off. PV: the vCPU's evtchn_upcall_mask; a pending
 * upcall that was held back is taken by making any hypercall (Xen checks
 * for events on its way back). PVH: the CPU's interrupt flag.
 */
void ukplat_lcpu_enable_irq(void)
{
	if (xen_pvh) {
		__asm__ __volatile__("sti" ::: "memory");
		return;
	}
	barrier();
	vcpu()->evtchn_upcall_mask = 0;
	barrier();
	if (vcpu()->evtchn_upcall_pending)
		xen_hypercall2(XEN_HC_xen_version, 0, 0);
}

void ukplat_lcpu_disable_irq(void)
{
	if (xen_pvh) {
		__asm__ __volatile__("cli" ::: "memory");
		return;
	}
	vcpu()->evtchn_upcall_mask = 1;
	barrier();
}

int ukplat_lcpu_irqs_disabled(void)
{
	unsigned long f;

	if (!xen_pvh)
		return vcpu()->evtchn_upcall_mask != 0;
	__asm__ __volatile__("pushfq; popq %0" : "=r"(f));
	return !(f & 0x200);
}

unsigned long ukplat_lcpu_save_irqf(void)
{
	unsigned long off = ukplat_lcpu_irqs_disabled();

	ukplat_lcpu_disable_irq();
	return off;
}

void ukplat_lcpu_restore_irqf(unsigned long flags)
{
	if (flags)
		ukplat_lcpu_disable_irq();
	else
		ukplat_lcpu_enable_irq();
}

/* Xen could not load the segments of an iret frame: report and stop. */
void xen_failsafe(void) __used __noreturn;
void xen_failsafe(void)
{
	plat_puts("xen: failsafe callback (bad segment on return)\n");
	ukplat_crash();
}

void xen_evtchn_init(void)
{
	struct xen_callback_register cb = {
		.type = XEN_CALLBACKTYPE_event,
		.address = (unsigned long)xen_pv_event_entry,
	};
	struct xen_hvm_param p = {
		.domid = XEN_DOMID_SELF,
		.index = XEN_HVM_PARAM_CALLBACK_IRQ,
		.value = XEN_HVM_CALLBACK_VECTOR(XEN_PVH_EVENT_VECTOR),
	};
	unsigned int i;
	long rc;

	ukplat_lcpu_disable_irq();
	for (i = 0; i < ARRAY_SIZE(xen_shared_info->evtchn_mask); i++)
		xen_shared_info->evtchn_mask[i] = ~0UL;
	if (xen_pvh) {
		vcpu()->evtchn_upcall_mask = 0;
		rc = xen_hypercall2(XEN_HC_hvm_op, XEN_HVMOP_set_param,
				    (unsigned long)&p);
	} else {
		rc = xen_hypercall2(XEN_HC_callback_op, XEN_CALLBACKOP_register,
				    (unsigned long)&cb);
		cb.type = XEN_CALLBACKTYPE_failsafe;
		cb.address = (unsigned long)xen_pv_failsafe_entry;
		if (!rc)
			rc = xen_hypercall2(XEN_HC_callback_op,
					    XEN_CALLBACKOP_register,
					    (unsigned long)&cb);
	}
	if (rc) {
		plat_puts("xen: cannot install the event upcall\n");
		ukplat_crash();
	}
}
