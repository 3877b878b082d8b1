-- SPDX-License-Identifier: GPL-2.0-or-later
return { value = "sub" }
