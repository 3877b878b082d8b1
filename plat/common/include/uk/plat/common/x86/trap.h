/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_COMMON_X86_EXCNAME_H__
#define __UK_PLAT_COMMON_X86_EXCNAME_H__

/* "#PF page fault" for vector 14; NULL past the architectural vectors. */
const char *x86_exc_name(unsigned long vector);

#endif /* __UK_PLAT_COMMON_X86_EXCNAME_H__ */
