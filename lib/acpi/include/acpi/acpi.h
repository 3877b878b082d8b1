/* SPDX-License-Identifier: BSD-3-Clause */
/* ACPI power-off (S5) of the PC board (lib/acpi). */
#ifndef __ACPI_ACPI_H__
#define __ACPI_ACPI_H__

#include <stdint.h>

/*
 * Remember where the RSDP is (0: search for it) and the EBDA, while the
 * BIOS data area is still mapped.
 */
void x86_acpi_init(uint64_t rsdp_hint);
/* Returns only when the machine could not be powered off. */
void x86_acpi_poweroff(void);

#endif /* __ACPI_ACPI_H__ */
