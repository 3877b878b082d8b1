/* SPDX-License-Identifier: BSD-3-Clause */
/* lib/sysinfo's internals. */
#ifndef __SYSINFO_H__
#define __SYSINFO_H__

#include <sys/utsname.h>

/* The host name (uname's nodename, gethostname). */
extern char uk_sysinfo_hostname[_UTSNAME_LENGTH];

#endif /* __SYSINFO_H__ */
