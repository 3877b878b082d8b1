/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_SIGNAL_H__
#define __UK_SIGNAL_H__

/*
 * Delivers what is pending and not blocked (an expired alarm timer
 * included). Returns 1 when a handler without SA_RESTART ran (a waiting
 * call then fails with EINTR), else 0. Called at the safe points.
 */
int uk_signal_deliver(void);

/*
 * A fault the platform caught (SIGSEGV, SIGBUS, SIGFPE, SIGILL) at addr:
 * runs the program's handler and returns 1 if it has one and the signal
 * is not blocked (the handler usually leaves with siglongjmp), else 0
 * (the platform reports the crash as before).
 */
int uk_signal_fault(int sig, void *addr);

#endif /* __UK_SIGNAL_H__ */
