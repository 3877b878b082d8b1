#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# CONTRIBUTING.md names files and folders a newcomer will open: each one
# must exist in the tree, and the guide must name no path of one machine.
. "$(dirname "$0")/lib.sh"

guide=$UK_ROOT/CONTRIBUTING.md
[ -f "$guide" ] || fail "no CONTRIBUTING.md"
# Paths in backquotes that start at a top-level folder of the tree; a
# placeholder (<name>, <arch>) stands for any entry, so only the part
# before it is checked. build/ is made by a build, not in the tree.
mapfile -t paths < <(grep -o '`[^`]*`' "$guide" | tr -d '`' | tr ' ' '\n' |
	sed -e 's/:$//' -e 's/[,;]$//' |
	grep -E '^(apps|arch|bench|include|lib|plat|support|tests|\.ci)/' |
	sed -e 's|<[^/]*>.*$||' -e 's|\*.*$||' | sort -u)
[ ${#paths[@]} -ge 20 ] || fail "only ${#paths[@]} paths found in the guide"
missing=()
for p in "${paths[@]}"; do
	[ -e "$UK_ROOT/$p" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || fail "CONTRIBUTING.md names missing paths: ${missing[*]}"
if grep -nE '(^|[ `(])/(work|root|home|tmp)/' "$guide"; then
	fail "CONTRIBUTING.md names a path of one machine"
fi
note "${#paths[@]} paths checked"
