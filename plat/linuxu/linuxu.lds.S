/* SPDX-License-Identifier: BSD-3-Clause */
/* Added to ld's default script for static executables. */
#include <uk/plat/common/sections.lds.h>

SECTIONS
{
	UK_TABLE_SECTIONS
}
INSERT AFTER .rodata;
