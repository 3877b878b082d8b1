/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * flockfile, ftrylockfile, funlockfile: newlib declares them but builds
 * them only for some systems. They take the same lock as newlib's own
 * stdio functions, which is none while newlib is built without
 * retargetable locking (the cooperative scheduler never preempts a
 * stdio call); the *_unlocked functions pair with them.
 */
#include <stdio.h>
#include <sys/lock.h>
#include <sys/stdio.h>

void flockfile(FILE *fp)
{
	(void)fp;
	_flockfile(fp);
}

int ftrylockfile(FILE *fp)
{
	(void)fp;
#if defined(_RETARGETABLE_LOCKING) && !defined(__SINGLE_THREAD__)
	if (!(fp->_flags & __SSTR))
		return __lock_try_acquire_recursive(fp->_lock) ? 0 : -1;
#endif
	return 0;
}

void funlockfile(FILE *fp)
{
	(void)fp;
	_funlockfile(fp);
}
