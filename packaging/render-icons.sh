#!/usr/bin/env bash
# Renders the app icon SVG into the committed PNG sizes (hicolor theme), the Windows .ico and
# the macOS .icns. Run after editing the SVG; the build itself never renders anything.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
id=io.github.mqcloud.mqdesk
svg="$root/resources/icons/hicolor/scalable/apps/$id.svg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for size in 16 22 24 32 48 64 128 256 512; do
  dir="$root/resources/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/$id.png"
done

png() { echo "$root/resources/icons/hicolor/$1x$1/apps/$id.png"; }
mkdir -p "$root/packaging/windows" "$root/packaging/macos"
icotool -c -o "$root/packaging/windows/mqdesk.ico" "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" --raw="$(png 256)"
# png2icns picks the icon type from each PNG's size.
png2icns "$root/packaging/macos/mqdesk.icns" "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$(png 512)" >/dev/null
echo "render-icons: PNGs, packaging/windows/mqdesk.ico and packaging/macos/mqdesk.icns updated"
