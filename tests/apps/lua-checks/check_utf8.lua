-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local s = "h\u{e9}llo \u{20ac}\u{1F600}"
	t.eq(utf8.len(s), 8, "len")
	t.eq(#s, 1 + 2 + 3 + 1 + 3 + 4, "bytes")
	t.eq(utf8.char(72, 0xe9, 0x20ac), "H\xc3\xa9\xe2\x82\xac", "char")
	t.eq(utf8.codepoint(s, 2), 0xe9, "codepoint")
	t.eq(utf8.offset(s, 3), 4, "offset")
	t.eq(utf8.offset(s, -1), #s - 3, "offset from the end")
	local cps = {}
	for p, c in utf8.codes(s) do cps[#cps + 1] = c end
	t.eq(cps[8], 0x1F600, "codes")
	t.eq(#cps, 8, "codes count")
	local n, at = utf8.len("ab\xffcd")
	t.ok(n == nil and at == 3, "len of invalid byte")
	t.err("invalid UTF%-8 code", "codes of invalid", function()
		for _ in utf8.codes("a\xff") do end end)
	t.eq(utf8.charpattern, "[\0-\x7F\xC2-\xFD][\x80-\xBF]*", "charpattern")
	local count = 0
	for _ in s:gmatch(utf8.charpattern) do count = count + 1 end
	t.eq(count, 8, "charpattern with gmatch")
	t.eq(utf8.len("\u{7FFFFFFF}", 1, -1, true), 1, "lax mode")
end
