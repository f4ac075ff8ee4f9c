#!/usr/bin/env bash
# The man pages must document every command and option the programs offer: runs each program's
# --help (and every mqdesk-cli command's --help), and looks for each option in the page.
#   check-man-options.sh MAN_DIR MQDESK_CLI [MQDESK]
set -uo pipefail
man_dir="$1" cli="$2" gui="${3:-}"
failures=0
# Options a page mentions: the roff source with its escaped dashes unescaped.
page_text() { sed 's/\\-/-/g; s/\\f[BIRP]//g' "$man_dir/$1"; }
options_in() { grep -oE -- '--[a-zA-Z][a-zA-Z0-9-]*' | sort -u; }
# The part of mqdesk-cli.1 about one command: its .SS heading up to the next heading, plus the
# CONNECTION OPTIONS section that the networked commands share.
section_text() {
  page_text mqdesk-cli.1 | awk -v c="$1" '/^\.S[SH]/ {
    on = ($1 == ".SS" && ($2 == c || $2 == "\"" c "\"")) || ($1 == ".SH" && $2 == "CONNECTION") } on'
}
expect_options() { # expect_options PAGE WHERE TEXT [SKIP_REGEX] < help text
  local page="$1" where="$2" text="$3" skip="${4:-^$}" opt
  for opt in $(options_in | grep -vE -- "$skip"); do
    if grep -qE -- "(^|[^a-zA-Z0-9-])${opt}([^a-zA-Z0-9-]|$)" <<<"$text"; then
      echo "ok   $page documents $where $opt"
    else
      echo "FAIL $page does not document $where $opt"; failures=$((failures + 1))
    fi
  done
}

help="$("$cli" --help)" || { echo "FAIL: $cli --help exited $?"; exit 1; }
expect_options mqdesk-cli.1 "mqdesk-cli" "$(page_text mqdesk-cli.1)" <<<"$help"
commands="$(sed -n '/^Commands/,$p' <<<"$help" | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')"
[ -n "$commands" ] || echo "note: mqdesk-cli lists no command yet"
for c in $commands; do
  if grep -qE "^\.SS \"?$c\b" "$man_dir/mqdesk-cli.1"; then
    echo "ok   mqdesk-cli.1 has a section for '$c'"
  else
    echo "FAIL mqdesk-cli.1 has no '.SS $c' section"; failures=$((failures + 1))
  fi
  chelp="$(timeout 10 "$cli" "$c" --help 2>&1)" || { echo "FAIL mqdesk-cli $c --help exited $?"; failures=$((failures + 1)); }
    # --help is documented once for every command, under SYNOPSIS.
  expect_options mqdesk-cli.1 "'$c'" "$(section_text "$c")" '^--help(-all)?$' <<<"$chelp"
done

if [ -n "$gui" ]; then
  ghelp="$(QT_QPA_PLATFORM=offscreen timeout 20 "$gui" --help 2>&1)" || { echo "FAIL: $gui --help exited $?"; exit 1; }
  expect_options mqdesk.1 "mqdesk" "$(page_text mqdesk.1)" <<<"$ghelp"
fi
echo "$failures check(s) failed"
[ "$failures" -eq 0 ]
