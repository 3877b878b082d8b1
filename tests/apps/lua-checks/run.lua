-- SPDX-License-Identifier: GPL-2.0-or-later
-- Checks of Lua's standard libraries, run inside the unikernel by
-- tests/lua.sh and runnable by any lua5.4: lua run.lua [DIR...]
-- Each DIR is a writable folder where the io checks also make their
-- files (a 9p or hostfs share); os.tmpname's folder is always used.
-- Prints one line per library, one line per failed check, then
-- "lua-checks: N checks, F failed" and exits 0 only when F is 0.
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. here .. "/?/init.lua;" .. package.path

local libs = { "base", "string", "table", "math", "utf8", "coroutine",
	"os", "io", "package", "debug", "stack" }
local total, failed = 0, 0

local function checker(lib)
	local t = { n = 0, bad = 0, dirs = { table.unpack(arg) }, here = here }
	local function record(ok, name, detail)
		t.n = t.n + 1
		if not ok then
			t.bad = t.bad + 1
			print(("FAIL %s: %s%s"):format(lib, name,
				detail and (": " .. detail) or ""))
		end
		return ok
	end
	function t.ok(cond, name) return record(not not cond, name) end
	function t.eq(got, want, name)
		return record(got == want, name, ("got %s, want %s")
			:format(tostring(got), tostring(want)))
	end
	-- fn must raise an error whose message has pattern pat
	function t.err(pat, name, fn, ...)
		local ok, msg = pcall(fn, ...)
		return record(not ok and tostring(msg):find(pat) ~= nil, name,
			ok and "no error" or tostring(msg))
	end
	return t
end

for _, lib in ipairs(libs) do
	local t = checker(lib)
	local ok, msg = pcall(require("check_" .. lib), t)
	if not ok then t.ok(false, "raised " .. tostring(msg)) end
	print(("lua-checks: %-9s %3d checks, %d failed"):format(lib, t.n, t.bad))
	total, failed = total + t.n, failed + t.bad
end
print(("lua-checks: %d checks, %d failed"):format(total, failed))
os.exit(failed == 0 and 0 or 1)
