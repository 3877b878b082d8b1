-- SPDX-License-Identifier: GPL-2.0-or-later
-- The io library on os.tmpname's folder and on each folder given to
-- run.lua; the files left behind (io-<n>.txt) are for the host to read.
local function on(t, dir, tag)
	local path = dir .. "/io-check.txt"
	local f, err = io.open(path, "w")
	if not t.ok(f, tag .. "open for writing: " .. tostring(err)) then return end
	t.eq(io.type(f), "file", tag .. "io.type open")
	t.eq(f:write("line one\n", 42, " ", 3.5, "\n", "last"), f, tag .. "write")
	t.eq(f:seek("cur"), 20, tag .. "seek cur after write")
	f:close()
	t.eq(io.type(f), "closed file", tag .. "io.type closed")
	t.err("attempt to use a closed file", tag .. "use after close",
		function() f:write("x") end)
	f = assert(io.open(path, "r"))
	t.eq(f:read("l"), "line one", tag .. "read l")
	local n1, n2 = f:read("n", "n")
	t.ok(n1 == 42 and n2 == 3.5, tag .. "read n")
	t.eq(f:read("L"), "\n", tag .. "read L")
	t.eq(f:read("a"), "last", tag .. "read a")
	t.eq(f:read("a"), "", tag .. "read a at the end")
	t.eq(f:read("l"), nil, tag .. "read l at the end")
	t.eq(f:seek("set", 5), 5, tag .. "seek set")
	t.eq(f:read(3), "one", tag .. "read count")
	t.eq(f:seek("end"), 20, tag .. "seek end gives the size")
	t.eq(f:seek("end", -4), 16, tag .. "seek end offset")
	t.eq(f:read(4), "last", tag .. "read after seek end")
	f:close()
	local lines = {}
	for l in io.lines(path) do lines[#lines + 1] = l end
	t.eq(#lines, 3, tag .. "io.lines")
	t.eq(lines[3], "last", tag .. "io.lines last line")
	local nums = {}
	f = assert(io.open(path, "a+"))
	f:write("\n1 2 3\n")
	f:seek("set")
	for l in f:lines("L") do nums[#nums + 1] = l end
	f:close()
	t.eq(nums[#nums], "1 2 3\n", tag .. "append then lines L")
	-- a bigger file, in pieces, with buffering modes
	f = assert(io.open(dir .. "/io-big.bin", "wb"))
	t.ok(f:setvbuf("full", 4096), tag .. "setvbuf")
	local chunk = string.rep("0123456789abcdef", 64)
	for i = 1, 64 do f:write(chunk) end
	f:close()
	f = assert(io.open(dir .. "/io-big.bin", "rb"))
	local total, pieces = 0, 0
	while true do
		local piece = f:read(3000)
		if not piece then break end
		total, pieces = total + #piece, pieces + 1
	end
	f:close()
	t.ok(total == 65536 and pieces == 22, tag .. "65536 bytes in pieces")
	t.ok(os.remove(dir .. "/io-big.bin"), tag .. "remove big file")
	-- r+ writes in place
	f = assert(io.open(path, "r+"))
	f:seek("set", 0)
	f:write("LINE")
	f:close()
	f = assert(io.open(path))
	t.eq(f:read("l"), "LINE one", tag .. "r+ overwrite")
	f:close()
	-- default input and output
	local out = assert(io.open(dir .. "/io-out.txt", "w"))
	local old = io.output()
	io.output(out)
	io.write("via io.write\n")
	io.output(old)
	out:close()
	io.input(dir .. "/io-out.txt")
	t.eq(io.read("l"), "via io.write", tag .. "io.input and io.read")
	io.input():close()
	io.input(io.stdin)
	t.ok(os.remove(dir .. "/io-out.txt"), tag .. "remove io-out")
	local missing, merr, mcode = io.open(dir .. "/no/such/file")
	t.ok(missing == nil and merr:find("No such file") and mcode == 2,
		tag .. "open missing: " .. tostring(merr))
	t.err("invalid mode", tag .. "bad mode", io.open, path, "rw")
	local ok, e = pcall(io.lines, dir .. "/nonexistent")
	t.ok(not ok and e:find("No such file"), tag .. "io.lines missing")
	-- the file the host reads back
	f = assert(io.open(dir .. "/io-done.txt", "w"))
	f:write("lua io checks wrote this\n")
	f:close()
end

return function(t)
	local probe = os.tmpname()
	local tmpdir = probe:match("^(.*)/[^/]*$")
	os.remove(probe)
	on(t, tmpdir, "tmp: ")
	for _, dir in ipairs(t.dirs) do on(t, dir, dir .. ": ") end
	local tf = io.tmpfile()
	t.ok(tf, "tmpfile")
	if tf then
		tf:write("scratch")
		tf:seek("set")
		t.eq(tf:read("a"), "scratch", "tmpfile read back")
		tf:close()
	end
	t.eq(io.type(io.stdout), "file", "stdout")
	t.eq(io.type(42), nil, "io.type of a number")
	t.ok(io.stdout:write(""), "stdout write")
	local p, perr = io.popen("ls")
	t.ok(p == nil and type(perr) == "string" or io.type(p) == "file",
		"popen fails cleanly or works: " .. tostring(perr))
	if p then p:close() end
end
