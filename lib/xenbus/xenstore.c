/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xenstore client over the shared ring (the wire format of Xen's public
 * io/xs_wire.h): a request is a 16-byte header (type, request id,
 * transaction id, payload length) and its payload in the req ring; the
 * answer comes the same way in the rsp ring, with type XS_ERROR and an
 * errno name as payload on failure. One request at a time, polled: no
 * event upcalls are needed.
 */
#include <uk/essentials.h>
#include <uk/plat/time.h>
#include <uk/xenstore.h>

#define XS_READ 2
#define XS_WRITE 11
#define XS_ERROR 16
#define XS_RING_SIZE 1024
#define XS_TIMEOUT_NS 5000000000LL

#define ENOENT 2
#define EIO 5
#define EACCES 13
#define ENODEV 19
#define EINVAL 22

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

#define barrier() __asm__ __volatile__("" ::: "memory")

static uint32_t next_id;

static unsigned int slen(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	return n;
}

static int expired(__nsec until)
{
	return ukplat_monotonic_clock() > until;
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
			ukplat_xen_yield();
			if (expired(until))
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
			ukplat_xen_yield();
			if (expired(until))
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

static int error_code(const char *e)
{
	static const struct {
		const char *name;
		int code;
	} names[] = { { "ENOENT", ENOENT },
		      { "EACCES", EACCES },
		      { "EINVAL", EINVAL } };
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		for (j = 0; names[i].name[j] && names[i].name[j] == e[j]; j++)
			;
		if (!names[i].name[j] && !e[j])
			return -names[i].code;
	}
	return -EIO;
}

/*
 * One request: payload parts p1 and p2 (p2 may be NULL), each sent with
 * its length n1/n2. The answer goes to out (up to outlen bytes, the rest
 * dropped); returns the answer's full length or a negative errno.
 */
static int request(uint32_t type, const char *p1, unsigned int n1,
		   const char *p2, unsigned int n2, char *out,
		   unsigned int outlen)
{
	volatile struct xs_ring *r;
	struct xs_hdr h = { .type = type, .req_id = ++next_id, .len = n1 + n2 };
	char err[16];
	uint32_t port;
	__nsec until = ukplat_monotonic_clock() + XS_TIMEOUT_NS;
	unsigned int keep;
	int rc;

	r = ukplat_xen_store_ring(&port);
	if (!r)
		return -ENODEV;
	if (h.len > XS_RING_SIZE)
		return -EINVAL;
	rc = ring_write(r, port, &h, sizeof(h), until);
	if (!rc)
		rc = ring_write(r, port, p1, n1, until);
	if (!rc && p2)
		rc = ring_write(r, port, p2, n2, until);
	if (!rc)
		rc = ring_read(r, port, &h, sizeof(h), until);
	if (rc)
		return rc;
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

int uk_xenstore_read(const char *path, char *buf, unsigned int len)
{
	int n;

	if (!len)
		return -EINVAL;
	n = request(XS_READ, path, slen(path) + 1, NULL, 0, buf, len - 1);
	if (n >= 0)
		buf[(unsigned int)n < len - 1 ? (unsigned int)n : len - 1] = 0;
	return n;
}

int uk_xenstore_write(const char *path, const char *value)
{
	char ok[4];
	int n;

	n = request(XS_WRITE, path, slen(path) + 1, value, slen(value), ok,
		    sizeof(ok));
	return n < 0 ? n : 0;
}
