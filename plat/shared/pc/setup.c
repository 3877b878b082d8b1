/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * C start of the x86_64 PC-like platforms: console first (so everything
 * after it can report), then the boot information of multiboot or PVH
 * (memory map, command line, RSDP), interrupts, W^X with a guard page
 * at address 0, the local APIC, and the boot library. Exit: QEMU's
 * isa-debug-exit when it is there, ACPI power-off otherwise.
 */
#include <uk/plat/bootstrap.h>
#include <uk/plat/memory.h>
#include <uk/arch/lcpu.h>
#include <x86/pvh.h>
#include <acpi/acpi.h>
#include <pc/pc.h>

/* Multiboot information (multiboot 0.6.96). */
#define MB_INFO_MEMORY (1 << 0)
#define MB_INFO_CMDLINE (1 << 2)
#define MB_INFO_MODS (1 << 3)
#define MB_INFO_MMAP (1 << 6)
#define MB_INFO_LOADER_NAME (1 << 9)
#define MB_MMAP_RAM 1

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
} __packed;

struct mb_module {
	uint32_t mod_start, mod_end;
	uint32_t string;
	uint32_t reserved;
} __packed;

struct mb_mmap_entry {
	uint32_t size; /* of the rest of the entry */
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __packed;

/*
 * The application's part of the command line, handed to lib/ukboot as
 * it is. One byte more than ukboot takes, so that a line too long for it
 * stays too long (ukboot refuses it) instead of being cut here.
 */
static char cmdline[CONFIG_LIBUKBOOT_CMDLINE_MAX + 1];
/* Whether the copy in cmdline[] is the whole line. */
static int cmdline_whole;

static int is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Copies n bytes at most, up to a NUL, from boot memory below 4 GiB. */
static void cmdline_copy(uint64_t paddr, size_t n)
{
	const char *s = PHYS(paddr);
	size_t i;

	cmdline[0] = '\0';
	if (!paddr || paddr >= 0x100000000ULL)
		return;
	for (i = 0; i < n && i < sizeof(cmdline) - 1 && s[i]; i++)
		cmdline[i] = s[i];
	cmdline[i] = '\0';
	cmdline_whole = i < sizeof(cmdline) - 1;
}

const char *x86_virtio_mmio_args[X86_VIRTIO_MMIO_MAX];
unsigned int x86_virtio_mmio_nargs;

/*
 * Words meant for the platform, not the application: QEMU's microvm
 * appends one virtio_mmio.device=<size>@<base>:<irq> per virtio-mmio
 * device (auto-kernel-cmdline), in Linux's syntax. Kept for the drivers.
 */
static int x86_cmdline_platform_word(const char *w)
{
	static const char p[] = "virtio_mmio.device=";
	unsigned int i;

	for (i = 0; p[i]; i++)
		if (w[i] != p[i])
			return 0;
	if (x86_virtio_mmio_nargs < X86_VIRTIO_MMIO_MAX)
		x86_virtio_mmio_args[x86_virtio_mmio_nargs++] = w + i;
	return 1;
}

/*
 * QEMU appends the platform words after the user's: take them off the
 * end of cmdline[] (in their order) and return what is left, the
 * application's command line. A cut copy is left alone for ukboot to
 * refuse.
 */
static const char *cmdline_app_part(void)
{
	const char *app = cmdline;
	size_t n = 0, s;
	unsigned int lo = x86_virtio_mmio_nargs, hi;

	if (!cmdline_whole)
		return cmdline;
	while (cmdline[n])
		n++;
	for (;;) {
		while (n && is_blank(cmdline[n - 1]))
			n--;
		for (s = n; s && !is_blank(cmdline[s - 1]); s--)
			;
		if (s == n || !x86_cmdline_platform_word(&cmdline[s]))
			break;
		/* Ends the platform word; the blank before it ends the rest. */
		cmdline[n] = '\0';
		if (!s) {
			app = "";
			break;
		}
		n = s - 1;
	}
	if (app == cmdline)
		cmdline[n] = '\0';
	/* Taken from the end: put them back in the line's order. */
	for (hi = x86_virtio_mmio_nargs; lo + 1 < hi; lo++, hi--) {
		const char *t = x86_virtio_mmio_args[lo];

		x86_virtio_mmio_args[lo] = x86_virtio_mmio_args[hi - 1];
		x86_virtio_mmio_args[hi - 1] = t;
	}
	return app;
}

/*
 * QEMU's loader (and GRUB legacy) start the command line with the image's
 * path; GRUB 2 passes only the arguments.
 */
static int loader_is_grub2(const struct mb_info *mbi)
{
	const char *n = PHYS(mbi->boot_loader_name), *g = "GRUB 2";

	if (!(mbi->flags & MB_INFO_LOADER_NAME) || !mbi->boot_loader_name)
		return 0;
	while (*g && *n == *g)
		n++, g++;
	return !*g;
}

/* Skips the first word of a line in boot memory (the image's path). */
static uint64_t skip_word(uint64_t paddr)
{
	const char *s = PHYS(paddr);

	if (!paddr || paddr >= 0x100000000ULL)
		return paddr;
	while (*s && !is_blank(*s))
		s++;
	if (*s)
		s++;
	return (uintptr_t)s;
}

/*
 * A multiboot module whose string is "cmdline" holds the command line
 * byte for byte (plat/baremetal/x86_64/mkiso writes one): GRUB re-quotes
 * the words of its multiboot line, a module it loads as it is.
 */
static int cmdline_module(const struct mb_info *mbi)
{
	const struct mb_module *m = PHYS(mbi->mods_addr);
	uint32_t i;

	if (!(mbi->flags & MB_INFO_MODS))
		return 0;
	for (i = 0; i < mbi->mods_count; i++) {
		const char *n = PHYS(m[i].string), *w = "cmdline";

		if (!m[i].string)
			continue;
		while (*w && *n == *w)
			n++, w++;
		if (*w || *n || m[i].mod_end < m[i].mod_start)
			continue;
		cmdline_copy(m[i].mod_start, m[i].mod_end - m[i].mod_start);
		return 1;
	}
	return 0;
}

/*
 * The initrd is the first module that is not the command line (QEMU's
 * -initrd, GRUB's "module ... initrd"). Found before the RAM is added, so
 * that its pages stay out of the heap.
 */
static void initrd_module(const struct mb_info *mbi)
{
	const struct mb_module *m = PHYS(mbi->mods_addr);
	uint32_t i;

	if (!(mbi->flags & MB_INFO_MODS))
		return;
	for (i = 0; i < mbi->mods_count; i++) {
		const char *n = PHYS(m[i].string), *w = "cmdline";

		if (m[i].string) {
			while (*w && *n == *w)
				n++, w++;
			if (!*w && !*n)
				continue;
		}
		if (m[i].mod_end > m[i].mod_start)
			x86_mem_set_initrd(m[i].mod_start,
					   m[i].mod_end - m[i].mod_start);
		return;
	}
}

static const char *boot_multiboot(const struct mb_info *mbi)
{
	initrd_module(mbi);
	if (mbi->flags & MB_INFO_MMAP) {
		uint32_t off = 0;

		while (off + sizeof(struct mb_mmap_entry) <= mbi->mmap_length) {
			const struct mb_mmap_entry *e =
				PHYS(mbi->mmap_addr + off);

			if (e->type == MB_MMAP_RAM)
				x86_mem_add_ram(e->addr, e->len);
			off += e->size + 4;
		}
	} else if (mbi->flags & MB_INFO_MEMORY) {
		x86_mem_add_ram(0x100000, (uint64_t)mbi->mem_upper << 10);
	}
	x86_acpi_init(0);
	if (cmdline_module(mbi))
		return cmdline;
	if (mbi->flags & MB_INFO_CMDLINE)
		cmdline_copy(loader_is_grub2(mbi) ? mbi->cmdline
						  : skip_word(mbi->cmdline),
			     sizeof(cmdline));
	return cmdline_app_part();
}

static const char *boot_pvh(const struct hvm_start_info *si)
{
	/* The first module is the initrd (QEMU's -initrd, Xen's ramdisk=). */
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *m = PHYS(si->modlist_paddr);

		x86_mem_set_initrd(m->paddr, m->size);
	}
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_entry *e = PHYS(si->memmap_paddr);
		uint32_t i;

		for (i = 0; i < si->memmap_entries; i++)
			if (e[i].type == MB_MMAP_RAM)
				x86_mem_add_ram(e[i].addr, e[i].size);
	}
	x86_acpi_init(si->rsdp_paddr);
	cmdline_copy(si->cmdline_paddr, sizeof(cmdline));
	return cmdline_app_part();
}

void x86_pc_start(void)
{
	const char *line;

	x86_console_init();
	x86_traps_init();
	x86_mem_init();
	if (x86_boot_proto == X86_BOOT_PVH)
		line = boot_pvh(PHYS(x86_boot_info));
	else
		line = boot_multiboot(PHYS(x86_boot_info));
	if (ukplat_memregion_count() < 2)
		plat_puts(X86_PC_PLAT
			  ": no RAM found in the boot memory map\n");
	/*
	 * W^X and a NULL guard (plat/shared/x86/paging.c). Page 0 stays
	 * mapped until the BIOS data area there has been read
	 * (x86_acpi_init).
	 */
	x86_cpu_paging_protect_image();
	x86_lapic_init();
	ukarch_irq_enable();
	ukplat_entry_cmdline(line, 0);
}

/* --- Leaving ---------------------------------------------------------------- */
/*
 * QEMU's isa-debug-exit makes QEMU exit with (value << 1) | 1, cut to 8
 * bits. We write status + 1, so that no status looks like QEMU's own
 * failure (exit code 1): that carries statuses 0 to 126 (exit codes 3 to
 * 255; support/scripts/run/kvm-x86_64.sh maps them back). Any other
 * status is written as 127 and arrives as 126, after a line that says so.
 */
#define DEBUG_EXIT_PORT 0xf4
#define DEBUG_EXIT_MAX_STATUS 126

/* QEMU's isa-debug-exit reads as 0; an empty port reads as all ones. */
static int debug_exit_present(void)
{
	return inb(DEBUG_EXIT_PORT) == 0;
}

void ukplat_terminate(int status)
{
	int debug_exit = debug_exit_present();

	ukarch_irq_disable();
	if (debug_exit && (status < 0 || status > DEBUG_EXIT_MAX_STATUS)) {
		plat_puts(X86_PC_PLAT ": exit status ");
		plat_putint(status);
		plat_puts(
			" does not fit QEMU's exit code: it exits with 126\n");
		status = DEBUG_EXIT_MAX_STATUS;
	}
	x86_console_flush();
	if (debug_exit)
		outl(DEBUG_EXIT_PORT, (uint32_t)status + 1);
	x86_acpi_poweroff();
	plat_puts(X86_PC_PLAT ": cannot power off; halted with status ");
	plat_putint(status);
	plat_puts("\n");
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

void ukplat_crash(void)
{
	ukplat_terminate(UKPLAT_STATUS_CRASH);
}
