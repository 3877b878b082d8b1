/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The pvclock time record (KVM's MSR_KVM_SYSTEM_TIME page, and the "time"
 * of each vCPU in Xen's shared info): system time at tsc_timestamp, and
 * how to scale TSC ticks to ns, ((ticks << or >> shift) * mul) >> 32.
 * An odd version means the hypervisor is updating it.
 */
#ifndef __UK_PLAT_COMMON_PVCLOCK_H__
#define __UK_PLAT_COMMON_PVCLOCK_H__

#include <stdint.h>

struct pvclock_vcpu_time_info {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags;
	uint8_t pad[2];
};
_Static_assert(sizeof(struct pvclock_vcpu_time_info) == 32, "pvclock ABI");

#endif /* __UK_PLAT_COMMON_PVCLOCK_H__ */
