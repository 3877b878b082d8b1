/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of socketpair(AF_UNIX, SOCK_STREAM): both ways, EOF, EPIPE. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <uk/vfs.h>
#include <uk/test.h>

#define FAILS(call) ((call) == -1 ? errno : 0)

UK_TESTCASE(vfs, socketpair_both_ways)
{
	struct pollfd p[2];
	struct stat st;
	char buf[16];
	int sv[2];

	UK_TEST_EXPECT_ZERO(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	UK_TEST_EXPECT_ZERO(fstat(sv[0], &st));
	UK_TEST_EXPECT(S_ISSOCK(st.st_mode));
	/* nothing to read yet, both writable */
	p[0].fd = sv[0];
	p[0].events = POLLIN | POLLOUT;
	p[1].fd = sv[1];
	p[1].events = POLLIN | POLLOUT;
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 2, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, POLLOUT);

	UK_TEST_EXPECT_SNUM_EQ(write(sv[0], "ping", 4), 4);
	UK_TEST_EXPECT_SNUM_EQ(poll(p, 2, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, POLLIN | POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(read(sv[1], buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "ping", 4));
	UK_TEST_EXPECT_SNUM_EQ(write(sv[1], "pong!", 5), 5);
	UK_TEST_EXPECT_SNUM_EQ(read(sv[0], buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "pong!", 5));

	/* shutdown(SHUT_WR): the peer reads end of file, we get EPIPE */
	UK_TEST_EXPECT_ZERO(shutdown(sv[0], SHUT_WR));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(sv[0], "x", 1)), EPIPE);
	UK_TEST_EXPECT_ZERO(read(sv[1], buf, sizeof(buf)));
	/* the other way still works */
	UK_TEST_EXPECT_SNUM_EQ(write(sv[1], "back", 4), 4);
	UK_TEST_EXPECT_SNUM_EQ(read(sv[0], buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(shutdown(sv[0], 7)), EINVAL);
	UK_TEST_EXPECT_ZERO(close(sv[0]));
	UK_TEST_EXPECT_ZERO(close(sv[1]));
}

UK_TESTCASE(vfs, socketpair_peer_close)
{
	struct epoll_event ev;
	char buf[8];
	int sv[2], ep;

	UK_TEST_EXPECT_ZERO(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0,
				       sv));
	UK_TEST_EXPECT_SNUM_EQ(fcntl(sv[1], F_GETFD), FD_CLOEXEC);
	ep = epoll_create1(0);
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | EPOLLRDHUP;
	ev.data.u32 = 1;
	UK_TEST_EXPECT_ZERO(epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &ev));
	UK_TEST_EXPECT_ZERO(epoll_wait(ep, &ev, 1, 0));
	UK_TEST_EXPECT_SNUM_EQ(write(sv[1], "last", 4), 4);
	UK_TEST_EXPECT_ZERO(close(sv[1]));
	UK_TEST_EXPECT_SNUM_EQ(epoll_wait(ep, &ev, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(ev.events, EPOLLIN | EPOLLRDHUP | EPOLLHUP);
	/* what was written before the close, then end of file */
	UK_TEST_EXPECT_SNUM_EQ(read(sv[0], buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_ZERO(read(sv[0], buf, sizeof(buf)));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(sv[0], "x", 1)), EPIPE);
	UK_TEST_EXPECT_ZERO(close(sv[0]));
	close(ep);

	/* non-blocking ends */
	UK_TEST_EXPECT_ZERO(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				       sv));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(read(sv[0], buf, 1)), EAGAIN);
	close(sv[0]);
	close(sv[1]);
}

UK_TESTCASE(vfs, socketpair_errors)
{
	int sv[2], p[2];

	UK_TEST_EXPECT_SNUM_EQ(FAILS(socketpair(AF_INET, SOCK_STREAM, 0, sv)),
			       EAFNOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)),
			       EOPNOTSUPP);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(socketpair(AF_UNIX, SOCK_STREAM, 6, sv)),
			       EPROTONOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(socketpair(AF_UNIX, SOCK_STREAM, 0,
						NULL)), EFAULT);
	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(shutdown(p[0], SHUT_RD)), ENOTSOCK);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(shutdown(999, SHUT_RD)), EBADF);
	close(p[0]);
	close(p[1]);
}
