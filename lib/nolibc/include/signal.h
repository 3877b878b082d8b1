/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signal numbers (Linux's generic ones) and raise(). A unikernel has no
 * handlers to run: a raised signal takes its default action.
 */
#ifndef __NOLIBC_SIGNAL_H__
#define __NOLIBC_SIGNAL_H__

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGURG 23
#define SIGWINCH 28
#define NSIG 65

typedef int sig_atomic_t;

/*
 * Signals whose default action is to be ignored return 0; any other one
 * stops the unikernel as a crash. libgcc calls raise(SIGFPE) on an integer
 * division by zero on Arm.
 */
int raise(int sig);

#endif /* __NOLIBC_SIGNAL_H__ */
