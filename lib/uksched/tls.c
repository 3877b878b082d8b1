/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage for compiled __thread variables: each thread gets
 * an area laid out as its arch's ELF TLS variant says (uk/asm/tls.h),
 * holding a copy of the template the linker script collects
 * (sections.lds.h: .tdata initial values, .tbss zeros), and the
 * scheduler loads the thread pointer at every switch (ukplat_tlsp_set).
 */
#include <string.h>
#include <uk/alloc.h>
#include <uk/asm/tls.h>
#include <uk/plat/tls.h>
#include <uk/print.h>
#include <uk/sched.h>
#include "tls.h"

extern char _uk_tls_start[], _uk_tdata_end[], _uk_tls_end[];

static int tls_on; /* the platform takes a thread pointer */

size_t uk_sched_tls_size(void)
{
	return tls_on ? (size_t)(_uk_tls_end - _uk_tls_start) : 0;
}

int _uk_tls_alloc(struct uk_alloc *a, struct uk_thread *t)
{
	size_t size = _uk_tls_end - _uk_tls_start;
	size_t data = _uk_tdata_end - _uk_tls_start;
	char *block;

	if (!tls_on || !size)
		return 0;
	t->tls_area = uk_memalign(a, UKARCH_TLS_ALIGN,
				  UKARCH_TLS_PRE + size + UKARCH_TLS_POST);
	if (!t->tls_area)
		return -1;
	block = (char *)t->tls_area + UKARCH_TLS_PRE;
	memset(t->tls_area, 0, UKARCH_TLS_PRE);
	memcpy(block, _uk_tls_start, data);
	memset(block + data, 0, size - data + UKARCH_TLS_POST);
	t->tlsp = UKARCH_TLS_TP(block, size);
#if UKARCH_TLS_TCB_SELF
	*(uintptr_t *)t->tlsp = t->tlsp;
#endif
	return 0;
}

void _uk_tls_free(struct uk_alloc *a, struct uk_thread *t)
{
	if (t->tls_area)
		uk_free(a, t->tls_area);
	t->tls_area = NULL;
}

int _uk_tls_boot(struct uk_alloc *a, struct uk_thread *boot)
{
	if (!(size_t)(_uk_tls_end - _uk_tls_start))
		return 0;
	/* Does the platform take a thread pointer at all? */
	if (ukplat_tlsp_set(0)) {
		uk_pr_warn("uksched: this platform cannot set the thread "
			   "pointer: no __thread variables\n");
		return 0;
	}
	tls_on = 1;
	if (_uk_tls_alloc(a, boot)) {
		tls_on = 0;
		return -1;
	}
	ukplat_tlsp_set(boot->tlsp);
	return 0;
}
