/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xenstore client over the shared ring (the wire format of Xen's public
 * io/xs_wire.h): a request is a 16-byte header (type, request id,
 * transaction id, payload length) and its payload in the req ring; the
 * answer comes the same way in the rsp ring, with type XS_ERROR and an
 * errno name as payload on failure. Watch events (XS_WATCH_EVENT,
 * payload "path\0token\0") arrive in the same ring at any time, between
 * answers too: they are queued and handed out by uk_xenstore_poll() and
 * uk_xenstore_watch_wait(). One request at a time; the caller sleeps on
 * the xenstore event channel while xenstored works.
 */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <uk/plat/xen.h>
#include <uk/xenstore.h>

#define XS_DIRECTORY 1
#define XS_READ 2
#define XS_WATCH 4
#define XS_UNWATCH 5
#define XS_TRANSACTION_START 6
#define XS_TRANSACTION_END 7
#define XS_WRITE 11
#define XS_RM 13
#define XS_WATCH_EVENT 15
#define XS_ERROR 16
#define XS_RING_SIZE 1024
#define XS_PAYLOAD_MAX 4096
#define XS_TIMEOUT_NS 5000000000LL
/* Sleep at most this long between looks at the ring (lost wake-ups). */
#define XS_NAP_NS 10000000LL

#define EIO 5
#define EAGAIN 11
#define ENOMEM 12
#define ENODEV 19
#define EINVAL 22
#define ETIMEDOUT 110

#define MAX_WATCHES 16
#define MAX_EVENTS 16
#define EVENT_SIZE 256

struct xs_ring {
	char req[XS_RING_SIZE];
	char rsp[XS_RING_SIZE];
	uint32_t req_cons, req_prod;
	uint32_t rsp_cons, rsp_prod;
};

struct xs_hdr {
	uint32_t type;
	uint32_t req_id;
	uint32_t tx_id;
	uint32_t len;
};

struct watch {
	char token[UK_XENSTORE_TOKEN_MAX];
	uk_xenstore_watch_fn fn;
	void *arg;
	int used;
};

/* A queued watch event: "path\0token\0". */
struct event {
	char data[EVENT_SIZE];
};

#define barrier() __asm__ __volatile__("" ::: "memory")

static uint32_t next_id;
static struct watch watches[MAX_WATCHES];
static struct event events[MAX_EVENTS];
static unsigned int ev_head, ev_tail;
static unsigned int ev_lost;
static int port_hooked;

static unsigned int slen(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	return n;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void scopy(char *d, const char *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i + 1 < n && s[i]; i++)
		d[i] = s[i];
	if (n)
		d[i] = 0;
}

static int store_event(void *arg __unused)
{
	return 1;
}

/*
 * Wait for xenstored: sleep until an event (the xenstore port has a
 * handler, so its notifications wake us) or a short nap. False once
 * `until` is past.
 */
static int nap(__nsec until)
{
	__nsec now = ukplat_monotonic_clock(), wake = now + XS_NAP_NS;
	unsigned long flags;

	if (now > until)
		return 0;
	if (!port_hooked) {
		ukplat_xen_yield();
		return 1;
	}
	flags = ukplat_lcpu_save_irqf();
	ukplat_lcpu_halt_irq_until(wake < until ? wake : until);
	ukplat_lcpu_restore_irqf(flags);
	return 1;
}

static volatile struct xs_ring *ring(uint32_t *port)
{
	volatile struct xs_ring *r = ukplat_xen_store_ring(port);

	if (r && !port_hooked &&
	    ukplat_irq_register(*port, store_event, NULL) == 0)
		port_hooked = 1;
	return r;
}

static int ring_write(volatile struct xs_ring *r, uint32_t port,
		      const void *data, unsigned int len, __nsec until)
{
	const char *p = data;
	uint32_t prod = r->req_prod;

	while (len) {
		if (prod - r->req_cons >= XS_RING_SIZE) {
			barrier();
			r->req_prod = prod;
			ukplat_xen_notify(port);
			if (!nap(until))
				return -EIO;
			continue;
		}
		r->req[prod++ % XS_RING_SIZE] = *p++;
		len--;
	}
	barrier();
	r->req_prod = prod;
	ukplat_xen_notify(port);
	return 0;
}

/* Read len bytes of answer; data NULL: skip them. */
static int ring_read(volatile struct xs_ring *r, uint32_t port, void *data,
		     unsigned int len, __nsec until)
{
	char *p = data;
	uint32_t cons = r->rsp_cons;

	while (len) {
		if (cons == r->rsp_prod) {
			barrier();
			r->rsp_cons = cons;
			ukplat_xen_notify(port);
			if (!nap(until))
				return -EIO;
			continue;
		}
		barrier();
		if (p)
			*p++ = r->rsp[cons % XS_RING_SIZE];
		cons++;
		len--;
	}
	barrier();
	r->rsp_cons = cons;
	ukplat_xen_notify(port);
	return 0;
}

/* xenstored's error names (io/xs_wire.h) and Linux's numbers for them. */
static int error_code(const char *e)
{
	static const struct {
		const char *name;
		int code;
	} names[] = {
		{ "EINVAL", 22 }, { "EACCES", 13 },   { "EEXIST", 17 },
		{ "EISDIR", 21 }, { "ENOENT", 2 },    { "ENOMEM", 12 },
		{ "ENOSPC", 28 }, { "EIO", 5 },	      { "ENOTEMPTY", 39 },
		{ "ENOSYS", 38 }, { "EROFS", 30 },    { "EBUSY", 16 },
		{ "EAGAIN", 11 }, { "EISCONN", 106 }, { "E2BIG", 7 },
		{ "EPERM", 1 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (streq(names[i].name, e))
			return -names[i].code;
	return -EIO;
}

/* The rest of a watch event whose header was read: into the queue. */
static int take_event(volatile struct xs_ring *r, uint32_t port,
		      const struct xs_hdr *h, __nsec until)
{
	struct event *e = &events[ev_tail % MAX_EVENTS];
	unsigned int keep = h->len < EVENT_SIZE - 2 ? h->len : EVENT_SIZE - 2;
	int rc;

	if (ev_tail - ev_head == MAX_EVENTS) {
		ev_lost++;
		return ring_read(r, port, NULL, h->len, until);
	}
	rc = ring_read(r, port, e->data, keep, until);
	if (!rc)
		rc = ring_read(r, port, NULL, h->len - keep, until);
	if (rc)
		return rc;
	/* Two NULs at the end whatever xenstored sent. */
	e->data[keep] = 0;
	e->data[keep + 1] = 0;
	ev_tail++;
	return 0;
}

/*
 * One request: payload parts p1 and p2 (p2 may be NULL), each sent with
 * its length n1/n2, in transaction tx. The answer goes to out (up to
 * outlen bytes, the rest dropped); returns the answer's full length or a
 * negative errno.
 */
static int request(uint32_t tx, uint32_t type, const char *p1, unsigned int n1,
		   const char *p2, unsigned int n2, char *out,
		   unsigned int outlen)
{
	volatile struct xs_ring *r;
	struct xs_hdr h = {
		.type = type, .req_id = ++next_id, .tx_id = tx, .len = n1 + n2
	};
	uint32_t id = h.req_id;
	char err[16];
	uint32_t port;
	__nsec until = ukplat_monotonic_clock() + XS_TIMEOUT_NS;
	unsigned int keep;
	int rc;

	r = ring(&port);
	if (!r)
		return -ENODEV;
	if (h.len > XS_PAYLOAD_MAX)
		return -EINVAL;
	rc = ring_write(r, port, &h, sizeof(h), until);
	if (!rc)
		rc = ring_write(r, port, p1, n1, until);
	if (!rc && p2)
		rc = ring_write(r, port, p2, n2, until);
	for (;;) {
		if (!rc)
			rc = ring_read(r, port, &h, sizeof(h), until);
		if (rc)
			return rc;
		if (h.type == XS_WATCH_EVENT) {
			rc = take_event(r, port, &h, until);
			continue;
		}
		if (h.req_id == id)
			break;
		/* An answer nobody waits for (an earlier time-out). */
		rc = ring_read(r, port, NULL, h.len, until);
	}
	if (h.type == XS_ERROR) {
		keep = h.len < sizeof(err) - 1 ? h.len : sizeof(err) - 1;
		rc = ring_read(r, port, err, keep, until);
		if (!rc)
			rc = ring_read(r, port, NULL, h.len - keep, until);
		if (rc)
			return rc;
		err[keep] = 0;
		/* The name comes with its NUL. */
		return error_code(err);
	}
	keep = h.len < outlen ? h.len : outlen;
	rc = ring_read(r, port, out, keep, until);
	if (!rc)
		rc = ring_read(r, port, NULL, h.len - keep, until);
	return rc ? rc : (int)h.len;
}

int uk_xenstore_tx_read(uk_xenstore_tx_t tx, const char *path, char *buf,
			unsigned int len)
{
	int n;

	if (!len)
		return -EINVAL;
	n = request(tx, XS_READ, path, slen(path) + 1, NULL, 0, buf, len - 1);
	if (n >= 0)
		buf[(unsigned int)n < len - 1 ? (unsigned int)n : len - 1] = 0;
	return n;
}

int uk_xenstore_tx_write(uk_xenstore_tx_t tx, const char *path,
			 const char *value)
{
	char ok[4];
	int n;

	n = request(tx, XS_WRITE, path, slen(path) + 1, value, slen(value), ok,
		    sizeof(ok));
	return n < 0 ? n : 0;
}

int uk_xenstore_tx_directory(uk_xenstore_tx_t tx, const char *path, char *buf,
			     unsigned int len)
{
	int n;

	if (len < 2)
		return -EINVAL;
	n = request(tx, XS_DIRECTORY, path, slen(path) + 1, NULL, 0, buf,
		    len - 2);
	if (n < 0)
		return n;
	if ((unsigned int)n > len - 2)
		return -ENOMEM;
	/* A last NUL ends the list even when it is empty. */
	buf[n] = 0;
	buf[n + 1] = 0;
	return n;
}

int uk_xenstore_tx_rm(uk_xenstore_tx_t tx, const char *path)
{
	char ok[4];
	int n = request(tx, XS_RM, path, slen(path) + 1, NULL, 0, ok,
			sizeof(ok));

	return n < 0 ? n : 0;
}

int uk_xenstore_read(const char *path, char *buf, unsigned int len)
{
	return uk_xenstore_tx_read(UK_XENSTORE_TX_NONE, path, buf, len);
}

int uk_xenstore_write(const char *path, const char *value)
{
	return uk_xenstore_tx_write(UK_XENSTORE_TX_NONE, path, value);
}

int uk_xenstore_directory(const char *path, char *buf, unsigned int len)
{
	return uk_xenstore_tx_directory(UK_XENSTORE_TX_NONE, path, buf, len);
}

int uk_xenstore_rm(const char *path)
{
	return uk_xenstore_tx_rm(UK_XENSTORE_TX_NONE, path);
}

int uk_xenstore_transaction_start(uk_xenstore_tx_t *tx)
{
	char id[16];
	uint32_t v = 0;
	int n, i;

	n = request(UK_XENSTORE_TX_NONE, XS_TRANSACTION_START, "", 1, NULL, 0,
		    id, sizeof(id) - 1);
	if (n < 0)
		return n;
	if (n == 0 || n > (int)sizeof(id) - 1)
		return -EIO;
	id[n] = 0;
	for (i = 0; id[i] >= '0' && id[i] <= '9'; i++)
		v = v * 10 + (id[i] - '0');
	if (!i || !v)
		return -EIO;
	*tx = v;
	return 0;
}

int uk_xenstore_transaction_end(uk_xenstore_tx_t tx, int abort)
{
	char ok[4];
	int n = request(tx, XS_TRANSACTION_END, abort ? "F" : "T", 2, NULL, 0,
			ok, sizeof(ok));

	return n < 0 ? n : 0;
}

int uk_xenstore_transact(int (*fn)(uk_xenstore_tx_t tx, void *arg), void *arg,
			 unsigned int tries)
{
	uk_xenstore_tx_t tx;
	int rc;

	while (tries--) {
		rc = uk_xenstore_transaction_start(&tx);
		if (rc)
			return rc;
		rc = fn(tx, arg);
		if (rc) {
			uk_xenstore_transaction_end(tx, 1);
			if (rc == -EAGAIN)
				continue;
			return rc;
		}
		/* EAGAIN: someone changed what we read; start again. */
		rc = uk_xenstore_transaction_end(tx, 0);
		if (rc != -EAGAIN)
			return rc;
	}
	return -EAGAIN;
}

int uk_xenstore_watch(const char *path, const char *token,
		      uk_xenstore_watch_fn fn, void *arg)
{
	char ok[4];
	unsigned int i;
	int n;

	if (slen(token) >= UK_XENSTORE_TOKEN_MAX)
		return -EINVAL;
	for (i = 0; i < MAX_WATCHES && watches[i].used; i++)
		;
	if (i == MAX_WATCHES)
		return -ENOMEM;
	watches[i] = (struct watch){ .fn = fn, .arg = arg, .used = 1 };
	scopy(watches[i].token, token, sizeof(watches[i].token));
	n = request(UK_XENSTORE_TX_NONE, XS_WATCH, path, slen(path) + 1, token,
		    slen(token) + 1, ok, sizeof(ok));
	if (n < 0)
		watches[i].used = 0;
	return n < 0 ? n : 0;
}

int uk_xenstore_unwatch(const char *path, const char *token)
{
	char ok[4];
	unsigned int i;
	int n;

	n = request(UK_XENSTORE_TX_NONE, XS_UNWATCH, path, slen(path) + 1,
		    token, slen(token) + 1, ok, sizeof(ok));
	if (n < 0)
		return n;
	for (i = 0; i < MAX_WATCHES; i++)
		if (watches[i].used && streq(watches[i].token, token))
			watches[i].used = 0;
	return 0;
}

/* Move whatever has arrived in the ring into the event queue. */
static int drain(void)
{
	volatile struct xs_ring *r;
	struct xs_hdr h;
	uint32_t port;
	__nsec until = ukplat_monotonic_clock() + XS_TIMEOUT_NS;
	int rc;

	r = ring(&port);
	if (!r)
		return -ENODEV;
	while (r->rsp_cons != r->rsp_prod) {
		rc = ring_read(r, port, &h, sizeof(h), until);
		if (!rc)
			rc = h.type == XS_WATCH_EVENT ?
				     take_event(r, port, &h, until) :
				     ring_read(r, port, NULL, h.len, until);
		if (rc)
			return rc;
	}
	return 0;
}

static struct watch *watch_of(const char *token)
{
	unsigned int i;

	for (i = 0; i < MAX_WATCHES; i++)
		if (watches[i].used && streq(watches[i].token, token))
			return &watches[i];
	return NULL;
}

/*
 * Hand out queued events: to their watch's callback, or (when want_path
 * is set) return the first one without a callback. 1 when one was
 * returned, else 0.
 */
static int deliver(char *path, unsigned int plen, char *token,
		   unsigned int tlen, unsigned int *ran)
{
	struct event *e;
	struct watch *w;
	const char *p, *t;

	while (ev_head != ev_tail) {
		e = &events[ev_head % MAX_EVENTS];
		ev_head++;
		p = e->data;
		t = p + slen(p) + 1;
		w = watch_of(t);
		if (w && w->fn) {
			w->fn(p, t, w->arg);
			(*ran)++;
			continue;
		}
		if (!path)
			continue; /* unwatched or no one waits: dropped */
		scopy(path, p, plen);
		scopy(token, t, tlen);
		return 1;
	}
	return 0;
}

int uk_xenstore_poll(void)
{
	unsigned int ran = 0;
	int rc = drain();

	if (rc)
		return rc;
	deliver(NULL, 0, NULL, 0, &ran);
	return ran;
}

int uk_xenstore_watch_wait(char *path, unsigned int plen, char *token,
			   unsigned int tlen, __nsec timeout)
{
	__nsec until = ukplat_monotonic_clock() + timeout;
	unsigned int ran = 0;
	int rc;

	if (!path || !plen || !token || !tlen)
		return -EINVAL;
	for (;;) {
		rc = drain();
		if (rc)
			return rc;
		if (deliver(path, plen, token, tlen, &ran))
			return 0;
		if (!nap(until))
			return -ETIMEDOUT;
	}
}
