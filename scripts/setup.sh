#!/usr/bin/env bash
# Installs what counter_app needs on a Debian machine: system packages (when missing), a virtual
# environment with the Python dependencies, and the compiled translations. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  pcscd vsmartcard-vpcd libpcsclite-dev swig          # card service, virtual reader, pyscard build
  fonts-wqy-microhei                                  # CJK font (TrueType outlines, embeddable)
  xvfb xauth libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libglib2.0-0 libfontconfig1 libdbus-1-3             # Qt's X11 platform
  poppler-utils                                       # pdftotext / pdftoppm for document checks
  cups-client                                         # lp / lpstat: printing to the chosen queue
  cups printer-driver-cups-pdf                        # cupsd and the PDF printer for print tests
  postgresql                                          # server binaries for the test cluster
)

missing=()
for package in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" update -q
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# Reinstall only when the project's declaration changed.
stamp=.venv/.counter_app-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "setup: installing Python dependencies into .venv (log: .venv/pip.log)"
  # editable_mode=compat: the checkout on sys.path by a .pth line, not an import hook that every
  # start of the window would load first.
  if ! { .venv/bin/python -m pip install --upgrade pip \
         && .venv/bin/python -m pip install -e '.[test]' --config-settings editable_mode=compat; } \
       > .venv/pip.log 2>&1; then
    tail -n 30 .venv/pip.log
    exit 1
  fi
  echo "$wanted" > "$stamp"
fi

# Compiled translations are build output: made from the .ts sources every time.
for ts in counter_app/ui/i18n/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
