-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local function near(x, y) return math.abs(x - y) < 1e-12 end
	t.ok(near(math.pi, 3.141592653589793), "pi")
	t.eq(math.huge, 1 / 0, "huge")
	t.ok(math.maxinteger == 0x7fffffffffffffff, "maxinteger")
	t.eq(math.floor(-3.5), -4, "floor")
	t.eq(math.ceil(-3.5), -3, "ceil")
	t.eq(math.type(math.floor(2.5)), "integer", "floor gives integer")
	t.eq(math.abs(math.mininteger), math.mininteger, "abs of mininteger")
	t.eq(math.max(3, 9, 1), 9, "max")
	t.eq(math.min(3, 9, 1), 1, "min")
	t.ok(near(math.sqrt(2), 1.4142135623730951), "sqrt")
	t.ok(near(math.sin(math.pi / 6), 0.5), "sin")
	t.ok(near(math.cos(0), 1), "cos")
	t.ok(near(math.tan(math.pi / 4), 1), "tan")
	t.ok(near(math.asin(1), math.pi / 2), "asin")
	t.ok(near(math.acos(0), math.pi / 2), "acos")
	t.ok(near(math.atan(1, 1), math.pi / 4), "atan two args")
	t.ok(near(math.exp(1), 2.718281828459045), "exp")
	t.ok(near(math.log(100, 10), 2), "log base 10")
	t.ok(near(math.log(8, 2), 3), "log base 2")
	t.ok(near(math.log(math.exp(2)), 2), "log natural")
	t.eq(math.fmod(7, 3), 1, "fmod")
	t.eq(math.fmod(-7, 3), -1, "fmod sign")
	t.err("zero", "fmod by zero", math.fmod, 1, 0)
	local i, f = math.modf(3.75)
	t.ok(i == 3 and f == 0.75, "modf")
	t.eq(math.tointeger(3.0), 3, "tointeger")
	t.eq(math.tointeger(3.5), nil, "tointeger fraction")
	t.ok(math.ult(1, -1), "ult")
	t.eq(math.type(1), "integer", "type integer")
	t.eq(math.type(1.0), "float", "type float")
	t.eq(math.type("1"), nil, "type string")
	t.ok(0 / 0 ~= 0 / 0, "nan")
	t.eq(tostring(-(0 / 0)):match("nan") ~= nil, true, "nan prints")
	t.eq(tostring(1 / 0), "inf", "inf prints")
	t.eq(3 / 2, 1.5, "float division")
	t.eq(2 ^ 10, 1024.0, "power")
	math.randomseed(42)
	local r1 = { math.random(100), math.random(100), math.random() }
	math.randomseed(42)
	local r2 = { math.random(100), math.random(100), math.random() }
	t.ok(r1[1] == r2[1] and r1[2] == r2[2] and r1[3] == r2[3],
		"randomseed repeats")
	local inrange = true
	for _ = 1, 1000 do
		local x = math.random(5, 10)
		if x < 5 or x > 10 then inrange = false end
	end
	t.ok(inrange, "random range")
	local fl = math.random()
	t.ok(fl >= 0 and fl < 1, "random float")
	t.err("interval is empty", "random empty interval", math.random, 2, 1)
	t.eq(math.floor(1e100) == 1e100, true, "floor of big float")
	t.eq(string.format("%.17g", 0.1 + 0.2), "0.30000000000000004", "float printing")
	t.eq(tonumber("0x1p4"), 16.0, "hex float")
	t.eq(8 // 0.0, math.huge, "floor division by zero float")
	t.err("attempt to divide by zero", "integer floor division by zero",
		function(z) return 1 // z end, 0)
	t.err("attempt to perform 'n%%0'", "integer modulo by zero",
		function(z) return 1 % z end, 0)
end
