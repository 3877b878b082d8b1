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
/*
 * The boot arguments were refused (too many, a command line too long for
 * its buffer, an unterminated quote); a message on the console says why.
 */
#define UKPLAT_STATUS_BADARGS 2

/* Called by the platform once its own setup is done; never returns. */
void ukplat_entry(int argc, char *argv[]) __noreturn;

/*
 * Called instead by a platform that boots with a command line: line is
 * the raw, NUL-terminated command line (NULL for none), only the
 * application's arguments. lib/ukboot copies it into a buffer of
 * CONFIG_LIBUKBOOT_CMDLINE_MAX bytes, splits it with uk_argnparse()
 * (include/uk/argparse.h), puts the application's name in argv[0] and
 * calls ukplat_entry(). loader_max is the size of the buffer the loader
 * copied the line through, 0 when it cuts nothing: a line that fills it
 * (loader_max - 1 bytes or more) may have been cut, and is refused.
 * Every refusal prints why and ends with UKPLAT_STATUS_BADARGS.
 */
void ukplat_entry_cmdline(const char *line, size_t loader_max) __noreturn;

/*
 * Called instead by a platform whose loader already split the arguments
 * (linuxu): the same limit on their number, argv[0] replaced by the
 * application's name.
 */
void ukplat_entry_argv(int argc, char *argv[]) __noreturn;

/*
 * Stop the unikernel with an exit status: the process exit code on linuxu,
 * QEMU's exit code (debug-exit / semihosting) or a power-off on machines.
 */
void ukplat_terminate(int status) __noreturn;

/* Stop after a fatal error; the platform reports a crash where it can. */
void ukplat_crash(void) __noreturn;

#endif /* __UK_PLAT_BOOTSTRAP_H__ */
