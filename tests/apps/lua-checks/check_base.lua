-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	t.eq(_VERSION, "Lua 5.4", "_VERSION")
	t.eq(type(print), "function", "type")
	t.eq(tostring(nil), "nil", "tostring nil")
	t.eq(tonumber("0x10"), 16, "tonumber hex")
	t.eq(tonumber("z", 36), 35, "tonumber base 36")
	t.eq(tonumber("1e2"), 100.0, "tonumber float")
	t.eq(tonumber("  12  "), 12, "tonumber blanks")
	t.eq(tonumber("12a"), nil, "tonumber junk")
	t.eq(math.type(3 // 1), "integer", "integer division")
	t.eq(select("#", 1, nil, 3), 3, "select #")
	t.eq(select(-1, 1, 2, 3), 3, "select negative")
	local tb = setmetatable({}, { __index = function(_, k) return k * 2 end })
	t.eq(tb[21], 42, "__index")
	t.eq(rawget(tb, 21), nil, "rawget")
	t.eq(rawlen({ 1, 2, 3 }), 3, "rawlen")
	t.ok(rawequal(tb, tb), "rawequal")
	local ok, e = pcall(error, { code = 7 })
	t.ok(not ok and e.code == 7, "error with a table")
	t.err("^boom$", "error level 0", error, "boom", 0)
	local msgs = {}
	t.eq(select(2, xpcall(function() error("x") end,
		function(m) msgs[#msgs + 1] = m; return "handled" end)),
		"handled", "xpcall handler")
	t.eq(load("return 1 + 2")(), 3, "load string")
	local parts = { "return ", "4", "*5" }
	local i = 0
	t.eq(load(function() i = i + 1; return parts[i] end)(), 20,
		"load function")
	local f, m = load("x = ")
	t.ok(f == nil and m:find("unexpected symbol near <eof>"),
		"load syntax error")
	t.eq(load("return y", "chunk", "t", { y = 9 })(), 9, "load env")
	t.err("attempt to load a text chunk", "load mode",
		function() assert(load("return 1", "c", "b")) end)
	local bin = string.dump(function(a) return a * 3 end)
	t.eq(load(bin, "bin", "b")(5), 15, "load binary chunk")
	local n = 0
	for k, v in pairs({ a = 1, b = 2, 3 }) do n = n + 1 end
	t.eq(n, 3, "pairs")
	local s = 0
	for i, v in ipairs({ 5, 6, nil, 8 }) do s = s + v end
	t.eq(s, 11, "ipairs stops at nil")
	t.eq(next({}), nil, "next empty")
	local weak = setmetatable({}, { __mode = "k" })
	weak[{}] = 1
	collectgarbage()
	collectgarbage()
	t.eq(next(weak), nil, "weak keys collected")
	t.eq(type(collectgarbage("count")), "number", "collectgarbage count")
	t.eq(collectgarbage("isrunning"), true, "collectgarbage isrunning")
	local closed = false
	do
		local x <close> = setmetatable({}, { __close = function() closed = true end })
	end
	t.ok(closed, "to-be-closed variable")
	local c <const> = 5
	t.eq(c, 5, "const variable")
	local gone = false
	do setmetatable({}, { __gc = function() gone = true end }) end
	collectgarbage()
	collectgarbage()
	t.ok(gone, "__gc finalizer")
	t.eq(2^53 == 2^53 + 1, true, "float precision")
	t.eq(math.maxinteger + 1, math.mininteger, "integer wrap-around")
	t.eq(7 // 2, 3, "floor division")
	t.eq(-7 % 3, 2, "modulo sign")
	t.eq(3 | 5, 7, "bitwise or")
	t.eq(1 << 62, 0x4000000000000000, "shift")
	t.eq("10" + 1, 11, "string coercion")
	t.eq(10 .. "", "10", "number to string")
	t.eq(1e15 .. "", "1e+15", "float to string")
	t.eq(assert(1, "m"), 1, "assert passes values")
	t.err("^custom$", "assert message", assert, false, "custom")
end
