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
 * Arguments (after the netdev.* ones, see <uk/lwip.h>):
 *   port=N      listen on N (default CONFIG_APPHTTPREPLY_PORT)
 *   max_conn=N  stop after N connections were served
 *   shutdown=1  GET /shutdown stops the server
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

#define MAX_CLIENTS CONFIG_APPHTTPREPLY_MAX_CLIENTS
#define REQ_MAX CONFIG_APPHTTPREPLY_REQ_MAX
/* Idle keep-alive connections are closed after this long. */
#define IDLE_NS (30 * UKPLAT_NSEC_PER_SEC)
/* How long a closing connection may still send before it is dropped. */
#define DRAIN_NS (2 * UKPLAT_NSEC_PER_SEC)

static const char page[] =
	"<!DOCTYPE html>\n"
	"<html><head><title>httpreply</title></head>\n"
	"<body><h1>Hello from Unicore</h1>\n"
	"<p>This page was served by httpreply over lwIP.</p></body></html>\n";

struct client {
	int fd; /* -1: free slot */
	int draining; /* answered and shut down for writing: wait for EOF */
	size_t len;
	__nsec last;
	char buf[REQ_MAX];
};

static struct client clients[MAX_CLIENTS];
static unsigned long nconn, nreq;
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
			     "peak %lu\nlive_blocks %lu\n",
			     nconn, nreq, (unsigned long)st.cur_mem_use,
			     (unsigned long)st.max_mem_use,
			     (unsigned long)st.cur_nb_allocs);
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
	c->len += (size_t)r;
	c->last = ukplat_monotonic_clock();
	/* Pipelined requests: answer every complete head in the buffer. */
	while ((h = head_len(c->buf, c->len))) {
		if (!handle(c->fd, c->buf, h)) {
			client_end(c);
			return;
		}
		memmove(c->buf, c->buf + h, c->len - h);
		c->len -= h;
	}
	if (c->len == sizeof(c->buf)) {
		nreq++;
		respond(c->fd, 431, NULL, NULL, 0, 0, 0);
		client_end(c);
	}
}

static int listen_on(int port)
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
	    listen(fd, MAX_CLIENTS) < 0) {
		printf("httpreply: bind/listen on port %d: errno %d\n", port,
		       errno);
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char *argv[])
{
	struct pollfd pfd[MAX_CLIENTS + 1];
	struct client *slot[MAX_CLIENTS + 1];
	int port = CONFIG_APPHTTPREPLY_PORT, lfd, i, n, active;
	unsigned long max_conn = 0;

	argc = uk_lwip_args(argc, argv);
	if (argc < 0) {
		printf("httpreply: bad netdev.* argument\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
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
	if (!uk_lwip_netif()) {
		printf("httpreply: no network interface\n");
		return 3;
	}
	lfd = listen_on(port);
	if (lfd < 0)
		return 4;
	for (i = 0; i < MAX_CLIENTS; i++)
		clients[i].fd = -1;
	printf("httpreply: listening on port %d\n", port);
	fflush(stdout);

	for (;;) {
		__nsec now;

		n = active = 0;
		/* Accept while there is a free slot and connections to go. */
		for (i = 0; i < MAX_CLIENTS; i++)
			if (clients[i].fd >= 0)
				active++;
		if (!stop && active < MAX_CLIENTS &&
		    (!max_conn || nconn < max_conn)) {
			pfd[n].fd = lfd;
			pfd[n].events = POLLIN;
			slot[n++] = NULL;
		}
		for (i = 0; i < MAX_CLIENTS; i++) {
			if (clients[i].fd < 0)
				continue;
			pfd[n].fd = clients[i].fd;
			pfd[n].events = POLLIN;
			slot[n++] = &clients[i];
		}
		if (!n)
			break; /* stopping, and every connection is closed */
		if (poll(pfd, (nfds_t)n, 1000) < 0) {
			printf("httpreply: poll: errno %d\n", errno);
			return 5;
		}
		for (i = 0; i < n; i++) {
			if (!pfd[i].revents)
				continue;
			if (!slot[i]) {
				struct client *c = NULL;
				int fd = accept(lfd, NULL, NULL), one = 1;

				if (fd < 0)
					continue;
				for (int k = 0; k < MAX_CLIENTS && !c; k++)
					if (clients[k].fd < 0)
						c = &clients[k];
				setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
					   sizeof(one));
				c->fd = fd;
				c->len = 0;
				c->draining = 0;
				c->last = ukplat_monotonic_clock();
				nconn++;
			} else if (slot[i]->fd >= 0) {
				client_input(slot[i]);
			}
		}
		now = ukplat_monotonic_clock();
		for (i = 0; i < MAX_CLIENTS; i++)
			if (clients[i].fd >= 0 &&
			    (stop || now - clients[i].last >
					     (clients[i].draining ? DRAIN_NS :
								    IDLE_NS)))
				client_close(&clients[i]);
	}
	close(lfd);
	print_stats("shutdown");
	return 0;
}
