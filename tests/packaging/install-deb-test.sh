#!/usr/bin/env bash
# Installs the .deb on this machine with apt, then proves the installed programs work: the
# installed mqdesk-cli starts a sandbox cluster on free ports, sends a keyed message to it and
# queries it back by key. Removes the package and stops the sandbox on any exit.
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
timeout 240 apt-get install -y -q -o DPkg::Lock::Timeout=60 "$deb" >"$work/install.log" 2>&1 ||
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
fi

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
# Two ports nothing listens on, above the ephemeral range's usual start; a lost race is retried.
free_ports() {
  local a b
  for _ in $(seq 50); do
    a=$((20000 + RANDOM % 12000)) b=$((a + 1))
    port_open "$a" || port_open "$b" || { echo "$a $b"; return 0; }
  done
  return 1
}

step "$cli sandbox"
for attempt in 1 2 3; do
  read -r namesrv_port broker_port < <(free_ports) || fail "could not find two free ports"
  "$cli" sandbox --namesrv-port "$namesrv_port" --broker-port "$broker_port" --data "$work/data" \
    >"$work/sandbox.log" 2>&1 &
  sandbox_pid=$!
  for _ in $(seq 100); do
    port_open "$namesrv_port" && port_open "$broker_port" && break
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.1
  done
  port_open "$namesrv_port" && port_open "$broker_port" && break
  # Lost a race for a port (or it failed to start): show why and try fresh ports, unless it
  # refused its arguments, which no retry changes.
  cat "$work/sandbox.log"
  kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null; rc=$?; sandbox_pid=""
  [ "$rc" -ne 2 ] || fail "mqdesk-cli sandbox rejected its arguments (exit 2)"
done
[ -n "$sandbox_pid" ] || fail "mqdesk-cli sandbox did not start listening in 3 attempts"
echo "sandbox: name server 127.0.0.1:$namesrv_port, broker 127.0.0.1:$broker_port"

namesrv="127.0.0.1:$namesrv_port"
topic=PackageTest
key="pkg-$$-$RANDOM"
body="installed from $(basename "$deb")"
step "$cli send (key $key)"
timeout 30 "$cli" send --namesrv "$namesrv" --topic "$topic" --key "$key" --body "$body" \
  >"$work/send.out" 2>&1 || { cat "$work/send.out"; fail "mqdesk-cli send exited with an error"; }
cat "$work/send.out"

step "$cli query --key $key"
timeout 30 "$cli" query --namesrv "$namesrv" --topic "$topic" --key "$key" \
  >"$work/query.out" 2>&1 || { cat "$work/query.out"; fail "mqdesk-cli query exited with an error"; }
cat "$work/query.out"
grep -qF "$key" "$work/query.out" || fail "query output does not show key $key"
grep -qF "$body" "$work/query.out" || fail "query output does not show the body that was sent"

echo "PASS: installed package sends and queries back a keyed message"
