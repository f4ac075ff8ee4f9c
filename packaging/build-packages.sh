#!/usr/bin/env bash
# Builds the release packages in one command: configures a Release build in build-pkg/,
# builds it, and runs CPack for DEB and TGZ. Prints the paths of the packages it made.
#   packaging/build-packages.sh [BUILD_DIR]      (JOBS=N to limit parallel compile jobs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(realpath -m "${1:-$root/build-pkg}")"
out="$build/packages"
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DMQDESK_BUILD_GUI=ON -DMQDESK_BUILD_TESTS=OFF
cmake --build "$build" -j "${JOBS:-$(nproc)}"
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$out"

shopt -s nullglob
packages=("$out"/*.deb "$out"/*.tar.gz)
[ ${#packages[@]} -ge 2 ] || { echo "build-packages: CPack produced no package in $out" >&2; exit 1; }
echo
echo "Packages:"
for p in "${packages[@]}"; do
  printf '  %s (%s)\n' "$p" "$(du -h "$p" | cut -f1)"
done
