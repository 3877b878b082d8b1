/* SPDX-License-Identifier: BSD-3-Clause */
/* sysconf: the values this unikernel really has. */
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#if CONFIG_LIBUKALLOC
#include <uk/alloc.h>
#endif
#include <uk/asm/arch.h>

long sysconf(int name)
{
#if CONFIG_LIBUKALLOC
	struct uk_alloc *a;
	long pages;
#endif

	switch (name) {
	case _SC_PAGESIZE:
		return __PAGE_SIZE;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1; /* the scheduler runs on one CPU */
	case _SC_OPEN_MAX:
		return CONFIG_LIBSYSINFO_OPEN_MAX;
	case _SC_CLK_TCK:
		return CLOCKS_PER_SEC; /* the unit of times() */
	case _SC_CHILD_MAX:
		return 1; /* no processes but this one */
	case _SC_NGROUPS_MAX:
		return 0;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_LINE_MAX:
		return 2048;
	case _SC_ARG_MAX:
		return 65536;
#if CONFIG_LIBUKALLOC
	case _SC_AVPHYS_PAGES:
		a = uk_alloc_get_default();
		pages = a ? uk_alloc_pavailmem(a) : -1;
		if (pages < 0) {
			errno = ENOSYS;
			return -1;
		}
		return pages;
#endif
	case _SC_VERSION:
		return 200809L;
	default:
		/* POSIX: -1 without errno is "no limit"; unknown is EINVAL. */
		errno = EINVAL;
		return -1;
	}
}
