#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running MQCloud Desk needs.
# Idempotent: packages already present are skipped. Run as root or with sudo available.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev qt6-svg-dev qt6-translations-l10n qt6-wayland
  libqt6opengl6-dev # Qt6Charts' CMake config needs Qt6OpenGL's, which qt6-charts-dev does not pull in
  libqt6svg6 qt6-qpa-plugins
  qcoro-qt6-dev qtkeychain-qt6-dev
  zlib1g-dev libzstd-dev liblz4-dev
  clang clang-format clang-tidy libclang-rt-14-dev
  xvfb xauth fonts-noto-cjk
  dpkg-dev file desktop-file-utils appstream
)
# Node.js runs the ali-ons interop tests. A machine may already carry a newer Node.js (with its
# own npm) from another source; Debian's npm would conflict with it, so only add what is absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "setup-debian: all packages present"; exit 0; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
