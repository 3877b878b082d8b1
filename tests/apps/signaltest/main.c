/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * signaltest: POSIX signals (lib/signal). With no argument, the checks;
 * "read" also checks that a console read with no input is interrupted
 * by SIGALRM (EINTR) and, with SA_RESTART, goes on; "default=SIG" raises
 * a signal that has its default action (the image ends); "fault=segv"
 * and "fault=fpe" catch a real fault with a handler; "heap" allocates
 * MiB blocks until the heap is out.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int failed, checks;
static volatile int hits, last_sig;
static volatile sigset_t mask_in_handler;
static sigjmp_buf jump;

static void check(int ok, const char *what)
{
	checks++;
	printf("%s - %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failed++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_sig(int sig)
{
	hits++;
	last_sig = sig;
	sigprocmask(SIG_SETMASK, NULL, (sigset_t *)&mask_in_handler);
}

static void on_jump(int sig)
{
	siglongjmp(jump, sig);
}

static void set(int sig, void (*h)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void checks_basic(void)
{
	struct sigaction sa, old;
	sigset_t s, p;

	sigemptyset(&s);
	check(sigaddset(&s, SIGUSR1) == 0 && sigismember(&s, SIGUSR1) == 1 &&
		      sigismember(&s, SIGUSR2) == 0,
	      "sigemptyset/sigaddset/sigismember");
	errno = 0;
	check(sigaddset(&s, 0) == -1 && errno == EINVAL, "sigaddset(0) EINVAL");
	errno = 0;
	check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	      "sigaction(SIGKILL) EINVAL");
	errno = 0;
	check(sigaction(NSIG, NULL, &old) == -1 && errno == EINVAL,
	      "sigaction(NSIG) EINVAL");

	set(SIGUSR1, on_sig, 0);
	hits = 0;
	check(raise(SIGUSR1) == 0 && hits == 1 && last_sig == SIGUSR1,
	      "raise runs the handler");
	check(sigismember((sigset_t *)&mask_in_handler, SIGUSR1) == 1,
	      "the signal is blocked in its handler");
	hits = 0;
	check(kill(getpid(), SIGUSR1) == 0 && hits == 1,
	      "kill(getpid()) runs the handler");
	errno = 0;
	check(kill(4242, SIGUSR1) == -1 && errno == ESRCH, "kill(4242) ESRCH");
	check(kill(getpid(), 0) == 0, "kill(getpid(), 0)");

	/* Blocked: pending until unblocked, then delivered once. */
	hits = 0;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, NULL);
	raise(SIGUSR1);
	raise(SIGUSR1);
	sigpending(&p);
	check(hits == 0 && sigismember(&p, SIGUSR1) == 1,
	      "a blocked signal stays pending");
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	sigpending(&p);
	check(hits == 1 && sigismember(&p, SIGUSR1) == 0,
	      "unblocking delivers it once");
	errno = 0;
	check(sigprocmask(99, &s, NULL) == -1 && errno == EINVAL,
	      "sigprocmask(99) EINVAL");

	/* SA_RESETHAND and SIG_IGN; signal() returns the old handler. */
	set(SIGUSR2, on_sig, SA_RESETHAND);
	raise(SIGUSR2);
	sigaction(SIGUSR2, NULL, &old);
	check(old.sa_handler == SIG_DFL, "SA_RESETHAND restores SIG_DFL");
	check(signal(SIGUSR2, SIG_IGN) == SIG_DFL &&
		      signal(SIGUSR2, on_sig) == SIG_IGN,
	      "signal() returns the previous handler");
	signal(SIGUSR2, SIG_IGN);
	hits = 0;
	raise(SIGUSR2);
	check(hits == 0, "SIG_IGN ignores");

	/* sigsetjmp/siglongjmp from a handler restores the mask. */
	set(SIGUSR1, on_jump, 0);
	if (sigsetjmp(jump, 1) == 0) {
		raise(SIGUSR1);
		check(0, "siglongjmp came back");
	} else {
		sigprocmask(SIG_SETMASK, NULL, &s);
		check(!sigismember(&s, SIGUSR1),
		      "siglongjmp out of a handler, mask restored");
	}
}

static void checks_timers(void)
{
	struct itimerval v, o;
	long t0;

	set(SIGALRM, on_sig, 0);
	hits = 0;
	t0 = now_ms();
	check(alarm(1) == 0, "alarm(1) had no alarm before");
	check(pause() == -1 && errno == EINTR, "pause returns EINTR");
	t0 = now_ms() - t0;
	printf("alarm: SIGALRM after %ld ms\n", t0);
	check(hits == 1 && last_sig == SIGALRM && t0 >= 900 && t0 < 3000,
	      "alarm(1) delivers SIGALRM after a second");
	alarm(5);
	check(alarm(0) >= 4, "alarm returns the seconds left");

	memset(&v, 0, sizeof(v));
	v.it_value.tv_usec = 100000;
	v.it_interval.tv_usec = 100000;
	hits = 0;
	t0 = now_ms();
	check(setitimer(ITIMER_REAL, &v, NULL) == 0, "setitimer 100 ms");
	while (hits < 5)
		pause();
	t0 = now_ms() - t0;
	memset(&v, 0, sizeof(v));
	setitimer(ITIMER_REAL, &v, &o);
	printf("setitimer: 5 SIGALRM in %ld ms\n", t0);
	check(t0 >= 450 && t0 < 3000 && o.it_interval.tv_usec == 100000,
	      "setitimer(ITIMER_REAL) repeats");
	v.it_value.tv_usec = 1000000;
	errno = 0;
	check(setitimer(ITIMER_REAL, &v, NULL) == -1 && errno == EINVAL,
	      "setitimer(tv_usec 1000000) EINVAL");
}

/* A console read with no input: SIGALRM interrupts it (EINTR). */
static void checks_read(void)
{
	char buf[16];
	long n, t0;

	set(SIGALRM, on_sig, 0);
	hits = 0;
	alarm(1);
	t0 = now_ms();
	errno = 0;
	n = read(0, buf, sizeof(buf));
	t0 = now_ms() - t0;
	printf("read: %ld errno %d after %ld ms\n", n, errno, t0);
	check(n == -1 && errno == EINTR && hits == 1 && t0 >= 900,
	      "a signal interrupts a waiting console read with EINTR");

	/* With SA_RESTART the read goes on: it gets the input instead. */
	set(SIGALRM, on_sig, SA_RESTART);
	hits = 0;
	alarm(1);
	printf("read: waiting for input\n");
	n = read(0, buf, sizeof(buf));
	check(n > 0 && hits == 1, "SA_RESTART: the read goes on after it");
}

/*
 * Faults from real instructions, to a handler that leaves with
 * siglongjmp; where the platform cannot deliver them, the crash report.
 */
static volatile int zero;
/* Page 0: unmapped on every platform here (a NULL guard). */
static volatile int *volatile bad = (volatile int *)16;

static int mode_fault(const char *what)
{
	int sig = !strcmp(what, "segv") ? SIGSEGV : SIGFPE;
	volatile int r = 0;

	set(sig, on_jump, 0);
	if (sigsetjmp(jump, 1) == 0) {
		if (sig == SIGSEGV)
			r = *bad;
		else
			r = 7 / zero;
		printf("fault: no fault (%d)\n", r);
		return 1;
	}
	printf("fault: %s handled\n", sig == SIGSEGV ? "SIGSEGV" : "SIGFPE");
	/* Twice: the handler is still there, the mask was restored. */
	if (sigsetjmp(jump, 1) == 0) {
		if (sig == SIGSEGV)
			r = *bad;
		else
			r = 7 / zero;
		return 1;
	}
	printf("fault: handled again\n");
	return 0;
}

int main(int argc, char *argv[])
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 1 && !strcmp(argv[1], "heap")) {
		/* MiB blocks until the heap is out: its size, run-time set. */
		unsigned long mib = 0;

		while (malloc(1 << 20))
			mib++;
		printf("heap: %lu MiB allocated, then %s\n", mib,
		       errno == ENOMEM ? "ENOMEM" : "another error");
		return 0;
	}
	if (argc > 1 && !strncmp(argv[1], "fault=", 6))
		return mode_fault(argv[1] + 6);
	if (argc > 1 && !strncmp(argv[1], "default=", 8)) {
		int sig = atoi(argv[1] + 8);

		printf("raising %d\n", sig);
		raise(sig);
		printf("still here after signal %d\n", sig);
		return 0;
	}
	checks_basic();
	checks_timers();
	if (argc > 1 && !strcmp(argv[1], "read"))
		checks_read();
	printf("signaltest: %d checks, %d failed\n", checks, failed);
	return failed ? 1 : 0;
}
