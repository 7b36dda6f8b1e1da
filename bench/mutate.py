"""`make mutate`: mutation testing as a benchmark, not a gate.

mutmut changes one small thing at a time in the modules whose failure would hurt
most (GROUPS below; workdir() writes mutmut's settings per group) and runs the
tests that cover the changed function; a mutant the tests do not notice "survives". This
prints the share of mutants killed per module group, then applies the three hand
mutations issue 15 named (found surviving before) and says whether the tests kill
them.

Each of mutmut's short pytest sessions copies one migrated SQLite file
(TEST_DB_TEMPLATE, see tests/conftest.py) instead of migrating again. Each group
runs in its own folder under bench/.data/mutate/ (see workdir()).

    make mutate                               # every group, fresh
    make mutate GROUPS="transliteration api-cache"  # some groups; the others keep their last figures
    make mutate GROUPS=hand                   # only the hand mutations
    MUTATE_KEEP=1 make mutate                 # reuse mutmut's earlier verdicts
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
MUTMUT = str(Path(PYTHON).with_name("mutmut"))

# The module groups issue 15 lists: the files mutated, and the tests aimed at them
# (mutmut runs, for each mutant, those of them that call the mutated function).
GROUPS = {
    "visibility gate": (
        ["security/visibility.py", "api/visibility.py"],
        [
            "tests/security/test_visibility_functions.py",
            "tests/security/test_visibility_rule.py",
            "tests/security/test_leak_matrix.py",
            "tests/security/test_page_serving.py",
            "tests/security/test_media_privacy.py",
            "tests/security/test_related_objects.py",
            "tests/api/test_visibility.py",
        ],
    ),
    "workflow guards": (
        ["workflow/models.py", "workflow/security.py", "workflow/middleware.py"],
        ["tests/workflow"],
    ),
    "label validity": (
        ["pages/models/clusters.py"],
        ["tests/test_quality_labels.py", "tests/test_listing_queries.py", "tests/test_listing_filters.py"],
    ),
    "transliteration": (["localization/transliteration.py"], ["tests/localization/test_transliteration.py"]),
    "event time zones": (
        ["pages/models/events.py", "pages/forms.py"],
        [
            "tests/test_event_time_zones.py",
            "tests/test_event_galleries.py",
            "tests/test_listing_filters.py",
            "tests/test_listing_queries.py",
            "tests/api/test_relations_locale.py",
        ],
    ),
    "API cache": (
        ["api/cache.py", "api/http_cache.py"],
        [
            "tests/api/test_cache_wiring.py",
            "tests/api/test_cache_generation.py",
            "tests/api/test_fail_fast_pool.py",
            "tests/api/test_client_address.py",
            "tests/api/test_http_cache_rules.py",
            "tests/api/test_http_caching.py",
            "tests/api/test_unpublish_invalidates.py",
            "tests/security/test_cache_invalidation.py",
            "tests/security/test_redis_outage.py",
        ],
    ),
    "error handling": (
        ["api/errors.py", "localization/views.py"],
        [
            "tests/api/test_errors.py",
            "tests/api/test_problem_details.py",
            "tests/test_error_pages.py",
            "tests/api/test_detail_unknown_parameters.py",
            "tests/security/test_input_validation.py",
        ],
    ),
}
GOAL = 0.90

# The mutations issue 15 found surviving: (what it breaks, file, [(original, mutated)], tests).
HAND_MUTATIONS = [
    (
        "four-eyes guard in FourEyesApprovalTask.on_action switched off",
        "workflow/models.py",
        [
            (
                "        if reason is not None:\n            security_log.warning(",
                "        if False:\n            security_log.warning(",
            )
        ],
        ["tests/workflow/test_four_eyes_last_line.py"],
    ),
    (
        "unpublishing never invalidates the API cache (publishing and edits still do)",
        "api/cache.py",
        [
            ('    page_unpublished.connect(bump, dispatch_uid="api_cache_unpublished")\n', ""),
            # Unpublishing also saves the page (live=False): that save must not bump either.
            (
                "def _model_changed(sender: type, **kwargs: Any) -> None:\n    bump()",
                "def _model_changed(sender: type, **kwargs: Any) -> None:\n"
                "    if getattr(kwargs.get('instance'), 'live', True) is False:\n        return\n    bump()",
            ),
        ],
        ["tests/api/test_unpublish_invalidates.py"],
    ),
    (
        "detail endpoints skip the unknown-parameter check",
        "api/views.py",
        [("        check_params(self.request, DETAIL_PARAMS)\n", "")],
        ["tests/api/test_detail_unknown_parameters.py"],
    ),
]


def slug(group: str) -> str:
    return group.lower().replace(" ", "-")


def workdir(group: str) -> Path:
    """A folder of links to the project, with a pyproject.toml that points mutmut at the
    group's files and tests: mutmut reads its settings from the current folder and
    keeps its copy (mutants/) and verdicts there, one group beside the other."""
    files, tests = GROUPS[group]
    folder = DATA / "mutate" / slug(group)
    folder.mkdir(parents=True, exist_ok=True)
    skip = {".git", ".venv", "bench", "mutants", "media", "pyproject.toml", "db.sqlite3"}
    for entry in ROOT.iterdir():
        link = folder / entry.name
        if entry.name not in skip and not entry.name.startswith(".") and not link.exists():
            link.symlink_to(entry)
    packages = sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "tests")
    config = {
        "source_paths": packages,
        "also_copy": ["manage.py", "templates", "locale", "static"],
        "only_mutate": files,
        "pytest_add_cli_args": ["-p", "no:randomly", "-p", "no:xdist", "-q"],
        "pytest_add_cli_args_test_selection": tests,
    }
    lines = ["", "[tool.mutmut]", *(f"{key} = {json.dumps(value)}" for key, value in config.items())]
    (folder / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text() + "\n".join(lines) + "\n")
    return folder


def template_database() -> Path:
    """A migrated SQLite file, rebuilt when a migration changes."""
    migrations = sorted(ROOT.glob("*/migrations/*.py"))
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in migrations)).hexdigest()[:16]
    template = DATA / f"mutate-template-{digest}.sqlite3"
    if not template.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        for old in DATA.glob("mutate-template-*.sqlite3*"):
            old.unlink()
        print("Migrating the template database ...", flush=True)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": f"sqlite:///{template}"}
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    return template


def module_file(mutant: str) -> str:
    """'pages.models.clusters.xǁQualityLabelǁsave__mutmut_3' -> 'pages/models/clusters.py'."""
    dotted = mutant.split(".x_", 1)[0].split(".xǁ", 1)[0]
    return dotted.replace(".", "/") + ".py"


def mutmut_verdicts(folder: Path) -> dict[str, str]:
    listing = subprocess.run(
        [MUTMUT, "results", "--all", "true"], cwd=folder, capture_output=True, text=True, check=True
    ).stdout
    return dict(re.findall(r"^\s+(\S+): (.+)$", listing, flags=re.MULTILINE))


def score(group: str, verdicts: dict[str, str]) -> dict:
    files, tests = GROUPS[group]
    counts = Counter(verdict for mutant, verdict in verdicts.items() if module_file(mutant) in files)
    # A timeout means the mutant hung the code under test: the tests noticed.
    detected = counts["killed"] + counts["timeout"]
    total = sum(counts.values()) - counts["skipped"]
    return {
        "group": group,
        "files": files,
        "tests": tests,
        "mutants": total,
        "killed": counts["killed"],
        "timeout": counts["timeout"],
        "survived": counts["survived"],
        "no tests": counts["no tests"],
        "not checked": counts["not checked"],
        "score": detected / total if total else 0.0,
    }


def run_hand_mutation(path: str, replacements: list[tuple[str, str]], tests: list[str], template: Path) -> bool:
    """Apply one mutation to a copy of the project and run its tests there: True when they fail."""
    with tempfile.TemporaryDirectory(prefix="hand-mutation-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(
            ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "mutants", "media", "bench", "*.sqlite3")
        )
        target = copy / path
        source = target.read_text()
        for old, new in replacements:
            if source.count(old) != 1:
                raise SystemExit(f"{path}: the code a hand mutation changes has moved: {old!r}")
            source = source.replace(old, new)
        target.write_text(source)
        env = {**os.environ, "TEST_DB_TEMPLATE": str(template)}
        result = subprocess.run(
            [PYTHON, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "-p", "no:xdist", *tests],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode not in (0, 1):
            print(result.stdout[-2000:], result.stderr[-2000:])
            raise SystemExit(f"pytest could not run the tests for a hand mutation of {path}")
        return result.returncode == 1


def main(argv: list[str]) -> int:
    """``argv``: group slugs to run (all without), or ``hand`` for the hand mutations only."""
    hand_only = argv == ["hand"]
    wanted = [] if hand_only else [group for group in GROUPS if slug(group) in argv] if argv else list(GROUPS)
    if argv and not hand_only and len(wanted) != len(argv):
        raise SystemExit(f"groups: {', '.join(slug(group) for group in GROUPS)}, or hand")
    template = template_database()
    env = {**os.environ, "TEST_DB_TEMPLATE": str(template)}
    RESULTS.mkdir(exist_ok=True)
    report = RESULTS / "mutate.json"
    recorded = json.loads(report.read_text()) if report.exists() else {}
    for group in wanted:
        folder = workdir(group)
        if not os.environ.get("MUTATE_KEEP"):
            shutil.rmtree(folder / "mutants", ignore_errors=True)
        print(f"\n== {group}: {', '.join(GROUPS[group][0])}", flush=True)
        subprocess.run([MUTMUT, "run", "--max-children", str(os.cpu_count() or 2)], cwd=folder, env=env, check=True)
        recorded.setdefault("groups", {})[group] = score(group, mutmut_verdicts(folder))
        report.write_text(json.dumps(recorded, indent=2))

    print("\nHand mutations (issue 15):")
    hand = []
    for description, path, replacements, tests in HAND_MUTATIONS:
        killed = run_hand_mutation(path, replacements, tests, template)
        hand.append({"mutation": description, "file": path, "tests": tests, "killed": killed})
        print(f"  {'killed  ' if killed else 'SURVIVED'} {description} ({path})")
    recorded["hand_mutations"] = hand
    report.write_text(json.dumps(recorded, indent=2))

    print(f"\n{'module group':<18} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} {'no tests':>8} score")
    for row in recorded.get("groups", {}).values():
        mark = "" if row["score"] >= GOAL else f"  (goal {GOAL:.0%})"
        print(
            f"{row['group']:<18} {row['mutants']:>7} {row['killed']:>6} {row['timeout']:>7} "
            f"{row['survived']:>8} {row['no tests']:>8} {row['score']:6.1%}{mark}"
        )
    print(f"\nIn {report.relative_to(ROOT)}; survivors: cd bench/.data/mutate/<group> && mutmut results")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
