# SPDX-License-Identifier: GPL-2.0-or-later
#
# Unicore top-level Makefile.
#
# In an application folder, the app's Makefile sets UK_ROOT (and optionally
# UK_LIBS) and includes this file; every target works from there. At the top
# of the tree, `make test`, `make bench`, `make deps` and `make help` work.
#
# Passes: configuration targets only run kconfig. Build targets include
# build/include/config/auto.conf, which make brings up to date from .config
# (restarting itself), then read every library's Makefile.uk and build.

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:
SHELL := /bin/bash

UK_ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
UK_VERSION := 0.1.0
export UK_ROOT

include $(UK_ROOT)/support/build/Makefile.util

# --- Paths ----------------------------------------------------------------
# A: application folder (where make was started, unless it is the top).
ifneq ($(A),)
APP_DIR := $(abspath $(A))
else ifneq ($(abspath $(CURDIR)),$(UK_ROOT))
APP_DIR := $(abspath $(CURDIR))
endif

$(foreach v,UK_ROOT A O C L UK_LIBS UK_DEFCONFIG,\
	$(if $(call has_space,$($(v))),\
	$(error $(v)='$($(v))' contains a space: move it to a path without spaces)))

ifneq ($(APP_DIR),)
ifeq ($(wildcard $(APP_DIR)/.),)
$(error A=$(A): no such application folder)
endif
APP_NAME ?= $(notdir $(APP_DIR))
BUILD := $(if $(O),$(abspath $(O)),$(APP_DIR)/build)
UK_CONFIG := $(if $(C),$(abspath $(C)),$(APP_DIR)/.config)
UK_GENDIR := $(BUILD)/kconfig
UK_KCONFIG := $(UK_ROOT)/Config.uk
AUTOCONF_MK := $(BUILD)/include/config/auto.conf
AUTOCONF_H := $(BUILD)/include/generated/autoconf.h
# Fragment files separated by ':', merged in order by support/kconfig/kconfig
# (which resolves each name: relative to the current folder, else to the
# app; a bare name may stand for the app's defconfig.<name>).
UK_DEFCONFIG ?= $(wildcard $(APP_DIR)/defconfig)

# External libraries: L=dir1:dir2 on the command line, UK_LIBS in the app.
EXT_LIB_DIRS := $(foreach d,$(subst :, ,$(L) $(UK_LIBS)),$(abspath $(d)))
$(foreach d,$(EXT_LIB_DIRS),$(if $(wildcard $(d)/Makefile.uk),,\
	$(error L=$(d): no Makefile.uk there; give the folder of an \
	external library (it holds Makefile.uk and Config.uk))))
endif

config-targets := menuconfig nconfig defconfig olddefconfig savedefconfig \
	allnoconfig allyesconfig alldefconfig randconfig
top-targets := test bench deps help
noconfig-targets := $(config-targets) clean properclean distclean help \
	test bench deps

.PHONY: all FORCE $(noconfig-targets) run debug fetch images
.DEFAULT_GOAL := all
FORCE:

# Mixed configuration and build goals run one after the other.
ifneq ($(filter $(config-targets),$(MAKECMDGOALS)),)
ifneq ($(filter-out $(config-targets),$(MAKECMDGOALS)),)
mixed-goals := 1
$(MAKECMDGOALS): _mixed
	@:
_mixed:
	@set -e; for g in $(MAKECMDGOALS); do $(MAKE) -f $(firstword \
		$(MAKEFILE_LIST)) $$g; done
endif
endif

ifeq ($(mixed-goals),)
ifeq ($(APP_DIR),)
# --- At the top of the tree -----------------------------------------------
all: help
include $(UK_ROOT)/support/build/Makefile.top
else
# --- In an application folder ---------------------------------------------
include $(UK_ROOT)/support/build/Makefile.kconfig

ifneq ($(filter-out $(noconfig-targets),$(or $(MAKECMDGOALS),all)),)
include $(UK_ROOT)/support/build/Makefile.build
endif
include $(UK_ROOT)/support/build/Makefile.clean
include $(UK_ROOT)/support/build/Makefile.top
endif
endif
