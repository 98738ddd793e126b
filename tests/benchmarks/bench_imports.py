"""Benchmark: what importing the extension's start-up modules costs, module by module.

A build that loads ``sphinxext_wsclose`` and uses nothing of it still imports
the modules that ``setup()`` needs.  This script finds them, and what Sphinx
alone imports, from two real one-page builds (with and without the extension
in ``extensions``), then, in a fresh interpreter that has first imported
everything Sphinx alone imports:

* imports ours one by one, in the order a build imports them, and prints the
  objects each leaves for the cyclic garbage collector to track
  (``len(gc.get_objects())`` after ``gc.collect()``): every full collection
  of the build walks them again;
* with ``--instructions``, counts under callgrind the instructions of
  importing Sphinx's modules alone and then all of ours as well, with the
  collector off (so that a collection does not land in one count only), and
  prints the difference.

Bytecode is cached in the work folder (``PYTHONPYCACHEPREFIX``), and a first
run fills the cache, so nothing is compiled from source in a count.

Run it from the repository root::

    python tests/benchmarks/bench_imports.py --instructions

Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# The same environment as every build of the mentions benchmark (its folder is
# sys.path[0] when this script runs).
from bench_mentions import build_env

_LIST_MODULES = """
import json, sys
from sphinx.cmd.build import main
status = main(sys.argv[1:])
print(json.dumps(list(sys.modules)))
sys.exit(status)
"""

_IMPORT = """
import gc, importlib, json, sys
if sys.argv[1] == 'off':
    gc.disable()
for name in json.loads(open(sys.argv[2]).read()):
    try:
        importlib.import_module(name)
    except Exception:  # a module that only imports inside its parent's setup
        pass
ours = json.loads(open(sys.argv[3]).read())
counts = []
gc.collect()
before = len(gc.get_objects())
for name in ours:
    importlib.import_module(name)
    if sys.argv[1] == 'count':
        gc.collect()
        after = len(gc.get_objects())
        counts.append((name, after - before))
        before = after
print(json.dumps(counts))
"""

PACKAGE = 'sphinxext_wsclose'


def modules_of_a_build(workdir: Path, extensions: list[str], env: dict[str, str]) -> list[str]:
    """The modules a one-page build imports, in the order it first imports them."""
    srcdir = workdir / ('src-' + ('-'.join(extensions) or 'none'))
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / 'conf.py').write_text(f'extensions = {extensions!r}\n', encoding='utf-8')
    (srcdir / 'index.rst').write_text('Title\n=====\n\nProse, and nothing of ours.\n',
                                      encoding='utf-8')
    done = subprocess.run(
        [sys.executable, '-c', _LIST_MODULES, '-q', '-E', '-b', 'html', str(srcdir),
         str(workdir / 'out')],
        capture_output=True, text=True, check=True, env=env)
    names: list[str] = json.loads(done.stdout.splitlines()[-1])
    return names


def run_import(mode: str, sphinx_modules: Path, ours: Path, env: dict[str, str],
               callgrind: Path | None = None) -> tuple[str, str]:
    command = [sys.executable, '-c', _IMPORT, mode, str(sphinx_modules), str(ours)]
    if callgrind is not None:
        command = ['valgrind', '--tool=callgrind', f'--callgrind-out-file={callgrind}',
                   *command]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return done.stdout, done.stderr


def instructions(stderr: str) -> int:
    found = re.search(r'Collected\s*:\s*(\d+)', stderr)
    if found is None:
        msg = 'callgrind printed no count'
        raise RuntimeError(msg)
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--instructions', action='store_true',
                        help='also count the instructions of the import under callgrind')
    parser.add_argument('--workdir', type=Path, help='work here (default: a temp dir)')
    options = parser.parse_args(argv)
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix='bench-imports-'))
    workdir.mkdir(parents=True, exist_ok=True)
    env = build_env(workdir / 'pycache')

    alone = modules_of_a_build(workdir, [], env)
    loaded = modules_of_a_build(workdir, [PACKAGE], env)
    ours = [name for name in loaded if name.startswith(f'{PACKAGE}.')]
    others = sorted(set(loaded) - set(alone) - {PACKAGE, *ours})
    sphinx_path, ours_path = workdir / 'sphinx-modules.json', workdir / 'ours.json'
    sphinx_path.write_text(json.dumps([name for name in alone if name != '__main__']),
                           encoding='utf-8')
    ours_path.write_text(json.dumps(ours), encoding='utf-8')

    run_import('on', sphinx_path, ours_path, env)  # fills the bytecode cache
    counts = json.loads(run_import('count', sphinx_path, ours_path, env)[0])
    print(f'{len(ours)} modules of ours at start-up; other modules the extension adds: '
          f'{", ".join(others) or "none"}')
    print(f'{"module":<32} objects tracked')
    for name, objects in counts:
        print(f'{name:<32} {objects:+d}')
    print(f'{"all":<32} {sum(objects for _name, objects in counts):+d}')

    if options.instructions:
        empty = workdir / 'none.json'
        empty.write_text('[]', encoding='utf-8')
        base = instructions(run_import('off', sphinx_path, empty, env, workdir / 'cg-base')[1])
        full = instructions(run_import('off', sphinx_path, ours_path, env, workdir / 'cg-ours')[1])
        print(f"importing Sphinx's modules: {base:,} instructions; and ours: {full:,} "
              f'(+{(full - base) / 1e6:.1f} M)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
