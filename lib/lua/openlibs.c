/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * luaL_openlibs: the standard libraries chosen in Kconfig, each loaded
 * into package.loaded and set as a global, as the stock linit.c does for
 * all of them. Base always comes first.
 */
#include "lprefix.h"
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"

static const luaL_Reg uk_lua_libs[] = {
	{ LUA_GNAME, luaopen_base },
#if CONFIG_LIBLUA_PACKAGE
	{ LUA_LOADLIBNAME, luaopen_package },
#endif
#if CONFIG_LIBLUA_COROUTINE
	{ LUA_COLIBNAME, luaopen_coroutine },
#endif
#if CONFIG_LIBLUA_TABLE
	{ LUA_TABLIBNAME, luaopen_table },
#endif
#if CONFIG_LIBLUA_IO
	{ LUA_IOLIBNAME, luaopen_io },
#endif
#if CONFIG_LIBLUA_OS
	{ LUA_OSLIBNAME, luaopen_os },
#endif
#if CONFIG_LIBLUA_STRING
	{ LUA_STRLIBNAME, luaopen_string },
#endif
#if CONFIG_LIBLUA_MATH
	{ LUA_MATHLIBNAME, luaopen_math },
#endif
#if CONFIG_LIBLUA_UTF8
	{ LUA_UTF8LIBNAME, luaopen_utf8 },
#endif
#if CONFIG_LIBLUA_DEBUG
	{ LUA_DBLIBNAME, luaopen_debug },
#endif
	{ NULL, NULL }
};

LUALIB_API void luaL_openlibs(lua_State *L)
{
	const luaL_Reg *lib;

	for (lib = uk_lua_libs; lib->func; lib++) {
		luaL_requiref(L, lib->name, lib->func, 1);
		lua_pop(L, 1);
	}
}
