/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A uknetdev device on a Linux tap interface: /dev/net/tun attached to
 * the interface CONFIG_LINUXU_TAP_IFNAME (created by the kernel if it does
 * not exist; usually made beforehand with `ip tuntap add ... mode tap`),
 * one Ethernet frame per read() and write() (IFF_NO_PI). The descriptor
 * is non-blocking, so the device works in polling mode only: no
 * interrupts reach a linuxu process.
 */
#include <errno.h>
#include <string.h>
#include <uk/init.h>
#include <uk/netdev.h>
#include <uk/print.h>
#include <linuxu/syscall.h>

/* _IOW('T', 202, int) is TUNSETIFF; MIPS encodes "write" differently. */
#if defined(__x86_64__)
#define TAP_SC_OPENAT 257
#define TAP_SC_IOCTL 16
#define TAP_SC_CLOSE 3
#define TAP_O_NONBLOCK 0x800
#define TAP_TUNSETIFF 0x400454caUL
#elif defined(__arm__)
#define TAP_SC_OPENAT 322
#define TAP_SC_IOCTL 54
#define TAP_SC_CLOSE 6
#define TAP_O_NONBLOCK 0x800
#define TAP_TUNSETIFF 0x400454caUL
#elif defined(__mips__)
#define TAP_SC_OPENAT 4288
#define TAP_SC_IOCTL 4054
#define TAP_SC_CLOSE 4006
#define TAP_O_NONBLOCK 0x80
#define TAP_TUNSETIFF 0x800454caUL
#endif

#define TAP_AT_FDCWD (-100)
#define TAP_O_RDWR 2
#define TAP_IFF_TAP 0x0002
#define TAP_IFF_NO_PI 0x1000
#define TAP_IFNAMSIZ 16
#define TAP_MTU 1500
#define TAP_ETH_HLEN 14

/* struct ifreq: the name, then a union of at most 24 bytes. */
struct tap_ifreq {
	char name[TAP_IFNAMSIZ];
	short flags;
	char pad[22];
};

struct tap_dev {
	struct uk_netdev netdev;
	int fd;
	struct uk_hwaddr mac;
	struct uk_netdev_rxqueue_conf rxconf;
	/* A receive buffer taken from alloc_rxpkts, waiting for a frame. */
	struct uk_netbuf *spare;
};

static struct tap_dev tap;

static void tap_info_get(struct uk_netdev *dev __unused,
			 struct uk_netdev_info *info)
{
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_queue_size = 64; /* the kernel's queue, nominally */
	info->rx_buflen = TAP_MTU + TAP_ETH_HLEN;
	info->tx_headroom = 0;
	info->intr = 0;
}

static int tap_configure(struct uk_netdev *dev __unused,
			 const struct uk_netdev_conf *conf __unused)
{
	return 0;
}

static int tap_rxq_configure(struct uk_netdev *dev __unused,
			     uint16_t qid __unused, uint16_t nb_desc __unused,
			     const struct uk_netdev_rxqueue_conf *conf)
{
	tap.rxconf = *conf;
	return 0;
}

static int tap_txq_configure(struct uk_netdev *dev __unused,
			     uint16_t qid __unused, uint16_t nb_desc __unused,
			     const struct uk_netdev_txqueue_conf *conf __unused)
{
	return 0;
}

static int tap_start(struct uk_netdev *dev __unused)
{
	return 0;
}

static const struct uk_hwaddr *tap_hwaddr_get(struct uk_netdev *dev __unused)
{
	return &tap.mac;
}

static uint16_t tap_mtu_get(struct uk_netdev *dev __unused)
{
	return TAP_MTU;
}

static int tap_link_up(struct uk_netdev *dev __unused)
{
	return 1;
}

static int tap_tx_one(struct uk_netdev *dev __unused, uint16_t qid __unused,
		      struct uk_netbuf *nb)
{
	long r = linuxu_write(tap.fd, nb->data, nb->len);

	if (r == -EAGAIN)
		return UK_NETDEV_STATUS_UNDERRUN;
	if (r < 0)
		return (int)r;
	/* The kernel copied the frame: it is sent as far as we can tell. */
	uk_netbuf_free(nb);
	return UK_NETDEV_STATUS_SUCCESS | UK_NETDEV_STATUS_MORE;
}

static int tap_readable(void)
{
	struct linuxu_pollfd p = { tap.fd, LINUXU_POLLIN, 0 };
	struct linuxu_timespec zero = { 0, 0 };

	return linuxu_ppoll(&p, 1, &zero) > 0 && (p.revents & LINUXU_POLLIN);
}

static int tap_rx_one(struct uk_netdev *dev __unused, uint16_t qid __unused,
		      struct uk_netbuf **nbp)
{
	struct uk_netbuf *nb;
	long r;

	if (!tap.spare && !tap.rxconf.alloc_rxpkts(tap.rxconf.alloc_rxpkts_argp,
						   &tap.spare, 1))
		return -ENOMEM;
	nb = tap.spare;
	nb->len = 0;
	r = linuxu_read(tap.fd, nb->data, uk_netbuf_tailroom(nb));
	if (r == -EAGAIN || r == 0)
		return 0;
	if (r < 0)
		return (int)r;
	tap.spare = NULL;
	nb->len = (size_t)r;
	*nbp = nb;
	return UK_NETDEV_STATUS_SUCCESS |
	       (tap_readable() ? UK_NETDEV_STATUS_MORE : 0);
}

static const struct uk_netdev_ops tap_ops = {
	.info_get = tap_info_get,
	.configure = tap_configure,
	.rxq_configure = tap_rxq_configure,
	.txq_configure = tap_txq_configure,
	.start = tap_start,
	.hwaddr_get = tap_hwaddr_get,
	.mtu_get = tap_mtu_get,
	.link_up = tap_link_up,
	.tx_one = tap_tx_one,
	.rx_one = tap_rx_one,
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "52:54:00:12:34:56" -> 6 bytes; -EINVAL when malformed. */
static int parse_mac(const char *s, uint8_t *mac)
{
	int i;

	for (i = 0; i < 6; i++, s += 3) {
		int h = hexval(s[0]), l = hexval(s[1]);

		if (h < 0 || l < 0 || s[2] != (i < 5 ? ':' : '\0'))
			return -EINVAL;
		mac[i] = (uint8_t)(h << 4 | l);
	}
	return 0;
}

static int linuxu_tap_init(void)
{
	struct tap_ifreq ifr;
	long fd, r;

	if (parse_mac(CONFIG_LINUXU_TAP_MAC, tap.mac.addr)) {
		uk_pr_err("tap: bad MAC address %s\n", CONFIG_LINUXU_TAP_MAC);
		return 0;
	}
	fd = linuxu_syscall6(TAP_SC_OPENAT, TAP_AT_FDCWD, (long)"/dev/net/tun",
			     TAP_O_RDWR | TAP_O_NONBLOCK, 0, 0, 0);
	if (fd < 0) {
		uk_pr_warn("tap: cannot open /dev/net/tun: error %ld\n", -fd);
		return 0; /* no device; the rest of the image runs */
	}
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.name, CONFIG_LINUXU_TAP_IFNAME, TAP_IFNAMSIZ - 1);
	ifr.flags = TAP_IFF_TAP | TAP_IFF_NO_PI;
	r = linuxu_syscall(TAP_SC_IOCTL, fd, TAP_TUNSETIFF, &ifr);
	if (r < 0) {
		uk_pr_warn("tap: cannot attach to %s: error %ld\n",
			   CONFIG_LINUXU_TAP_IFNAME, -r);
		linuxu_syscall(TAP_SC_CLOSE, fd, 0, 0);
		return 0;
	}
	tap.fd = (int)fd;
	tap.netdev.ops = &tap_ops;
	tap.netdev.drv_name = "tap";
	if (uk_netdev_drv_register(&tap.netdev) < 0)
		linuxu_syscall(TAP_SC_CLOSE, fd, 0, 0);
	else
		uk_pr_info("tap: %s attached\n", ifr.name);
	return 0;
}

uk_plat_initcall(linuxu_tap_init);
