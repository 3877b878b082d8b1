/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <uk/plat/bootstrap.h>

int raise(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGCONT:
	case SIGURG:
	case SIGWINCH:
		return 0;
	}
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	fprintf(stderr, "raise(%d): terminating\n", sig);
	ukplat_crash();
}
