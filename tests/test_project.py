"""The set-up a fresh machine relies on: environment.yml, the lock file, the Makefile and .ci/run agree."""

from __future__ import annotations

import re
import subprocess
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from jptp.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
DECLARED = [Requirement(r) for r in PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["dev"]]


def _conda_requirements() -> dict[str, str]:
    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    parsed = {}
    for dep in deps:
        if isinstance(dep, str) and not dep.startswith(("python=", "pip")):
            req = Requirement(dep)
            parsed[canonicalize_name(req.name)] = str(req.specifier)
    return parsed


def test_environment_yml_lists_the_same_packages_as_pyproject():
    declared = {canonicalize_name(r.name): str(r.specifier) for r in DECLARED}
    assert _conda_requirements() == declared


def test_lock_file_pins_every_declared_package_within_its_range():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if m := re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line):
            pins[canonicalize_name(m[1])] = m[2]
    for req in DECLARED:
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned in requirements.lock (run `make lock`)"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req.name}=={pins[name]} is outside {req.specifier}"
    assert pins["pandas"].startswith("2."), "lifelines 0.30 needs pandas < 3"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    commands = re.findall(r"^    (make \w+)\s*(?:#.*)?$|^(make \w+)$", readme, flags=re.M)
    commands = {a or b for a, b in commands}
    assert {"make all", "make test"} <= commands
    assert re.search(r"^make test$", ci, flags=re.M)


def test_makefile_help_lists_every_target_with_what_it_does():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in ["all", "data", "test", "install", "lock"]:
        assert re.search(rf"^\s+{target}\s+\S", out, flags=re.M), f"{target} missing from `make help`"
