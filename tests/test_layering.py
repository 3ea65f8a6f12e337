"""Imports run one way: core ← accounts ← volunteers, ngo_grants, search ← home.

An app may import only apps below its own layer. Two apps on one layer never import each other
(volunteers and ngo_grants stay independent), and nothing imports back up, so core can be
reused by every later app and home is free to compose them all. Imports inside functions
count too: a lazy import is still a dependency.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"core": 0, "accounts": 1, "volunteers": 2, "ngo_grants": 2, "search": 2, "home": 3}


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                yield top, node.lineno


def upward_imports(app):
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for other, line in imported_apps(path):
            if other != app and LAYERS[other] >= LAYERS[app]:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {other}")
    return found


@pytest.mark.parametrize("app", [app for app in LAYERS if (ROOT / app).is_dir()])
def test_app_imports_only_the_layers_below_it(app):
    assert upward_imports(app) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    # The walk itself must find what it looks for, or the test above would pass vacuously.
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text("def f():\n    from home.models import HomePage\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert upward_imports("core") == ["core/bad.py:2 imports home"]


def test_every_project_app_has_a_layer():
    from django.conf import settings

    local = {app for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()}
    assert local <= set(LAYERS)
