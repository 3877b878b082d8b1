/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where virtio devices are on x86_64 kvm: virtio-pci on bus 0 (pc, q35),
 * virtio-mmio as QEMU's microvm lists them on the command line
 * (virtio_mmio.device=<size>@<base>:<irq>, taken off argv by setup.c).
 * Probed by an init function, once the heap exists.
 */
#include <uk/init.h>
#include <uk/print.h>
#include <virtio/virtio.h>
#include <pc/pc.h>

/* Linux's memparse: a number (0x.. or decimal) with an optional K/M/G. */
static uint64_t parse_num(const char **sp)
{
	const char *s = *sp;
	unsigned int base = 10;
	uint64_t v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	for (;; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		v = v * base + d;
	}
	switch (*s) {
	case 'K':
	case 'k':
		v <<= 10, s++;
		break;
	case 'M':
	case 'm':
		v <<= 20, s++;
		break;
	case 'G':
	case 'g':
		v <<= 30, s++;
		break;
	}
	*sp = s;
	return v;
}

static int kvm_virtio_init(void)
{
	unsigned int i;

	for (i = 0; i < x86_virtio_mmio_nargs; i++) {
		const char *s = x86_virtio_mmio_args[i];
		uint64_t size, base, irq;

		size = parse_num(&s);
		if (*s++ != '@')
			goto bad;
		base = parse_num(&s);
		if (*s++ != ':')
			goto bad;
		irq = parse_num(&s);
		if ((*s && *s != ':') || !size || base >= 0x100000000ULL)
			goto bad;
		virtio_mmio_probe((uintptr_t)base, size, (unsigned long)irq);
		continue;
bad:
		uk_pr_warn("virtio_mmio.device=%s: not <size>@<base>:<irq>\n",
			   x86_virtio_mmio_args[i]);
	}
	virtio_pci_probe_all();
	return 0;
}

uk_plat_initcall(kvm_virtio_init);
