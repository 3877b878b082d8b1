/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * httpreply: a small HTTP/1.1 server on the BSD socket API. GET and HEAD
 * of / (or /index.html) answer a fixed page; /stats answers the
 * allocator's statistics; connections stay open (HTTP/1.1 keep-alive)
 * unless the client asks for Connection: close or speaks HTTP/1.0.
 * Errors: 400 for a malformed request line, 431 for a request head
 * larger than the buffer, 405 for other methods, 404 for other paths,
 * 505 for other HTTP versions; 400 and 431 close the connection, the
 * server goes on. Several connections are served at once with poll().
 *
 * Slow and idle clients: a request head must arrive whole within the
 * head time-out, counted from the connection's start or from the first
 * byte of the next request, never restarted by later bytes; late, it
 * gets 408 and the connection is closed. A keep-alive connection idle
 * for the idle time-out is closed. The listener is always polled: when
 * every slot is taken, a new connection takes the slot of an answered
 * connection still closing, else of the keep-alive connection idle
 * longest, else of the one that has spent longest on an unfinished head;
 * the evicted connection is reset (SO_LINGER 0) so that lwIP frees its
 * control block at once.
 *
 * Arguments (after the netdev.* ones, see <uk/lwip.h>):
 *   port=N          listen on N (default CONFIG_APPHTTPREPLY_PORT)
 *   slots=N         connections served at once
 *                   (default CONFIG_APPHTTPREPLY_MAX_CLIENTS)
 *   backlog=N       listen backlog, 1 to 16
 *                   (default CONFIG_APPHTTPREPLY_BACKLOG)
 *   head_timeout=S  seconds to receive a whole request head
 *                   (default CONFIG_APPHTTPREPLY_HEAD_TIMEOUT)
 *   idle_timeout=S  seconds a keep-alive connection may stay idle
 *                   (default CONFIG_APPHTTPREPLY_IDLE_TIMEOUT)
 *   max_conn=N      stop after N connections were served
 *   shutdown=1      GET /shutdown stops the server
 * slots + backlog + 1 must not exceed CONFIG_LIBLWIP_NUM_SOCKETS (lwIP's
 * sockets and control blocks): the server refuses to start otherwise.
 * GET /stats also counts head time-outs (408) and evictions.
 * At the end it prints the allocator's statistics and returns 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <uk/alloc.h>
#include <uk/lwip.h>
#include <uk/plat/time.h>

#define REQ_MAX CONFIG_APPHTTPREPLY_REQ_MAX
/* How long a closing connection may still send before it is reset. */
#define DRAIN_NS (2 * UKPLAT_NSEC_PER_SEC)
/* Half of lwIP's accept mailbox (DEFAULT_ACCEPTMBOX_SIZE in lwipopts.h),
 * which also carries a notice for each connection lwIP dropped. */
#define BACKLOG_MAX 16

static const char page[] =
	"<!DOCTYPE html>\n"
	"<html><head><title>httpreply</title></head>\n"
	"<body><h1>Hello from Unicore</h1>\n"
	"<p>This page was served by httpreply over lwIP.</p></body></html>\n";

struct client {
	int fd; /* -1: free slot */
	int draining; /* answered and shut down for writing: wait for EOF */
	unsigned long served; /* requests answered on this connection */
	size_t len;
	/* draining: since when; idle (served, len 0): since when idle. */
	__nsec last;
	__nsec head_start; /* when the request head being read began */
	char buf[REQ_MAX];
};

static struct client *clients;
static int nslots;
static __nsec head_ns, idle_ns;
static unsigned long nconn, nreq, ntimeout, nevict;
static int allow_shutdown, stop;

static void print_stats(const char *when)
{
	struct uk_alloc_stats st;

	if (uk_alloc_stats_get(uk_alloc_get_default(), &st) < 0) {
		printf("httpreply: %s: no allocator statistics\n", when);
		return;
	}
	printf("httpreply: %s: connections %lu requests %lu\n", when, nconn,
	       nreq);
	/* %lu, not %zu: newlib may be built without C99 formats. */
	printf("ukalloc: in use %lu bytes, peak %lu bytes, live blocks %lu, "
	       "allocations %lu, frees %lu\n",
	       (unsigned long)st.cur_mem_use, (unsigned long)st.max_mem_use,
	       (unsigned long)st.cur_nb_allocs, (unsigned long)st.tot_nb_allocs,
	       (unsigned long)st.tot_nb_frees);
}

static int send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = send(fd, p, n, 0);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static const char *reason(int code)
{
	switch (code) {
	case 200:
		return "OK";
	case 400:
		return "Bad Request";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 408:
		return "Request Timeout";
	case 431:
		return "Request Header Fields Too Large";
	case 505:
		return "HTTP Version Not Supported";
	}
	return "Error";
}

/* Send a response; body NULL: a short text naming the status. */
static int respond(int fd, int code, const char *type, const char *body,
		   size_t blen, int head_only, int keep)
{
	char hdr[512], msg[64];
	int n;

	if (!body) {
		n = snprintf(msg, sizeof(msg), "%d %s\n", code, reason(code));
		body = msg;
		blen = (size_t)n;
		type = "text/plain";
	}
	n = snprintf(hdr, sizeof(hdr),
		     "HTTP/1.1 %d %s\r\n"
		     "Server: httpreply (Unicore)\r\n"
		     "Content-Type: %s\r\n"
		     "Content-Length: %lu\r\n"
		     "%s"
		     "Connection: %s\r\n"
		     "\r\n",
		     code, reason(code), type, (unsigned long)blen,
		     code == 405 ? "Allow: GET, HEAD\r\n" : "",
		     keep ? "keep-alive" : "close");
	if (send_all(fd, hdr, (size_t)n))
		return -1;
	if (!head_only && send_all(fd, body, blen))
		return -1;
	return 0;
}

/* A token character of RFC 9110 (methods are tokens). */
static int is_tchar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* The value of header name in [h, end) (lines after the request line). */
static const char *header(const char *h, const char *end, const char *name,
			  size_t *vlen)
{
	size_t nl = strlen(name);

	while (h < end) {
		const char *eol = memchr(h, '\n', (size_t)(end - h));

		if (!eol)
			eol = end;
		if ((size_t)(eol - h) > nl && h[nl] == ':' &&
		    !strncasecmp(h, name, nl)) {
			const char *v = h + nl + 1, *ve = eol;

			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' ||
					  ve[-1] == '\t'))
				ve--;
			*vlen = (size_t)(ve - v);
			return v;
		}
		h = eol + 1;
	}
	return NULL;
}

static int has_token(const char *v, size_t n, const char *tok)
{
	size_t tl = strlen(tok);

	for (size_t i = 0; i + tl <= n; i++)
		if (!strncasecmp(v + i, tok, tl) &&
		    (i == 0 || v[i - 1] == ' ' || v[i - 1] == ',') &&
		    (i + tl == n || v[i + tl] == ' ' || v[i + tl] == ','))
			return 1;
	return 0;
}

/*
 * Handle the request whose head is buf[0, hlen) (hlen includes the empty
 * line). Returns 1 to keep the connection, 0 to close it.
 */
static int handle(int fd, char *buf, size_t hlen)
{
	char *end = buf + hlen, *sp1, *sp2, *eol, *p;
	const char *v;
	size_t vlen, mlen, plen;
	int head, keep, minor;
	char stats[256];

	nreq++;
	eol = memchr(buf, '\n', hlen);
	if (eol > buf && eol[-1] == '\r')
		eol--;
	/* Request line: method SP target SP HTTP/1.d */
	for (p = buf; p < eol && is_tchar(*p); p++)
		;
	mlen = (size_t)(p - buf);
	sp1 = p;
	if (!mlen || sp1 >= eol || *sp1 != ' ')
		goto bad;
	sp2 = memchr(sp1 + 1, ' ', (size_t)(eol - sp1 - 1));
	if (!sp2 || sp2 == sp1 + 1 || sp1[1] != '/')
		goto bad;
	plen = (size_t)(sp2 - sp1 - 1);
	for (p = sp1 + 1; p < sp2; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			goto bad;
	if (eol - sp2 - 1 != 8 || strncmp(sp2 + 1, "HTTP/", 5) ||
	    sp2[6] < '0' || sp2[6] > '9' || sp2[7] != '.' || sp2[8] < '0' ||
	    sp2[8] > '9')
		goto bad;
	if (sp2[6] != '1') {
		respond(fd, 505, NULL, NULL, 0, 0, 0);
		return 0;
	}
	minor = sp2[8] - '0';
	/* HTTP/1.1 keeps the connection by default, HTTP/1.0 closes it. */
	keep = minor >= 1;
	v = header(eol + 1, end, "Connection", &vlen);
	if (v && has_token(v, vlen, "close"))
		keep = 0;
	else if (v && has_token(v, vlen, "keep-alive"))
		keep = 1;
	/* Bodies are not read: a request with one ends the connection. */
	v = header(eol + 1, end, "Content-Length", &vlen);
	if ((v && !(vlen == 1 && *v == '0')) ||
	    header(eol + 1, end, "Transfer-Encoding", &vlen))
		keep = 0;

	head = mlen == 4 && !memcmp(buf, "HEAD", 4);
	if (!head && !(mlen == 3 && !memcmp(buf, "GET", 3))) {
		respond(fd, 405, NULL, NULL, 0, 0, keep);
		return keep;
	}
	if ((plen == 1) ||
	    (plen == 11 && !memcmp(sp1 + 1, "/index.html", 11))) {
		if (respond(fd, 200, "text/html", page, sizeof(page) - 1, head,
			    keep))
			return 0;
	} else if (plen == 6 && !memcmp(sp1 + 1, "/stats", 6)) {
		struct uk_alloc_stats st;
		int n;

		if (uk_alloc_stats_get(uk_alloc_get_default(), &st) < 0)
			memset(&st, 0, sizeof(st));
		n = snprintf(stats, sizeof(stats),
			     "connections %lu\nrequests %lu\nin_use %lu\n"
			     "peak %lu\nlive_blocks %lu\nhead_timeouts %lu\n"
			     "evicted %lu\n",
			     nconn, nreq, (unsigned long)st.cur_mem_use,
			     (unsigned long)st.max_mem_use,
			     (unsigned long)st.cur_nb_allocs, ntimeout, nevict);
		if (respond(fd, 200, "text/plain", stats, (size_t)n, head,
			    keep))
			return 0;
	} else if (allow_shutdown && plen == 9 &&
		   !memcmp(sp1 + 1, "/shutdown", 9)) {
		/* A lingering close: the answer must arrive before main()
		 * returns, so wait (2 s at most) for the client's FIN. */
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char b[64];

		respond(fd, 200, "text/plain", "bye\n", 4, head, 0);
		shutdown(fd, SHUT_WR);
		while (poll(&p, 1, 2000) > 0 && recv(fd, b, sizeof(b), 0) > 0)
			;
		stop = 1;
		return 0;
	} else {
		respond(fd, 404, NULL, NULL, 0, head, keep);
	}
	return keep;
bad:
	respond(fd, 400, NULL, NULL, 0, 0, 0);
	return 0;
}

/* End of the request head in buf[0, len): its length, 0 if incomplete. */
static size_t head_len(const char *buf, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (buf[i] != '\n')
			continue;
		if (buf[i + 1] == '\n')
			return i + 2;
		if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static void client_close(struct client *c)
{
	close(c->fd);
	c->fd = -1;
	c->len = 0;
	c->draining = 0;
}

/*
 * Drop a connection now: SO_LINGER 0 makes close() send a reset, and
 * lwIP frees the control block at once (patches/), instead of keeping
 * it through a FIN handshake that a hostile peer may never finish.
 */
static void client_reset(struct client *c)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(c->fd);
	c->fd = -1;
	c->len = 0;
	c->draining = 0;
}

/*
 * End a connection after an answer without losing it: closing a socket
 * with unread input makes TCP send a reset, which can destroy the answer
 * before the client reads it. So shut down the sending side and drop
 * what still comes until the client closes (or DRAIN_NS passed).
 */
static void client_end(struct client *c)
{
	shutdown(c->fd, SHUT_WR);
	c->draining = 1;
	c->last = ukplat_monotonic_clock();
}

/* Data is readable on c. */
static void client_input(struct client *c)
{
	ssize_t r;
	size_t h;

	if (c->draining) {
		if (recv(c->fd, c->buf, sizeof(c->buf), 0) <= 0)
			client_close(c);
		return;
	}
	r = recv(c->fd, c->buf + c->len, sizeof(c->buf) - c->len, 0);
	if (r <= 0) {
		client_close(c);
		return;
	}
	/* The first byte after an answer starts the next head's clock;
	 * later bytes do not restart it. */
	if (!c->len && c->served)
		c->head_start = ukplat_monotonic_clock();
	c->len += (size_t)r;
	/* Pipelined requests: answer every complete head in the buffer. */
	while ((h = head_len(c->buf, c->len))) {
		if (!handle(c->fd, c->buf, h)) {
			client_end(c);
			return;
		}
		c->served++;
		memmove(c->buf, c->buf + h, c->len - h);
		c->len -= h;
		c->head_start = c->last = ukplat_monotonic_clock();
	}
	if (c->len == sizeof(c->buf)) {
		nreq++;
		respond(c->fd, 431, NULL, NULL, 0, 0, 0);
		client_end(c);
	}
}

static int listen_on(int port, int backlog)
{
	struct sockaddr_in sa;
	int fd, one = 1;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		printf("httpreply: socket: errno %d\n", errno);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(fd, backlog) < 0) {
		printf("httpreply: bind/listen on port %d: errno %d\n", port,
		       errno);
		close(fd);
		return -1;
	}
	return fd;
}

/* Answered at least once and nothing of a next request read yet. */
static int client_idle(const struct client *c)
{
	return !c->draining && c->served && !c->len;
}

/*
 * The slot to free for a new connection when all are taken: an answered
 * connection still closing, else the keep-alive connection idle
 * longest, else the one that has spent longest on an unfinished head.
 */
static struct client *victim(void)
{
	struct client *best = NULL;
	int rank = 3;

	for (int i = 0; i < nslots; i++) {
		struct client *c = &clients[i];
		int r = c->draining ? 0 : client_idle(c) ? 1 : 2;
		__nsec t = r == 2 ? c->head_start : c->last;

		if (r < rank ||
		    (r == rank && t < (rank == 2 ? best->head_start :
						   best->last))) {
			best = c;
			rank = r;
		}
	}
	return best;
}

/* A new connection is waiting: take it, into a free slot or another's. */
static void client_accept(int lfd)
{
	struct client *c = NULL;
	int fd = accept(lfd, NULL, NULL), one = 1;

	if (fd < 0)
		return;
	for (int k = 0; k < nslots && !c; k++)
		if (clients[k].fd < 0)
			c = &clients[k];
	if (!c) {
		c = victim();
		client_reset(c);
		nevict++;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	c->fd = fd;
	c->len = 0;
	c->draining = 0;
	c->served = 0;
	c->head_start = c->last = ukplat_monotonic_clock();
	nconn++;
}

/*
 * Enforce the time limits at now; returns the milliseconds until the
 * next one falls due (at most 1000).
 */
static int client_timers(__nsec now)
{
	__nsec next = now + UKPLAT_NSEC_PER_SEC, due;

	for (int i = 0; i < nslots; i++) {
		struct client *c = &clients[i];

		if (c->fd < 0)
			continue;
		if (stop) {
			client_close(c);
			continue;
		}
		if (c->draining)
			due = c->last + DRAIN_NS;
		else if (client_idle(c))
			due = c->last + idle_ns;
		else
			due = c->head_start + head_ns;
		if (now < due) {
			if (due < next)
				next = due;
			continue;
		}
		if (c->draining) {
			/* The client did not close in time. */
			client_reset(c);
		} else if (client_idle(c)) {
			client_end(c);
		} else {
			nreq++;
			ntimeout++;
			respond(c->fd, 408, NULL, NULL, 0, 0, 0);
			client_end(c);
		}
		if (c->fd >= 0 && c->last + DRAIN_NS < next)
			next = c->last + DRAIN_NS;
	}
	return (int)((next - now + 999999) / 1000000);
}

/* NAME=N with N in [lo, hi]: 1 and *v set; NAME= out of range: -1. */
static int num_arg(const char *arg, const char *name, long lo, long hi,
		   long *v)
{
	size_t n = strlen(name);
	char *end;

	if (strncmp(arg, name, n) || arg[n] != '=')
		return 0;
	errno = 0;
	*v = strtol(arg + n + 1, &end, 10);
	if (errno || end == arg + n + 1 || *end || *v < lo || *v > hi) {
		printf("httpreply: bad argument %s: %s must be a number from "
		       "%ld to %ld\n", arg, name, lo, hi);
		return -1;
	}
	return 1;
}

int main(int argc, char *argv[])
{
	struct pollfd *pfd;
	struct client **slot;
	int port = CONFIG_APPHTTPREPLY_PORT, lfd, i, n, r, wait_ms;
	long v, backlog = CONFIG_APPHTTPREPLY_BACKLOG;
	long head_s = CONFIG_APPHTTPREPLY_HEAD_TIMEOUT;
	long idle_s = CONFIG_APPHTTPREPLY_IDLE_TIMEOUT;
	unsigned long max_conn = 0;

	nslots = CONFIG_APPHTTPREPLY_MAX_CLIENTS;
	argc = uk_lwip_args(argc, argv);
	if (argc < 0) {
		printf("httpreply: bad netdev.* argument\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if ((r = num_arg(argv[i], "slots", 1,
				 CONFIG_LIBLWIP_NUM_SOCKETS - 2, &v)) > 0)
			nslots = (int)v;
		else if (!r && (r = num_arg(argv[i], "backlog", 1, BACKLOG_MAX,
					    &v)) > 0)
			backlog = v;
		else if (!r && (r = num_arg(argv[i], "head_timeout", 1, 3600,
					    &v)) > 0)
			head_s = v;
		else if (!r && (r = num_arg(argv[i], "idle_timeout", 1, 3600,
					    &v)) > 0)
			idle_s = v;
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		if (!strncmp(argv[i], "port=", 5))
			port = atoi(argv[i] + 5);
		else if (!strncmp(argv[i], "max_conn=", 9))
			max_conn = strtoul(argv[i] + 9, NULL, 10);
		else if (!strcmp(argv[i], "shutdown=1"))
			allow_shutdown = 1;
		else {
			printf("httpreply: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	/* Each slot and each connection in the backlog holds an lwIP
	 * socket (netconn) and control block, the listener one more;
	 * connections closing after close() hold only a control block,
	 * which lwIP has room for (MEMP_NUM_TCP_PCB in lwipopts.h) or
	 * takes back itself (TIME-WAIT, LAST-ACK). */
	if (nslots + backlog + 1 > CONFIG_LIBLWIP_NUM_SOCKETS) {
		printf("httpreply: %d slots + backlog %ld + 1 listener need "
		       "%ld lwIP sockets, there are %d: lower slots= or "
		       "backlog=, or raise CONFIG_LIBLWIP_NUM_SOCKETS\n",
		       nslots, backlog, nslots + backlog + 1,
		       CONFIG_LIBLWIP_NUM_SOCKETS);
		return 2;
	}
	head_ns = (__nsec)head_s * UKPLAT_NSEC_PER_SEC;
	idle_ns = (__nsec)idle_s * UKPLAT_NSEC_PER_SEC;
	clients = calloc((size_t)nslots, sizeof(*clients));
	pfd = calloc((size_t)nslots + 1, sizeof(*pfd));
	slot = calloc((size_t)nslots + 1, sizeof(*slot));
	if (!clients || !pfd || !slot) {
		printf("httpreply: no memory for %d connection slots\n",
		       nslots);
		return 3;
	}
	if (!uk_lwip_netif()) {
		printf("httpreply: no network interface\n");
		return 3;
	}
	lfd = listen_on(port, (int)backlog);
	if (lfd < 0)
		return 4;
	for (i = 0; i < nslots; i++)
		clients[i].fd = -1;
	printf("httpreply: listening on port %d\n", port);
	printf("httpreply: %d slots, backlog %ld, head time-out %ld s, "
	       "idle time-out %ld s\n", nslots, backlog, head_s, idle_s);
	fflush(stdout);

	wait_ms = 1000;
	for (;;) {
		n = 0;
		/* The listener is always polled: a full house makes room. */
		if (!stop && (!max_conn || nconn < max_conn)) {
			pfd[n].fd = lfd;
			pfd[n].events = POLLIN;
			slot[n++] = NULL;
		}
		for (i = 0; i < nslots; i++) {
			if (clients[i].fd < 0)
				continue;
			pfd[n].fd = clients[i].fd;
			pfd[n].events = POLLIN;
			slot[n++] = &clients[i];
		}
		if (!n)
			break; /* stopping, and every connection is closed */
		if (poll(pfd, (nfds_t)n, wait_ms) < 0) {
			printf("httpreply: poll: errno %d\n", errno);
			return 5;
		}
		/* Connections first, then the new one: an eviction must not
		 * close a descriptor whose event is still to be handled. */
		for (i = 0; i < n; i++)
			if (pfd[i].revents && slot[i] && slot[i]->fd >= 0)
				client_input(slot[i]);
		/* Take all that wait (up to a backlog's worth): a SYN that
		 * finds the backlog full is dropped, and its client waits a
		 * second to send it again. */
		if (n && !slot[0] && pfd[0].revents) {
			struct pollfd lp = { .fd = lfd, .events = POLLIN };
			long k = 0;

			do
				client_accept(lfd);
			while (++k < backlog && (!max_conn || nconn < max_conn) &&
			       poll(&lp, 1, 0) > 0);
		}
		wait_ms = client_timers(ukplat_monotonic_clock());
	}
	close(lfd);
	free(slot);
	free(pfd);
	free(clients);
	print_stats("shutdown");
	return 0;
}
