/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MC146818 RTC: its registers hold the date in BCD or binary and the hour
 * in 24- or 12-hour form, as status register B says. The date is read
 * twice until both reads agree, so that an update between two registers
 * cannot mix two seconds (or two days).
 */
#include <mc146818/mc146818.h>

#define RTC_SEC 0x00
#define RTC_MIN 0x02
#define RTC_HOUR 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY 0x32 /* the ACPI FADT's usual century register */
#define STA_UIP 0x80 /* an update is due within 244 us */
#define STB_24H 0x02
#define STB_BINARY 0x04
#define HOUR_PM 0x80
/* An absent RTC reads as all ones, with UIP set for ever. */
#define UIP_TRIES 100000

struct rtc_time {
	uint8_t sec, min, hour, day, month, year, century;
};

static int rtc_snapshot(mc146818_read_fn read, struct rtc_time *t)
{
	int tries = UIP_TRIES;

	while ((read(RTC_STATUS_A) & STA_UIP) && --tries)
		;
	if (!tries)
		return -1;
	t->sec = read(RTC_SEC);
	t->min = read(RTC_MIN);
	t->hour = read(RTC_HOUR);
	t->day = read(RTC_DAY);
	t->month = read(RTC_MONTH);
	t->year = read(RTC_YEAR);
	t->century = read(RTC_CENTURY);
	return 0;
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

__nsec mc146818_epoch_ns(mc146818_read_fn read)
{
	struct rtc_time a, b;
	uint8_t stb = read(RTC_STATUS_B);
	unsigned int sec, min, hour, day, month, year, century;
	int pm, tries = 10;

	do {
		if (rtc_snapshot(read, &a) || rtc_snapshot(read, &b))
			return 0;
	} while ((a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
		  a.day != b.day || a.month != b.month || a.year != b.year) &&
		 --tries);

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
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
	    min > 59 || sec > 59)
		return 0; /* no sensible date */
	return (days_since_epoch((int)(century * 100 + year), month, day) *
			86400 +
		hour * 3600 + min * 60 + sec) *
	       UKPLAT_NSEC_PER_SEC;
}
