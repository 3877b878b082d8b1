/* SPDX-License-Identifier: BSD-3-Clause */
/* MIPS32r2 coprocessor 0: register numbers, fields and accessors. */
#ifndef __UK_ASM_CP0_H__
#define __UK_ASM_CP0_H__

/* Register numbers (register, select) for mfc0/mtc0. */
#define CP0_USERLOCAL 4, 2 /* needs Config3.ULRI */
#define CP0_BADVADDR 8, 0
#define CP0_COUNT 9, 0
#define CP0_COMPARE 11, 0
#define CP0_STATUS 12, 0
#define CP0_INTCTL 12, 1
#define CP0_CAUSE 13, 0
#define CP0_EPC 14, 0
#define CP0_PRID 15, 0
#define CP0_EBASE 15, 1
#define CP0_CONFIG 16, 0
#define CP0_CONFIG3 16, 3
#define CP0_CONFIG3_ULRI (1u << 13)

/* Status */
#define ST_IE 0x00000001 /* interrupts enabled */
#define ST_EXL 0x00000002 /* exception level */
#define ST_ERL 0x00000004 /* error level */
#define ST_KSU 0x00000018 /* mode: 0 = kernel */
#define ST_IM_SHIFT 8 /* interrupt mask IM0..IM7 */
#define ST_IM(n) (1U << (ST_IM_SHIFT + (n)))
#define ST_BEV 0x00400000 /* boot exception vectors */
#define ST_FR 0x04000000 /* 64-bit FPU registers */
#define ST_CU1 0x20000000 /* FPU usable */

/* Cause */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK 0x1f
#define CAUSE_IP_SHIFT 8 /* pending lines IP0..IP7 */
#define CAUSE_IV 0x00800000 /* interrupts use the special vector */
#define CAUSE_DC 0x08000000 /* Count stopped */
#define CAUSE_BD 0x80000000 /* fault in a branch delay slot */

/* Cause.ExcCode values */
#define EXC_INT 0
#define EXC_MOD 1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_ADEL 4
#define EXC_ADES 5
#define EXC_IBE 6
#define EXC_DBE 7
#define EXC_SYS 8
#define EXC_BP 9
#define EXC_RI 10
#define EXC_CPU 11
#define EXC_OV 12
#define EXC_TR 13
#define EXC_FPE 15

#ifndef __ASSEMBLY__
#define __cp0_str(x) #x
#define __cp0_read(reg, sel)                                            \
	({                                                              \
		unsigned long __v;                                      \
		__asm__ __volatile__(                                   \
			"mfc0 %0, $" __cp0_str(reg) ", " __cp0_str(sel) \
			: "=r"(__v));                                   \
		__v;                                                    \
	})
#define __cp0_write(reg, sel, v)                                               \
	__asm__ __volatile__("mtc0 %z0, $" __cp0_str(reg) ", " __cp0_str(      \
				     sel) "\n\tehb" ::"Jr"((unsigned long)(v)) \
			     : "memory")
/* mips32_cp0_read(CP0_STATUS), mips32_cp0_write(CP0_COMPARE, v) */
#define mips32_cp0_read(r) __cp0_read(r)
#define mips32_cp0_write(r, v) __cp0_write(r, v)
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_CP0_H__ */
