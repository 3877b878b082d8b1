-- SPDX-License-Identifier: GPL-2.0-or-later
-- Deep recursion: nested C calls up to Lua's own limit (LUAI_MAXCCALLS,
-- 200) must fit the C stack, and running past a limit must be Lua's
-- "stack overflow" error, never a crash.
return function(t)
	-- pcall nesting: a C call at each level; deepest level reached
	local deepest = 0
	local function nest(n)
		deepest = n
		local ok, err = pcall(nest, n + 1)
		if not ok then error(err, 0) end
	end
	local ok, err = pcall(nest, 1)
	t.ok(not ok and tostring(err):find("stack overflow"),
		"pcall nesting ends with Lua's error: " .. tostring(err))
	t.ok(deepest >= 190, "pcall nesting reached " .. deepest .. " levels")
	-- 190 nested pcalls work (the front end takes a few levels)
	local function down(n)
		if n == 0 then return "bottom" end
		local ok2, v = pcall(down, n - 1)
		assert(ok2, v)
		return v
	end
	t.eq(down(190), "bottom", "190 nested pcalls")
	-- C calls that take more C stack: gsub calling back into Lua
	local depth = 0
	local function g(s)
		depth = depth + 1
		return (s:gsub(".", g))
	end
	local ok3, err3 = pcall(g, "x")
	t.ok(not ok3 and tostring(err3):find("stack overflow"),
		"gsub nesting: " .. tostring(err3))
	t.ok(depth >= 190, "gsub nesting reached " .. depth .. " levels")
	-- sort comparator calling sort
	local function sorter(n)
		if n == 0 then return end
		table.sort({ 3, 1, 2 }, function(a, b) sorter(n - 1); return a < b end)
	end
	t.ok(pcall(sorter, 4), "nested sort")
	-- Lua-to-Lua recursion: deep is fine, infinite is an error
	local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
	t.eq(sum(100000), 5000050000, "100000 Lua levels")
	local function inf(n) return 1 + inf(n + 1) end
	local ok4, err4 = pcall(inf, 1)
	t.ok(not ok4 and tostring(err4):find("stack overflow"),
		"infinite recursion: " .. tostring(err4))
	-- and the state is usable afterwards
	t.eq(down(50), "bottom", "pcalls after the overflows")
	local co = coroutine.wrap(function() return pcall(nest, 1) end)
	local okc, errc = co()
	t.ok(not okc and tostring(errc):find("stack overflow"),
		"pcall nesting in a coroutine: " .. tostring(errc))
end
