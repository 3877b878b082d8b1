/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guard pages (<uk/plat/paging.h>) on platforms that do not make them:
 * those without paging (kvm and baremetal on arm32 and mips32, whose
 * MMU is off) and those without an implementation yet (xen). Weak, so a
 * platform's own functions replace these at link time; uksched then
 * falls back to its stack canary.
 */
#include <errno.h>
#include <uk/essentials.h>
#include <uk/plat/paging.h>

__weak unsigned long ukplat_page_guard_size(void)
{
	return 0;
}

__weak int ukplat_page_set_guard(void *page __unused,
				 const char *owner __unused)
{
	return -EOPNOTSUPP;
}

__weak int ukplat_page_clear_guard(void *page __unused)
{
	return -EOPNOTSUPP;
}
