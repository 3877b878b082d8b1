/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of epoll over pipes. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/epoll.h>
#include <uk/plat/time.h>
#include <uk/vfs.h>
#include <uk/test.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define FAILS(call) ((call) == -1 ? errno : 0)

static int ep_add(int ep, int op, int fd, uint32_t events, uint32_t tag)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u32 = tag;
	return epoll_ctl(ep, op, fd, &ev);
}

/* Level-triggered, then EPOLLET, then EPOLLONESHOT on one pipe. */
UK_TESTCASE(vfs, epoll_triggers)
{
	struct epoll_event ev[4];
	int ep, p[2];
	char c;

	ep = epoll_create1(0);
	UK_TEST_EXPECT_SNUM_GE(ep, 0);
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 7));
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], "ab", 2), 2);
	/* level: reported while data is there */
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].events, EPOLLIN);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 7);
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);

	/* edge: once per new arrival */
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_MOD, p[0], EPOLLIN | EPOLLET,
				   8));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 8);
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));
	UK_TEST_EXPECT_SNUM_EQ(read(p[0], &c, 1), 1);
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], "c", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));

	/* one-shot: once, until EPOLL_CTL_MOD arms it again */
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_MOD, p[0],
				   EPOLLIN | EPOLLONESHOT, 9));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 9);
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], "d", 1), 1);
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 4, 0));
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_MOD, p[0],
				   EPOLLIN | EPOLLONESHOT, 10));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 10);

	/* the write end: EPOLLOUT; the reader gone: EPOLLERR */
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[1], EPOLLOUT, 11));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].events, EPOLLOUT);
	UK_TEST_EXPECT_ZERO(close(p[0]));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].events, EPOLLOUT | EPOLLERR);
	UK_TEST_EXPECT_ZERO(close(p[1]));

	/* the writer gone: EPOLLHUP on the read end */
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 12));
	UK_TEST_EXPECT_ZERO(close(p[1]));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 4, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].events, EPOLLHUP);
	UK_TEST_EXPECT_ZERO(close(p[0]));
	UK_TEST_EXPECT_ZERO(close(ep));
}

UK_TESTCASE(vfs, epoll_ctl_errors)
{
	struct epoll_event ev[2];
	int ep, p[2], file;

	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_create(0)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_create1(0x1)), EINVAL);
	ep = epoll_create1(EPOLL_CLOEXEC);
	UK_TEST_EXPECT_SNUM_GE(ep, 0);
	UK_TEST_EXPECT_SNUM_EQ(fcntl(ep, F_GETFD), FD_CLOEXEC);
	UK_TEST_EXPECT_ZERO(pipe(p));
	file = open("/epollfile", O_RDWR | O_CREAT | O_TRUNC, 0644);
	UK_TEST_EXPECT_SNUM_GE(file, 0);

	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(-1, EPOLL_CTL_ADD, p[0], 0, 0)),
			       EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, EPOLL_CTL_ADD, 999, 0, 0)),
			       EBADF);
	/* not an epoll instance; an instance watching itself */
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(p[1], EPOLL_CTL_ADD, p[0], 0, 0)),
			       EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, EPOLL_CTL_ADD, ep, 0, 0)),
			       EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, 42, p[0], EPOLLIN, 0)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, EPOLL_CTL_ADD, file, EPOLLIN,
					    0)), EPERM);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, EPOLL_CTL_MOD, p[0], EPOLLIN,
					    0)), ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL)),
			       ENOENT);
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 0));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN,
					    0)), EEXIST);
	UK_TEST_EXPECT_ZERO(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL)),
			       ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_wait(ep, ev, 0, 0)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_wait(p[0], ev, 2, 0)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_wait(-1, ev, 2, 0)), EBADF);
	close(file);
	unlink("/epollfile");
	close(p[0]);
	close(p[1]);
	close(ep);
}

/* Closing a watched fd drops it; the instance itself is pollable. */
UK_TESTCASE(vfs, epoll_close_watched)
{
	struct epoll_event ev[2];
	struct pollfd pf;
	int ep, inner, p[2], q[2];

	ep = epoll_create1(0);
	inner = epoll_create1(0);
	UK_TEST_EXPECT_SNUM_GE(ep, 0);
	UK_TEST_EXPECT_SNUM_GE(inner, 0);
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], "x", 1), 1);
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 1));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 2, 0), 1);
	UK_TEST_EXPECT_ZERO(close(p[0]));
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 2, 0));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL)),
			       EBADF);
	/* the same fd number, a new file: a new item, no EEXIST */
	UK_TEST_EXPECT_ZERO(pipe(q));
	UK_TEST_EXPECT_SNUM_EQ(q[0], p[0]);
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, q[0], EPOLLIN, 2));
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, ev, 2, 0));

	/* poll() and an outer epoll see the instance become ready */
	UK_TEST_EXPECT_ZERO(ep_add(inner, EPOLL_CTL_ADD, ep, EPOLLIN, 3));
	pf.fd = ep;
	pf.events = POLLIN;
	UK_TEST_EXPECT_ZERO(poll(&pf, 1, 0));
	UK_TEST_EXPECT_ZERO(epoll_wait(inner, ev, 2, 0));
	UK_TEST_EXPECT_SNUM_EQ(write(q[1], "y", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(poll(&pf, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(pf.revents, POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(inner, ev, 2, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 3);
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, ev, 2, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev[0].data.u32, 2);
	/* closing the inner instance leaves the outer one empty */
	UK_TEST_EXPECT_ZERO(close(ep));
	UK_TEST_EXPECT_ZERO(epoll_wait(inner, ev, 2, 0));
	close(inner);
	close(p[1]);
	close(q[0]);
	close(q[1]);
}

UK_TESTCASE(vfs, epoll_timeout)
{
	struct epoll_event ev;
	__nsec deadline;
	int ep, p[2];

	ep = epoll_create1(0);
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 1));
	deadline = ukplat_monotonic_clock() + 40000000;
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, &ev, 1, 40));
	UK_TEST_EXPECT(ukplat_monotonic_clock() >= deadline);
	close(p[0]);
	close(p[1]);
	close(ep);
}

#if CONFIG_LIBUKSCHED
static int ep_late_fd;
static volatile int ep_late_written;

static void ep_late_writer(void *arg __unused)
{
	uk_sched_sleep_ns(20000000);
	ep_late_written = 1;
	write(ep_late_fd, "w", 1);
}

/* epoll_wait blocks until another thread writes the pipe. */
UK_TESTCASE(vfs, epoll_blocks)
{
	struct uk_thread *t;
	struct epoll_event ev;
	int ep, p[2];

	ep = epoll_create1(0);
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_ZERO(ep_add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLET,
				   5));
	ep_late_fd = p[1];
	ep_late_written = 0;
	t = uk_thread_create("epollw", ep_late_writer, NULL, 0);
	UK_TEST_EXPECT_NOT_NULL(t);
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, &ev, 1, -1), 1);
	UK_TEST_EXPECT_SNUM_EQ(ep_late_written, 1);
	UK_TEST_EXPECT_SNUM_EQ(ev.data.u32, 5);
	uk_thread_join(t);
	close(p[0]);
	close(p[1]);
	close(ep);
}
#endif
