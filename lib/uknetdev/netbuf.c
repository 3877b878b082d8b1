/* SPDX-License-Identifier: BSD-3-Clause */
/* Network buffers: one block holds the struct, the owner's area, the data. */
#include <errno.h>
#include <string.h>
#include <uk/netdev.h>

#define NETBUF_ALIGN 8
#define NETBUF_PAGE 4096

static size_t netbuf_hdr_len(size_t priv_len)
{
	return ALIGN_UP(sizeof(struct uk_netbuf) + priv_len,
			(size_t)NETBUF_ALIGN);
}

static struct uk_netbuf *netbuf_init(void *mem, size_t hdr, size_t buflen,
				     size_t headroom, size_t priv_len)
{
	struct uk_netbuf *nb = mem;

	memset(nb, 0, sizeof(*nb));
	nb->priv = priv_len ? (char *)mem + sizeof(*nb) : NULL;
	nb->buf = (char *)mem + hdr;
	nb->buflen = buflen;
	nb->data = (char *)nb->buf + headroom;
	return nb;
}

struct uk_netbuf *uk_netbuf_alloc(struct uk_alloc *a, size_t size,
				  size_t headroom, size_t priv_len)
{
	size_t hdr = netbuf_hdr_len(priv_len), total = hdr + size;
	struct uk_netbuf *nb;
	void *mem;

	if (!a || headroom > size)
		return NULL;
	/*
	 * A buffer that fits a page is kept inside one: devices get it as
	 * one physically contiguous piece even where pages are not.
	 */
	if (total <= NETBUF_PAGE)
		mem = uk_memalign(a, NETBUF_PAGE / 2 >= total ? 2048 : 4096,
				  total);
	else
		mem = uk_memalign(a, NETBUF_ALIGN, total);
	if (!mem)
		return NULL;
	nb = netbuf_init(mem, hdr, size, headroom, priv_len);
	nb->a = a;
	return nb;
}

struct uk_netbuf *uk_netbuf_prepare_buf(void *mem, size_t memlen,
					size_t headroom, size_t priv_len,
					void (*dtor)(struct uk_netbuf *nb))
{
	size_t hdr = netbuf_hdr_len(priv_len);
	struct uk_netbuf *nb;

	if (!mem || !IS_ALIGNED((uintptr_t)mem, (uintptr_t)NETBUF_ALIGN) ||
	    memlen < hdr || memlen - hdr < headroom)
		return NULL;
	nb = netbuf_init(mem, hdr, memlen - hdr, headroom, priv_len);
	nb->dtor = dtor;
	return nb;
}

void uk_netbuf_free(struct uk_netbuf *nb)
{
	if (!nb)
		return;
	if (nb->dtor)
		nb->dtor(nb);
	else if (nb->a)
		uk_free(nb->a, nb);
}

int uk_netbuf_header(struct uk_netbuf *nb, long delta)
{
	if (delta > 0 && (size_t)delta > uk_netbuf_headroom(nb))
		return -EINVAL;
	if (delta < 0 && (size_t)-delta > nb->len)
		return -EINVAL;
	nb->data = (char *)nb->data - delta;
	nb->len += delta;
	return 0;
}
