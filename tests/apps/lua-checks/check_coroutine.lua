-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local co = coroutine.create(function(a, b)
		local c = coroutine.yield(a + b)
		local d, e = coroutine.yield(c * 2)
		return d + e
	end)
	t.eq(select(2, coroutine.resume(co, 1, 2)), 3, "first yield")
	t.eq(select(2, coroutine.resume(co, 10)), 20, "second yield")
	t.eq(select(2, coroutine.resume(co, 3, 4)), 7, "return")
	t.eq(coroutine.status(co), "dead", "status dead")
	local ok, msg = coroutine.resume(co)
	t.ok(not ok and msg:find("cannot resume dead coroutine"), "resume dead")
	local gen = coroutine.wrap(function()
		for i = 1, 3 do coroutine.yield(i) end
	end)
	t.eq(gen() + gen() + gen(), 6, "wrap")
	local bad = coroutine.create(function() error("inside") end)
	local ok2, m2 = coroutine.resume(bad)
	t.ok(not ok2 and m2:find("inside"), "error in coroutine")
	t.eq(coroutine.isyieldable(), false, "main is not yieldable")
	local inner
	inner = coroutine.create(function()
		t.eq(coroutine.status(inner), "running", "status running")
		t.eq(coroutine.isyieldable(), true, "coroutine is yieldable")
		local _, ismain = coroutine.running()
		t.eq(ismain, false, "running in a coroutine")
		coroutine.yield()
	end)
	coroutine.resume(inner)
	t.eq(coroutine.status(inner), "suspended", "status suspended")
	local closed = false
	local cl = coroutine.create(function()
		local x <close> = setmetatable({}, { __close = function() closed = true end })
		coroutine.yield()
	end)
	coroutine.resume(cl)
	t.ok(coroutine.close(cl) and closed, "close runs pending closes")
	-- yield across pcall and a metamethod, and many coroutines
	local across = coroutine.wrap(function()
		pcall(function() coroutine.yield("from pcall") end)
		local mt = setmetatable({}, { __add = function()
			return coroutine.yield("from __add") end })
		local _ = mt + 1
		return "done"
	end)
	t.eq(across(), "from pcall", "yield across pcall")
	t.eq(across(), "from __add", "yield across a metamethod")
	t.eq(across(), "done", "after the yields")
	local sum = 0
	local cos = {}
	for i = 1, 1000 do
		cos[i] = coroutine.wrap(function() coroutine.yield(i); return 0 end)
	end
	for i = 1, 1000 do sum = sum + cos[i]() end
	t.eq(sum, 500500, "1000 coroutines")
	t.err("attempt to yield from outside a coroutine", "yield outside",
		coroutine.yield)
end
