/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Every fault ends in a crash report and the crash status, as on the
 * kernel platforms (and SIGTRAP on mips, see linuxu_fault_init). SIGSEGV
 * in a guard page (paging.c) is a thread's stack overflow: the report
 * names whose. Any other SIGSEGV, and SIGBUS,
 * SIGFPE and SIGILL, first go to the program's handler when lib/signal
 * is there and one is set (uk_signal_fault; the handler returning
 * retries the instruction, as on Linux). The handler runs on a stack of
 * its own (sigaltstack): an overflowing thread has none left.
 *
 * On x86_64 the kernel hands over the CPU's own trap number, error code
 * and faulting address (the sigcontext's trapno, err and cr2): the
 * report is the kvm platforms' one (plat/shared/x86/trap_report.c). On
 * arm32 and mips32 it names the signal, the address and the PC.
 *
 * The kernel's struct sigaction and stack_t differ per arch (Linux's
 * arch/<arch>/include/uapi/asm/signal.h); only what this needs is here.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/fault.h>
#include <uk/plat/common/putk.h>
#include <linuxu/setup.h>
#if defined(__x86_64__)
#include <x86/trap.h>
#endif

#define SIGILL 4
#define SIGTRAP 5
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


#if defined(__x86_64__)
/*
 * The kernel's ucontext: flags, link, a 24-byte stack_t, then the
 * general registers of the sigcontext in this order.
 */
#define UC_GREGS_OFFSET 40
enum { G_R8, G_R9, G_R10, G_R11, G_R12, G_R13, G_R14, G_R15, G_RDI, G_RSI,
       G_RBP, G_RBX, G_RDX, G_RAX, G_RCX, G_RSP, G_RIP, G_EFL, G_CSGSFS,
       G_ERR, G_TRAPNO, G_OLDMASK, G_CR2 };

static int guard_owner(uintptr_t va, const char **owner)
{
	return linuxu_guard_owner((void *)va, owner);
}

static void report(int sig __unused, void *addr __unused, void *uctx)
{
	const unsigned long *g =
		(const unsigned long *)((char *)uctx + UC_GREGS_OFFSET);
	struct x86_trap_frame f = {
		.r15 = g[G_R15], .r14 = g[G_R14], .r13 = g[G_R13],
		.r12 = g[G_R12], .r11 = g[G_R11], .r10 = g[G_R10],
		.r9 = g[G_R9], .r8 = g[G_R8], .rbp = g[G_RBP],
		.rdi = g[G_RDI], .rsi = g[G_RSI], .rdx = g[G_RDX],
		.rcx = g[G_RCX], .rbx = g[G_RBX], .rax = g[G_RAX],
		.vector = g[G_TRAPNO], .error = g[G_ERR], .rip = g[G_RIP],
		.cs = g[G_CSGSFS] & 0xffff, .rflags = g[G_EFL],
		.rsp = g[G_RSP], .ss = 0,
	};

	x86_trap_report(&f, g[G_CR2], guard_owner);
}
#else
static const char *sig_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "SIGSEGV (bad memory access)";
	case SIGBUS:
		return "SIGBUS (bus error)";
	case SIGFPE:
		return "SIGFPE (arithmetic fault)";
	case SIGTRAP:
		return "SIGTRAP (trap instruction)";
	default:
		return "SIGILL (illegal instruction)";
	}
}

/* The PC in the kernel's ucontext (arch/<arch>/include/uapi/asm). */
static unsigned long uctx_pc(void *uctx)
{
#if defined(__arm__)
	/* flags, link, 12-byte stack_t; trap_no, error_code,
	 * oldmask, r0-r15 */
	return *(unsigned long *)((char *)uctx + 20 + 18 * 4);
#else
	/* flags, link, stack_t, then the 8-aligned sigcontext:
	 * regmask, status, pc */
	return (unsigned long)*(unsigned long long *)((char *)uctx + 32);
#endif
}

static void report(int sig, void *addr, void *uctx)
{
	const char *owner;

	plat_puts("\nCRASH: ");
	plat_puts(sig_name(sig));
	plat_puts(" at PC 0x");
	plat_puthex(uctx_pc(uctx), 8);
	plat_puts(", address 0x");
	plat_puthex((unsigned long)addr, 8);
	plat_puts("\n");
	if (sig == SIGSEGV && linuxu_guard_owner(addr, &owner)) {
		plat_puts("CRASH: stack overflow in thread ");
		plat_puts(owner ? owner : "(unnamed)");
		plat_puts(" (it hit the guard page under its stack)\n");
	}
}
#endif

static void on_fault(int sig, void *info, void *uctx)
{
	void *addr = *(void **)((char *)info + SI_ADDR_OFFSET);
	const char *owner;

	/* A guard page hit is a crash, whatever handler the program has. */
	if (!(sig == SIGSEGV && linuxu_guard_owner(addr, &owner)) &&
	    sig != SIGTRAP && uk_signal_fault &&
	    uk_signal_fault(sig == SIGSEGV ? UK_FAULT_SEGV :
			    sig == SIGBUS  ? UK_FAULT_BUS :
			    sig == SIGFPE  ? UK_FAULT_FPE : UK_FAULT_ILL, addr))
		return;
	report(sig, addr, uctx);
	ukplat_crash();
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

static void set_action(int sig, void (*handler)(int, void *, void *))
{
	struct k_sigaction sa = { 0 };

	sa.handler = handler;
	sa.flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
#ifdef SA_RESTORER
	sa.flags |= SA_RESTORER;
	sa.restorer = linuxu_sigreturn;
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
#if defined(__mips__)
	/*
	 * GCC's traps on mips (break for __builtin_trap, teq for a division
	 * by zero) reach a process as SIGTRAP under qemu-mips: a crash too.
	 */
	set_action(SIGTRAP, on_fault);
#endif
}
