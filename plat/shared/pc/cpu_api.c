/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * <uk/plat/paging.h> and <uk/plat/tls.h> on the PC board: the x86_64 CPU
 * layer's guard pages and FS base, as they are (the board runs in ring 0
 * on its own page tables).
 */
#include <uk/plat/paging.h>
#include <uk/plat/tls.h>
#include <x86/cpu.h>

unsigned long ukplat_page_guard_size(void)
{
	return x86_cpu_page_guard_size();
}

int ukplat_page_set_guard(void *page, const char *owner)
{
	return x86_cpu_page_set_guard(page, owner);
}

int ukplat_page_clear_guard(void *page)
{
	return x86_cpu_page_clear_guard(page);
}

int ukplat_tlsp_set(uintptr_t tp)
{
	return x86_cpu_tlsp_set(tp);
}
