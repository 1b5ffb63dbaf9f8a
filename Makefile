# The two README commands: `make demo` and `make test`. Each first installs what is missing.
.PHONY: setup demo test bench fuzz format format-check clean

BUILD_TEST    := build/test
BUILD_RELEASE := build/release
BUILD_FUZZ    := build/fuzz
JOBS          ?= $(shell nproc)

# ccache hits across clones (CI builds a fresh clone in another folder): paths under the clone
# are hashed relative to it, and the -g builds do not hash the working directory.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

setup:
	@./scripts/setup

$(BUILD_RELEASE)/build.ninja:
	cmake -S . -B $(BUILD_RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONNECTPOST_TESTS=OFF -DCONNECTPOST_BENCH=ON

# Process-level tests run the release binary (fast to start); the code runs under the
# sanitizers in process (cmake/testing.cmake).
$(BUILD_TEST)/build.ninja:
	cmake -S . -B $(BUILD_TEST) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONNECTPOST_SANITIZE=ON \
	  -DCONNECTPOST_PROCESS_BIN=$(CURDIR)/$(BUILD_RELEASE)/connectpost

# The libFuzzer targets (clang), optimised: a fuzzer is worth its executions a second.
$(BUILD_FUZZ)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCONNECTPOST_FUZZ=ON -DCONNECTPOST_TESTS=OFF

# Runs the main job on the embedded SQLite default under ./var/, then starts the portal on it
# (http://127.0.0.1:8080/; Ctrl-C stops it).
demo: setup $(BUILD_RELEASE)/build.ninja
	cmake --build $(BUILD_RELEASE) -j $(JOBS) --target connectpost
	$(BUILD_RELEASE)/connectpost demo --serve

# Runs every test: unit, storage on SQLite and on a throwaway PostgreSQL cluster, CLI, server,
# browser, a bounded run of every fuzz target, format.
test: setup $(BUILD_RELEASE)/build.ninja $(BUILD_TEST)/build.ninja $(BUILD_FUZZ)/build.ninja
	cmake --build $(BUILD_RELEASE) -j $(JOBS) --target connectpost
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	cmake --build $(BUILD_TEST) -j $(JOBS)
	cd $(BUILD_TEST) && ctest --output-on-failure -j $(JOBS)

# Long fuzzing runs: every target for FUZZ_RUNS executions (default 10 million), one after the
# other; the figures go to build/fuzz/results.txt (docs/testing.md).
FUZZ_RUNS ?= 10000000
fuzz: setup $(BUILD_FUZZ)/build.ninja
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	./scripts/fuzz $(BUILD_FUZZ) runs $(FUZZ_RUNS)

bench: setup $(BUILD_RELEASE)/build.ninja
	@./scripts/setup bench
	cmake --build $(BUILD_RELEASE) -j $(JOBS)
	./bench/run $(BUILD_RELEASE)

# Every C++ file git tracks or would track (new files too).
CXX_FILES = $$(git ls-files --cached --others --exclude-standard '*.h' '*.cpp')

format:
	clang-format -i $(CXX_FILES)

format-check:
	clang-format --dry-run --Werror $(CXX_FILES)

clean:
	rm -rf build
