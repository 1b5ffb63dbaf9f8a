# The two README commands: `make demo` and `make test`. Each first installs what is missing.
.PHONY: setup demo test bench format format-check clean

BUILD_TEST    := build/test
BUILD_RELEASE := build/release
JOBS          ?= $(shell nproc)

setup:
	@./scripts/setup

$(BUILD_RELEASE)/build.ninja:
	cmake -S . -B $(BUILD_RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONNECTPOST_TESTS=OFF -DCONNECTPOST_BENCH=ON

$(BUILD_TEST)/build.ninja:
	cmake -S . -B $(BUILD_TEST) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONNECTPOST_SANITIZE=ON

# Runs the main job on the embedded SQLite default under ./var/, then starts the portal on it
# (http://127.0.0.1:8080/; Ctrl-C stops it).
demo: setup $(BUILD_RELEASE)/build.ninja
	cmake --build $(BUILD_RELEASE) -j $(JOBS) --target connectpost
	$(BUILD_RELEASE)/connectpost demo --serve

# Runs every test: unit, storage on SQLite and on a throwaway PostgreSQL cluster, CLI, format.
test: setup $(BUILD_TEST)/build.ninja
	cmake --build $(BUILD_TEST) -j $(JOBS)
	cd $(BUILD_TEST) && ctest --output-on-failure -j $(JOBS)

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
