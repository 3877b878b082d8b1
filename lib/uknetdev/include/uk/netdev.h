/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uknetdev: the network device API, independent of any driver.
 *
 * A driver (virtio-net in plat/kvm, the tap device of plat/linuxu, ...)
 * fills a struct uk_netdev with its operations and registers it with
 * uk_netdev_drv_register() before main() (an init function). A user (a
 * network stack, an app) then:
 *
 *	struct uk_netdev *dev = uk_netdev_get(0);
 *	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
 *	struct uk_netdev_rxqueue_conf rxc = {
 *		.a = a, .alloc_rxpkts = my_alloc, .alloc_rxpkts_argp = a,
 *		.callback = my_rx_event, .callback_cookie = me, // or NULL
 *	};
 *	struct uk_netdev_txqueue_conf txc = { .a = a };
 *
 *	uk_netdev_configure(dev, &conf);
 *	uk_netdev_rxq_configure(dev, 0, 0, &rxc);	// 0: driver's size
 *	uk_netdev_txq_configure(dev, 0, 0, &txc);
 *	uk_netdev_start(dev);
 *	uk_netdev_hwaddr_get(dev), uk_netdev_mtu_get(dev),
 *	uk_netdev_link_up(dev);
 *
 * Sending: uk_netdev_tx_one(dev, 0, nb) hands nb to the driver, which
 * frees it (uk_netbuf_free) once the device has read it.
 * Receiving: uk_netdev_rx_one(dev, 0, &nb) gives the next frame, owned by
 * the caller from then on; the driver refills its ring by calling the
 * queue's alloc_rxpkts callback.
 *
 * Polling mode: call uk_netdev_rx_one() whenever you like; interrupts of
 * the queue stay off. Interrupt mode (a queue configured with a
 * callback): uk_netdev_rxq_intr_enable() arms the queue; when frames
 * arrive the driver's interrupt handler disarms it and calls the callback
 * once, in interrupt context (it should only wake a thread or set a
 * flag). The consumer then drains the queue with uk_netdev_rx_one() until
 * it returns no frame, and re-arms with uk_netdev_rxq_intr_enable(); a
 * return of 1 there means frames arrived meanwhile: drain again. So no
 * frame is left unnoticed and the handler never storms.
 *
 * Frames are Ethernet frames without FCS: destination MAC first. The
 * functions are not thread-safe per queue: one user per queue (the caller
 * serialises), and rx/tx callbacks never call back into the driver.
 * Errors are negative errno values.
 */
#ifndef __UK_NETDEV_H__
#define __UK_NETDEV_H__

#include <stddef.h>
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/essentials.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- Network buffers ------------------------------------------------------ */

/*
 * One frame in one contiguous buffer. The space from buf to buf + buflen
 * holds headroom, the frame [data, data + len), and tailroom. Allocated
 * in one block with its struct (uk_netbuf_alloc) or wrapped around memory
 * the owner manages (uk_netbuf_prepare_buf); uk_netbuf_free() gives it
 * back through dtor or the allocator.
 */
struct uk_netbuf {
	void *data; /* first byte of the frame */
	size_t len; /* bytes of frame at data */
	void *buf; /* start of the buffer */
	size_t buflen; /* size of the buffer */
	void *priv; /* the owner's (e.g. the stack's packet) */
	struct uk_alloc *a; /* frees the block, if not NULL */
	/* Called by uk_netbuf_free() instead of freeing through a. */
	void (*dtor)(struct uk_netbuf *nb);
};

/*
 * Allocate a netbuf with a buffer of size bytes, data at headroom bytes
 * into it (len 0), and priv_len bytes for the owner (nb->priv, or NULL
 * when priv_len is 0), all in one block from a. The buffer is aligned to
 * at least 8 bytes, and the block never crosses a 4 KiB boundary when it
 * fits in 4 KiB (struct, priv and buffer: about size + 64 + priv_len
 * bytes), so drivers hand the buffer to DMA as one piece. NULL without
 * memory or when headroom > size.
 */
struct uk_netbuf *uk_netbuf_alloc(struct uk_alloc *a, size_t size,
				  size_t headroom, size_t priv_len);

/*
 * Build a netbuf inside caller-provided memory mem of memlen bytes: the
 * struct at the start, then priv_len bytes of priv, then the buffer
 * (aligned to 8), data at headroom. dtor (may be NULL) is called by
 * uk_netbuf_free(). NULL when the memory is too small.
 */
struct uk_netbuf *uk_netbuf_prepare_buf(void *mem, size_t memlen,
					size_t headroom, size_t priv_len,
					void (*dtor)(struct uk_netbuf *nb));

/* Give nb back: its dtor, else its allocator; NULL is fine. */
void uk_netbuf_free(struct uk_netbuf *nb);

static inline size_t uk_netbuf_headroom(const struct uk_netbuf *nb)
{
	return (size_t)((const char *)nb->data - (const char *)nb->buf);
}

static inline size_t uk_netbuf_tailroom(const struct uk_netbuf *nb)
{
	return nb->buflen - uk_netbuf_headroom(nb) - nb->len;
}

/*
 * Move the start of the frame by delta bytes: > 0 prepends (uses
 * headroom, e.g. to add a header), < 0 strips. 0 or -EINVAL (no room).
 */
int uk_netbuf_header(struct uk_netbuf *nb, long delta);

/* --- Devices -------------------------------------------------------------- */

#define UK_NETDEV_HWADDR_LEN 6

struct uk_hwaddr {
	uint8_t addr[UK_NETDEV_HWADDR_LEN];
};

/* What a device can do (uk_netdev_info_get). */
struct uk_netdev_info {
	uint16_t max_rx_queues;
	uint16_t max_tx_queues;
	uint16_t max_queue_size; /* descriptors per queue */
	/* Bytes an rx netbuf needs from data on (frame incl. Ethernet
	 * header, no FCS): what alloc_rxpkts must provide as tailroom. */
	uint16_t rx_buflen;
	/* Headroom a tx netbuf should keep free for the driver (0: none). */
	uint16_t tx_headroom;
	/* 1 when the queues can interrupt (rxq_intr_enable works). */
	uint8_t intr;
};

struct uk_netdev_conf {
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
};

struct uk_netdev;

/*
 * Fill pkts[0..count) with fresh receive buffers (uk_netbuf_alloc with
 * at least info.rx_buflen of tailroom); return how many were filled.
 * Called by the driver at start and when it refills after a receive,
 * never from interrupt context.
 */
typedef uint16_t (*uk_netdev_alloc_rxpkts_t)(void *argp,
					     struct uk_netbuf *pkts[],
					     uint16_t count);

/* Queue event: frames arrived on rx queue qid (interrupt context). */
typedef void (*uk_netdev_queue_event_t)(struct uk_netdev *dev, uint16_t qid,
					void *cookie);

struct uk_netdev_rxqueue_conf {
	struct uk_alloc *a; /* for the driver's ring memory */
	uk_netdev_alloc_rxpkts_t alloc_rxpkts;
	void *alloc_rxpkts_argp;
	/* NULL: polling only. */
	uk_netdev_queue_event_t callback;
	void *callback_cookie;
};

struct uk_netdev_txqueue_conf {
	struct uk_alloc *a; /* for the driver's ring memory */
};

/* Return flags of uk_netdev_tx_one() and uk_netdev_rx_one(). */
#define UK_NETDEV_STATUS_SUCCESS 0x1 /* tx: nb taken; rx: nb returned */
#define UK_NETDEV_STATUS_MORE 0x2 /* tx: room for more; rx: more pending */
#define UK_NETDEV_STATUS_UNDERRUN 0x4 /* tx: queue full, nb not taken */

/* Driver operations; every one is mandatory unless marked optional. */
struct uk_netdev_ops {
	void (*info_get)(struct uk_netdev *dev, struct uk_netdev_info *info);
	int (*configure)(struct uk_netdev *dev,
			 const struct uk_netdev_conf *conf);
	int (*rxq_configure)(struct uk_netdev *dev, uint16_t qid,
			     uint16_t nb_desc,
			     const struct uk_netdev_rxqueue_conf *conf);
	int (*txq_configure)(struct uk_netdev *dev, uint16_t qid,
			     uint16_t nb_desc,
			     const struct uk_netdev_txqueue_conf *conf);
	int (*start)(struct uk_netdev *dev);
	const struct uk_hwaddr *(*hwaddr_get)(struct uk_netdev *dev);
	uint16_t (*mtu_get)(struct uk_netdev *dev);
	/* 1 up, 0 down. */
	int (*link_up)(struct uk_netdev *dev);
	int (*tx_one)(struct uk_netdev *dev, uint16_t qid,
		      struct uk_netbuf *nb);
	int (*rx_one)(struct uk_netdev *dev, uint16_t qid,
		      struct uk_netbuf **nb);
	/* Optional (NULL: -ENOTSUP): devices without interrupts. */
	int (*rxq_intr_enable)(struct uk_netdev *dev, uint16_t qid);
	int (*rxq_intr_disable)(struct uk_netdev *dev, uint16_t qid);
};

enum uk_netdev_state {
	UK_NETDEV_UNCONFIGURED = 0,
	UK_NETDEV_CONFIGURED,
	UK_NETDEV_RUNNING,
};

/*
 * A device as the driver registers it; embed it in the driver's own
 * struct (container_of). Fields below ops are kept by the library.
 */
struct uk_netdev {
	const struct uk_netdev_ops *ops;
	const char *drv_name; /* e.g. "virtio-net" */
	/* Set by the library. */
	uint16_t id;
	enum uk_netdev_state state;
	struct uk_netdev_conf conf;
};

/* Maximum number of devices registered at once. */
#define UK_NETDEV_MAX 8

/*
 * For drivers: add dev (ops and drv_name set) to the list; its id is its
 * index. -EINVAL without ops, -ENOSPC when UK_NETDEV_MAX are registered.
 */
int uk_netdev_drv_register(struct uk_netdev *dev);

/* Number of registered devices; uk_netdev_get(i) for i below it. */
unsigned int uk_netdev_count(void);
/* NULL when there is no device i. */
struct uk_netdev *uk_netdev_get(unsigned int i);

void uk_netdev_info_get(struct uk_netdev *dev, struct uk_netdev_info *info);

/*
 * Set the number of queues (1..max of info). Only while not running;
 * may be repeated, which forgets the queues' configuration.
 */
int uk_netdev_configure(struct uk_netdev *dev,
			const struct uk_netdev_conf *conf);

/*
 * Set up queue qid with nb_desc descriptors (0: the driver's default;
 * otherwise a power of two up to info.max_queue_size). After configure,
 * before start; alloc_rxpkts is mandatory for rx queues.
 */
int uk_netdev_rxq_configure(struct uk_netdev *dev, uint16_t qid,
			    uint16_t nb_desc,
			    const struct uk_netdev_rxqueue_conf *conf);
int uk_netdev_txq_configure(struct uk_netdev *dev, uint16_t qid,
			    uint16_t nb_desc,
			    const struct uk_netdev_txqueue_conf *conf);

/* Fill the rx rings and let the device run. Queue interrupts stay off. */
int uk_netdev_start(struct uk_netdev *dev);

static inline enum uk_netdev_state uk_netdev_state_get(struct uk_netdev *dev)
{
	return dev->state;
}

/* MAC address (valid from registration on). */
const struct uk_hwaddr *uk_netdev_hwaddr_get(struct uk_netdev *dev);
/* Largest payload of a frame (IP packet), e.g. 1500. */
uint16_t uk_netdev_mtu_get(struct uk_netdev *dev);
/* 1 when the link is up, 0 when down (devices without status: 1). */
int uk_netdev_link_up(struct uk_netdev *dev);

/*
 * Send one frame (nb->data, nb->len; at most MTU + 14 bytes). Returns
 * flags: SUCCESS (the driver owns nb now and frees it when sent) with
 * MORE when another frame fits now, or UNDERRUN (queue full: nb is still
 * the caller's; retry later), or -errno (-EINVAL: too long; -EIO: not
 * running).
 */
int uk_netdev_tx_one(struct uk_netdev *dev, uint16_t qid, struct uk_netbuf *nb);

/*
 * Take the next received frame: returns flags, SUCCESS with *nb set (the
 * caller owns it; nb->data is the Ethernet header, nb->len the frame
 * length) and MORE when another one is pending; 0 when there is none
 * (*nb = NULL); -errno on errors.
 */
int uk_netdev_rx_one(struct uk_netdev *dev, uint16_t qid,
		     struct uk_netbuf **nb);

/*
 * Arm the queue's interrupt (the callback given at rxq_configure runs
 * once, then the driver disarms the queue again before calling it). Returns 0 when armed, 1 when
 * frames are pending already (armed too: drain them now), -ENOTSUP for
 * devices without interrupts or queues without a callback.
 */
int uk_netdev_rxq_intr_enable(struct uk_netdev *dev, uint16_t qid);
/* Disarm it (polling mode). 0 or -errno. */
int uk_netdev_rxq_intr_disable(struct uk_netdev *dev, uint16_t qid);

#ifdef __cplusplus
}
#endif

#endif /* __UK_NETDEV_H__ */
