/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlib's signal.h, plus the sigaction flags its generic targets lack
 * (Linux's values). SA_SIGINFO is not there: newlib's struct sigaction
 * has no sa_sigaction outside RTEMS.
 */
#ifndef __UK_SIGNAL_SIGNAL_H__
#define __UK_SIGNAL_SIGNAL_H__

#include_next <signal.h>

#ifndef SA_RESTART
#define SA_RESTART 0x10000000
#endif
#ifndef SA_NODEFER
#define SA_NODEFER 0x40000000
#endif
#ifndef SA_RESETHAND
#define SA_RESETHAND ((int)0x80000000u)
#endif

/* Functions, not newlib's macros: they check the signal number. */
#undef sigemptyset
#undef sigfillset
#undef sigaddset
#undef sigdelset
#undef sigismember

#endif /* __UK_SIGNAL_SIGNAL_H__ */
