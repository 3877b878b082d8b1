/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One heap region, mapped from the host at start-up, and the initrd: the
 * file the environment variable UK_INITRD names, mapped read-only. An
 * environment variable, not an option, because linuxu hands its argv to
 * the application untouched.
 */
#include <uk/plat/common/memregion.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

void linuxu_memory_init(void)
{
	static const char msg[] = "linuxu: cannot map the heap\n";
	size_t len = (size_t)CONFIG_LINUXU_HEAP_SIZE_MB << 20;
	void *base = linuxu_mmap_anon(len);

	if (!base) {
		linuxu_write(2, msg, sizeof(msg) - 1);
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
