/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * C start of the x86_64 PC-like platforms: console first (so everything
 * after it can report), then the boot information of multiboot or PVH
 * (memory map, command line, RSDP), interrupts, the local APIC, a guard
 * page at address 0, and the boot library. Exit: QEMU's isa-debug-exit
 * when it is there, ACPI power-off otherwise.
 */
#include <uk/plat/bootstrap.h>
#include <uk/plat/memory.h>
#include <uk/arch/lcpu.h>
#include <pc/pvh.h>
#include <pc/pc.h>

/* Multiboot information (multiboot 0.6.96). */
#define MB_INFO_MEMORY (1 << 0)
#define MB_INFO_CMDLINE (1 << 2)
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

struct mb_mmap_entry {
	uint32_t size; /* of the rest of the entry */
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __packed;

#define CMDLINE_MAX 4096
#define ARGV_MAX 64

static char cmdline[CMDLINE_MAX];
static char *argv[ARGV_MAX + 1];

static void cmdline_copy(uint64_t paddr)
{
	const char *s = PHYS(paddr);
	unsigned int i;

	if (!paddr || paddr >= 0x100000000ULL)
		return;
	for (i = 0; i < CMDLINE_MAX - 1 && s[i]; i++)
		cmdline[i] = s[i];
	cmdline[i] = '\0';
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
 * Splits cmdline in place at blanks; "..." and '...' group words. With
 * skip_first, the first word (the image path that some loaders put there)
 * is dropped. argv[0] is always the application's name.
 */
static int cmdline_split(int skip_first)
{
	char *r = cmdline, *w = cmdline;
	int argc = 1;

	argv[0] = UK_APP_NAME;
	for (;;) {
		char quote = 0, *word;

		while (*r == ' ' || *r == '\t' || *r == '\n')
			r++;
		if (!*r)
			break;
		word = w;
		while (*r &&
		       (quote || (*r != ' ' && *r != '\t' && *r != '\n'))) {
			if (!quote && (*r == '"' || *r == '\''))
				quote = *r++;
			else if (quote && *r == quote)
				quote = 0, r++;
			else
				*w++ = *r++;
		}
		if (*r)
			r++;
		*w++ = '\0';
		if (skip_first) {
			skip_first = 0;
			continue;
		}
		if (x86_cmdline_platform_word(word))
			continue;
		if (argc < ARGV_MAX)
			argv[argc++] = word;
	}
	argv[argc] = NULL;
	return argc;
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

static int boot_multiboot(const struct mb_info *mbi)
{
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
	if (mbi->flags & MB_INFO_CMDLINE)
		cmdline_copy(mbi->cmdline);
	return cmdline_split(!loader_is_grub2(mbi));
}

static int boot_pvh(const struct hvm_start_info *si)
{
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_entry *e = PHYS(si->memmap_paddr);
		uint32_t i;

		for (i = 0; i < si->memmap_entries; i++)
			if (e[i].type == MB_MMAP_RAM)
				x86_mem_add_ram(e[i].addr, e[i].size);
	}
	x86_acpi_init(si->rsdp_paddr);
	cmdline_copy(si->cmdline_paddr);
	return cmdline_split(0);
}

/*
 * Page 0 not present: NULL dereferences fault (#PF at CR2 0). entry32.S
 * maps the first 2 MiB with 4-KiB pages; page 0 stays until the BIOS data
 * area there has been read (x86_acpi_init).
 */
static void guard_page0(void)
{
	x86_pt0[0] = 0;
	__asm__ __volatile__("invlpg (%0)" : : "r"(0UL) : "memory");
}

void x86_pc_start(void)
{
	int argc;

	x86_console_init();
	x86_traps_init();
	x86_mem_init();
	if (x86_boot_proto == X86_BOOT_PVH)
		argc = boot_pvh(PHYS(x86_boot_info));
	else
		argc = boot_multiboot(PHYS(x86_boot_info));
	if (ukplat_memregion_count() < 2)
		plat_puts(X86_PC_PLAT
			  ": no RAM found in the boot memory map\n");
	guard_page0();
	x86_lapic_init();
	ukarch_irq_enable();
	ukplat_entry(argc, argv);
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
