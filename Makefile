# Entente - the two commands a newcomer needs:
#   make demo    install what is missing, build, start a demo node
#   make check   build and run every test (also under ASan + UBSan)
# Plain `make` builds build/entente.

BUILD      ?= build
ASAN_BUILD ?= build-asan
DEMO_DIR   ?= demo-data
MESON_OPTS ?=

# Debian packages the build, the tests and the demo need (openssl: the
# HTTPS test makes a throwaway certificate).
PKGS = gcc make meson ninja-build pkg-config python3 curl sqlite3 openssl \
	libsqlite3-dev libmicrohttpd-dev libjansson-dev libxml2-dev \
	libicu-dev libsodium-dev libcurl4-openssl-dev libigraph-dev \
	libcmocka-dev

.PHONY: all deps build check check-fast demo bench clean format

all: build

# Install only what is missing; root runs apt-get directly, others via sudo.
deps:
	@missing=""; \
	for p in $(PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
			--no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	$(MAKE) deps
	meson setup $(BUILD) -Dwerror=true $(MESON_OPTS)

$(ASAN_BUILD)/build.ninja:
	$(MAKE) deps
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined \
		-Db_lundef=false $(MESON_OPTS)

build: $(BUILD)/build.ninja
	ninja -C $(BUILD)

# Every test twice: the normal build, then AddressSanitizer + UBSan.
check: $(BUILD)/build.ninja $(ASAN_BUILD)/build.ninja
	ninja -C $(BUILD)
	meson test -C $(BUILD) --print-errorlogs
	ninja -C $(ASAN_BUILD)
	meson test -C $(ASAN_BUILD) --print-errorlogs --timeout-multiplier 3

check-fast: build
	meson test -C $(BUILD) --print-errorlogs

demo: build
	BUILD=$(BUILD) DEMO_DIR=$(DEMO_DIR) sh tools/demo.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')
