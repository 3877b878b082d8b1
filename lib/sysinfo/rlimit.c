/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Resource limits, kept (not enforced) for the limits a program may
 * ask about. RLIMIT_STACK is the calling thread's stack where uksched
 * knows it; RLIMIT_NOFILE is _SC_OPEN_MAX.
 */
#include <errno.h>
#include <sys/resource.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

static struct rlimit limits[RLIM_NLIMITS];
static int limits_ready;

static void limits_init(void)
{
	int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		limits[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	limits[RLIMIT_NOFILE] = (struct rlimit){ CONFIG_LIBSYSINFO_OPEN_MAX,
						 CONFIG_LIBSYSINFO_OPEN_MAX };
	limits[RLIMIT_CORE] = (struct rlimit){ 0, 0 };
	limits_ready = 1;
}

int getrlimit(int res, struct rlimit *rl)
{
	if (!limits_ready)
		limits_init();
	if (res < 0 || res >= RLIM_NLIMITS || !rl) {
		errno = EINVAL;
		return -1;
	}
	*rl = limits[res];
#if CONFIG_LIBUKSCHED
	if (res == RLIMIT_STACK && uk_sched_current() &&
	    uk_thread_current()->stack)
		rl->rlim_cur = rl->rlim_max = uk_thread_current()->stack_size;
#endif
	return 0;
}

int setrlimit(int res, const struct rlimit *rl)
{
	if (!limits_ready)
		limits_init();
	if (res < 0 || res >= RLIM_NLIMITS || !rl ||
	    rl->rlim_cur > rl->rlim_max) {
		errno = EINVAL;
		return -1;
	}
	/* Raising a hard limit needs a privilege nobody has here. */
	if (rl->rlim_max > limits[res].rlim_max) {
		errno = EPERM;
		return -1;
	}
	/* The stack and descriptor table are fixed: only as they are. */
	if ((res == RLIMIT_STACK || res == RLIMIT_NOFILE) &&
	    rl->rlim_cur != limits[res].rlim_cur) {
		errno = EINVAL;
		return -1;
	}
	limits[res] = *rl;
	return 0;
}
