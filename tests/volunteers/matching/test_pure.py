"""The engine stays free of Django, so it runs on plain data in the bench and in tests."""

import ast
from pathlib import Path

import volunteers.matching

PACKAGE = Path(volunteers.matching.__file__).parent
FRAMEWORKS = {"django", "wagtail", "allauth", "import_export", "django_tasks"}


def test_no_module_of_the_engine_imports_a_framework():
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] in FRAMEWORKS]
    assert found == []
