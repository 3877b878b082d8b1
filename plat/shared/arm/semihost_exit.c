/* SPDX-License-Identifier: BSD-3-Clause */
/* SYS_EXIT_EXTENDED carries a full exit status (SYS_EXIT cannot on A32). */
#include <stdint.h>
#include <arm/semihost.h>

void arm_semihost_exit(int status)
{
	uint32_t block[2] = { ARM_SEMIHOST_ADP_STOPPED_APPLICATIONEXIT,
			      (uint32_t)status };

	arm_semihost_call(ARM_SEMIHOST_SYS_EXIT_EXTENDED, block);
}
