-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local function where() return debug.getinfo(1, "Sl") end
	local info = where()
	t.ok(info.short_src:find("check_debug.lua", 1, true), "getinfo source")
	t.eq(info.currentline, 3, "getinfo currentline")
	t.eq(info.what, "Lua", "getinfo what")
	t.eq(debug.getinfo(print).what, "C", "getinfo of a C function")
	local function named() return debug.getinfo(1, "n").name end
	t.eq(named(), "named", "getinfo name")
	local tb = debug.traceback("msg", 1)
	t.ok(tb:find("^msg\nstack traceback:\n"), "traceback")
	t.ok(tb:find("check_debug.lua:%d+"), "traceback lines")
	local function locals(a, b)
		local c = a + b
		local n1, v1 = debug.getlocal(1, 1)
		local n3, v3 = debug.getlocal(1, 3)
		return n1 .. "=" .. v1 .. "," .. n3 .. "=" .. v3
	end
	t.eq(locals(2, 3), "a=2,c=5", "getlocal")
	local up = 10
	local function f() return up end
	t.eq(select(2, debug.getupvalue(f, 1)), 10, "getupvalue")
	debug.setupvalue(f, 1, 20)
	t.eq(f(), 20, "setupvalue")
	t.eq(type(debug.upvalueid(f, 1)), "userdata", "upvalueid")
	local count = 0
	debug.sethook(function() count = count + 1 end, "", 100)
	for i = 1, 10000 do local _ = i * 2 end
	debug.sethook()
	t.ok(count > 10, "count hook ran " .. count .. " times")
	t.eq(debug.gethook(), nil, "hook removed")
	local lines = {}
	debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
	local _ = 1
	debug.sethook()
	t.ok(#lines >= 1, "line hook")
	local mt = {}
	debug.setmetatable(10, mt)
	t.eq(debug.getmetatable(10), mt, "metatable of numbers")
	debug.setmetatable(10, nil)
	local ud = io.stdout
	t.eq(type(debug.getuservalue(ud)), "nil", "getuservalue")
	t.eq(debug.getregistry()._LOADED, package.loaded, "registry")
end
