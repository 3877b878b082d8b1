/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a PVH entry finds at %ebx: the hvm_start_info of Xen's public ABI
 * (arch-x86/hvm/start_info.h, version 1), for QEMU's PVH loader and Xen.
 */
#ifndef __X86_PVH_H__
#define __X86_PVH_H__

#include <stdint.h>

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr; /* version >= 1 */
	uint32_t memmap_entries;
	uint32_t reserved;
} __attribute__((packed));

struct hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;
	uint64_t reserved;
} __attribute__((packed));

struct hvm_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type; /* 1: RAM */
	uint32_t reserved;
} __attribute__((packed));

#endif /* __X86_PVH_H__ */
