/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mounts at boot: CONFIG_LIBUKMOUNT_DEFAULT, then the command line's
 * vfs.mount=FSTYPE:SOURCE:TARGET parameters, in that order, after the
 * root ramfs (LIB priority 1) and the initrd (3), so that a target may
 * come from the initrd. Errors are logged, never fatal.
 */
#include <uk/bootparam.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/vfs.h>
#include <errno.h>
#include <string.h>

#define SPEC_MAX 512

/* mkdir -p of path (absolute); a component that exists is fine. */
static int make_dirs(char *path)
{
	char *p = path + 1;
	int r;

	for (;; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;

		*p = '\0';
		r = uk_sys_mkdir(path, 0755);
		*p = c;
		if (r < 0 && r != -EEXIST)
			return r;
		if (!c)
			return 0;
	}
}

/* One FSTYPE:SOURCE:TARGET spec of len bytes; from says where it came. */
static void mount_one(const char *spec, size_t len, const char *from)
{
	char buf[SPEC_MAX];
	char *fstype = buf, *source, *target;
	int r;

	if (len >= sizeof(buf)) {
		uk_pr_err("%s: mount spec longer than %u bytes\n", from,
			  SPEC_MAX - 1);
		return;
	}
	memcpy(buf, spec, len);
	buf[len] = '\0';
	source = strchr(buf, ':');
	target = source ? strchr(source + 1, ':') : NULL;
	if (!target || !*fstype || target[1] != '/') {
		uk_pr_err("%s: \"%s\" is not FSTYPE:SOURCE:/TARGET "
			  "(e.g. ramfs::/tmp)\n",
			  from, buf);
		return;
	}
	*source++ = '\0';
	*target++ = '\0';
	r = make_dirs(target);
	if (r >= 0)
		r = uk_sys_mount(*source ? source : NULL, target, fstype, 0,
				 NULL);
	/* lib/vfs names an unknown filesystem type itself. */
	if (r < 0 && r != -ENODEV)
		uk_pr_err("%s: mount of %s on %s failed: %s (error %d)\n", from,
			  fstype, target,
			  r == -ENOTDIR ? "target is not a folder" :
					  "cannot mount",
			  -r);
	else if (r >= 0)
		uk_pr_info("%s: %s mounted on %s\n", from, fstype, target);
}

static int mounts_init(void)
{
	const char *d = CONFIG_LIBUKMOUNT_DEFAULT, *v;
	int pos = 0;

	while (*d) {
		size_t n = 0;

		while (*d == ' ')
			d++;
		while (d[n] && d[n] != ' ')
			n++;
		if (n)
			mount_one(d, n, "CONFIG_LIBUKMOUNT_DEFAULT");
		d += n;
	}
	while ((v = uk_bootparam_next("vfs.mount", &pos)))
		mount_one(v, strlen(v), "vfs.mount");
	return 0;
}

uk_lib_initcall_prio(mounts_init, 4);
