#!/usr/bin/env bash
# Installs what Threadline's build, preview and tests need, skipping whatever
# is already there. Sourced by .ci/preview and .ci/test; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tools="$HOME/.cache/threadline-tools"
export PATH="$HOME/.cargo/bin:$tools/node_modules/.bin:$PATH"
bindgen=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p}' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$bindgen\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be $bindgen, the version in Cargo.lock" >&2
  exit 1
fi

step() { printf '\n== %s\n' "$*"; }

for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" ||
    { step "adding $component"; rustup component add "$component"; }
done
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  { step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.' ||
  { step "installing trunk 0.21 (about 10 minutes)"; cargo install trunk --version '~0.21' --locked; }
wasm-bindgen --version 2>/dev/null | grep -qF " $bindgen" ||
  { step "installing wasm-bindgen-cli $bindgen"; cargo install wasm-bindgen-cli --version "$bindgen" --force; }
wasm-opt --version 2>/dev/null | grep -q 'version 132' ||
  { step "installing wasm-opt (npm binaryen 132)"; npm install --prefix "$tools" --no-audit --no-fund binaryen@132.0.0; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "installing Chromium and ChromeDriver"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
[ -d tests/e2e/node_modules/playwright-core ] && [ -f tests/e2e/node_modules/commonmark-spec/spec.txt ] ||
  { step "installing the end-to-end test driver and the CommonMark spec"; npm ci --prefix tests/e2e --no-audit --no-fund; }
# A real comment server for tests/e2e/isso.test.mjs.
"$tools/isso/bin/isso" --version 2>/dev/null | grep -q '^isso 0\.14\.0$' ||
  { step "installing Isso 0.14.0 (PyPI) for the real-server tests";
    python3 -m venv "$tools/isso" && "$tools/isso/bin/pip" install --quiet --disable-pip-version-check isso==0.14.0; }
