/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * POSIX signals for the unikernel's one process (see Config.uk): a table
 * of actions, a blocked mask and a pending mask; delivery runs the
 * handler on the current stack at a safe point.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include <uk/arch/lcpu.h>
#include <uk/essentials.h>
#include <uk/intr.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/fault.h>
#include <uk/plat/time.h>
#include <uk/signal.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define BIT(sig) (1UL << (sig))
/* What sigprocmask can never block. */
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

static struct sigaction actions[NSIG];
static sigset_t blocked, pending;

/* ITIMER_REAL: next expiry (0: off) and reload interval, in ns. */
static __nsec alarm_at, alarm_every;

static const char *const names[NSIG] = {
	[SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",   [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL",   [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGFPE] = "SIGFPE",   [SIGKILL] = "SIGKILL", [SIGBUS] = "SIGBUS",
	[SIGSEGV] = "SIGSEGV", [SIGSYS] = "SIGSYS",   [SIGPIPE] = "SIGPIPE",
	[SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGURG] = "SIGURG",
	[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGCONT] = "SIGCONT",
	[SIGCHLD] = "SIGCHLD", [SIGUSR1] = "SIGUSR1", [SIGUSR2] = "SIGUSR2",
	[SIGWINCH] = "SIGWINCH",
};

static int valid(int sig)
{
	return sig > 0 && sig < NSIG;
}

/* The default action: ignore, or end the unikernel with a log line. */
static void default_action(int sig)
{
	const char *name = names[sig] ? names[sig] : "signal";

	switch (sig) {
	case SIGCHLD:
	case SIGCONT:
	case SIGURG:
	case SIGWINCH:
		return;
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGFPE:
	case SIGBUS:
	case SIGSEGV:
	case SIGSYS:
		/* Those that dump core end as a crash (status 125). */
		fflush(stdout);
		fprintf(stderr, "%s (signal %d): terminating\n", name, sig);
		ukplat_crash();
	default:
		fflush(stdout);
		fprintf(stderr, "%s (signal %d): terminating, status %d\n",
			name, sig, 128 + sig);
		ukplat_terminate(128 + sig);
	}
}

/* Runs sig's action: which UK_INTR_* a waiting call sees. */
static int deliver_one(int sig)
{
	struct sigaction *a = &actions[sig];
	void (*h)(int) = a->sa_handler;
	sigset_t saved = blocked;
	int flags = a->sa_flags;

	pending &= ~BIT(sig);
	if (h == SIG_IGN)
		return UK_INTR_NONE;
	if (h == SIG_DFL) {
		default_action(sig);
		return UK_INTR_NONE;
	}
	blocked |= a->sa_mask;
	if (!(flags & SA_NODEFER))
		blocked |= BIT(sig);
	blocked &= ~UNBLOCKABLE;
	if (flags & SA_RESETHAND)
		a->sa_handler = SIG_DFL;
	h(sig);
	/* A handler left with siglongjmp restores the mask itself. */
	blocked = saved;
	return flags & SA_RESTART ? UK_INTR_RESTART : UK_INTR_EINTR;
}

static void alarm_check(void)
{
	__nsec now;

	if (!alarm_at)
		return;
	now = ukplat_monotonic_clock();
	if (now < alarm_at)
		return;
	pending |= BIT(SIGALRM);
	if (alarm_every) {
		/* Missed periods collapse into one signal, as on Linux. */
		while (alarm_at <= now)
			alarm_at += alarm_every;
	} else {
		alarm_at = 0;
	}
}

/* The strongest UK_INTR_* of what ran. */
static int deliver_all(void)
{
	int sig, intr = UK_INTR_NONE, r;
	sigset_t ready;

	alarm_check();
	while ((ready = pending & ~blocked)) {
		for (sig = 1; sig < NSIG; sig++)
			if (ready & BIT(sig))
				break;
		r = deliver_one(sig);
		if (r > intr)
			intr = r;
	}
	return intr;
}

int uk_signal_deliver(void)
{
	return deliver_all() == UK_INTR_EINTR;
}

/* The hooks of waiting calls (uk/intr.h). */
int _uk_intr_check(void)
{
	return deliver_all();
}

__nsec _uk_intr_deadline(void)
{
	return alarm_at;
}

/* Waiters look at the signal timer again (uk_waitq_wait_event_intr). */
static void wake_waiters(void)
{
#if CONFIG_LIBUKSCHED
	uk_sched_interrupt_waiters();
#endif
}

int uk_signal_fault(int kind, void *addr)
{
	static const int sigs[] = { [UK_FAULT_ILL] = SIGILL,
				    [UK_FAULT_FPE] = SIGFPE,
				    [UK_FAULT_BUS] = SIGBUS,
				    [UK_FAULT_SEGV] = SIGSEGV };
	void (*h)(int);
	int sig;

	if (kind <= 0 || kind >= (int)ARRAY_SIZE(sigs))
		return 0;
	sig = sigs[kind];
	h = actions[sig].sa_handler;
	if (h == SIG_DFL || h == SIG_IGN || (blocked & BIT(sig)))
		return 0;
	(void)addr; /* newlib's siginfo_t has no si_addr to carry it */
	deliver_one(sig);
	return 1;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	if (!valid(sig) ||
	    (act && (sig == SIGKILL || sig == SIGSTOP))) {
		errno = EINVAL;
		return -1;
	}
	if (old)
		*old = actions[sig];
	if (act) {
		actions[sig] = *act;
		actions[sig].sa_mask &= ~UNBLOCKABLE;
		/* Ignoring a signal drops it if pending (POSIX). */
		if (act->sa_handler == SIG_IGN)
			pending &= ~BIT(sig);
	}
	return 0;
}

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART; /* BSD and glibc semantics */
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t was = blocked;

	if (set) {
		switch (how) {
		case SIG_BLOCK:
			blocked |= *set;
			break;
		case SIG_UNBLOCK:
			blocked &= ~*set;
			break;
		case SIG_SETMASK:
			blocked = *set;
			break;
		default:
			errno = EINVAL;
			return -1;
		}
		blocked &= ~UNBLOCKABLE & ~BIT(0);
	}
	if (old)
		*old = was;
	/* What was just unblocked is delivered before this returns. */
	uk_signal_deliver();
	return 0;
}

int sigpending(sigset_t *set)
{
	alarm_check();
	*set = pending;
	return 0;
}

int raise(int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	pending |= BIT(sig);
	uk_signal_deliver();
	return 0;
}

/* One process: pid 1 (getpid), 0 (its group) and -1 (all) name it. */
int _kill(int pid, int sig)
{
	if (pid != 1 && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (sig == 0)
		return 0;
	return raise(sig);
}
extern __typeof__(_kill) kill __attribute__((weak, alias("_kill")));

/* Waits for the next safe point that delivers something. */
static void wait_for_signal(void)
{
	while (!uk_signal_deliver() && !(pending & ~blocked)) {
#if CONFIG_LIBUKSCHED
		__nsec now = ukplat_monotonic_clock();
		__nsec until = now + 10000000; /* 10 ms */

		if (alarm_at && alarm_at < until)
			until = alarm_at;
		if (until > now)
			uk_sched_sleep_until(until);
#else
		ukarch_spinwait();
#endif
	}
}

int sigsuspend(const sigset_t *mask)
{
	sigset_t saved = blocked;

	blocked = *mask & ~UNBLOCKABLE;
	wait_for_signal();
	blocked = saved;
	uk_signal_deliver();
	errno = EINTR;
	return -1;
}

int pause(void)
{
	wait_for_signal();
	errno = EINTR;
	return -1;
}

static __nsec tv_ns(const struct timeval *tv)
{
	return (__nsec)tv->tv_sec * 1000000000ULL + (__nsec)tv->tv_usec * 1000;
}

static void ns_tv(__nsec ns, struct timeval *tv)
{
	tv->tv_sec = (time_t)(ns / 1000000000ULL);
	tv->tv_usec = (suseconds_t)(ns % 1000000000ULL / 1000);
}

int getitimer(int which, struct itimerval *v)
{
	__nsec now = ukplat_monotonic_clock();

	if (which != ITIMER_REAL) {
		/* No CPU-time accounting to base the others on. */
		errno = which == ITIMER_VIRTUAL || which == ITIMER_PROF ?
				ENOSYS : EINVAL;
		return -1;
	}
	alarm_check();
	ns_tv(alarm_at ? (alarm_at > now ? alarm_at - now : 1) : 0,
	      &v->it_value);
	ns_tv(alarm_every, &v->it_interval);
	return 0;
}

int setitimer(int which, const struct itimerval *v, struct itimerval *old)
{
	if (which != ITIMER_REAL) {
		errno = which == ITIMER_VIRTUAL || which == ITIMER_PROF ?
				ENOSYS : EINVAL;
		return -1;
	}
	if (v->it_value.tv_usec < 0 || v->it_value.tv_usec >= 1000000 ||
	    v->it_interval.tv_usec < 0 || v->it_interval.tv_usec >= 1000000 ||
	    v->it_value.tv_sec < 0 || v->it_interval.tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	if (old)
		getitimer(ITIMER_REAL, old);
	alarm_every = tv_ns(&v->it_interval);
	alarm_at = tv_ns(&v->it_value);
	if (alarm_at)
		alarm_at += ukplat_monotonic_clock();
	wake_waiters();
	return 0;
}

unsigned int alarm(unsigned int seconds)
{
	struct itimerval v = { .it_value = { .tv_sec = seconds } }, old;

	setitimer(ITIMER_REAL, &v, &old);
	/* The seconds left of the previous alarm, rounded up, never 0. */
	return old.it_value.tv_sec + (old.it_value.tv_usec ? 1 : 0);
}

void siglongjmp(sigjmp_buf b, int val)
{
	if (b->saved)
		sigprocmask(SIG_SETMASK, &b->mask, NULL);
	longjmp(b->env, val ? val : 1);
}

/* newlib's sigset macros, as functions too: with a range check. */
#undef sigemptyset
#undef sigfillset
#undef sigaddset
#undef sigdelset
#undef sigismember

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)0 & ~BIT(0);
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	*set |= BIT(sig);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	*set &= ~BIT(sig);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	return (*set & BIT(sig)) != 0;
}
