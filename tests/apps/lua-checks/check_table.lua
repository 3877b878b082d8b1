-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local a = { 5, 2, 8, 1, 9, 3 }
	table.sort(a)
	t.eq(table.concat(a, ","), "1,2,3,5,8,9", "sort")
	table.sort(a, function(x, y) return x > y end)
	t.eq(table.concat(a, ","), "9,8,5,3,2,1", "sort with comparator")
	local big = {}
	for i = 1, 5000 do big[i] = (i * 7919) % 5003 end
	table.sort(big)
	local sorted = true
	for i = 2, #big do if big[i - 1] > big[i] then sorted = false end end
	t.ok(sorted, "sort 5000 items")
	t.err("invalid order function", "sort bad comparator", table.sort,
		{ 3, 1, 2, 5, 4, 7, 6, 9, 8, 10, 12, 11 }, function() return true end)
	local b = { 1, 2, 3 }
	table.insert(b, 4)
	table.insert(b, 1, 0)
	t.eq(table.concat(b, ""), "01234", "insert")
	t.eq(table.remove(b), 4, "remove last")
	t.eq(table.remove(b, 1), 0, "remove first")
	t.eq(table.concat(b, ""), "123", "after remove")
	t.err("position out of bounds", "insert out of bounds", table.insert,
		b, 9, 1)
	t.eq(table.concat({ 1, 2, 3 }, "-", 2, 3), "2-3", "concat range")
	t.eq(table.concat({}), "", "concat empty")
	t.err("invalid value", "concat of a table", table.concat, { {} })
	local p = table.pack(1, nil, 3)
	t.eq(p.n, 3, "pack n")
	t.eq(select("#", table.unpack({ 1, 2, 3 })), 3, "unpack")
	t.eq(select(2, table.unpack({ 1, 2, 3 }, 2, 3)), 3, "unpack range")
	local m = table.move({ 1, 2, 3 }, 1, 3, 2)
	t.eq(table.concat(m, ""), "1123", "move overlapping")
	local dst = table.move({ 7, 8 }, 1, 2, 1, {})
	t.eq(dst[2], 8, "move to another table")
	local proxy = setmetatable({}, { __index = function(_, i)
		if i <= 3 then return i * 10 end end, __len = function() return 3 end })
	t.eq(table.concat(proxy, ","), "10,20,30", "concat honours metamethods")
	t.eq(#{ 1, 2, 3, nil }, 3, "length")
	local keys = {}
	for i = 1, 100 do keys["k" .. i] = i end
	local sum = 0
	for _, v in pairs(keys) do sum = sum + v end
	t.eq(sum, 5050, "hash part")
end
