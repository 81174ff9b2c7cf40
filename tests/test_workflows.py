"""The GitHub workflows an instructor's fork runs, validated here since they cannot run here.

Two layers: the files must validate against the GitHub workflow schema (``check-jsonschema``'s
vendored copy, offline), and they must say what the course needs: every test on push, pull request
and weekly; `make` targets that exist; the site built and published from main only, after the tests.
Each check is shown to fail on a planted defect.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKEFILE = (ROOT / "Makefile").read_text()


def schema_errors(path: Path) -> str:
    """check-jsonschema's report on ``path`` against the GitHub workflow schema ('' when valid)."""
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(path)], capture_output=True, text=True)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.M))


def problems(workflow: dict) -> list[str]:
    """What the course's workflow must do, as a list of what is missing."""
    found = []
    triggers = workflow.get("on") or {}
    for event in ("push", "pull_request", "schedule"):
        if event not in triggers:
            found.append(f"not run on {event}")
    jobs = workflow.get("jobs", {})
    steps = {name: [s.get("run", "") for s in job.get("steps", [])] for name, job in jobs.items()}
    runs = "\n".join(r for rs in steps.values() for r in rs)
    if "bash .ci/run" not in runs:
        found.append("no job runs bash .ci/run (every test)")
    for target in re.findall(r"\bmake ([a-z-]+)", runs):
        if target not in make_targets():
            found.append(f"make {target}: no such target in the Makefile")
    for name, job in jobs.items():
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            if need not in jobs:
                found.append(f"job {name} needs {need}, which does not exist")
    site = [n for n, rs in steps.items() if any("make site" in r for r in rs)]
    if not site:
        found.append("no job runs make site")
    for name in site:
        job = jobs[name]
        if "test" not in ([job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", [])):
            found.append(f"job {name} builds the site without waiting for the tests")
        if "refs/heads/main" not in str(job.get("if", "")):
            found.append(f"job {name} publishes from branches other than main")
        uploads = [s for s in job.get("steps", []) if "upload-pages-artifact" in s.get("uses", "")]
        if not uploads or uploads[0].get("with", {}).get("path") != "build/site/html":
            found.append(f"job {name} does not upload build/site/html")
    deploy = [n for n, j in jobs.items() for s in j.get("steps", []) if "deploy-pages" in s.get("uses", "")]
    for name in deploy:
        if jobs[name].get("permissions", {}) != {"pages": "write", "id-token": "write"}:
            found.append(f"job {name} lacks exactly pages: write and id-token: write")
    if not deploy:
        found.append("nothing deploys to GitHub Pages")
    return found


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["course.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_validates_against_the_github_schema(path):
    assert schema_errors(path) == ""


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_runs_the_tests_and_publishes_the_site_from_main(path):
    assert problems(load(path)) == []


def test_the_schema_check_fails_on_a_planted_defect(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text().replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1))
    assert "runs_on" in schema_errors(broken) or "runs-on" in schema_errors(broken)


@pytest.mark.parametrize("plant, expected", [
    (lambda w: w["on"].pop("schedule"), "not run on schedule"),
    (lambda w: w["jobs"]["test"]["steps"][1].update(run="make tests"), "make tests: no such target"),
    (lambda w: w["jobs"]["site"].update(needs="tset"), "needs tset, which does not exist"),
    (lambda w: w["jobs"]["site"].update({"if": "github.event_name == 'push'"}), "other than main"),
    (lambda w: w["jobs"]["deploy"].pop("permissions"), "pages: write"),
])
def test_the_course_checks_fail_on_planted_defects(plant, expected):
    workflow = load(WORKFLOWS[0])
    assert problems(workflow) == []
    plant(workflow)
    assert any(expected in p for p in problems(workflow)), problems(workflow)
