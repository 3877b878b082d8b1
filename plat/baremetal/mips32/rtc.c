/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wall clock: the PIIX4's MC146818-compatible RTC (ISA ports 0x70/0x71),
 * read once at boot; afterwards wall time advances with the monotonic
 * clock. The RTC keeps UTC (QEMU's default -rtc base=utc).
 */
#include <uk/plat/time.h>
#include <malta/malta.h>

#define RTC_INDEX 0x70
#define RTC_DATA 0x71
#define RTC_SEC 0x00
#define RTC_MIN 0x02
#define RTC_HOUR 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY 0x32
#define STA_UIP 0x80 /* an update is due within 244 us */
#define STB_24H 0x02
#define STB_BINARY 0x04
#define HOUR_PM 0x80

static __nsec boot_wall_ns;

static uint8_t rtc_read(uint8_t reg)
{
	malta_outb(RTC_INDEX, reg);
	return malta_inb(RTC_DATA);
}

struct rtc_time {
	uint8_t sec, min, hour, day, month, year, century;
};

static void rtc_snapshot(struct rtc_time *t)
{
	while (rtc_read(RTC_STATUS_A) & STA_UIP)
		;
	t->sec = rtc_read(RTC_SEC);
	t->min = rtc_read(RTC_MIN);
	t->hour = rtc_read(RTC_HOUR);
	t->day = rtc_read(RTC_DAY);
	t->month = rtc_read(RTC_MONTH);
	t->year = rtc_read(RTC_YEAR);
	t->century = rtc_read(RTC_CENTURY);
}

static unsigned int bcd(uint8_t v)
{
	return (v >> 4) * 10 + (v & 0xf);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), with March as the
 * first month of a computational year so February comes last. */
static int64_t days_since_epoch(int y, unsigned int m, unsigned int d)
{
	int era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int64_t)era * 146097 + doe - 719468;
}

void malta_rtc_init(void)
{
	struct rtc_time a, b;
	uint8_t stb = rtc_read(RTC_STATUS_B);
	unsigned int sec, min, hour, day, month, year, century;
	int pm;

	/* Two equal snapshots: no update happened in between. */
	do {
		rtc_snapshot(&a);
		rtc_snapshot(&b);
	} while (a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
		 a.day != b.day || a.month != b.month || a.year != b.year);

	pm = !(stb & STB_24H) && (a.hour & HOUR_PM);
	a.hour &= ~HOUR_PM;
	if (stb & STB_BINARY) {
		sec = a.sec, min = a.min, hour = a.hour;
		day = a.day, month = a.month, year = a.year;
		century = a.century;
	} else {
		sec = bcd(a.sec), min = bcd(a.min), hour = bcd(a.hour);
		day = bcd(a.day), month = bcd(a.month), year = bcd(a.year);
		century = bcd(a.century);
	}
	if (!(stb & STB_24H))
		hour = hour % 12 + (pm ? 12 : 0);
	/* No century register: assume 1970-2069. */
	if (century < 19 || century > 99)
		century = year < 70 ? 20 : 19;
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return; /* no sensible date: wall time starts at 0 */
	boot_wall_ns =
		(days_since_epoch((int)(century * 100 + year), month, day) *
			 86400 +
		 hour * 3600 + min * 60 + sec) *
		UKPLAT_NSEC_PER_SEC;
}

__nsec ukplat_wall_clock(void)
{
	return boot_wall_ns + ukplat_monotonic_clock();
}
