-- SPDX-License-Identifier: GPL-2.0-or-later
return function(t)
	local m = require("pkg_mod")
	t.eq(m.answer, 42, "require a module file")
	t.eq(require("pkg_mod"), m, "require caches in package.loaded")
	t.eq(package.loaded.pkg_mod, m, "package.loaded")
	t.eq(m.loads, 1, "module body ran once")
	t.eq(select(2, require("pkg_mod")), nil, "cached require: no loader data")
	package.loaded.pkg_mod = nil
	local m2, where = require("pkg_mod")
	t.ok(m2 ~= m and where:find("pkg_mod.lua", 1, true), "reload gives the file name")
	t.eq(m2.name, "pkg_mod", "module gets its name")
	t.eq(require("pkg_dir.sub").value, "sub", "dotted name in a folder")
	t.eq(require("pkg_dir").value, "init", "folder init.lua")
	t.ok(package.searchpath("pkg_mod", package.path), "searchpath finds")
	local none, tried = package.searchpath("pkg_none", "/a/?.lua;/b/?.lua")
	t.ok(none == nil and tried:find("/a/pkg_none.lua", 1, true)
		and tried:find("/b/pkg_none.lua", 1, true), "searchpath lists tries")
	package.preload.pre = function(name) return { n = name } end
	t.eq(require("pre").n, "pre", "preload")
	t.err("module 'pkg_missing' not found", "missing module", require, "pkg_missing")
	local ok, msg = pcall(require, "pkg_missing")
	t.ok(not ok and msg:find("no file '[^']*pkg_missing.lua'"), "message lists the files")
	t.err("boom in module", "error in a module", require, "pkg_bad")
	t.eq(package.config:sub(1, 1), "/", "config separator")
	t.eq(type(package.path), "string", "path")
	t.eq(type(package.cpath), "string", "cpath")
	t.eq(#package.searchers, 4, "four searchers")
	local lib, err = package.loadlib("/nonexistent/lib.so", "f")
	t.ok(lib == nil and type(err) == "string", "loadlib of nothing fails")
	for _, name in ipairs({ "string", "table", "math", "io", "os",
		"coroutine", "utf8", "debug", "package" }) do
		t.eq(package.loaded[name], _G[name], "loaded " .. name)
	end
end
