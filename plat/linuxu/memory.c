/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One heap region, mapped from the host at start-up. Its size is the
 * environment's UK_MEM when set (what `make run UK_MEM=...` and uk-run
 * pass on; the same syntax as QEMU's -m: a number of MiB, or a number
 * with a K, M or G suffix), else CONFIG_LINUXU_HEAP_SIZE_MB. And the
 * initrd: the file the environment variable UK_INITRD names, mapped
 * read-only. Environment variables, not options, because linuxu hands
 * its argv to the application untouched.
 */
#include <uk/plat/common/memregion.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

static void say(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	linuxu_write(2, s, n);
}

static void say_num(unsigned long v)
{
	char b[24];
	int i = sizeof(b);

	b[--i] = 0;
	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) && i);
	say(b + i);
}

/* "UK_MEM=..." in envp, or NULL. */
static const char *env_mem(char **envp)
{
	static const char key[] = "UK_MEM=";

	for (; envp && *envp; envp++) {
		unsigned int i = 0;

		while (key[i] && (*envp)[i] == key[i])
			i++;
		if (!key[i])
			return *envp + i;
	}
	return NULL;
}

/* Bytes, or 0 for a size that is not one (or below 1 MiB). */
static unsigned long long parse_size(const char *s)
{
	unsigned long long v = 0;
	unsigned int shift = 20;

	if (*s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (unsigned long long)(*s++ - '0');
		if (v > (1ULL << 40))
			return 0;
	}
	switch (*s) {
	case 'k': case 'K': shift = 10; s++; break;
	case 'm': case 'M': shift = 20; s++; break;
	case 'g': case 'G': shift = 30; s++; break;
	}
	if (*s == 'i' && s[1] == 'B')
		s += 2;
	else if (*s == 'B')
		s++;
	if (*s)
		return 0;
	v <<= shift;
	return v < (1ULL << 20) ? 0 : v;
}

void linuxu_memory_init(char **envp)
{
	const char *mem = env_mem(envp);
	unsigned long long want = (unsigned long long)CONFIG_LINUXU_HEAP_SIZE_MB
				  << 20;
	size_t len;
	void *base;

	if (mem && *mem) { /* empty: unset, as for QEMU's scripts */
		want = parse_size(mem);
		if (!want || want > (size_t)-1 / 2) {
			say("linuxu: UK_MEM=");
			say(mem);
			say(" is not a memory size: give MiB as a number, or "
			    "with a K, M or G suffix, 1M at least (UK_MEM=64M)\n");
			linuxu_exit_group(2);
		}
	}
	len = (size_t)want;
	base = linuxu_mmap_anon(len);
	if (!base) {
		say("linuxu: cannot map a heap of ");
		say_num((unsigned long)(len >> 10));
		say(" KiB from the host: ask for less (UK_MEM, or "
		    "CONFIG_LINUXU_HEAP_SIZE_MB)\n");
		linuxu_exit_group(UKPLAT_STATUS_CRASH);
	}
	plat_memregion_add((uintptr_t)base, len,
			   UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "heap");
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void initrd_fail(const char *path, const char *why)
{
	static const char pre[] = "linuxu: UK_INITRD=";

	linuxu_write(2, pre, sizeof(pre) - 1);
	linuxu_write(2, path, str_len(path));
	linuxu_write(2, why, str_len(why));
}

void linuxu_initrd_init(char **envp)
{
	static const char var[] = "UK_INITRD=";
	const char *path = NULL;
	long fd, len;
	void *base;

	for (; *envp && !path; envp++) {
		unsigned int i = 0;

		while (var[i] && (*envp)[i] == var[i])
			i++;
		if (!var[i])
			path = *envp + i;
	}
	if (!path || !*path)
		return;
	fd = linuxu_open_ro(path);
	if (fd < 0) {
		initrd_fail(path, ": cannot open it; booting without initrd\n");
		return;
	}
	len = linuxu_file_size((int)fd);
	if (len <= 0) {
		initrd_fail(path, ": empty or not a regular file; "
				  "booting without initrd\n");
		linuxu_close((int)fd);
		return;
	}
	base = linuxu_mmap_file_ro((int)fd, (size_t)len);
	linuxu_close((int)fd);
	if (!base) {
		initrd_fail(path, ": cannot map it; booting without initrd\n");
		return;
	}
	plat_memregion_add((uintptr_t)base, (size_t)len,
			   UKPLAT_MEMRF_INITRD | UKPLAT_MEMRF_RESERVED |
				   UKPLAT_MEMRF_READABLE,
			   "initrd");
}
