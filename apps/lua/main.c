/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The application is Lua's own interpreter: lua.c from the fetched
 * sources (lib/lua), unmodified, compiled here so that its main() is
 * this application's.
 */
#include "lua.c"
