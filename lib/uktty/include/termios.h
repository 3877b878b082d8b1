/* SPDX-License-Identifier: BSD-3-Clause */
/* POSIX terminal interface: the definitions are in sys/termios.h. */
#ifndef __UK_TERMIOS_H__
#define __UK_TERMIOS_H__
#include <sys/termios.h>
#endif /* __UK_TERMIOS_H__ */
