"""The layers import one way: import-linter's contracts in pyproject.toml hold.

The project's folders map into the `intelgraph` namespace through setuptools'
package-dir, which import-linter (grimp) cannot follow in an editable install: it
walks the folder of `intelgraph` only. So the test lays the sources out as they are
installed, in a temporary folder, and runs `lint-imports` over that copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _installed_layout(dest: Path) -> Path:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_dir = config["tool"]["setuptools"]["package-dir"]
    for package, folder in package_dir.items():
        target = dest.joinpath(*package.split("."))
        shutil.copytree(REPO / folder, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def test_import_contracts_hold(tmp_path):
    tree = _installed_layout(tmp_path / "site")
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([str(lint), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Contracts: 1 kept, 0 broken" in done.stdout


def test_the_layers_contract_names_every_top_level_package():
    """A new sub-package of intelgraph must be placed in a layer, not left outside the contract."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    [contract] = config["tool"]["importlinter"]["contracts"]
    in_layers = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    packages = {p for p in config["tool"]["setuptools"]["packages"] if p.count(".") == 1}
    modules = {f"intelgraph.{p.stem}" for p in (REPO / "intelgraph").glob("*.py") if p.stem != "__init__"}
    assert packages | modules <= in_layers, sorted((packages | modules) - in_layers)
