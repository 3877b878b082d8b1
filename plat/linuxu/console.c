/* SPDX-License-Identifier: BSD-3-Clause */
/* The kernel console is the process's stdout (output) and stdin (input). */
#include <uk/plat/console.h>
#include <linuxu/syscall.h>

#define LINUXU_EINTR 4
#define LINUXU_EAGAIN 11

int ukplat_coutk(const char *buf, unsigned int len)
{
	unsigned int done = 0;

	while (done < len) {
		long r = linuxu_write(1, buf + done, len - done);

		if (r == -LINUXU_EINTR || r == -LINUXU_EAGAIN)
			continue;
		if (r < 0)
			return done ? (int)done : (int)r;
		done += r;
	}
	return (int)done;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	struct linuxu_pollfd pfd = { .fd = 0, .events = LINUXU_POLLIN };
	struct linuxu_timespec zero = { 0, 0 };
	long r;

	/* Never block: report 0 when no input is pending. */
	r = linuxu_ppoll(&pfd, 1, &zero);
	if (r <= 0 || !(pfd.revents & LINUXU_POLLIN))
		return 0;
	r = linuxu_read(0, buf, maxlen);
	return r < 0 ? (int)r : (int)r;
}
