/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libgcc's division helpers call these on a division by zero (run-time ABI
 * for the ARM architecture, 4.3.2). The armhf libgcc's own versions raise
 * SIGFPE through a libc; a unikernel crashes instead.
 */
#include <uk/assert.h>

int __aeabi_idiv0(int ret);
long long __aeabi_ldiv0(long long ret);

int __aeabi_idiv0(int ret __unused)
{
	UK_CRASH("integer division by zero\n");
}

long long __aeabi_ldiv0(long long ret __unused)
{
	UK_CRASH("integer division by zero\n");
}
