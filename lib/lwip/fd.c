/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Socket descriptors in newlib's descriptor table: lwIP's descriptors
 * (LWIP_SOCKET_OFFSET up) are registered as one range, so close(),
 * read() and write() on a socket reach lwIP.
 */
#include <errno.h>
#include <lwip/opt.h>
#include <lwip/sockets.h>
#include <uk/fdtab.h>
#include <uk/init.h>
#include <uk/print.h>

static ssize_t sock_read(int fd, void *buf, size_t len)
{
	ssize_t r = lwip_read(fd, buf, len);

	return r < 0 ? -errno : r;
}

static ssize_t sock_write(int fd, const void *buf, size_t len)
{
	ssize_t r = lwip_write(fd, buf, len);

	return r < 0 ? -errno : r;
}

static int sock_close(int fd)
{
	return lwip_close(fd) < 0 ? -errno : 0;
}

static const struct uk_fdops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.close = sock_close,
};

static int uk_lwip_fd_init(void)
{
	int rc = uk_fd_register_range(LWIP_SOCKET_OFFSET, MEMP_NUM_NETCONN,
				      &sock_ops);

	if (rc < 0)
		uk_pr_err("lwip: socket descriptors not registered: %d\n", rc);
	return rc;
}
uk_lib_initcall(uk_lwip_fd_init);
