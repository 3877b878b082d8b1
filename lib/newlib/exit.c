/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Leaving the unikernel through newlib. ukboot terminates with main's
 * return value; the image is linked with --wrap=main (Makefile.uk), so
 * that value goes through exit() instead: atexit handlers run and stdio
 * buffers are flushed, then _exit() carries the status to the platform.
 */
#include <stdlib.h>
#include <unistd.h>
#include <uk/plat/bootstrap.h>

int __real_main(int argc, char *argv[]);
int __wrap_main(int argc, char *argv[]);

int __wrap_main(int argc, char *argv[])
{
	exit(__real_main(argc, argv));
}

void _exit(int status)
{
	ukplat_terminate(status);
}
