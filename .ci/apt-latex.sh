#!/usr/bin/env bash
# Install what tests/test_pdf.py needs to build the PDF: latexmk, pdflatex with
# the LaTeX packages Sphinx's output loads, and pdftotext.  Debian/Ubuntu only.
#
#   texlive-latex-recommended  Sphinx's base packages (fancyvrb, upquote, ...)
#   texlive-latex-extra        fncychap, wrapfig, capt-of, framed, needspace,
#                              tabulary, varwidth, titlesec
#   texlive-fonts-recommended  the txtt typewriter font
#   tex-gyre                   tgtermes and tgheros, Sphinx's pdflatex fonts
#                              (only a "Recommends" of the package above)
#   latexmk, poppler-utils     the build driver; pdftotext, pdfinfo, pdftoppm
#
# Exits non-zero, saying why, if anything cannot be installed.
set -euo pipefail

PACKAGES=(
  latexmk
  texlive-latex-recommended
  texlive-latex-extra
  texlive-fonts-recommended
  tex-gyre
  poppler-utils
)

fail() { echo "apt-latex: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  fail "need root or password-less sudo to install: ${PACKAGES[*]}"
fi
command -v apt-get >/dev/null || fail "apt-get not found; install by hand: ${PACKAGES[*]}"

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update || fail "apt-get update failed"
"${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" \
  || fail "apt-get install failed for: ${PACKAGES[*]}"

for tool in latexmk pdflatex pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || fail "$tool is still missing after the install"
done
for style in tgtermes fncychap tabulary varwidth needspace capt-of; do
  kpsewhich "$style.sty" >/dev/null || fail "LaTeX package $style is still missing"
done
echo "apt-latex: installed ${PACKAGES[*]}"
