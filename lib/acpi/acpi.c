/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ACPI power-off (S5), for machines without QEMU's isa-debug-exit.
 *
 * The tables are read only when power-off is asked for: the FADT gives the
 * PM1a/PM1b control ports (0x604 on QEMU's pc and q35, other ports on
 * real boards) or, on hardware-reduced machines such as QEMU's microvm,
 * the sleep control register; the DSDT's \_S5 package gives the sleep
 * type to write. The RSDP comes from PVH's start_info or is searched for
 * in the EBDA and the BIOS area, as the specification says.
 */
#include <pc/pc.h>
#include <acpi/acpi.h>
#include <uk/plat/time.h>

struct acpi_sdt {
	char sig[4];
	uint32_t len;
	uint8_t rev;
	uint8_t csum;
	char oem[6];
	char oem_table[8];
	uint32_t oem_rev;
	uint32_t creator;
	uint32_t creator_rev;
} __packed;

/* Generic address structure. */
struct acpi_gas {
	uint8_t space; /* 0: memory, 1: I/O */
	uint8_t bit_width;
	uint8_t bit_offset;
	uint8_t access;
	uint64_t addr;
} __packed;

/* FADT fields used here (offsets from the table start). */
#define FADT_DSDT 40
#define FADT_SMI_CMD 48
#define FADT_ACPI_ENABLE 52
#define FADT_PM1A_CNT 64
#define FADT_PM1B_CNT 68
#define FADT_FLAGS 112
#define FADT_X_DSDT 140
#define FADT_SLEEP_CTL 244
#define FADT_HW_REDUCED (1 << 20)

#define PM1_SCI_EN 0x0001
#define PM1_SLP_EN 0x2000
#define SLEEP_CTL_SLP_EN 0x20

static uint64_t rsdp_hint;
static uint32_t ebda_base;

/* Called at boot, while the BIOS data area is still mapped. */
void x86_acpi_init(uint64_t hint)
{
	uintptr_t bda_ebda = 0x40e; /* BIOS data area: EBDA segment */

	/* Hide the constant address from the compiler's bounds checks. */
	__asm__("" : "+r"(bda_ebda));
	rsdp_hint = hint;
	ebda_base = (uint32_t)*(volatile uint16_t *)bda_ebda << 4;
}

static int csum_ok(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (len--)
		s += *b++;
	return s == 0;
}

static int sig_is(const void *p, const char *sig, unsigned int n)
{
	const char *c = p;

	while (n--)
		if (*c++ != *sig++)
			return 0;
	return 1;
}

static const uint8_t *rsdp_scan(uint32_t from, uint32_t len)
{
	uint32_t a;

	for (a = from; a + 20 <= from + len; a += 16)
		if (sig_is(PHYS(a), "RSD PTR ", 8) && csum_ok(PHYS(a), 20))
			return PHYS(a);
	return NULL;
}

static const uint8_t *rsdp_find(void)
{
	const uint8_t *r = NULL;

	if (rsdp_hint && rsdp_hint < 0x100000000ULL &&
	    sig_is(PHYS(rsdp_hint), "RSD PTR ", 8))
		return PHYS(rsdp_hint);
	if (ebda_base >= 0x1000 && ebda_base < 0xa0000)
		r = rsdp_scan(ebda_base, 1024);
	return r ? r : rsdp_scan(0xe0000, 0x20000);
}

static const struct acpi_sdt *table_ok(uint64_t a, const char *sig)
{
	const struct acpi_sdt *t;

	if (!a || a >= 0x100000000ULL) /* only the first 4 GiB is mapped */
		return NULL;
	t = PHYS(a);
	if (!sig_is(t->sig, sig, 4) || t->len < sizeof(*t) ||
	    !csum_ok(t, t->len))
		return NULL;
	return t;
}

static const struct acpi_sdt *fadt_find(void)
{
	const uint8_t *rsdp = rsdp_find();
	const struct acpi_sdt *root, *t;
	uint32_t i, n, esz;

	if (!rsdp)
		return NULL;
	if (rsdp[15] >= 2 && (root = table_ok(*(const uint64_t *)(rsdp + 24),
					      "XSDT")))
		esz = 8;
	else if ((root = table_ok(*(const uint32_t *)(rsdp + 16), "RSDT")))
		esz = 4;
	else
		return NULL;
	n = (root->len - sizeof(*root)) / esz;
	for (i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)(root + 1) + i * esz;
		uint64_t a = esz == 8 ? *(const uint64_t *)e
				      : *(const uint32_t *)e;

		if ((t = table_ok(a, "FACP")))
			return t;
	}
	return NULL;
}

/* One integer of an AML package: returns the byte count used, 0 if none. */
static int aml_int(const uint8_t *p, const uint8_t *end, uint8_t *v)
{
	if (p >= end)
		return 0;
	switch (p[0]) {
	case 0x00: /* ZeroOp */
		*v = 0;
		return 1;
	case 0x01: /* OneOp */
		*v = 1;
		return 1;
	case 0x0a: /* BytePrefix */
		if (p + 1 >= end)
			return 0;
		*v = p[1];
		return 2;
	case 0x0b: /* WordPrefix */
		if (p + 2 >= end)
			return 0;
		*v = p[1];
		return 3;
	case 0x0c: /* DWordPrefix */
		if (p + 4 >= end)
			return 0;
		*v = p[1];
		return 5;
	}
	return 0;
}

/* SLP_TYPa and SLP_TYPb of \_S5 in the DSDT: Name (_S5, Package () {a, b, ..}) */
static int s5_find(const struct acpi_sdt *dsdt, uint8_t *a, uint8_t *b)
{
	const uint8_t *p = (const uint8_t *)(dsdt + 1);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->len;
	int n;

	for (; p + 8 < end; p++) {
		if (!sig_is(p, "_S5_", 4) || p[4] != 0x12 /* PackageOp */)
			continue;
		if (p[-1] != 0x08 && !(p[-1] == '\\' && p[-2] == 0x08))
			continue; /* not a NameOp */
		p += 5;
		p += 1 + (p[0] >> 6); /* PkgLength */
		p++;		      /* NumElements */
		n = aml_int(p, end, a);
		if (!n)
			return -1;
		if (!aml_int(p + n, end, b))
			*b = *a;
		return 0;
	}
	return -1;
}

static void gas_write8(const struct acpi_gas *g, uint8_t v)
{
	if (g->space == 1)
		outb((uint16_t)g->addr, v);
	else if (g->space == 0 && g->addr < 0x100000000ULL)
		*(volatile uint8_t *)PHYS(g->addr) = v;
}

static void delay_ms(unsigned int ms)
{
	__nsec end = ukplat_monotonic_clock() + (__nsec)ms * 1000000;

	while (ukplat_monotonic_clock() < end)
		;
}

void x86_acpi_poweroff(void)
{
	const struct acpi_sdt *fadt = fadt_find(), *dsdt = NULL;
	const uint8_t *f = (const uint8_t *)fadt;
	uint16_t pm1a, pm1b;
	uint8_t typa = 0, typb = 0;

	if (!fadt)
		return;
	if (fadt->len >= FADT_X_DSDT + 8)
		dsdt = table_ok(*(const uint64_t *)(f + FADT_X_DSDT), "DSDT");
	if (!dsdt)
		dsdt = table_ok(*(const uint32_t *)(f + FADT_DSDT), "DSDT");
	if (!dsdt || s5_find(dsdt, &typa, &typb) < 0)
		return;

	if (fadt->len >= FADT_SLEEP_CTL + sizeof(struct acpi_gas) &&
	    (*(const uint32_t *)(f + FADT_FLAGS) & FADT_HW_REDUCED)) {
		gas_write8((const struct acpi_gas *)(f + FADT_SLEEP_CTL),
			   ((typa & 7) << 2) | SLEEP_CTL_SLP_EN);
		delay_ms(100);
		return;
	}

	pm1a = (uint16_t)*(const uint32_t *)(f + FADT_PM1A_CNT);
	pm1b = (uint16_t)*(const uint32_t *)(f + FADT_PM1B_CNT);
	if (!pm1a)
		return;
	/*
	 * QEMU powers off without ACPI mode being on; real boards may need
	 * it: ask the firmware (SMI_CMD) only if the first try failed.
	 */
	for (int tries = 0; tries < 2; tries++) {
		outw(pm1a, (typa << 10) | PM1_SLP_EN);
		if (pm1b)
			outw(pm1b, (typb << 10) | PM1_SLP_EN);
		delay_ms(100);
		if (tries || (inw(pm1a) & PM1_SCI_EN))
			break;
		if (!*(const uint32_t *)(f + FADT_SMI_CMD) ||
		    !f[FADT_ACPI_ENABLE])
			break;
		outb((uint16_t)*(const uint32_t *)(f + FADT_SMI_CMD),
		     f[FADT_ACPI_ENABLE]);
		for (int i = 0; i < 300 && !(inw(pm1a) & PM1_SCI_EN); i++)
			delay_ms(10);
	}
}
