-- SPDX-License-Identifier: GPL-2.0-or-later
-- A module whose body fails: require must pass the error on.
error("boom in module")
