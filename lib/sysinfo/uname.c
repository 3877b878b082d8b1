/* SPDX-License-Identifier: BSD-3-Clause */
/* uname, gethostname and sethostname. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "sysinfo.h"

#if CONFIG_ARCH_X86_64
#define MACHINE "x86_64"
#elif CONFIG_ARCH_ARM_32
#define MACHINE "armv7l"
#elif CONFIG_ARCH_MIPS_32
#define MACHINE "mips"
#else
#error "lib/sysinfo: no machine name for this architecture"
#endif

char uk_sysinfo_hostname[_UTSNAME_LENGTH] = CONFIG_LIBSYSINFO_HOSTNAME;

int uname(struct utsname *u)
{
	if (!u) {
		errno = EFAULT;
		return -1;
	}
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Unicore");
	strncpy(u->nodename, uk_sysinfo_hostname, sizeof(u->nodename) - 1);
	strcpy(u->release, "0.1");
	strcpy(u->version, "unikernel");
	strcpy(u->machine, MACHINE);
	return 0;
}

int gethostname(char *name, size_t len)
{
	size_t n = strlen(uk_sysinfo_hostname);

	if (!name) {
		errno = EFAULT;
		return -1;
	}
	if (len <= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, uk_sysinfo_hostname, n + 1);
	return 0;
}

int sethostname(const char *name, size_t len)
{
	if (!name) {
		errno = EFAULT;
		return -1;
	}
	if (len >= sizeof(uk_sysinfo_hostname)) {
		errno = EINVAL;
		return -1;
	}
	memcpy(uk_sysinfo_hostname, name, len);
	uk_sysinfo_hostname[len] = '\0';
	return 0;
}
