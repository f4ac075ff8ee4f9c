#!/usr/bin/env bash
# Builds the .deb from an existing build dir with CPack and checks what it carries: control
# fields (shlibdeps ran, Recommends, multi-line Description), the files a desktop install needs,
# stripped binaries, and that the installed tree validates (desktop entry, AppStream, man pages).
#   check-deb.sh BUILD_DIR OUT_DIR WITH_GUI(0|1)      exit 77 = skipped (tool missing)
set -uo pipefail
build="$1" out="$2" with_gui="$3"
cpack="${CPACK:-cpack}"

for tool in "$cpack" dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found (run packaging/setup-debian.sh)"; exit 77; }
done

rm -rf "$out"
mkdir -p "$out"
if ! timeout 240 "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
  echo "FAIL: cpack -G DEB did not finish"; tail -n 40 "$out/cpack.log"; exit 1
fi
shopt -s nullglob
debs=("$out"/mqdesk_*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "FAIL: expected one mqdesk_<version>_<arch>.deb in $out, got ${#debs[@]}"; exit 1; }
deb="${debs[0]}"
echo "built $deb ($(du -h "$deb" | cut -f1))"

failures=0
check() { # check DESCRIPTION COMMAND...
  local what="$1" output; shift
  if output="$("$@" 2>&1)"; then
    echo "ok   $what"
  else
    echo "FAIL $what"; [ -z "$output" ] || sed 's/^/       /' <<<"$output"
    failures=$((failures + 1))
  fi
}
field() { dpkg-deb -f "$deb" "$1"; }
matches() { grep -Eq -- "$2" <<<"$1" || { echo "'$1' does not match /$2/"; false; }; }

version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
check "file name is mqdesk_${version}_<arch>.deb" matches "$(basename "$deb")" "^mqdesk_${version}_$(dpkg --print-architecture)\.deb$"
check "Package: mqdesk" matches "$(field Package)" '^mqdesk$'
check "Version: $version" matches "$(field Version)" "^${version}$"
check "Section: net" matches "$(field Section)" '^net$'
check "Maintainer has a name and an address" matches "$(field Maintainer)" '^[^<]+ <[^@>]+@[^>]+>$'
check "Homepage set" matches "$(field Homepage)" '^https://'
# Only dpkg-shlibdeps can have put these here: CPackConfig names no library package.
check "Depends found by dpkg-shlibdeps (libc6, libqt6core6)" \
  bash -c '[[ "$1" == *libc6* && "$1" == *libqt6core6* ]]' _ "$(field Depends)"
description="$(field Description)"
check "Description has a synopsis and a long text" test "$(wc -l <<<"$description")" -ge 5
check "Description paragraphs separated by ' .'" matches "$description" '^ \.$'

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
has() { grep -qx -- "./$1" <<<"$contents"; }
check "ships /usr/bin/mqdesk-cli" has usr/bin/mqdesk-cli
check "ships the mqdesk-cli man page (gzipped)" has usr/share/man/man1/mqdesk-cli.1.gz
if [ "$with_gui" = 1 ]; then
  check "Depends on the xcb platform plugin (qt6-qpa-plugins)" matches "$(field Depends)" 'qt6-qpa-plugins'
  check "Depends on libqt6widgets6" matches "$(field Depends)" 'libqt6widgets6'
  for r in fonts-noto-cjk qt6-translations-l10n; do
    check "Recommends $r" matches "$(field Recommends)" "$r"
  done
  check "ships /usr/bin/mqdesk" has usr/bin/mqdesk
  check "ships the mqdesk man page (gzipped)" has usr/share/man/man1/mqdesk.1.gz
  check "ships the desktop entry" has usr/share/applications/io.github.mqcloud.mqdesk.desktop
  check "ships the AppStream metainfo" has usr/share/metainfo/io.github.mqcloud.mqdesk.metainfo.xml
  check "ships the scalable icon" has usr/share/icons/hicolor/scalable/apps/io.github.mqcloud.mqdesk.svg
  for s in 16 22 24 32 48 64 128 256 512; do
    check "ships the ${s}x${s} icon" has "usr/share/icons/hicolor/${s}x${s}/apps/io.github.mqcloud.mqdesk.png"
  done
fi
check "nothing installed outside /usr" bash -c '! grep -v "^\./usr/\|^\./$" <<<"$1"' _ "$contents"

root="$out/root"
dpkg-deb -x "$deb" "$root"
for bin in "$root"/usr/bin/*; do
  check "$(basename "$bin") is stripped" bash -c 'file -b "$1" | grep -q ", stripped"' _ "$bin"
done
if [ "$with_gui" = 1 ]; then
  if command -v desktop-file-validate >/dev/null; then
    check "installed desktop entry validates" \
      bash -c '! desktop-file-validate "$1" | grep -E "error|warning"' _ "$root/usr/share/applications/io.github.mqcloud.mqdesk.desktop"
  fi
  if command -v appstreamcli >/dev/null; then
    # validate-tree also checks that the launchable names the installed desktop file.
    check "installed tree validates with appstreamcli validate-tree" appstreamcli validate-tree --no-net "$root"
  fi
fi
if command -v man >/dev/null; then
  for page in "$root"/usr/share/man/man1/*.1.gz; do
    check "man page $(basename "$page") renders without warnings" bash -c \
      'w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" 2>&1 >/dev/null); [ -z "$w" ] || { echo "$w" >&2; false; }' _ "$page"
  done
fi

echo "$failures check(s) failed"
[ "$failures" -eq 0 ]
