/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot sequence every platform ends in: heap, constructors, init
 * functions, main(), then terminate with main's return value.
 */
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/memory.h>
#if CONFIG_LIBUKBOOT_INITALLOC
#include <uk/alloc.h>
#if CONFIG_LIBUKBOOT_HEAP_TLSF
#include <uk/alloctlsf.h>
#define boot_heap_init uk_alloctlsf_init
#elif CONFIG_LIBUKBOOT_HEAP_REGION
#include <uk/allocregion.h>
#define boot_heap_init uk_allocregion_init
#else
#include <uk/allocbbuddy.h>
#define boot_heap_init uk_allocbbuddy_init
#endif
#endif
#if CONFIG_LIBUKDEBUG
#include <uk/print.h>
#endif
#if CONFIG_LIBUKBOOT_MAIN_STACK_KB
#include <uk/asm/ctx.h>
#include <uk/plat/paging.h>
#endif

extern const uk_ctor_func_t uk_ctortab_start[], uk_ctortab_end[];
extern const struct uk_init_entry uk_inittab_start[], uk_inittab_end[];
extern void (*__init_array_start[])(void) __attribute__((weak));
extern void (*__init_array_end[])(void) __attribute__((weak));

int main(int argc, char *argv[]);

/* Before the console library is there, errors still need to be seen. */
static void boot_puts(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	ukplat_coutk(s, n);
}

#if CONFIG_LIBUKBOOT_INITALLOC
static void boot_init_alloc(void)
{
	struct ukplat_memregion_desc d;
	struct uk_alloc *a = NULL;
	int i;

	ukplat_memregion_foreach (&d, i) {
		if (!(d.flags & UKPLAT_MEMRF_FREE) || !d.len)
			continue;
		if (!a)
			a = boot_heap_init((void *)d.base, d.len);
		else
			uk_alloc_addmem(a, (void *)d.base, d.len);
	}
	if (!a) {
		boot_puts("ukboot: no usable memory for the heap\n");
		ukplat_crash();
	}
}
#endif

#if CONFIG_LIBUKBOOT_MAIN_STACK_KB
/* Not every platform has guard pages (arm32 and mips32: MMU off). */
extern __typeof__(ukplat_page_guard_size) ukplat_page_guard_size __weak;
extern __typeof__(ukplat_page_set_guard) ukplat_page_set_guard __weak;

static struct ukarch_ctx boot_ctx, main_ctx;
static int main_argc;
static char **main_argv;

static void main_entry(void *arg __unused)
{
	ukplat_terminate(main(main_argc, main_argv));
}

/*
 * main() on a stack of CONFIG_LIBUKBOOT_MAIN_STACK_KB from the heap, a
 * guard page under it where there is paging; never returns.
 */
static void __noreturn run_main(int argc, char *argv[])
{
	unsigned long guard = ukplat_page_guard_size ?
				      ukplat_page_guard_size() : 0;
	size_t size = (size_t)CONFIG_LIBUKBOOT_MAIN_STACK_KB * 1024;
	char *base;

	base = uk_memalign(uk_alloc_get_default(), guard > 16 ? guard : 16,
			   size + guard);
	if (!base) {
		boot_puts("ukboot: no memory for main's stack "
			  "(CONFIG_LIBUKBOOT_MAIN_STACK_KB): give the image "
			  "more memory or lower the option\n");
		ukplat_crash();
	}
	if (guard && (!ukplat_page_set_guard ||
		      ukplat_page_set_guard(base, "main") < 0))
		boot_puts("ukboot: main's stack has no guard page\n");
	main_argc = argc;
	main_argv = argv;
	ukarch_ctx_init(&main_ctx, (uintptr_t)(base + guard + size),
			main_entry, NULL);
	ukarch_ctx_switch(&boot_ctx, &main_ctx);
	ukplat_crash(); /* main_entry never comes back */
}
#endif

void ukplat_entry(int argc, char *argv[])
{
	const uk_ctor_func_t *ctor;
	const struct uk_init_entry *ie;

#if CONFIG_LIBUKBOOT_INITALLOC
	boot_init_alloc();
#endif
	for (ctor = uk_ctortab_start; ctor < uk_ctortab_end; ctor++)
		(*ctor)();
	if (__init_array_start)
		for (void (**c)(void) = __init_array_start;
		     c < __init_array_end; c++)
			(*c)();
	for (ie = uk_inittab_start; ie < uk_inittab_end; ie++) {
		int rc = ie->func();

		if (rc < 0) {
			boot_puts("ukboot: init function ");
			boot_puts(ie->name);
			boot_puts(" failed\n");
			ukplat_crash();
		}
	}
#if CONFIG_LIBUKBOOT_BANNER && CONFIG_LIBUKDEBUG
	uk_pr_info("Unicore " UK_VERSION " (" UK_ARCH_NAME "): calling main\n");
#endif
#if CONFIG_LIBUKBOOT_MAIN_STACK_KB
	run_main(argc, argv);
#else
	ukplat_terminate(main(argc, argv));
#endif
}
