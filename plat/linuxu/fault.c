/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SIGSEGV in a guard page (paging.c) is a thread's stack overflow: say
 * whose, as the kernel platforms' fault reports do, and end with the
 * crash status. The handler runs on a stack of its own (sigaltstack): the
 * overflowing thread has none left. Any other SIGSEGV, and SIGBUS,
 * SIGFPE and SIGILL, go to the program's handler when lib/signal is
 * there and one is set (uk_signal_fault; the handler returning retries
 * the instruction, as on Linux); else the default action (the process
 * dies of the signal, status 128 + signal).
 *
 * The kernel's struct sigaction and stack_t differ per arch (Linux's
 * arch/<arch>/include/uapi/asm/signal.h); only what this needs is here.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/fault.h>
#include <uk/plat/common/putk.h>
#include <linuxu/setup.h>

#define SIGILL 4
#define SIGFPE 8
#define SIGSEGV 11
#if defined(__mips__)
#define SIGBUS 10
#else
#define SIGBUS 7
#endif
#define SA_ONSTACK 0x08000000UL
#define SA_NODEFER 0x40000000UL

#if defined(__mips__)
#define SA_SIGINFO 0x8UL
#define SC_SIGALTSTACK (__SC_BASE + 206)
#define SIGSET_BYTES 16
#define SI_ADDR_OFFSET 12 /* after si_signo, si_code, si_errno */
struct k_sigaction {
	unsigned int flags;
	void (*handler)(int, void *, void *);
	unsigned int mask[4];
};
struct k_stack {
	void *sp;
	size_t size;
	int flags;
};
#else
#define SA_SIGINFO 0x4UL
#if defined(__x86_64__)
/* arm's kernel has a return trampoline of its own (its sigpage). */
#define SA_RESTORER 0x04000000UL
#endif
#define SIGSET_BYTES 8
struct k_sigaction {
	void (*handler)(int, void *, void *);
	unsigned long flags;
	void (*restorer)(void);
	unsigned int mask[2];
};
struct k_stack {
	void *sp;
	int flags;
	size_t size;
};
#if defined(__x86_64__)
#define SC_SIGALTSTACK 131
#define SI_ADDR_OFFSET 16 /* three ints, then 8-byte aligned */
#else
#define SC_SIGALTSTACK 186
#define SI_ADDR_OFFSET 12
#endif
#endif

static char altstack[16384] __align(16);


static void set_action(int sig, void (*handler)(int, void *, void *));

static void on_fault(int sig, void *info, void *uctx __unused)
{
	void *addr = *(void **)((char *)info + SI_ADDR_OFFSET);
	const char *owner;

	if (sig == SIGSEGV && linuxu_guard_owner(addr, &owner)) {
		plat_puts("\nCRASH: stack overflow in thread ");
		plat_puts(owner ? owner : "(unnamed)");
		plat_puts(" (it hit the guard page under its stack)\n");
		ukplat_crash();
	}
	if (uk_signal_fault &&
	    uk_signal_fault(sig == SIGSEGV ? UK_FAULT_SEGV :
			    sig == SIGBUS  ? UK_FAULT_BUS :
			    sig == SIGFPE  ? UK_FAULT_FPE : UK_FAULT_ILL, addr))
		return;
	/* Nobody's: the default action; SA_NODEFER lets it through. */
	set_action(sig, NULL);
	linuxu_syscall(__SC_KILL, linuxu_syscall(__SC_GETPID, 0, 0, 0), sig, 0);
}

#ifdef SA_RESTORER
/*
 * x86_64 wants a restorer: it ends a handler that returns (a program's
 * fault handler may) with rt_sigreturn (15).
 */
void linuxu_sigreturn(void);
__asm__(".text\n"
	".type linuxu_sigreturn, @function\n"
	"linuxu_sigreturn:\n"
	"\tmov $15, %eax\n"
	"\tsyscall\n"
	"\thlt\n");
#endif

/* handler NULL: the default action (SIG_DFL is 0). */
static void set_action(int sig, void (*handler)(int, void *, void *))
{
	struct k_sigaction sa = { 0 };

	sa.handler = handler;
	if (handler)
		sa.flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
#ifdef SA_RESTORER
	if (handler) {
		sa.flags |= SA_RESTORER;
		sa.restorer = linuxu_sigreturn;
	}
#endif
	linuxu_syscall6(__SC_RT_SIGACTION, sig, (long)&sa, 0, SIGSET_BYTES,
			0, 0);
}

void linuxu_fault_init(void)
{
	struct k_stack ss = { 0 };

	ss.sp = altstack;
	ss.size = sizeof(altstack);
	linuxu_syscall(SC_SIGALTSTACK, &ss, 0, 0);
	set_action(SIGSEGV, on_fault);
	set_action(SIGBUS, on_fault);
	set_action(SIGFPE, on_fault);
	set_action(SIGILL, on_fault);
}
