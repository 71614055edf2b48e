#!/usr/bin/env bash
# Installs what building and testing cio-studio needs on Debian 12 / Ubuntu 24.04 and later:
# Debian packages (only the missing ones, with apt-get) and the pinned npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-httpserver-dev qt6-websockets-dev
    qt6-webengine-dev qt6-webengine-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6svg6 qtkeychain-qt6-dev libqscintilla2-qt6-dev libgl-dev libvulkan-dev
    nodejs npm
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core
    libxml2-utils translate-toolkit
)

# scripts/bootstrap.sh fuzz: also clang and its libFuzzer runtime, for the fuzz preset (scripts/fuzz.sh).
if [[ ${1:-} == fuzz ]]; then
    packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    # node and npm may come from elsewhere (nvm, NodeSource); don't fight them.
    if [[ $p == nodejs || $p == npm ]] && command -v "${p/nodejs/node}" >/dev/null 2>&1; then
        continue
    fi
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci only when the lock file changed since the last install.
stamp=node_modules/.cio-lock-stamp
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
fi
