-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local s = "hello world"
	t.eq(#s, 11, "length")
	t.eq(s:upper(), "HELLO WORLD", "upper")
	t.eq(("ABC"):lower(), "abc", "lower")
	t.eq(s:sub(1, 5), "hello", "sub")
	t.eq(s:sub(-5), "world", "sub negative")
	t.eq(s:sub(20), "", "sub past the end")
	t.eq(("ab"):rep(3, ","), "ab,ab,ab", "rep with separator")
	t.eq(("abc"):reverse(), "cba", "reverse")
	t.eq(("A"):byte(), 65, "byte")
	t.eq(string.char(72, 105), "Hi", "char")
	t.eq(select("#", ("abc"):byte(1, -1)), 3, "byte range")
	-- find, match, gmatch, gsub
	t.eq(s:find("o w"), 5, "find plain")
	t.eq(select(2, s:find("o", 6)), 8, "find from init")
	t.eq(("a.b"):find(".", 1, true), 2, "find plain flag")
	t.eq(s:match("(%a+) (%a+)"), "hello", "match captures")
	t.eq(select(2, s:match("(%a+) (%a+)")), "world", "second capture")
	t.eq(("key = value"):match("^(%w+)%s*=%s*(%w+)$"), "key", "anchored match")
	t.eq(("  trim  "):match("^%s*(.-)%s*$"), "trim", "lazy match")
	t.eq(("abc"):match("()b()"), 2, "position capture")
	t.eq(("THE (quick) fox"):find("%((%a+)%)"), 5, "escaped parens")
	t.eq(("f(a(b)c)d"):match("%b()"), "(a(b)c)", "balanced %b")
	t.eq(("THE (quick) fox"):match("%f[%a]%a+", 5), "quick", "frontier %f")
	t.eq(("x=1, y=22"):gsub("%d+", function(d) return d * 2 end),
		"x=2, y=44", "gsub with function")
	t.eq(select(2, ("aaa"):gsub("a", "b", 2)), 2, "gsub count limit")
	t.eq(("hello"):gsub("(l)(l)", "%2%1<%0>"), "hell<ll>o", "gsub %0 %1 %2")
	t.eq(("$name is $age"):gsub("%$(%w+)", { name = "bob", age = 7 }),
		"bob is 7", "gsub with table")
	local words = {}
	for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
	t.eq(table.concat(words, "|"), "one|two|three", "gmatch")
	local kv = {}
	for k, v in ("a=1,b=2"):gmatch("(%w+)=(%w+)") do kv[k] = v end
	t.eq(kv.b, "2", "gmatch pairs")
	t.eq(("[x]"):gsub("[%[%]]", ""), "x", "character class with escapes")
	t.eq(("a1b2"):gsub("[^%d]", ""), "12", "negated class")
	t.eq(("aXb"):match("%u"), "X", "%u")
	t.err("malformed pattern", "bad pattern", string.find, "a", "[a")
	t.err("invalid capture index", "bad capture", string.gsub, "a", "a", "%2")
	-- format
	t.eq(("%d|%5d|%-5d|%05d"):format(42, 42, 42, 42),
		"42|   42|42   |00042", "format %d")
	t.eq(("%x %X %o"):format(255, 255, 8), "ff FF 10", "format %x %o")
	t.eq(("%.3f %e %g"):format(3.14159, 12345.678, 0.0001),
		"3.142 1.234568e+04 0.0001", "format floats")
	t.eq(("%a"):format(1.0), "0x1p+0", "format %a")
	t.eq(("%10.4s|"):format("abcdefg"), "      abcd|", "format %s width")
	t.eq(("%q"):format('a\n"b"\0'), '"a\\\n\\"b\\"\\0"', "format %q string")
	t.eq(("%q"):format(1 / 0), "1e9999", "format %q inf")
	t.eq(("%q"):format(math.mininteger), "0x8000000000000000", "format %q minint")
	t.eq(("%c%c"):format(76, 117), "Lu", "format %c")
	t.eq(("%i"):format(-7), "-7", "format %i")
	t.eq(("%%"):format(), "%", "format %%")
	t.eq(("%5.1f"):format(2.25), "  2.2", "format rounding to even")
	t.eq(("%.14g"):format(0.1), "0.1", "format %.14g")
	t.eq(("%d"):format(3.0), "3", "format %d integral float")
	t.err("number has no integer representation", "format %d of 3.5",
		string.format, "%d", 3.5)
	t.err("invalid conversion", "format bad conversion", string.format, "%y", 1)
	-- pack and unpack
	local p = string.pack("<i4", 0x01020304)
	t.eq(p, "\4\3\2\1", "pack little-endian")
	t.eq(string.pack(">i2", -2), "\255\254", "pack big-endian")
	t.eq(string.unpack("<i4", p), 0x01020304, "unpack")
	t.eq(string.packsize("i4i8"), 12, "packsize unaligned")
	t.eq(string.packsize("!8i4i8"), 16, "packsize aligned")
	local z = string.pack("z B s1", "hi", 200, "abc")
	local a, b, c, nx = string.unpack("z B s1", z)
	t.ok(a == "hi" and b == 200 and c == "abc" and nx == #z + 1, "pack z B s1")
	t.eq(string.unpack("<d", string.pack("<d", 1.5)), 1.5, "pack double")
	t.eq(string.unpack("<f", string.pack("<f", 0.25)), 0.25, "pack float")
	t.eq(string.unpack("<j", string.pack("<j", math.mininteger)),
		math.mininteger, "pack lua_Integer")
	t.eq(string.unpack("<I3", "\1\2\3"), 0x030201, "unpack I3")
	t.err("overflow", "pack overflow", string.pack, "i1", 200)
	t.err("data string too short", "unpack short", string.unpack, "i4", "ab")
	-- string metatable and coercions
	t.eq(("5") * 2, 10, "string arithmetic")
	t.eq(#string.rep("x", 100000), 100000, "long rep")
	t.eq(tostring(12):len(), 2, "method on tostring")
	t.ok(("a") < ("b") and ("Z") < ("a"), "string comparison")
end
