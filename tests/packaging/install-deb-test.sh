#!/usr/bin/env bash
# Installs the .deb on this machine with apt, then proves the installed programs work: the
# installed mqdesk-cli starts a sandbox cluster on ports the kernel picks, sends a keyed message
# to it and queries it back by key. Removes the package and stops the sandbox on any exit.
#   install-deb-test.sh DEB_DIR WITH_GUI(0|1)
# Installing system-wide is only done when asked: as root and with MQDESK_PACKAGE_TEST=1 or
# CI=true. Anywhere else it exits 77, which CTest reports as skipped.
set -uo pipefail
deb_dir="$1" with_gui="$2"
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "installs a package system-wide, so it runs only as root"
[ "${MQDESK_PACKAGE_TEST:-}" = 1 ] || [ "${CI:-}" = true ] ||
  skip "installs a package system-wide; set MQDESK_PACKAGE_TEST=1 (or CI=true) to run it"
command -v apt-get >/dev/null || skip "apt-get not found"
if dpkg-query -W -f='${Status}' mqdesk 2>/dev/null | grep -q "ok installed"; then
  skip "mqdesk is already installed here and this test would remove it (apt-get remove mqdesk first)"
fi
shopt -s nullglob
debs=("$deb_dir"/mqdesk_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected the .deb packaging_deb_contents built in $deb_dir"
deb="$(realpath "${debs[0]}")"

export DEBIAN_FRONTEND=noninteractive
work="$(mktemp -d)"
installed=0 sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$sandbox_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$sandbox_pid" 2>/dev/null
    wait "$sandbox_pid" 2>/dev/null
  fi
  if [ "$installed" = 1 ]; then
    timeout 180 apt-get remove -y -q -o DPkg::Lock::Timeout=60 mqdesk >"$work/remove.log" 2>&1 ||
      { echo "FAIL: apt-get remove mqdesk"; cat "$work/remove.log"; }
    [ ! -e /usr/bin/mqdesk-cli ] || echo "FAIL: /usr/bin/mqdesk-cli still there after apt-get remove"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step() { echo "== $*"; }

step "apt-get install $deb"
installed=1 # from here on, cleanup removes whatever part of it got installed
timeout 240 apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=60 "$deb" >"$work/install.log" 2>&1 ||
  { tail -n 30 "$work/install.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status}' mqdesk | grep -q "ok installed" || fail "dpkg does not list mqdesk as installed"

cli=/usr/bin/mqdesk-cli
[ -x "$cli" ] || fail "$cli missing after install"
step "$cli --version"
version_out="$(timeout 10 "$cli" --version)" || fail "mqdesk-cli --version exited $?"
echo "$version_out"
expected_version="$(dpkg-query -W -f='${Version}' mqdesk)"
[ "$version_out" = "mqdesk-cli $expected_version" ] ||
  fail "mqdesk-cli --version printed '$version_out', expected 'mqdesk-cli $expected_version'"
missing_libs="$(ldd "$cli" | grep "not found")" && fail "$cli has unresolved libraries: $missing_libs"
if [ "$with_gui" = 1 ]; then
  [ -x /usr/bin/mqdesk ] || fail "/usr/bin/mqdesk missing after install"
  missing_libs="$(ldd /usr/bin/mqdesk | grep "not found")" && fail "/usr/bin/mqdesk has unresolved libraries: $missing_libs"
  step "/usr/bin/mqdesk --version (offscreen)"
  gui_version="$(QT_QPA_PLATFORM=offscreen timeout 30 /usr/bin/mqdesk --version 2>"$work/gui.err")" ||
    { cat "$work/gui.err"; fail "mqdesk --version exited with an error"; }
  echo "$gui_version"
  [[ "$gui_version" == *" $expected_version" ]] || fail "mqdesk --version printed '$gui_version'"
fi

step "$cli sandbox (ports chosen by the kernel)"
"$cli" sandbox --namesrv-port 0 --broker-port 0 --data "$work/data" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
namesrv=""
for _ in $(seq 100); do
  namesrv="$(sed -n 's/^name server \([0-9.]*:[0-9]*\)$/\1/p' "$work/sandbox.log")"
  [ -z "$namesrv" ] || break
  kill -0 "$sandbox_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$namesrv" ] || { cat "$work/sandbox.log"; fail "mqdesk-cli sandbox did not report its name server within 10 s"; }
cat "$work/sandbox.log"

topic=PackageTest
key="pkg-$$-$RANDOM"
body="installed from $(basename "$deb")"
step "$cli send $topic --key $key"
timeout 30 "$cli" send "$topic" --namesrv "$namesrv" --key "$key" --body "$body" --json \
  >"$work/send.out" 2>&1 || { cat "$work/send.out"; fail "mqdesk-cli send exited with an error"; }
cat "$work/send.out"
grep -q '"sendStatus":"SEND_OK"' "$work/send.out" || fail "send did not report SEND_OK"
msg_id="$(sed -n 's/.*"msgId":"\([0-9A-Fa-f]*\)".*/\1/p' "$work/send.out")"
[ -n "$msg_id" ] || fail "send printed no msgId"

step "$cli query --topic $topic --key $key"
# A broker indexes keys after storing the message; give it a few tries when it finds nothing (5).
for attempt in 1 2 3 4 5; do
  timeout 30 "$cli" query --topic "$topic" --key "$key" --namesrv "$namesrv" >"$work/query.out" 2>&1
  rc=$?
  [ "$rc" -eq 5 ] && [ "$attempt" -lt 5 ] || break
  sleep 1
done
cat "$work/query.out"
[ "$rc" -eq 0 ] || fail "mqdesk-cli query exited $rc"
grep -qF "$key" "$work/query.out" || fail "query output does not show key $key"
grep -qF "$body" "$work/query.out" || fail "query output does not show the body that was sent"
grep -qiF "$msg_id" "$work/query.out" || fail "query output does not show msgId $msg_id that send returned"

echo "PASS: the installed package runs a sandbox, sends a keyed message and finds it again"
