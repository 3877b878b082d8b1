/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * epollecho: echoes every TCP connection on port 7 (port=N), all of them
 * in one epoll set: the listener level-triggered, each connection
 * edge-triggered (read until EAGAIN), and one end of a socket pair. A
 * line "quit" from a client is passed through the socket pair; its other
 * end becoming readable ends the loop. A peer's FIN comes as EPOLLRDHUP.
 * Prints a summary, and exits 0 when every step went as epoll promises.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <uk/lwip.h>

#define MAX_EVENTS 8
#define TAG_LISTEN 0xffffffffU
#define TAG_CTL 0xfffffffeU

static unsigned long conns, bytes, closed, rdhups, wakeups;

/* Writes all of buf to a non-blocking socket, waiting in poll(). */
static int send_all(int fd, const char *buf, size_t len)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EAGAIN) {
			if (poll(&p, 1, 10000) <= 0)
				return -1;
			continue;
		}
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Drains one edge-triggered connection: 1 open, 0 closed, -1 quit. */
static int serve(int fd, int ctl)
{
	char buf[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EAGAIN)
			return 1;
		if (n < 0 && errno == EBADF)
			return 0; /* closed earlier in this batch */
		if (n <= 0) {
			/* close() also takes it out of the epoll set */
			close(fd);
			closed++;
			return 0;
		}
		if (n >= 4 && !memcmp(buf, "quit", 4)) {
			/* send() on a socket pair too (lib/lwip hands it on) */
			if (send(ctl, "q", 1, MSG_NOSIGNAL) != 1)
				printf("epollecho: socketpair send: %d\n",
				       errno);
			close(fd);
			closed++;
			return -1;
		}
		bytes += (unsigned long)n;
		if (send_all(fd, buf, (size_t)n) < 0) {
			printf("epollecho: send failed: %d\n", errno);
			close(fd);
			closed++;
			return 0;
		}
	}
}

static int add(int ep, int fd, uint32_t events, uint32_t tag)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u32 = tag;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
		printf("epollecho: epoll_ctl add %d: errno %d\n", fd, errno);
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	struct epoll_event ev[MAX_EVENTS];
	struct sockaddr_in a;
	int port = 7, lfd, ep, sv[2], i, n, fd, one = 1, done = 0;
	char c;

	argc = uk_lwip_args(argc, argv);
	if (argc < 0)
		return 2;
	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "port=", 5)) {
			port = atoi(argv[i] + 5);
		} else {
			printf("epollecho: unknown argument %s (port=N)\n",
			       argv[i]);
			return 2;
		}
	}
	if (!uk_lwip_netif()) {
		printf("epollecho: no network interface\n");
		return 3;
	}
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(lfd, 8) < 0) {
		printf("epollecho: listen on port %d: errno %d\n", port,
		       errno);
		return 4;
	}
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		printf("epollecho: epoll_create1/socketpair: errno %d\n",
		       errno);
		return 5;
	}
	if (add(ep, lfd, EPOLLIN, TAG_LISTEN) || add(ep, sv[1], EPOLLIN,
						     TAG_CTL))
		return 5;
	printf("epollecho: listening on port %d\n", port);
	fflush(stdout);

	while (!done) {
		/* no time-out: only sockets and the pair can wake us */
		n = epoll_wait(ep, ev, MAX_EVENTS, -1);
		if (n < 0) {
			printf("epollecho: epoll_wait: errno %d\n", errno);
			return 6;
		}
		if (n == 0) {
			printf("epollecho: epoll_wait returned 0 without "
			       "a time-out\n");
			return 6;
		}
		wakeups++;
		for (i = 0; i < n; i++) {
			if (ev[i].data.u32 == TAG_LISTEN) {
				/* level-triggered: one accept per event */
				fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
				if (fd < 0) {
					if (errno != EAGAIN)
						printf("epollecho: accept: "
						       "errno %d\n", errno);
					continue;
				}
				conns++;
				if (add(ep, fd, EPOLLIN | EPOLLRDHUP | EPOLLET,
					(uint32_t)fd))
					return 5;
				/* data may have come with the connection */
				if (serve(fd, sv[0]) < 0)
					printf("epollecho: quit at accept\n");
			} else if (ev[i].data.u32 == TAG_CTL) {
				if (recv(sv[1], &c, 1, MSG_DONTWAIT) == 1 &&
				    c == 'q')
					done = 1;
			} else {
				/* the peer's FIN (shutdown or close) */
				if (ev[i].events & EPOLLRDHUP)
					rdhups++;
				serve((int)ev[i].data.u32, sv[0]);
			}
		}
	}
	printf("epollecho: %lu connections, %lu bytes echoed, %lu closed, "
	       "%lu with EPOLLRDHUP, %lu wake-ups\n", conns, bytes, closed,
	       rdhups, wakeups);
	/* the pair's peer closed: end of file on the other end */
	close(sv[0]);
	if (read(sv[1], &c, 1) != 0) {
		printf("epollecho: no end of file on the socket pair\n");
		return 7;
	}
	close(sv[1]);
	close(ep);
	close(lfd);
	return 0;
}
