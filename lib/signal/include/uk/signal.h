/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_SIGNAL_H__
#define __UK_SIGNAL_H__

/*
 * Delivers what is pending and not blocked (an expired alarm timer
 * included). Returns 1 when a handler without SA_RESTART ran (a waiting
 * call then fails with EINTR), else 0. Called at the safe points.
 */
int uk_signal_deliver(void);

/* uk_signal_fault() is the platforms' hook: see uk/plat/fault.h. */

#endif /* __UK_SIGNAL_H__ */
