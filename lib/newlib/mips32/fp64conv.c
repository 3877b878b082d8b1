/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 64-bit integer <-> floating point conversions for mips32. Debian's
 * mips libgcc.a is SVR4 PIC code: its versions of these reach constants
 * through the GOT and $gp, which a -mno-abicalls kernel image (baremetal)
 * does not have. newlib's printf and strtod call them, so the image gets
 * these instead; they are linked before libgcc and so take its place.
 * Built on the 32-bit conversions, which the FPU does inline.
 */
#include <stdint.h>

#define TWO32 4294967296.0

double __floatundidf(uint64_t a);
double __floatdidf(int64_t a);
float __floatundisf(uint64_t a);
float __floatdisf(int64_t a);
uint64_t __fixunsdfdi(double a);
int64_t __fixdfdi(double a);
uint64_t __fixunssfdi(float a);
int64_t __fixsfdi(float a);

/* Both halves convert exactly; the one addition rounds once. */
double __floatundidf(uint64_t a)
{
	return (double)(uint32_t)(a >> 32) * TWO32 + (double)(uint32_t)a;
}

double __floatdidf(int64_t a)
{
	return (double)(int32_t)(a >> 32) * TWO32 + (double)(uint32_t)a;
}

/*
 * To float: going through double would round twice. Above 2^53 the bits
 * below the 53 kept are folded into one sticky bit first, so the double
 * is exact and the only rounding is the one to float.
 */
float __floatundisf(uint64_t a)
{
	unsigned int shift = 0;
	float f;

	while ((a >> shift) >= (1ULL << 53))
		shift++;
	if (shift)
		a = (a >> shift) | ((a & ((1ULL << shift) - 1)) != 0);
	f = (float)__floatundidf(a);
	while (shift--)
		f *= 2.0f;
	return f;
}

float __floatdisf(int64_t a)
{
	return a < 0 ? -__floatundisf(-(uint64_t)a) : __floatundisf(a);
}

/* Truncation; out of range (and NaN) saturates. */
uint64_t __fixunsdfdi(double a)
{
	uint32_t hi, lo;

	if (!(a >= 1.0))
		return 0;
	if (a >= TWO32 * TWO32)
		return UINT64_MAX;
	hi = (uint32_t)(a / TWO32);
	/* Exact: hi * 2^32 <= a and both are doubles of the same scale. */
	lo = (uint32_t)(a - (double)hi * TWO32);
	return (uint64_t)hi << 32 | lo;
}

int64_t __fixdfdi(double a)
{
	if (a >= 9223372036854775808.0)
		return INT64_MAX;
	if (a <= -9223372036854775808.0)
		return INT64_MIN;
	return a < 0 ? -(int64_t)__fixunsdfdi(-a) : (int64_t)__fixunsdfdi(a);
}

uint64_t __fixunssfdi(float a)
{
	return __fixunsdfdi(a);
}

int64_t __fixsfdi(float a)
{
	return __fixdfdi(a);
}
