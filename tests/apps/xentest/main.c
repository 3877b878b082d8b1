/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xentest: the Xen guest libraries against the real hypervisor and
 * xenstored. Prints one line per check (tests/xen-xenbus.sh compares
 * them) and returns 1 if any check failed. argv[1]: a value to write.
 *
 * xenstore: read, write, directory, watches (waited on and with a
 * callback, unwatch), transactions (commit, abort, retry after a
 * conflict), rm. Grant tables: query_size, a read-only grant to this
 * domain itself checked by GNTTABOP_copy (which Xen refuses once the
 * grant has ended), a grant to dom0 (with argv[2] "dom0peer": dom0 maps
 * it, reads it and writes to it; ending it fails while mapped). Event
 * channels: a loopback pair (alloc_unbound + bind_interdomain to
 * ourselves), a handler registered with ukplat_irq_register() on one
 * end, EVTCHNOP_send on the other. The one-shot timer:
 * ukplat_lcpu_halt_irq_until() sleeps until its event.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/gnttab.h>
#include <uk/xenstore.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <uk/plat/xen.h>

#define MS 1000000LL

static int failed;
static char self[64]; /* /local/domain/<domid> */

static void check(int ok, const char *what)
{
	if (!ok) {
		printf("FAILED: %s\n", what);
		failed = 1;
	}
}

static int contains(const char *list, int len, const char *name)
{
	const char *p;

	for (p = list; p < list + len && *p; p += strlen(p) + 1)
		if (!strcmp(p, name))
			return 1;
	return 0;
}

static void xenstore_basics(const char *value)
{
	char buf[512];
	int n;

	n = uk_xenstore_read("name", buf, sizeof(buf));
	printf("name: %d %s\n", n, n >= 0 ? buf : "");
	n = uk_xenstore_write("data/unicore", value);
	printf("write: %d\n", n);
	n = uk_xenstore_read("data/unicore", buf, sizeof(buf));
	printf("readback: %d %s\n", n, n >= 0 ? buf : "");
	n = uk_xenstore_read("no/such/key", buf, sizeof(buf));
	printf("missing: %d\n", n);
	n = uk_xenstore_directory(self, buf, sizeof(buf));
	printf("directory: %d name=%d data=%d domid=%d nosuch=%d\n", n > 0,
	       contains(buf, n, "name"), contains(buf, n, "data"),
	       contains(buf, n, "domid"), contains(buf, n, "nosuch"));
	n = uk_xenstore_directory("no/such/dir", buf, sizeof(buf));
	printf("directory-missing: %d\n", n);
}

static int cb_count;
static char cb_path[128], cb_token[32];

static void on_change(const char *path, const char *token, void *arg)
{
	(void)arg;
	cb_count++;
	snprintf(cb_path, sizeof(cb_path), "%s", path);
	snprintf(cb_token, sizeof(cb_token), "%s", token);
}

static void xenstore_watches(void)
{
	char key[128], path[128], token[32];
	__nsec until;
	int n;

	snprintf(key, sizeof(key), "%s/data/watched", self);
	n = uk_xenstore_watch(key, "tok-wait", NULL, NULL);
	printf("watch: %d\n", n);
	/* xenstored fires a new watch once at once. */
	n = uk_xenstore_watch_wait(path, sizeof(path), token, sizeof(token),
				   2000 * MS);
	check(n == 0 && !strcmp(path, key), "first watch event");
	n = uk_xenstore_write("data/watched", "1");
	check(n == 0, "write watched key");
	n = uk_xenstore_watch_wait(path, sizeof(path), token, sizeof(token),
				   2000 * MS);
	printf("watch-event: %d %s %s\n", n, n ? "" : path + strlen(self),
	       n ? "" : token);
	n = uk_xenstore_unwatch(key, "tok-wait");
	printf("unwatch: %d\n", n);
	uk_xenstore_write("data/watched", "2");
	n = uk_xenstore_watch_wait(path, sizeof(path), token, sizeof(token),
				   300 * MS);
	printf("after-unwatch: %d\n", n);

	snprintf(key, sizeof(key), "%s/data/cb", self);
	n = uk_xenstore_watch(key, "tok-cb", on_change, NULL);
	check(n == 0, "watch with callback");
	until = ukplat_monotonic_clock() + 2000 * MS;
	while (cb_count < 1 && ukplat_monotonic_clock() < until)
		uk_xenstore_poll();
	uk_xenstore_write("data/cb/leaf", "x");
	while (cb_count < 2 && ukplat_monotonic_clock() < until)
		uk_xenstore_poll();
	printf("watch-callback: %d %s %s\n", cb_count,
	       cb_count ? cb_path + strlen(self) : "", cb_token);
	uk_xenstore_unwatch(key, "tok-cb");
}

static int tries;

/* A transaction that reads a key another write changes on the 1st try. */
static int conflicting(uk_xenstore_tx_t tx, void *arg)
{
	char buf[32];
	int n;

	(void)arg;
	tries++;
	n = uk_xenstore_tx_read(tx, "data/tx", buf, sizeof(buf));
	if (n < 0)
		return n;
	if (tries == 1)
		uk_xenstore_write("data/tx", "outside");
	return uk_xenstore_tx_write(tx, "data/tx-copy", buf);
}

static void xenstore_transactions(void)
{
	uk_xenstore_tx_t tx;
	char buf[64];
	int n, e;

	n = uk_xenstore_transaction_start(&tx);
	check(n == 0, "transaction start");
	uk_xenstore_tx_write(tx, "data/tx", "committed");
	e = uk_xenstore_transaction_end(tx, 0);
	n = uk_xenstore_read("data/tx", buf, sizeof(buf));
	printf("tx-commit: %d %s\n", e, n >= 0 ? buf : "");

	n = uk_xenstore_transaction_start(&tx);
	check(n == 0, "transaction start");
	uk_xenstore_tx_write(tx, "data/tx", "aborted");
	n = uk_xenstore_tx_read(tx, "data/tx", buf, sizeof(buf));
	check(n >= 0 && !strcmp(buf, "aborted"), "read inside transaction");
	e = uk_xenstore_transaction_end(tx, 1);
	n = uk_xenstore_read("data/tx", buf, sizeof(buf));
	printf("tx-abort: %d %s\n", e, n >= 0 ? buf : "");

	n = uk_xenstore_transact(conflicting, NULL, 5);
	uk_xenstore_read("data/tx-copy", buf, sizeof(buf));
	printf("tx-retry: %d tries=%d copy=%s\n", n, tries, buf);

	n = uk_xenstore_rm("data/tx");
	e = uk_xenstore_read("data/tx", buf, sizeof(buf));
	printf("rm: %d %d\n", n, e);
}

static char granted[4096] __attribute__((aligned(4096)));
static char copy_to[4096] __attribute__((aligned(4096)));

static int dom0_peer;

/* Sleep (events open) for ms milliseconds. */
static void pause_ms(int ms)
{
	__nsec until = ukplat_monotonic_clock() + ms * MS;
	unsigned long f = ukplat_lcpu_save_irqf();

	while (ukplat_monotonic_clock() < until)
		ukplat_lcpu_halt_irq_until(until);
	ukplat_lcpu_restore_irqf(f);
}

/*
 * dom0 (tests/apps/xentest/dom0/run) maps the grant, reports what it read in
 * data/gnt-seen and writes into the page; while it has the page mapped
 * the grant cannot end (-EBUSY); it unmaps after data/gnt-done. Returns
 * the last end_access result (0: the grant has ended).
 */
static int dom0_maps(int ref)
{
	char key[128], path[128], token[32], seen[128], num[16];
	__nsec until = ukplat_monotonic_clock() + 60000 * MS;
	int n = -1;

	snprintf(key, sizeof(key), "%s/data/gnt-seen", self);
	uk_xenstore_watch(key, "tok-dom0", NULL, NULL);
	snprintf(num, sizeof(num), "%d", ref);
	uk_xenstore_write("data/gnt-ref", num);
	while (ukplat_monotonic_clock() < until) {
		n = uk_xenstore_read("data/gnt-seen", seen, sizeof(seen));
		if (n >= 0)
			break;
		uk_xenstore_watch_wait(path, sizeof(path), token, sizeof(token),
				       1000 * MS);
	}
	uk_xenstore_unwatch(key, "tok-dom0");
	printf("dom0-saw: %s\n", n >= 0 ? seen : "(nothing)");
	printf("dom0-wrote: %.64s\n", granted + 2048);
	n = uk_gnttab_end_access(ref);
	printf("grant-dom0-mapped: %d flags=%#x\n", n,
	       uk_gnttab_entry_flags(ref));
	uk_xenstore_write("data/gnt-done", "1");
	until = ukplat_monotonic_clock() + 20000 * MS;
	while (n && ukplat_monotonic_clock() < until) {
		pause_ms(20);
		n = uk_gnttab_end_access(ref);
	}
	printf("grant-dom0-unmapped: %d\n", n);
	return n;
}

static void grants(unsigned int domid, const char *value)
{
	uint32_t nr = 0, max = 0;
	int n, ref, ref0;

	n = uk_gnttab_init();
	check(n == 0, "gnttab init");
	n = uk_gnttab_query_size(&nr, &max);
	printf("gnttab-query: %d %d\n", n, n == 0 && nr >= 1 && max >= nr);

	snprintf(granted, sizeof(granted), "granted page: %s", value);
	ref = uk_gnttab_grant_access(domid, ukplat_xen_virt_to_frame(granted),
				     1);
	printf("grant-self: %d flags=%#x\n", ref >= 8,
	       ref >= 0 ? uk_gnttab_entry_flags(ref) : 0);
	n = uk_gnttab_copy_from_grant(
		domid, ref, 0, ukplat_xen_virt_to_frame(copy_to), 16, 64);
	printf("grant-copy: %d %s\n", n, copy_to + 16);
	n = uk_gnttab_end_access(ref);
	printf("grant-end: %d flags=%#x\n", n, uk_gnttab_entry_flags(ref));
	memset(copy_to, 0, sizeof(copy_to));
	n = uk_gnttab_copy_from_grant(domid, ref, 0,
				      ukplat_xen_virt_to_frame(copy_to), 0, 64);
	printf("grant-copy-after-end: %d %d\n", n < 0, copy_to[0] != 0);

	ref0 = uk_gnttab_grant_access(0, ukplat_xen_virt_to_frame(granted), 0);
	printf("grant-dom0: %d flags=%#x\n", ref0 >= 8,
	       ref0 >= 0 ? uk_gnttab_entry_flags(ref0) : 0);
	n = dom0_peer ? dom0_maps(ref0) : uk_gnttab_end_access(ref0);
	check(n == 0, "end dom0 grant");
}

static volatile int ev_count;
static volatile unsigned long ev_arg;

static int on_event(void *arg)
{
	ev_count++;
	ev_arg = (unsigned long)arg;
	return 1;
}

static void wait_events(int count)
{
	__nsec until = ukplat_monotonic_clock() + 1000 * MS;
	unsigned long f;

	while (ev_count < count && ukplat_monotonic_clock() < until) {
		f = ukplat_lcpu_save_irqf();
		ukplat_lcpu_halt_irq_until(until);
		ukplat_lcpu_restore_irqf(f);
	}
}

static void events(unsigned int domid)
{
	uint32_t a = 0, b = 0;
	int n, m;

	n = ukplat_xen_evtchn_alloc_unbound(domid, &a);
	m = ukplat_xen_evtchn_bind_interdomain(domid, a, &b);
	printf("evtchn-pair: %d %d %d\n", n, m, a != b);
	n = ukplat_irq_register(a, on_event, (void *)0x5a);
	printf("evtchn-register: %d\n", n);
	n = ukplat_xen_evtchn_send(b);
	wait_events(1);
	printf("evtchn-send: %d count=%d arg=%#lx\n", n, ev_count, ev_arg);
	/* Masked: the event waits until the port is unmasked. */
	ukplat_xen_evtchn_mask(a);
	ukplat_xen_evtchn_send(b);
	wait_events(2);
	m = ev_count;
	ukplat_xen_evtchn_unmask(a);
	wait_events(2);
	printf("evtchn-masked: %d then %d\n", m, ev_count);
	n = ukplat_xen_evtchn_close(a);
	m = ukplat_xen_evtchn_close(b);
	printf("evtchn-close: %d %d\n", n, m);
	n = ukplat_irq_register(5000, on_event, NULL);
	printf("irq-register-bad: %d\n", n);
}

static void timer(void)
{
	__nsec t0, until, t1;
	unsigned long f;
	int wakes = 0;

	f = ukplat_lcpu_save_irqf();
	t0 = ukplat_monotonic_clock();
	until = t0 + 50 * MS;
	while (ukplat_monotonic_clock() < until && wakes < 1000) {
		ukplat_lcpu_halt_irq_until(until);
		wakes++;
	}
	t1 = ukplat_monotonic_clock();
	ukplat_lcpu_restore_irqf(f);
	/* A woken vCPU runs soon after under TCG too, but not at once. */
	printf("timer: %d\n", t1 >= until && t1 - t0 < 1000 * MS);
	printf("timer-wakes: %d\n", wakes);
}

int main(int argc, char *argv[])
{
	const char *value = argc > 1 ? argv[1] : "none";
	/* argv[2] "dom0peer": dom0 runs tests/apps/xentest/dom0/run. */
	dom0_peer = argc > 2 && !strcmp(argv[2], "dom0peer");
	unsigned int domid;
	char buf[16];
	int n;

	ukplat_lcpu_enable_irq();
	n = uk_xenstore_read("domid", buf, sizeof(buf));
	check(n > 0, "read domid");
	domid = n > 0 ? atoi(buf) : 0;
	snprintf(self, sizeof(self), "/local/domain/%u", domid);

	xenstore_basics(value);
	xenstore_watches();
	xenstore_transactions();
	grants(domid, value);
	events(domid);
	timer();
	printf("xentest: %s\n", failed ? "failed" : "done");
	return failed;
}
