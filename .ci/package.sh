#!/usr/bin/env bash
# Build the sdist and the wheel, install the wheel into a fresh virtualenv,
# run the tests of the unpacked sdist against it, and build a small project
# with it.  Missing package data or test files show here, before a release.
#
# Usage: bash .ci/package.sh [PYTEST ARGS...]; exits with pytest's status
# (5 when it collected no test) or 1 for any other failure.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build-env"
"$work/build-env/bin/pip" install --quiet build
"$work/build-env/bin/python" -m build --sdist --wheel --outdir "$work/dist" . > "$work/build.log" \
  || { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/*.whl)
sdist=$(ls "$work"/dist/*.tar.gz)
echo "package: built $(basename "$sdist") and $(basename "$wheel")"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "${wheel}[test]"
tar -xzf "$sdist" -C "$work"
src=$(ls -d "$work"/sphinxext_wsclose-*/)

# pytest (not python -m pytest, which would put the sdist's folder first on
# sys.path) from the unpacked sdist: the package is the installed wheel's.
cd "$src"
"$work/venv/bin/python" -I - <<'PY'
import sphinxext_wsclose
assert 'site-packages' in sphinxext_wsclose.__file__, sphinxext_wsclose.__file__
print('package: tests run against', sphinxext_wsclose.__file__)
PY
status=0
"$work/venv/bin/pytest" -p no:cacheprovider "$@" || status=$?
[ "$status" -eq 0 ] || exit "$status"

# A small project, built with the installed wheel alone.
project="$work/project"
mkdir -p "$project"
cat > "$project/conf.py" <<'PY'
extensions = ['sphinxext_wsclose']
language = 'de'
wsclose_codes = {4001: 'Token expired'}
PY
printf 'Codes\n=====\n\n.. wsclose-table::\n\n:wsclose:`4001` and :wsclose:`WSCloseCode.GOING_AWAY`.\n' \
  > "$project/index.rst"
cd "$work"
"$work/venv/bin/python" -m sphinx -nW -q -b html "$project" "$project/_build/html"
grep -q 'Beschreibung' "$project/_build/html/index.html" \
  || { echo "package: the German labels did not reach the page" >&2; exit 1; }
grep -q 'wsclose.css' "$project/_build/html/index.html" \
  || { echo "package: the stylesheet is missing" >&2; exit 1; }
echo "package: a project built with the installed wheel"
