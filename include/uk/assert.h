/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * UK_ASSERT(x): crash with "Assertion failure: x" and the place when x is
 * false; compiled out (x not evaluated) unless
 * CONFIG_LIBUKDEBUG_ENABLE_ASSERT. UK_BUGON(x): the same for a condition
 * that must not hold. UK_CRASH(fmt, ...): always crashes, printing
 * "CRASH: file:line: message" first.
 */
#ifndef __UK_ASSERT_H__
#define __UK_ASSERT_H__

#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>

void _uk_assert_fail(const char *expr, const char *file, unsigned int line,
		     const char *func) __noreturn;
void _uk_crash(const char *file, unsigned int line, const char *fmt,
	       ...) __noreturn __printf(3, 4);

#if CONFIG_LIBUKDEBUG_ENABLE_ASSERT
#define UK_ASSERT(x)                                                       \
	do {                                                               \
		if (unlikely(!(x)))                                        \
			_uk_assert_fail(#x, __FILE__, __LINE__, __func__); \
	} while (0)
#else
/* sizeof keeps x type-checked and its variables "used", unevaluated. */
#define UK_ASSERT(x)                \
	do {                        \
		(void)sizeof(!(x)); \
	} while (0)
#endif

#define UK_BUGON(x) UK_ASSERT(!(x))

#if CONFIG_LIBUKDEBUG
#define UK_CRASH(fmt, ...) _uk_crash(__FILE__, __LINE__, fmt, ##__VA_ARGS__)
#else
/* Without ukdebug there is no console printing: just stop. */
static inline __noreturn
	__printf(1, 2) void __uk_crash_silent(const char *fmt __unused, ...)
{
	ukplat_crash();
}
#define UK_CRASH(fmt, ...) __uk_crash_silent(fmt, ##__VA_ARGS__)
#endif

#endif /* __UK_ASSERT_H__ */
