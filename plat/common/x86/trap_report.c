/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of the x86 exceptions, for the fault reports of every x86 platform. */
#include <uk/essentials.h>
#include <uk/plat/common/x86/excname.h>

static const char *const exc_names[] = {
	"#DE divide error",
	"#DB debug",
	"NMI",
	"#BP breakpoint",
	"#OF overflow",
	"#BR bound range exceeded",
	"#UD invalid opcode",
	"#NM device not available",
	"#DF double fault",
	"coprocessor segment overrun",
	"#TS invalid TSS",
	"#NP segment not present",
	"#SS stack-segment fault",
	"#GP general protection fault",
	"#PF page fault",
	"reserved (15)",
	"#MF x87 floating-point error",
	"#AC alignment check",
	"#MC machine check",
	"#XM SIMD floating-point error",
	"#VE virtualization exception",
	"#CP control protection",
};

const char *x86_exc_name(unsigned long vector)
{
	return vector < ARRAY_SIZE(exc_names) ? exc_names[vector] : NULL;
}
