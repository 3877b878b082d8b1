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

	/*
	 * Never block: report 0 when no input is pending. A closed pipe
	 * polls as readable (or hung up) and reads 0: the end of input.
	 */
	r = linuxu_ppoll(&pfd, 1, &zero);
	if (r == -LINUXU_EINTR)
		return 0;
	if (r <= 0 || !pfd.revents)
		return r < 0 ? -1 : 0;
	r = linuxu_read(0, buf, maxlen);
	if (r == -LINUXU_EINTR || r == -LINUXU_EAGAIN)
		return 0;
	if (r == 0)
		return UKPLAT_CIN_EOF;
	return r < 0 ? -1 : (int)r;
}

/* The host's terminal (when stdin is one) edits and echoes lines. */
int ukplat_cin_has_ldisc(void)
{
	return 1;
}
