/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Platform functions uksched uses that not every platform has. Weak, so a
 * platform's own functions replace these at link time.
 *
 * Guard pages (<uk/plat/paging.h>): absent without paging (kvm and
 * baremetal on arm32 and mips32, whose MMU is off) and on xen arm32;
 * uksched then relies on its stack canary alone.
 * The thread pointer (<uk/plat/tls.h>): absent where a platform cannot
 * set it; uksched then gives threads no TLS areas and says so at boot.
 */
#include <errno.h>
#include <uk/essentials.h>
#include <uk/plat/paging.h>
#include <uk/plat/tls.h>

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

__weak int ukplat_tlsp_set(uintptr_t tp __unused)
{
	return -EOPNOTSUPP;
}
