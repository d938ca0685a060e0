# The two commands of the README, plus a few conveniences. The scripts do the work.
.PHONY: run test build format clean

run:
	scripts/run

test:
	scripts/test

build:
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build build/release

clean:
	rm -rf build
