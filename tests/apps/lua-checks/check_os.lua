-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local now = os.time()
	t.eq(math.type(now), "integer", "time is an integer")
	t.ok(now > 1500000000, "time after 2017 (clock set from the host)")
	t.eq(os.time({ year = 2000, month = 1, day = 1, hour = 12 }) -
		os.time({ year = 1999, month = 12, day = 31, hour = 12 }), 86400,
		"time of a table")
	local d = os.date("!*t", 86400 * 365)
	t.ok(d.year == 1971 and d.month == 1 and d.day == 1 and d.yday == 1,
		"date !*t")
	t.eq(os.date("!%Y-%m-%d %H:%M:%S", 1234567890), "2009-02-13 23:31:30",
		"date format")
	t.eq(os.date("!%A %B %j", 0), "Thursday January 001", "date names")
	t.err("invalid conversion specifier", "date bad format", os.date, "%Ez")
	t.eq(os.difftime(10, 4), 6.0, "difftime")
	local c0 = os.clock()
	local x = 0
	for i = 1, 200000 do x = x + i end
	local c1 = os.clock()
	t.ok(type(c0) == "number" and c1 >= c0, "clock advances")
	t.eq(os.getenv("LUA_CHECKS_SURELY_UNSET"), nil, "getenv unset")
	local home = os.getenv("PATH")
	t.ok(home == nil or type(home) == "string", "getenv")
	local name = os.tmpname()
	t.eq(type(name), "string", "tmpname")
	local f = assert(io.open(name, "w"))
	f:write("tmp")
	f:close()
	local moved = name .. ".moved"
	t.ok(os.rename(name, moved), "rename")
	t.eq(io.open(name), nil, "old name gone after rename")
	local g = io.open(moved)
	t.eq(g and g:read("a"), "tmp", "renamed file read")
	if g then g:close() end
	t.ok(os.remove(moved), "remove")
	local r, msg, code = os.remove(moved)
	t.ok(r == nil and msg:find("No such file") and code == 2,
		"remove missing: " .. tostring(msg))
	local r2, m2 = os.rename(moved, moved .. "x")
	t.ok(r2 == nil and m2:find("No such file"), "rename missing: " .. tostring(m2))
	t.eq(os.setlocale(), "C", "setlocale query")
	t.eq(os.setlocale("C"), "C", "setlocale C")
	t.eq(type(os.execute()), "boolean", "execute without command")
end
