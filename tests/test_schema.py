"""The JSON Schema in docs/brief.schema.json: valid itself, and agreeing with
the briefs in briefs/, the worked example in docs/format.md, and a few briefs
that break the format."""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).parents[1]
SCHEMA_PATH = ROOT / "docs" / "brief.schema.json"
FORMAT_DOC = ROOT / "docs" / "format.md"
BRIEFS = ROOT / "briefs"
# A made-up brief with two sources, kept for the tests: it exercises long-form anchors.
FIXTURE_BRIEFS = ROOT / "tests" / "data" / "harbour" / "briefs"


def to_json_types(value):
    """Turn what PyYAML builds into what a JSON Schema validator expects.

    An unquoted `2026-02-04` loads as a `datetime.date`; the format allows it,
    and the schema describes dates as strings, so convert (recursively).
    """
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: to_json_types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_types(item) for item in value]
    return value


def load_yaml(text: str):
    return to_json_types(yaml.safe_load(text))


def errors_of(validator, instance) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<top>'}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    return jsonschema.Draft202012Validator(schema)


def worked_example() -> str:
    """The first ```yaml block of docs/format.md: the complete example brief."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    match = re.search(r"^```yaml\n(.*?)^```", text, re.M | re.S)
    assert match, "docs/format.md has no ```yaml block"
    return match.group(1)


def worked_example_source() -> str:
    """The first ```text block of docs/format.md: the example's source document."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    match = re.search(r"^```text\n(.*?)^```", text, re.M | re.S)
    assert match, "docs/format.md has no ```text block"
    return match.group(1)


@pytest.fixture()
def example():
    return load_yaml(worked_example())


# (a) the schema itself


def test_schema_is_valid_draft_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


# (b) every brief in briefs/


def brief_params() -> list:
    paths = sorted(BRIEFS.glob("*.yaml")) if BRIEFS.is_dir() else []
    if not paths:
        reason = f"no *.yaml brief in {BRIEFS} yet"
        return [pytest.param(None, id="no-briefs", marks=pytest.mark.skip(reason=reason))]
    return [pytest.param(path, id=path.name) for path in paths]


@pytest.mark.parametrize("path", brief_params())
def test_briefs_validate(validator, path):
    brief = load_yaml(path.read_text(encoding="utf-8"))
    assert errors_of(validator, brief) == []


@pytest.mark.parametrize("path", sorted(FIXTURE_BRIEFS.glob("*.yaml")), ids=lambda p: p.name)
def test_fixture_briefs_validate(validator, path):
    brief = load_yaml(path.read_text(encoding="utf-8"))
    assert len(brief["sources"]) > 1
    assert errors_of(validator, brief) == []


# (c) the worked example in docs/format.md


def test_worked_example_validates(validator, example):
    assert example["id"] == "velra-talks-2025-09"
    assert errors_of(validator, example) == []


def test_worked_example_loads_as_documented(tmp_path):
    """The walk-through in docs/format.md matches what the loader does."""
    from peacebrief.core.loader import load_brief

    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds" / "velra-wire.txt").write_text(worked_example_source(), encoding="utf-8")
    path = tmp_path / "briefs" / "velra-talks.yaml"
    path.write_text(worked_example(), encoding="utf-8")
    brief = load_brief(path)  # raises with every problem if the example is wrong

    assert sorted(w.record for w in brief.warnings) == ["ev-technical", "reyes"]
    assert [e.id for e in brief.events] == ["ev-technical", "ev-round-2", "ev-round-3"]
    paragraphs = {
        **{e.id: [a.paragraph for a in e.evidence] for e in brief.events},
        **{p.id: [a.paragraph for a in p.evidence] for p in brief.positions if p.evidence},
        **{q.id: [q.source.paragraph] for q in brief.quotes},
    }
    assert paragraphs == {
        "ev-technical": [6],
        "ev-round-2": [1, 1],
        "ev-round-3": [5],
        "ostria-summer-share": [4],
        "pellan-summer-share": [3],
        "q-varga-dams": [2],
        "q-reyes-gauge": [3],
        "q-commission-data": [5],
    }
    normalised = [p.id for p in brief.positions for a in p.evidence if a.normalised]
    assert normalised == ["pellan-summer-share"]


def test_unquoted_yaml_dates_and_bare_years_are_accepted(validator, example):
    example["as_of"] = datetime.date(2025, 9, 17).isoformat()
    example["sources"][0]["published"] = 2025
    assert errors_of(validator, example) == []


@pytest.mark.parametrize(
    "date",
    [
        "2026",
        "2026-02",
        "2026-02-04",
        "2026-01-23/2026-01-24",
        "2026-01/2026-02",
        "2025/2026",
        "2026-01-30~",
        "2026-02-04?",
        "2026-02%",
    ],
)
def test_date_forms_accepted(validator, example, date):
    example["events"][0]["date"] = date
    assert errors_of(validator, example) == []


@pytest.mark.parametrize(
    "date",
    ["2026-13-40x", "2026-13", "2026-02-32", "26-02-04", "2026/02/04", "Feb 2026", "", "2026-02-04~~", "0000", 0],
)
def test_date_forms_rejected(validator, example, date):
    example["events"][0]["date"] = date
    assert errors_of(validator, example)


# (d) briefs that break the format


def broken(example, change):
    brief = copy.deepcopy(example)
    change(brief)
    return brief


def set_quote_kind(brief):
    brief["quotes"][0]["kind"] = "paraphrase"


def set_bad_id(brief):
    brief["issues"][0]["id"] = "Bad_Id"


def set_bad_role(brief):
    brief["parties"][0]["role"] = "observer"


def set_bad_date(brief):
    brief["events"][0]["date"] = "2026-13-40x"


INVALID = {
    "missing sources": lambda b: b.pop("sources"),
    "empty sources": lambda b: b.update(sources=[]),
    "bad party role": set_bad_role,
    "bad id Bad_Id": set_bad_id,
    "bad date 2026-13-40x": set_bad_date,
    "quote kind paraphrase": set_quote_kind,
    "version 2": lambda b: b.update(peacebrief=2),
    "event without evidence": lambda b: b["events"][0].pop("evidence"),
    "event with empty evidence": lambda b: b["events"][0].update(evidence=[]),
    "position with empty evidence": lambda b: b["positions"][0].update(evidence=[]),
    "bad event status": lambda b: b["events"][0].update(status="rumoured"),
    "short tag too long": lambda b: b["parties"][0].update(short="OSTRIA"),
    "sha256 not 64 hex": lambda b: b["sources"][0].update(sha256="abc123"),
    "long anchor without exact": lambda b: b["positions"][1]["evidence"][0].pop("exact"),
    "review not a string": lambda b: b["people"][1].update(review=True),
    "short anchor with two sources": lambda b: b["sources"].append(dict(b["sources"][0], id="wire-2")),
}


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_invalid_briefs_rejected(validator, example, change):
    assert errors_of(validator, broken(example, change))


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_loader_rejects_them_too(tmp_path, change):
    """The schema is no stricter than the loader on these: both refuse them."""
    from peacebrief.core.loader import load_brief
    from peacebrief.core.problems import BriefError

    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds" / "velra-wire.txt").write_text(worked_example_source(), encoding="utf-8")
    brief = broken(yaml.safe_load(worked_example()), change)
    path = tmp_path / "briefs" / "broken.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(BriefError):
        load_brief(path)


def test_extra_fields_allowed(validator, example):
    example["editor_notes"] = "check with the desk"
    example["people"][0]["twitter"] = "@example"
    assert errors_of(validator, example) == []


def test_long_anchors_with_two_sources_accepted(validator, example):
    def long_form(anchor):
        return anchor if isinstance(anchor, dict) else {"source": "wire", "exact": anchor}

    example["sources"].append(dict(example["sources"][0], id="wire-2"))
    for event in example["events"]:
        event["evidence"] = [long_form(a) for a in event["evidence"]]
    for quote in example["quotes"]:
        quote["source"] = long_form(quote["source"])
    for position in example["positions"]:
        # quote ids stay as they are; everything else becomes long form
        position["evidence"] = [
            a if isinstance(a, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", a) else long_form(a)
            for a in position["evidence"]
        ]
    assert errors_of(validator, example) == []


@pytest.mark.parametrize("path", sorted((ROOT / "cases" / "tarren-valley").glob("*.yaml")), ids=lambda p: p.name)
def test_example_case_briefs_validate(validator, path):
    brief = load_yaml(path.read_text(encoding="utf-8"))
    assert errors_of(validator, brief) == []
