# Shared by the tools: install what is missing, configure, build.
# Sourced, not run. Idempotent: a second run with nothing changed takes seconds.
set -euo pipefail

LEKTION_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$LEKTION_ROOT/build}

LEKTION_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libglfw3-dev python3-glad libgl-dev
  libicu-dev libpugixml-dev libsqlite3-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libssl-dev libcurl4-openssl-dev libstb-dev
  libzip-dev librsvg2-bin
  libespeak-ng-dev espeak-ng-data libpulse-dev  # read aloud: eSpeak NG voices, PulseAudio/PipeWire output
  fonts-noto-core fonts-dejavu-core
)
LEKTION_TEST_PACKAGES=(catch2 clang-format libxml2-utils xvfb xauth libgl1-mesa-dri sqlite3 gettext translate-toolkit
  dpkg-dev desktop-file-utils appstream shared-mime-info man-db python3
  chromium poppler-utils)  # the browser-export tests (axe-core, SCORM runtime, equivalence) and export pdf
# tools/package: the .deb's checks beyond the suite's.
LEKTION_PACKAGE_PACKAGES=(dpkg-dev lintian desktop-file-utils appstream xvfb xauth libgl1-mesa-dri python3)
# The xAPI schema test runs the public schema under Node.js. Some machines
# carry a Node.js that bundles npm and conflicts with Debian's npm package:
# ask for Debian's only when there is no npm at all.
command -v npm >/dev/null 2>&1 || LEKTION_TEST_PACKAGES+=(nodejs npm)
# libFuzzer comes with clang (tools/fuzz, the smoke stage of tools/check).
LEKTION_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "lektion: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The XLIFF test validates against OASIS's strict schema, which Debian ships
# inside php-symfony-translation: keep that package's file in the APT cache
# (without installing PHP) so that the test reads it with dpkg-deb.
cache_xliff_schema() {
  ls /var/cache/apt/archives/php-symfony-translation_*.deb >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --download-only --no-install-recommends \
    php-symfony-translation >&2
}

configure_and_build() {
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$LEKTION_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
  fi
  cmake --build "$BUILD_DIR" -j "$(nproc)" >&2
}
