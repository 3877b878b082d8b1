/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlib's stdio brackets its locked sections with
 * pthread_setcancelstate once <sys/features.h> declares POSIX threads
 * (patch 0003), with or without lib/pthread in the image. Threads are
 * never cancelled here (there is no pthread_cancel): the state is only
 * kept, per image, so that the calls pair up.
 */
#include <errno.h>
#include <pthread.h>

static int cancel_state = PTHREAD_CANCEL_ENABLE;

int pthread_setcancelstate(int state, int *oldstate)
{
	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (oldstate)
		*oldstate = cancel_state;
	cancel_state = state;
	return 0;
}
