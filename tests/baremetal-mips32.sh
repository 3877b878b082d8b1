#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The MIPS Malta board (baremetal on mips32 and mips32el) under
# qemu-system-mips(el): helloworld prints, gets its arguments and leaves
# through the PIIX4 power-off (status 0: QEMU must stop even without
# -no-reboot) or the reset path (status N: last line "malta: exit status
# N", turned into N by the run script); a self-test app built with UHI
# semihosting exit checks the clock against the host's, the one-shot
# timer behind ukplat_lcpu_halt_irq_until, IRQ registration (software
# interrupt line 0), the context switch, atomics, the RTC wall clock, and
# the crash dump of a TLB miss and a divide-by-zero trap (status 125
# through semihosting).
. "$(dirname "$0")/lib.sh"
need mips-linux-gnu-gcc mipsel-linux-gnu-gcc qemu-system-mips \
	qemu-system-mipsel
run=$UK_ROOT/support/scripts/uk-run
arches="mips32:MIPS_BIG_ENDIAN:qemu-system-mips
mips32el:MIPS_LITTLE_ENDIAN:qemu-system-mipsel"

# The self-test application.
st_src=$T_DIR/selftest-src
mkdir -p "$st_src"
cat >"$st_src/Makefile" <<'MK'
UK_ROOT ?= /nonexistent
include $(UK_ROOT)/Makefile
MK
sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$st_src/Makefile"
cat >"$st_src/Makefile.uk" <<'MK'
$(eval $(call addlib,appselftest))
APPSELFTEST_SRCS-y += $(APPSELFTEST_BASE)/main.c
MK
cat >"$st_src/Config.uk" <<'MK'
config APPSELFTEST
	bool
	default y
	select LIBNOLIBC if !LIBNEWLIB
	select LIBUKBOOT
MK
cat >"$st_src/main.c" <<'C'
/* SPDX-License-Identifier: BSD-3-Clause */
/* Malta platform self-test: clock, one-shot timer, IRQ lines, context
 * switch, atomics. Prints one "ok"/"FAIL" line per check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/arch/atomic.h>
#include <uk/arch/lcpu.h>
#include <uk/asm/ctx.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>

static int fails;
#define CHECK(c, ...)                                \
	do {                                         \
		int ok_ = (c);                       \
		printf("%s: ", ok_ ? "ok" : "FAIL"); \
		printf(__VA_ARGS__);                 \
		printf("\n");                        \
		fails += !ok_;                       \
	} while (0)

static volatile int swi_hits;
static int swi_handler(void *arg)
{
	/* Clear the software interrupt request (Cause.IP0). */
	mips32_cp0_write(CP0_CAUSE, mips32_cp0_read(CP0_CAUSE) & ~0x100);
	swi_hits += (int)(long)arg;

	return 1;
}

static struct ukarch_ctx main_ctx, th_ctx;
static char th_stack[4096] __attribute__((aligned(8)));
static volatile int pingpong;

static void thread(void *arg)
{
	for (;;) {
		pingpong += (int)(long)arg;
		ukarch_ctx_switch(&th_ctx, &main_ctx);
	}
}

int main(int argc, char *argv[])
{
	__nsec t0, t1, until;
	int wakeups = 0;
	unsigned long v = 5, exp = 5;
	long sleep_ms = 200;

	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "sleep=", 6))
			sleep_ms = atol(argv[i] + 6);
		if (!strcmp(argv[i], "crash=tlb")) {
			volatile uintptr_t kuseg = 0x10; /* mapped: no TLB */
			v = *(volatile unsigned long *)kuseg;
		}
		if (!strcmp(argv[i], "crash=adel"))
			v = *(volatile unsigned long *)(argv[i] + 1); /* AdEL */
		if (!strcmp(argv[i], "crash=ri"))
			__asm__ __volatile__(".word 0x0000003f"); /* dsra32 */
		if (!strcmp(argv[i], "crash=divzero")) {
			volatile int z = 0;
			v = 1000 / z; /* GCC's divide check: teq -> trap */
		}
	}

	t0 = ukplat_monotonic_clock();
	for (volatile int i = 0; i < 100000; i++)
		;
	t1 = ukplat_monotonic_clock();
	CHECK(t1 > t0, "clock advances (%lld ns for a busy loop)",
	      (long long)(t1 - t0));

	/*
	 * Sleep in one-shot steps until the deadline, a long and a short
	 * time: the timer must end each sleep, not some later interrupt or
	 * a wake-up guard (woken within 500 ms: QEMU here is 1-16 ms late).
	 */
	ukplat_lcpu_disable_irq();
	for (int s = 0; s < 2; s++) {
		long ms = s ? 20 : sleep_ms;

		wakeups = 0;
		t0 = ukplat_monotonic_clock();
		until = t0 + ukarch_time_msec_to_nsec(ms);
		while (ukplat_monotonic_clock() < until && wakeups < 1000) {
			ukplat_lcpu_halt_irq_until(until);
			wakeups++;
		}
		t1 = ukplat_monotonic_clock();
		CHECK(t1 >= until && t1 - until < 500000000LL && wakeups < 10,
		      "slept %lld us for %ld ms in %d wakeup(s)",
		      (long long)(t1 - t0) / 1000, ms, wakeups);
	}
	CHECK(ukplat_lcpu_irqs_disabled(), "halt returns with IRQs off");

	/* A software interrupt (line 0) reaches a registered handler. */
	CHECK(ukplat_irq_register(0, swi_handler, (void *)3L) == 0,
	      "irq_register line 0");
	CHECK(ukplat_irq_register(8, swi_handler, NULL) < 0,
	      "irq_register rejects line 8");
	mips32_cp0_write(CP0_CAUSE, mips32_cp0_read(CP0_CAUSE) | 0x100);
	CHECK(swi_hits == 0, "masked while IRQs are off");
	ukplat_lcpu_enable_irq();
	for (volatile int i = 0; i < 1000 && !swi_hits; i++)
		;
	ukplat_lcpu_disable_irq();
	CHECK(swi_hits == 3, "software interrupt handled (%d)", swi_hits);

	/* Context switch ping-pong. */
	ukarch_ctx_init(&th_ctx, th_stack + sizeof(th_stack), thread,
			(void *)7L);
	for (int i = 0; i < 3; i++)
		ukarch_ctx_switch(&main_ctx, &th_ctx);
	CHECK(pingpong == 21, "context switch ping-pong (%d)", pingpong);

	CHECK(uk_fetch_add(&v, 2) == 5 && v == 7, "atomic fetch_add");
	CHECK(!uk_compare_exchange_n(&v, &exp, 9) && exp == 7 &&
		      uk_compare_exchange_n(&v, &exp, 9) && v == 9,
	      "atomic compare_exchange");
	printf("wall: %lld\n",
	       (long long)(ukplat_wall_clock() / UKPLAT_NSEC_PER_SEC));
	printf("selftest: %s\n", fails ? "FAILED" : "passed");
	return fails ? 1 : 0;
}
C

# helloworld (power-off/reset exit) for each endianness is built once by
# tests/prepare; the self-test (semihosting exit) here, both in parallel.
# uses_shared: helloworld_baremetal-mips32 helloworld_baremetal-mips32el
pids=()
while IFS=: read -r arch endian qemu; do
	st=$T_DIR/$arch/selftest
	mkdir -p "$T_DIR/$arch"
	cp -r "$st_src" "$st"
	( config "$st" CONFIG_ARCH_MIPS_32=y "CONFIG_$endian=y" \
		CONFIG_PLAT_BAREMETAL=y CONFIG_PLAT_LINUXU=n \
		CONFIG_MALTA_SEMIHOSTING_EXIT=y &&
	  mk "$st" ) || { echo "selftest $arch" >>"$T_DIR/build-failed"; } &
	pids+=($!)
done <<<"$arches"
wait "${pids[@]}"
[ -f "$T_DIR/build-failed" ] &&
	fail "build failed: $(paste -sd, "$T_DIR/build-failed"): $(tail -5 "$T_DIR/make.log")"

# boot NAME CMD...: in the background, output (CRs dropped) in NAME.out,
# exit status in NAME.rc, wall time in ms in NAME.ms.
boot() {
	local name=$1
	shift
	(
		t0=$(date +%s%N)
		run_timeout 60 "$@" </dev/null 2>&1 | tr -d '\r' >"$T_DIR/$name.out"
		echo "${PIPESTATUS[0]}" >"$T_DIR/$name.rc"
		echo $((($(date +%s%N) - t0) / 1000000)) >"$T_DIR/$name.ms"
	) &
}
rc_of() { cat "$T_DIR/$1.rc"; }

while IFS=: read -r arch endian qemu; do
	shared_image hello "helloworld_baremetal-$arch"
	st=$T_DIR/$arch/selftest/build/selftest_baremetal-$arch
	for f in "$hello" "$hello.dbg" "$hello.map" "$st"; do
		[ -s "$f" ] || fail "missing output $f"
	done
	want=$([ "$arch" = mips32 ] && echo MSB || echo LSB)
	file "$hello" | grep -q "ELF 32-bit $want executable, MIPS, MIPS32 rel2" ||
		fail "$hello: not a $want MIPS32r2 ELF: $(file -b "$hello")"
	mips-linux-gnu-readelf -h "$hello" | grep -q 'Entry point address: *0x80100000' ||
		fail "$hello: entry is not 0x80100000"

	boot "$arch-args" "$run" "$hello" first "two words" "it's" status=0
	boot "$arch-status" "$run" "$hello" status=7
	# Power-off must stop QEMU by itself: no -no-reboot, no semihosting.
	boot "$arch-poweroff" "$qemu" -M malta -nodefaults -no-user-config \
		-display none -serial stdio -kernel "$hello" -append "off"
	boot "$arch-self" "$run" "$st" sleep=1000
	boot "$arch-tlb" "$run" "$st" crash=tlb
	boot "$arch-div" "$run" "$st" crash=divzero
done <<<"$arches"
wait

while IFS=: read -r arch endian qemu; do
	o=$T_DIR/$arch
	[ "$(rc_of "$arch-args")" = 0 ] ||
		fail "$arch: status $(rc_of "$arch-args"), expected 0: $(tail -3 "$o-args.out")"
	expect_line "$o-args.out" "Hello world!"
	expect_line "$o-args.out" "arg[1]: first"
	expect_line "$o-args.out" "arg[2]: two words"
	expect_line "$o-args.out" "arg[3]: it's"
	expect_line "$o-args.out" "arg[4]: status=0"
	grep -q '^malta:' "$o-args.out" && fail "$arch: status 0 took the reset path"

	[ "$(rc_of "$arch-status")" = 7 ] ||
		fail "$arch: status $(rc_of "$arch-status"), expected 7"
	[ "$(tail -1 "$o-status.out")" = "malta: exit status 7" ] ||
		fail "$arch: last line is not 'malta: exit status 7'"

	[ "$(rc_of "$arch-poweroff")" = 0 ] ||
		fail "$arch: PIIX4 power-off did not stop QEMU (status $(rc_of "$arch-poweroff"))"
	expect_line "$o-poweroff.out" "arg[1]: off"

	[ "$(rc_of "$arch-self")" = 0 ] ||
		fail "$arch: self-test status $(rc_of "$arch-self"): $(grep -v '^ok' "$o-self.out" | head -3)"
	expect_line "$o-self.out" "selftest: passed"
	# Wall clock from the RTC: the host's UTC time, give or take.
	wall=$(sed -n 's/^wall: //p' "$o-self.out")
	[ -n "$wall" ] && [ $((wall - $(date +%s))) -lt 30 ] &&
		[ $(($(date +%s) - wall)) -lt 90 ] ||
		fail "$arch: wall clock ${wall:-missing}, host $(date +%s)"
	# The guest slept 1 s by its own clock: at least ~1 s passed here.
	[ "$(cat "$o-self.ms")" -ge 900 ] ||
		fail "$arch: a 1 s guest sleep took $(cat "$o-self.ms") ms of host time (Count rate wrong?)"

	[ "$(rc_of "$arch-tlb")" = 125 ] ||
		fail "$arch: TLB crash status $(rc_of "$arch-tlb"), expected 125"
	expect_line "$o-tlb.out" "CRASH: exception TLB miss on load/fetch (TLBL)"
	grep -q '^EPC=801[0-9a-f]\{5\}  Cause=[0-9a-f]\{6\}08  BadVAddr=00000010  Status=' "$o-tlb.out" ||
		fail "$arch: no EPC/Cause/BadVAddr line for the TLB miss"
	grep -q '^t8=[0-9a-f]\{8\}  t9=[0-9a-f]\{8\}  k0=00000000  k1=00000000$' "$o-tlb.out" ||
		fail "$arch: register dump incomplete"
	expect_line "$o-tlb.out" "malta: crash"

	[ "$(rc_of "$arch-div")" = 125 ] ||
		fail "$arch: divide-by-zero status $(rc_of "$arch-div"), expected 125"
	expect_line "$o-div.out" "CRASH: exception trap"
done <<<"$arches"

# make run boots the Malta image with the app's arguments and status.
shared_image el helloworld_baremetal-mips32el
make -C "${el%/build/*}" run P=baremetal ARGS="via-run status=3" \
	>"$T_DIR/run.out" 2>&1 </dev/null
expect_line <(tr -d '\r' <"$T_DIR/run.out") "arg[1]: via-run"
grep -q 'Error 3$' "$T_DIR/run.out" || fail "make run did not carry status 3"
echo "ok"
