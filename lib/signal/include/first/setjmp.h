/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlib's setjmp.h, plus sigsetjmp/siglongjmp (newlib has them only for
 * Cygwin and RTEMS): a jmp_buf with the signal mask beside it; and
 * _setjmp/_longjmp.
 */
#ifndef __UK_SIGNAL_SETJMP_H__
#define __UK_SIGNAL_SETJMP_H__

#include_next <setjmp.h>
#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	jmp_buf env;
	int saved;
	sigset_t mask;
} sigjmp_buf[1];

/* setjmp must run in the caller's frame: the mask is saved first. */
#define sigsetjmp(b, savemask)                                             \
	__extension__({                                                    \
		(b)->saved = (savemask);                                   \
		if ((b)->saved)                                            \
			sigprocmask(SIG_SETMASK, 0, &(b)->mask);           \
		setjmp((b)->env);                                          \
	})

void siglongjmp(sigjmp_buf b, int val) __attribute__((__noreturn__));

/*
 * POSIX _setjmp/_longjmp leave the signal mask alone, as newlib's
 * setjmp/longjmp always do (newlib declares them only for Cygwin).
 */
#define _setjmp(env) setjmp(env)
#define _longjmp(env, val) longjmp((env), (val))

#ifdef __cplusplus
}
#endif

#endif /* __UK_SIGNAL_SETJMP_H__ */
