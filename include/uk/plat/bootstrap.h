/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_BOOTSTRAP_H__
#define __UK_PLAT_BOOTSTRAP_H__

#include <uk/essentials.h>

/*
 * Status values with a fixed meaning on every platform. Any other value is
 * main()'s return value (only its low 8 bits survive on most platforms).
 */
#define UKPLAT_STATUS_SUCCESS 0
/* What a crash (fault, failed assertion, panic) terminates with. */
#define UKPLAT_STATUS_CRASH 125

/* Called by the platform once its own setup is done; never returns. */
void ukplat_entry(int argc, char *argv[]) __noreturn;

/*
 * Stop the unikernel with an exit status: the process exit code on linuxu,
 * QEMU's exit code (debug-exit / semihosting) or a power-off on machines.
 */
void ukplat_terminate(int status) __noreturn;

/* Stop after a fatal error; the platform reports a crash where it can. */
void ukplat_crash(void) __noreturn;

#endif /* __UK_PLAT_BOOTSTRAP_H__ */
