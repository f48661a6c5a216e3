#!/usr/bin/env bash
# Install the Debian packages the tests use: Chromium (browser tests), LibreOffice Impress with the
# Carlito font (decks opened in a real client), LibreOffice Writer (worksheets as .docx),
# poppler-utils (pdftoppm, slides as images) and npm when there is none (axe-core for the
# accessibility tests).
# Does nothing when they are there already. Never downloads a browser of its own.
set -euo pipefail

packages=(chromium chromium-driver libreoffice-impress libreoffice-writer fonts-crosextra-carlito poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# npm installs axe-core (accessibility tests) from the npm registry; Debian's npm brings Node.js.
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installeren van systeempakketten: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Installeer deze pakketten als beheerder: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
