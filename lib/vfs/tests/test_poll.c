/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of poll() and select() over pipes, files and device nodes. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <uk/plat/time.h>
#include <uk/vfs.h>
#include <uk/test.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define FAILS(call) ((call) == -1 ? errno : 0)

/* A pipe, a ramfs file and /dev/null, without waiting. */
UK_TESTCASE(vfs, poll_mix)
{
	struct pollfd p[5];
	int pp[2], file, null;

	UK_TEST_EXPECT_ZERO(pipe(pp));
	file = open("/pollfile", O_RDWR | O_CREAT | O_TRUNC, 0644);
	null = open("/dev/null", O_RDWR);
	UK_TEST_EXPECT_SNUM_GE(file, 0);
	UK_TEST_EXPECT_SNUM_GE(null, 0);
	memset(p, 0, sizeof(p));
	p[0].fd = pp[0];
	p[0].events = POLLIN;
	p[1].fd = pp[1];
	p[1].events = POLLOUT;
	p[2].fd = file;
	p[2].events = POLLIN | POLLOUT;
	p[3].fd = null;
	p[3].events = POLLIN;
	p[4].fd = -1; /* ignored */
	p[4].events = POLLIN;
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 5, 0), 3);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, 0);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(p[2].revents, POLLIN | POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(p[3].revents, POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(p[4].revents, 0);

	UK_TEST_EXPECT_SNUM_EQ(write(pp[1], "x", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, POLLIN);
	/* the last writer gone: POLLHUP, even unasked */
	UK_TEST_EXPECT_ZERO(close(pp[1]));
	p[0].events = 0;
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, POLLHUP);
	/* a closed fd: POLLNVAL */
	p[1].fd = pp[1];
	UK_TEST_EXPECT_SNUM_EQ(poll(&p[1], 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, POLLNVAL);
	close(pp[0]);

	/* the last reader gone: POLLERR on the write end */
	UK_TEST_EXPECT_ZERO(pipe(pp));
	UK_TEST_EXPECT_ZERO(close(pp[0]));
	p[0].fd = pp[1];
	p[0].events = POLLOUT;
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, POLLOUT | POLLERR);
	close(pp[1]);
	close(file);
	close(null);
	unlink("/pollfile");
	UK_TEST_EXPECT_SNUM_EQ(FAILS(poll(NULL, 1, 0)), EFAULT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(poll(p, UK_VFS_MAX_FDS + 1, 0)), EINVAL);
}

UK_TESTCASE(vfs, select_mix)
{
	fd_set r, w;
	struct timeval tv = { 0, 0 };
	int pp[2], null, n;

	UK_TEST_EXPECT_ZERO(pipe(pp));
	null = open("/dev/null", O_RDONLY);
	UK_TEST_EXPECT_SNUM_GE(null, 0);
	n = (pp[0] > pp[1] ? pp[0] : pp[1]);
	n = (n > null ? n : null) + 1;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(pp[0], &r);
	FD_SET(null, &r);
	FD_SET(pp[1], &w);
	UK_TEST_EXPECT_SNUM_EQ(select(n, &r, &w, NULL, &tv), 2);
	UK_TEST_EXPECT(!FD_ISSET(pp[0], &r));
	UK_TEST_EXPECT(FD_ISSET(null, &r));
	UK_TEST_EXPECT(FD_ISSET(pp[1], &w));

	UK_TEST_EXPECT_SNUM_EQ(write(pp[1], "ab", 2), 2);
	FD_ZERO(&r);
	FD_SET(pp[0], &r);
	UK_TEST_EXPECT_SNUM_EQ(select(n, &r, NULL, NULL, &tv), 1);
	UK_TEST_EXPECT(FD_ISSET(pp[0], &r));

	/* errors: a closed fd in a set, a negative count, a bad time */
	close(null);
	FD_ZERO(&r);
	FD_SET(null, &r);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(select(n, &r, NULL, NULL, &tv)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(select(-1, NULL, NULL, NULL, &tv)),
			       EINVAL);
	tv.tv_usec = 1000000;
	UK_TEST_EXPECT_SNUM_EQ(FAILS(select(0, NULL, NULL, NULL, &tv)), EINVAL);
	close(pp[0]);
	close(pp[1]);
}

/* Time-outs: the clock is checked against the deadline itself. */
UK_TESTCASE(vfs, poll_timeout)
{
	struct pollfd p;
	struct timeval tv = { 0, 30000 };
	fd_set r;
	__nsec deadline;
	int pp[2];

	UK_TEST_EXPECT_ZERO(pipe(pp));
	p.fd = pp[0];
	p.events = POLLIN;
	deadline = ukplat_monotonic_clock() + 50000000;
	UK_TEST_EXPECT_ZERO(poll(&p, 1, 50));
	UK_TEST_EXPECT(ukplat_monotonic_clock() >= deadline);
	UK_TEST_EXPECT_SNUM_EQ(p.revents, 0);

	FD_ZERO(&r);
	FD_SET(pp[0], &r);
	deadline = ukplat_monotonic_clock() + 30000000;
	UK_TEST_EXPECT_ZERO(select(pp[0] + 1, &r, NULL, NULL, &tv));
	UK_TEST_EXPECT(ukplat_monotonic_clock() >= deadline);
	UK_TEST_EXPECT(!FD_ISSET(pp[0], &r));

	/* no fds at all: a sleep */
	deadline = ukplat_monotonic_clock() + 20000000;
	UK_TEST_EXPECT_ZERO(poll(NULL, 0, 20));
	UK_TEST_EXPECT(ukplat_monotonic_clock() >= deadline);
	close(pp[0]);
	close(pp[1]);
}

#if CONFIG_LIBUKSCHED
static int late_fd;
static volatile int late_written;

static void late_writer(void *arg __unused)
{
	uk_sched_sleep_ns(20000000);
	late_written = 1;
	write(late_fd, "w", 1);
}

/* poll blocks (no time-out) until another thread writes the pipe. */
UK_TESTCASE(vfs, poll_blocks)
{
	struct uk_thread *t;
	struct pollfd p[2];
	int a[2], b[2];

	UK_TEST_EXPECT_ZERO(pipe(a));
	UK_TEST_EXPECT_ZERO(pipe(b));
	late_fd = b[1];
	late_written = 0;
	t = uk_thread_create("pollw", late_writer, NULL, 0);
	UK_TEST_EXPECT_NOT_NULL(t);
	p[0].fd = a[0];
	p[0].events = POLLIN;
	p[1].fd = b[0];
	p[1].events = POLLIN;
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 2, -1), 1);
	UK_TEST_EXPECT_SNUM_EQ(late_written, 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, 0);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, POLLIN);
	uk_thread_join(t);
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
}
#endif

#if CONFIG_LIBUKSCHED && CONFIG_LIBSIGNAL
#include <signal.h>
#include <sys/epoll.h>

static volatile int alarms;

static void on_alarm(int sig __unused)
{
	alarms++;
}

/* Starts a one-shot SIGALRM in 30 ms, handled without SA_RESTART. */
static void alarm_soon(struct sigaction *old)
{
	struct sigaction sa;
	struct itimerval v;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, old);
	memset(&v, 0, sizeof(v));
	v.it_value.tv_usec = 30000;
	setitimer(ITIMER_REAL, &v, NULL);
}

/* A signal during a wait without time-out ends it with EINTR. */
UK_TESTCASE(vfs, poll_eintr)
{
	struct sigaction old;
	struct epoll_event ev;
	struct pollfd p;
	fd_set r;
	int pp[2], ep;

	UK_TEST_EXPECT_ZERO(pipe(pp));
	p.fd = pp[0];
	p.events = POLLIN;
	alarms = 0;
	alarm_soon(&old);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(poll(&p, 1, -1)), EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);

	FD_ZERO(&r);
	FD_SET(pp[0], &r);
	alarm_soon(NULL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(select(pp[0] + 1, &r, NULL, NULL, NULL)),
			       EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 2);

	ep = epoll_create1(0);
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	UK_TEST_EXPECT_ZERO(epoll_ctl(ep, EPOLL_CTL_ADD, pp[0], &ev));
	alarm_soon(NULL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_wait(ep, &ev, 1, -1)), EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 3);
	sigaction(SIGALRM, &old, NULL);
	close(ep);
	close(pp[0]);
	close(pp[1]);
}
#endif
