/* SPDX-License-Identifier: BSD-3-Clause */
/* Compiler helpers every Unicore source may use. */
#ifndef __UK_ESSENTIALS_H__
#define __UK_ESSENTIALS_H__

#include <stddef.h>
#include <stdint.h>
#include <uk/arch/types.h>

/*
 * newlib's <sys/cdefs.h> defines some of these with the same meaning;
 * taking it first keeps its definitions and avoids redefinitions.
 */
#if defined(__has_include)
#if __has_include(<sys/cdefs.h>)
#include <sys/cdefs.h>
#endif
#endif
#ifndef __unused
#define __unused __attribute__((unused))
#endif
#ifndef __used
#define __used __attribute__((used))
#endif
#ifndef __noreturn
#define __noreturn __attribute__((noreturn))
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#ifndef __align
#define __align(x) __attribute__((aligned(x)))
#endif
#ifndef __section
#define __section(s) __attribute__((section(s)))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif
#ifndef __printf
#define __printf(fmt, args) __attribute__((format(printf, fmt, args)))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((unused))
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
#define UK_CONCAT_(a, b) a##b
#define UK_CONCAT(a, b) UK_CONCAT_(a, b)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ALIGN_UP(v, a) (((v) + (a)-1) & ~((__typeof__(v))(a)-1))
#define ALIGN_DOWN(v, a) ((v) & ~((__typeof__(v))(a)-1))
#define IS_ALIGNED(v, a) (((v) & ((__typeof__(v))(a)-1)) == 0)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr)-offsetof(type, member)))

#define UK_BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#endif /* __UK_ESSENTIALS_H__ */
