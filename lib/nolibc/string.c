/* SPDX-License-Identifier: BSD-3-Clause */
/* Memory and string functions. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/*
 * gcc recognises copy, fill and strlen loops and replaces them by calls to
 * memcpy(), memset() or strlen(): inside those very functions that would be
 * infinite recursion. Makefile.uk passes the flag too; this keeps the file
 * safe wherever it is compiled.
 */
#define NOLIBC_NOLIBCALL \
	__attribute__((optimize("no-tree-loop-distribute-patterns")))

/* Word accesses may alias anything: the buffers are of any type. */
typedef unsigned long __attribute__((may_alias)) word_t;
#define WSIZE sizeof(word_t)
#define WALIGNED(p) (((uintptr_t)(p) & (WSIZE - 1)) == 0)

NOLIBC_NOLIBCALL
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* Words when both sides share an alignment, bytes otherwise. */
	if (((uintptr_t)d & (WSIZE - 1)) == ((uintptr_t)s & (WSIZE - 1))) {
		while (n && !WALIGNED(d)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= WSIZE; n -= WSIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WSIZE;
			s += WSIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

NOLIBC_NOLIBCALL
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	/* A forward copy is safe unless dst starts inside src. */
	if (d < s || d >= s + n)
		return memcpy(dst, src, n);

	d += n;
	s += n;
	if (((uintptr_t)d & (WSIZE - 1)) == ((uintptr_t)s & (WSIZE - 1))) {
		while (n && !WALIGNED(d)) {
			*--d = *--s;
			n--;
		}
		for (; n >= WSIZE; n -= WSIZE) {
			d -= WSIZE;
			s -= WSIZE;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
	return dst;
}

NOLIBC_NOLIBCALL
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t w;

	while (n && !WALIGNED(p)) {
		*p++ = (unsigned char)c;
		n--;
	}
	if (n >= WSIZE) {
		/* Replicate the byte into every byte of a word. */
		w = (unsigned char)c;
		w *= (word_t)-1 / 0xff;
		for (; n >= WSIZE; n -= WSIZE) {
			*(word_t *)p = w;
			p += WSIZE;
		}
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

NOLIBC_NOLIBCALL
int memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
	}
	return 0;
}

NOLIBC_NOLIBCALL
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

NOLIBC_NOLIBCALL
void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n--) {
		if (*--p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

NOLIBC_NOLIBCALL
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

NOLIBC_NOLIBCALL
size_t strnlen(const char *s, size_t maxlen)
{
	size_t i;

	for (i = 0; i < maxlen && s[i]; i++)
		;
	return i;
}

NOLIBC_NOLIBCALL
char *stpcpy(char *restrict dst, const char *restrict src)
{
	while ((*dst = *src++))
		dst++;
	return dst;
}

NOLIBC_NOLIBCALL
char *strcpy(char *restrict dst, const char *restrict src)
{
	stpcpy(dst, src);
	return dst;
}

NOLIBC_NOLIBCALL
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i]; i++)
		dst[i] = src[i];
	/* strncpy pads the rest of dst with NULs. */
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

NOLIBC_NOLIBCALL
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

NOLIBC_NOLIBCALL
char *strcat(char *restrict dst, const char *restrict src)
{
	stpcpy(dst + strlen(dst), src);
	return dst;
}

NOLIBC_NOLIBCALL
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dst;
}

NOLIBC_NOLIBCALL
size_t strlcat(char *restrict dst, const char *restrict src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	/* No NUL within size bytes: nothing can be appended. */
	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dst + dlen, src, size - dlen);
}

NOLIBC_NOLIBCALL
int strcmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a - *b;
}

NOLIBC_NOLIBCALL
int strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
		if (!*a)
			break;
	}
	return 0;
}

/* Only the "C" locale exists, where collation is byte order. */
int strcoll(const char *s1, const char *s2)
{
	return strcmp(s1, s2);
}

static inline int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

NOLIBC_NOLIBCALL
int strcasecmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	while (*a && lower(*a) == lower(*b)) {
		a++;
		b++;
	}
	return lower(*a) - lower(*b);
}

NOLIBC_NOLIBCALL
int strncasecmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	for (; n; n--, a++, b++) {
		if (lower(*a) != lower(*b))
			return lower(*a) - lower(*b);
		if (!*a)
			break;
	}
	return 0;
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

int ffs(int i)
{
	return __builtin_ffs(i);
}

NOLIBC_NOLIBCALL
char *strchr(const char *s, int c)
{
	/* The terminating NUL counts as part of the string. */
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

NOLIBC_NOLIBCALL
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

NOLIBC_NOLIBCALL
char *strstr(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);

	if (!nlen)
		return (char *)haystack;
	for (; (haystack = strchr(haystack, *needle)); haystack++) {
		if (!strncmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

/* A 256-bit set of the bytes in s (the NUL byte is always a member). */
static inline void byteset_fill(unsigned long *set, const char *s)
{
	const unsigned int bits = 8 * sizeof(*set);
	unsigned int i;

	for (i = 0; i < 256 / bits; i++)
		set[i] = 0;
	set[0] = 1;
	for (; *s; s++) {
		unsigned char c = *s;

		set[c / bits] |= 1UL << (c % bits);
	}
}

static inline int byteset_has(const unsigned long *set, unsigned char c)
{
	const unsigned int bits = 8 * sizeof(*set);

	return (set[c / bits] >> (c % bits)) & 1;
}

#define BYTESET_WORDS (256 / (8 * sizeof(unsigned long)))

size_t strspn(const char *s, const char *accept)
{
	unsigned long set[BYTESET_WORDS];
	size_t i;

	byteset_fill(set, accept);
	/* NUL is in the set but must stop the scan. */
	for (i = 0; s[i] && byteset_has(set, s[i]); i++)
		;
	return i;
}

size_t strcspn(const char *s, const char *reject)
{
	unsigned long set[BYTESET_WORDS];
	size_t i;

	byteset_fill(set, reject);
	for (i = 0; !byteset_has(set, s[i]); i++)
		;
	return i;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict saveptr)
{
	char *tok;

	if (!s)
		s = *saveptr;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = s;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s)
		*s++ = '\0';
	*saveptr = s;
	return tok;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *saved;

	return strtok_r(s, delim, &saved);
}

char *strsep(char **restrict stringp, const char *restrict delim)
{
	char *tok = *stringp;
	char *end;

	if (!tok)
		return NULL;
	end = tok + strcspn(tok, delim);
	if (*end) {
		*end = '\0';
		*stringp = end + 1;
	} else {
		*stringp = NULL;
	}
	return tok;
}
