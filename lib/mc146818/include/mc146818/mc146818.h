/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The MC146818-compatible real-time clock of PCs and of the Malta's PIIX4
 * (lib/mc146818): read once at boot for the wall clock.
 */
#ifndef __MC146818_H__
#define __MC146818_H__

#include <stdint.h>
#include <uk/plat/time.h>

/* Reads RTC register reg (through index port 0x70 and data port 0x71). */
typedef uint8_t (*mc146818_read_fn)(uint8_t reg);

/*
 * The RTC's date and time (kept in UTC) in ns since 1970-01-01, or 0 when
 * there is no RTC or it holds no sensible date.
 */
__nsec mc146818_epoch_ns(mc146818_read_fn read);

#endif /* __MC146818_H__ */
