#!/usr/bin/env bash
# Regenerate the seed documents in seeds/documents/ from seeds/tools/document-sources/.
#
#   bash seeds/tools/generate-documents.sh
#
# Needs (Debian/Ubuntu packages):
#   libreoffice-writer-nogui (or libreoffice-writer), fonts-noto-core,
#   fonts-noto-cjk, hyphen-fr, hyphen-en-gb, poppler-utils, qpdf, img2pdf, python3
# Install them with:  bash seeds/tools/generate-documents.sh --install-deps
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

packages=(libreoffice-writer-nogui fonts-noto-core fonts-noto-cjk hyphen-fr hyphen-en-gb poppler-utils qpdf img2pdf)

if [[ "${1:-}" == "--install-deps" ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  if ! apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
    packages[0]=libreoffice-writer
  fi
  apt-get install -y --no-install-recommends "${packages[@]}"
fi

missing=()
for tool in soffice pdftoppm pdftotext img2pdf qpdf python3 fc-list; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing tools: ${missing[*]}" >&2
  echo "install with: bash seeds/tools/generate-documents.sh --install-deps" >&2
  echo "(apt packages: ${packages[*]})" >&2
  exit 1
fi
for family in "Noto Serif" "Noto Sans" "Noto Serif CJK SC" "Noto Sans CJK SC" "Noto Naskh Arabic" "Noto Sans Arabic"; do
  if ! fc-list ":family=$family" family | grep -q .; then
    echo "font '$family' not installed (apt: fonts-noto-core fonts-noto-cjk)" >&2
    exit 1
  fi
done
for dic in hyph_fr_FR hyph_en_GB; do
  if [[ ! -e "/usr/share/hyphen/$dic.dic" ]]; then
    echo "warning: /usr/share/hyphen/$dic.dic missing (apt: hyphen-fr, hyphen-en-gb);" \
         "the French/English PDFs would not be hyphenated as committed" >&2
  fi
done

# Reproducibility: fixed timestamps (2025-01-01T00:00:00Z unless given), UTC, C locale.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1735689600}"
export TZ=UTC
export LC_ALL=C.UTF-8
export LANG=C.UTF-8

python3 "$here/generate_documents.py"
