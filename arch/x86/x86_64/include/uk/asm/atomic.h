/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ATOMIC_H__
#define __UK_ASM_ATOMIC_H__
/* x86_64 uses GCC's builtins as they are (lock-prefixed instructions). */
#endif /* __UK_ASM_ATOMIC_H__ */
