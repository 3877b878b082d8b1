/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of uknetdev: netbuf layout and bookkeeping, and the checks the
 * library makes before a driver sees a call, against a loopback device
 * (what is sent comes back on receive) registered by the test.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netdev.h>
#include <uk/test.h>

UK_TESTCASE(netdev, netbuf_alloc)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_netbuf *nb = uk_netbuf_alloc(a, 1514, 64, 24);
	uintptr_t buf;

	UK_TEST_EXPECT_NOT_NULL(nb);
	if (!nb)
		return;
	buf = (uintptr_t)nb->buf;
	UK_TEST_EXPECT_UNUM_EQ(buf % 8, 0);
	/* Small buffers never straddle a page: one DMA piece. */
	UK_TEST_EXPECT_UNUM_EQ(buf / 4096, (buf + nb->buflen - 1) / 4096);
	UK_TEST_EXPECT_UNUM_EQ(nb->buflen, 1514);
	UK_TEST_EXPECT_UNUM_EQ(uk_netbuf_headroom(nb), 64);
	UK_TEST_EXPECT_UNUM_EQ(uk_netbuf_tailroom(nb), 1514 - 64);
	UK_TEST_EXPECT_UNUM_EQ(nb->len, 0);
	UK_TEST_EXPECT_NOT_NULL(nb->priv);
	/* The owner's area lies between the struct and the buffer. */
	UK_TEST_EXPECT((char *)nb->priv >= (char *)(nb + 1) &&
		       (char *)nb->priv + 24 <= (char *)nb->buf);
	memset(nb->buf, 0xa5, nb->buflen);
	memset(nb->priv, 0x5a, 24);
	UK_TEST_EXPECT_PTR_EQ(nb->a, a);
	uk_netbuf_free(nb);

	UK_TEST_EXPECT_NULL(uk_netbuf_alloc(a, 16, 17, 0));
	nb = uk_netbuf_alloc(a, 16, 0, 0);
	UK_TEST_EXPECT_NOT_NULL(nb);
	if (nb)
		UK_TEST_EXPECT_NULL(nb->priv);
	uk_netbuf_free(nb);
	uk_netbuf_free(NULL);
}

UK_TESTCASE(netdev, netbuf_header)
{
	struct uk_netbuf *nb =
		uk_netbuf_alloc(uk_alloc_get_default(), 128, 16, 0);
	char *data;

	UK_TEST_EXPECT_NOT_NULL(nb);
	if (!nb)
		return;
	data = nb->data;
	nb->len = 20;
	UK_TEST_EXPECT_ZERO(uk_netbuf_header(nb, 14));
	UK_TEST_EXPECT_PTR_EQ(nb->data, data - 14);
	UK_TEST_EXPECT_UNUM_EQ(nb->len, 34);
	UK_TEST_EXPECT_SNUM_EQ(uk_netbuf_header(nb, 3), -EINVAL);
	UK_TEST_EXPECT_ZERO(uk_netbuf_header(nb, -14));
	UK_TEST_EXPECT_PTR_EQ(nb->data, data);
	UK_TEST_EXPECT_SNUM_EQ(uk_netbuf_header(nb, -21), -EINVAL);
	UK_TEST_EXPECT_UNUM_EQ(nb->len, 20);
	uk_netbuf_free(nb);
}

static int dtor_calls;

static void count_dtor(struct uk_netbuf *nb __unused)
{
	dtor_calls++;
}

UK_TESTCASE(netdev, netbuf_prepare_buf)
{
	static uint64_t mem[64];
	struct uk_netbuf *nb;

	UK_TEST_EXPECT_NULL(uk_netbuf_prepare_buf(mem, 16, 0, 0, NULL));
	UK_TEST_EXPECT_NULL(
		uk_netbuf_prepare_buf((char *)mem + 1, 256, 0, 0, NULL));
	nb = uk_netbuf_prepare_buf(mem, sizeof(mem), 32, 8, count_dtor);
	UK_TEST_EXPECT_NOT_NULL(nb);
	if (!nb)
		return;
	UK_TEST_EXPECT_PTR_EQ(nb, (void *)mem);
	UK_TEST_EXPECT((char *)nb->buf + nb->buflen ==
		       (char *)mem + sizeof(mem));
	UK_TEST_EXPECT_UNUM_EQ(uk_netbuf_headroom(nb), 32);
	UK_TEST_EXPECT_NULL(nb->a);
	dtor_calls = 0;
	uk_netbuf_free(nb);
	UK_TEST_EXPECT_SNUM_EQ(dtor_calls, 1);
}

/* --- A loopback device ----------------------------------------------------- */
#define LOOP_SLOTS 4

static struct {
	struct uk_netdev dev;
	struct uk_hwaddr mac;
	struct uk_netdev_rxqueue_conf rxc;
	struct uk_netbuf *q[LOOP_SLOTS];
	unsigned int head, n;
	int started;
} loop;

static void loop_info(struct uk_netdev *d __unused, struct uk_netdev_info *i)
{
	i->max_rx_queues = 1;
	i->max_tx_queues = 1;
	i->max_queue_size = LOOP_SLOTS;
	i->rx_buflen = 1514;
}

static int loop_configure(struct uk_netdev *d __unused,
			  const struct uk_netdev_conf *c __unused)
{
	return 0;
}

static int loop_rxq(struct uk_netdev *d __unused, uint16_t q __unused,
		    uint16_t n __unused, const struct uk_netdev_rxqueue_conf *c)
{
	loop.rxc = *c;
	return 0;
}

static int loop_txq(struct uk_netdev *d __unused, uint16_t q __unused,
		    uint16_t n __unused,
		    const struct uk_netdev_txqueue_conf *c __unused)
{
	return 0;
}

static int loop_start(struct uk_netdev *d __unused)
{
	loop.started = 1;
	return 0;
}

static const struct uk_hwaddr *loop_hwaddr(struct uk_netdev *d __unused)
{
	return &loop.mac;
}

static uint16_t loop_mtu(struct uk_netdev *d __unused)
{
	return 1500;
}

static int loop_link(struct uk_netdev *d __unused)
{
	return 1;
}

/* Copies into a buffer of the receive side, like a device would. */
static int loop_tx(struct uk_netdev *d __unused, uint16_t q __unused,
		   struct uk_netbuf *nb)
{
	struct uk_netbuf *rx;

	if (loop.n == LOOP_SLOTS)
		return UK_NETDEV_STATUS_UNDERRUN;
	if (loop.rxc.alloc_rxpkts(loop.rxc.alloc_rxpkts_argp, &rx, 1) != 1)
		return -ENOMEM;
	memcpy(rx->data, nb->data, nb->len);
	rx->len = nb->len;
	loop.q[(loop.head + loop.n++) % LOOP_SLOTS] = rx;
	uk_netbuf_free(nb);
	return UK_NETDEV_STATUS_SUCCESS |
	       (loop.n < LOOP_SLOTS ? UK_NETDEV_STATUS_MORE : 0);
}

static int loop_rx(struct uk_netdev *d __unused, uint16_t q __unused,
		   struct uk_netbuf **nb)
{
	if (!loop.n)
		return 0;
	*nb = loop.q[loop.head];
	loop.head = (loop.head + 1) % LOOP_SLOTS;
	loop.n--;
	return UK_NETDEV_STATUS_SUCCESS | (loop.n ? UK_NETDEV_STATUS_MORE : 0);
}

static const struct uk_netdev_ops loop_ops = {
	.info_get = loop_info,
	.configure = loop_configure,
	.rxq_configure = loop_rxq,
	.txq_configure = loop_txq,
	.start = loop_start,
	.hwaddr_get = loop_hwaddr,
	.mtu_get = loop_mtu,
	.link_up = loop_link,
	.tx_one = loop_tx,
	.rx_one = loop_rx,
};

static uint16_t loop_alloc(void *argp, struct uk_netbuf *pkts[], uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		if (!(pkts[i] = uk_netbuf_alloc(argp, 1514, 0, 0)))
			break;
	return i;
}

static struct uk_netbuf *frame(size_t len, uint8_t fill)
{
	struct uk_netbuf *nb =
		uk_netbuf_alloc(uk_alloc_get_default(), 1514, 0, 0);

	if (nb) {
		memset(nb->data, fill, len);
		nb->len = len;
	}
	return nb;
}

UK_TESTCASE(netdev, loopback_device)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_netdev_conf conf = { 1, 1 }, bad = { 2, 1 };
	struct uk_netdev_rxqueue_conf rxc = { a, loop_alloc, a, NULL, NULL };
	struct uk_netdev_txqueue_conf txc = { a };
	struct uk_netdev *dev = &loop.dev;
	struct uk_netbuf *nb, *big;
	unsigned int before = uk_netdev_count(), i;
	int rc;

	loop.dev.ops = &loop_ops;
	loop.dev.drv_name = "loop";
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_drv_register(NULL), -EINVAL);
	UK_TEST_EXPECT_ZERO(uk_netdev_drv_register(dev));
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_count(), before + 1);
	UK_TEST_EXPECT_PTR_EQ(uk_netdev_get(before), dev);
	UK_TEST_EXPECT_NULL(uk_netdev_get(before + 1));
	UK_TEST_EXPECT_UNUM_EQ(dev->id, before);

	/* Order: configure, queues, start; nothing runs before. */
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx_one(dev, 0, &nb), -EIO);
	UK_TEST_EXPECT_NULL(nb);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rxq_configure(dev, 0, 0, &rxc),
			       -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_start(dev), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_configure(dev, &bad), -EINVAL);
	UK_TEST_EXPECT_ZERO(uk_netdev_configure(dev, &conf));
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rxq_configure(dev, 1, 0, &rxc),
			       -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rxq_configure(dev, 0, 3, &rxc),
			       -EINVAL); /* not a power of two */
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rxq_configure(dev, 0, 8, &rxc),
			       -EINVAL); /* more than the device has */
	UK_TEST_EXPECT_ZERO(uk_netdev_rxq_configure(dev, 0, 4, &rxc));
	UK_TEST_EXPECT_ZERO(uk_netdev_txq_configure(dev, 0, 0, &txc));
	UK_TEST_EXPECT_ZERO(uk_netdev_start(dev));
	UK_TEST_EXPECT(loop.started);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_state_get(dev), UK_NETDEV_RUNNING);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_configure(dev, &conf), -EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_start(dev), -EBUSY);
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_mtu_get(dev), 1500);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_link_up(dev), 1);
	UK_TEST_EXPECT_PTR_EQ(uk_netdev_hwaddr_get(dev), &loop.mac);
	/* No interrupt operations: polling only. */
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rxq_intr_enable(dev, 0), -ENOTSUP);

	/* Too long for the MTU, or empty: refused before the driver. */
	big = frame(1515, 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx_one(dev, 0, big), -EINVAL);
	big->len = 0;
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx_one(dev, 0, big), -EINVAL);
	big->len = 1514;
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx_one(dev, 1, big), -EINVAL);

	/* Fill the loop, overflow it, read everything back in order. */
	for (i = 0; i < LOOP_SLOTS; i++) {
		nb = frame(60 + i, (uint8_t)i);
		rc = uk_netdev_tx_one(dev, 0, nb);
		UK_TEST_EXPECT(rc & UK_NETDEV_STATUS_SUCCESS);
		UK_TEST_EXPECT_SNUM_EQ(!!(rc & UK_NETDEV_STATUS_MORE),
				       i + 1 < LOOP_SLOTS);
	}
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx_one(dev, 0, big),
			       UK_NETDEV_STATUS_UNDERRUN);
	uk_netbuf_free(big); /* still ours after an underrun */
	for (i = 0; i < LOOP_SLOTS; i++) {
		rc = uk_netdev_rx_one(dev, 0, &nb);
		UK_TEST_EXPECT(rc & UK_NETDEV_STATUS_SUCCESS);
		UK_TEST_EXPECT_SNUM_EQ(!!(rc & UK_NETDEV_STATUS_MORE),
				       i + 1 < LOOP_SLOTS);
		if (!(rc & UK_NETDEV_STATUS_SUCCESS))
			break;
		UK_TEST_EXPECT_UNUM_EQ(nb->len, 60 + i);
		UK_TEST_EXPECT_UNUM_EQ(((uint8_t *)nb->data)[59], i);
		uk_netbuf_free(nb);
	}
	UK_TEST_EXPECT_ZERO(uk_netdev_rx_one(dev, 0, &nb));
	UK_TEST_EXPECT_NULL(nb);
}
