-- SPDX-License-Identifier: GPL-2.0-or-later
-- Loaded by check_package.lua with require.
LUA_CHECKS_LOADS = (LUA_CHECKS_LOADS or 0) + 1
return { answer = 42, name = ..., loads = LUA_CHECKS_LOADS }
