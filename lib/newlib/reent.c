/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One newlib reentrancy structure per uksched thread, so that errno and
 * the rest of the C library's per-thread state (strtok's position, the
 * big numbers of printf's float conversions, localtime's result, rand's
 * seed) belong to each thread. newlib is built with __DYNAMIC_REENT__
 * (Makefile.uk) and asks __getreent() for the caller's structure; the
 * boot thread keeps newlib's global one. stdin, stdout and stderr are
 * global streams (configure's --enable-newlib-global-stdio-streams): one
 * buffer and one position each for the whole process, as POSIX has it.
 */
#include <errno.h>
#include <reent.h>
#include <stdlib.h>
#include <string.h> /* _REENT_INIT_PTR */
#include <uk/sched.h>

#ifndef __DYNAMIC_REENT__
#error "lib/newlib: reent.c needs newlib's headers with __DYNAMIC_REENT__"
#endif
#ifndef _REENT_GLOBAL_STDIO_STREAMS
#error "lib/newlib: reent.c needs newlib built with global stdio streams"
#endif

/* newlib's stdio set-up (stdio/findfp.c), not in its public headers. */
void __sinit(struct _reent *r);

struct _reent *__getreent(void)
{
	struct _reent *r = uk_thread_current()->libc;

	return r ? r : _impure_ptr;
}

int uk_thread_libc_init(struct uk_thread *t)
{
	struct _reent *r;

	/*
	 * exit() flushes the streams through the global structure, whose
	 * clean-up stdio sets up on its first use there: do it now, in
	 * case only other threads ever use stdio.
	 */
	if (!_GLOBAL_REENT->__sdidinit)
		__sinit(_GLOBAL_REENT);
	r = malloc(sizeof(*r));
	if (!r)
		return -ENOMEM;
	_REENT_INIT_PTR(r);
	t->libc = r;
	return 0;
}

void uk_thread_libc_exit(struct uk_thread *t)
{
	struct _reent *r = t->libc;
	struct _Bigint *p5, *next;

	if (!r)
		return;
	/*
	 * newlib's own clean-up: the dtoa lists, the conversion buffer and
	 * the thread's stdio state (its streams are the global ones).
	 */
	_reclaim_reent(r);
	/* The cached powers of five of the dtoa code are not in it. */
	for (p5 = _REENT_MP_P5S(r); p5; p5 = next) {
		next = p5->_next;
		free(p5);
	}
	/* Any later C library call of the thread uses the global one. */
	t->libc = NULL;
	free(r);
}
