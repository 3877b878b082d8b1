/* SPDX-License-Identifier: BSD-3-Clause */
/* The historical name of <poll.h>. */
#include <poll.h>
