/* SPDX-License-Identifier: BSD-3-Clause */
/* Stack protector support: the canary and the handler GCC calls. */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>

/* A fixed canary with a NUL byte (stops string overruns); no entropy
 * source is assumed this early. */
uintptr_t __stack_chk_guard = (uintptr_t)0x00e1f5a7c0de5afeULL;

void __stack_chk_fail(void) __noreturn;

void __stack_chk_fail(void)
{
	static const char msg[] = "CRASH: stack smashing detected\n";

	ukplat_coutk(msg, sizeof(msg) - 1);
	ukplat_crash();
}
