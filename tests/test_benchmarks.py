"""The benchmark's generator: a small synthetic brief loads clean and holds what it says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from peacebrief.core import load_brief
from peacebrief.core.anchors import normalise

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def small(generate, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("bench")
    return generate.generate(100, out), out


def test_small_brief_loads_with_no_errors(small) -> None:  # type: ignore[no-untyped-def]
    path, _ = small
    brief = load_brief(path)  # raises BriefError on any error; review marks are warnings
    assert all(p.severity == "warning" for p in brief.warnings)
    assert len(brief.events) == 100
    assert len(brief.quotes) == 2 * len(brief.events)
    assert len(brief.people) >= 20 and 6 <= len(brief.parties) <= 12 and len(brief.issues) >= 5
    assert {p.role for p in brief.parties} == {"party", "mediator", "host"}
    assert len(brief.sources) == 4 and all(s.sha256 for s in brief.sources)
    assert brief.positions


def test_every_anchor_resolves_to_its_words(small) -> None:  # type: ignore[no-untyped-def]
    brief = load_brief(small[0])
    anchors = [a for e in brief.events for a in e.evidence] + [a for p in brief.positions for a in p.evidence]
    anchors += [q.source for q in brief.quotes]
    assert len(anchors) >= 300
    for anchor in anchors:
        text = brief.source(anchor.source).document.text
        assert normalise(text[anchor.start : anchor.end]) == normalise(anchor.exact)
    assert any(a.prefix or a.suffix for a in anchors)  # ties broken by context are exercised
    for quote in brief.quotes:
        assert quote.text in brief.source(quote.source.source).document.text[quote.source.start : quote.source.end]


def test_dates_and_statuses_cover_the_format(small) -> None:  # type: ignore[no-untyped-def]
    brief = load_brief(small[0])
    isos = [e.date.iso() for e in brief.events]
    assert any("/" in d for d in isos) and any(d.endswith("~") for d in isos) and any(d.endswith("?") for d in isos)
    assert {e.date.precision for e in brief.events} >= {"day", "month"}
    assert len({e.status for e in brief.events}) >= 3
    assert {q.quote_kind for q in brief.quotes} == {"direct", "reported"}


def test_generation_is_deterministic_and_cached(generate, small, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, out = small
    again = generate.generate(100, tmp_path)
    assert again.read_bytes() == path.read_bytes()
    assert generate.is_current(100, out)
    assert not generate.is_current(100, out, seed=generate.DEFAULT_SEED + 1)
    assert generate.ensure(100, out) == path


@pytest.fixture(scope="module")
def bench_run():  # type: ignore[no-untyped-def]
    """benchmarks/run.py, for its verdicts (nothing is run)."""
    spec = importlib.util.spec_from_file_location("bench_run", GENERATE.parent / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_quick_fails_only_on_a_ratio_more_than_twice_its_target(bench_run) -> None:  # type: ignore[no-untyped-def]
    Figure = bench_run.Figure
    within = Figure("first whole frame", 1.25, "x", value=2.4)
    gross = Figure("first whole frame", 1.25, "x", value=2.6)
    slow_seconds = Figure("open again: time", 0.5, "s", value=5.0)  # absolute: printed, never gated
    shown = bench_run.info("  in ms (info)", "900 ms")
    broken = Figure("check", 2.25, "x", note="error: exit 1")
    assert [f.gross() for f in (within, gross, slow_seconds, shown, broken)] == [False, True, False, False, True]
    assert within.result(quick=True) == "fail (gated at 2.5x)"
    assert slow_seconds.result(quick=True) == "over target (not gated)"
    assert bench_run.verdict([within, slow_seconds, shown], quick=True) == ("no gross regressions", False)
    assert bench_run.verdict([within, gross], quick=True)[1] is True


def test_the_full_run_fails_on_any_figure_over_its_target(bench_run) -> None:  # type: ignore[no-untyped-def]
    Figure = bench_run.Figure
    figures = [Figure("a", 1.25, "x", value=1.3), Figure("b", 0.5, "s", value=0.4), bench_run.info("c (info)", "1 ms")]
    assert bench_run.verdict(figures, quick=False) == ("1 of 2 figures fail their targets", True)


def test_a_known_miss_is_gated_at_twice_what_it_was(bench_run) -> None:  # type: ignore[no-untyped-def]
    name, known = next(iter(bench_run.KNOWN_MISSES.items()))
    figure = bench_run.Figure(f"{name}, 1k brief (pty)", 2, "x", value=known * 1.5)
    assert figure.passed is False and not figure.gross()
    figure.value = known * 2.1
    assert figure.gross()
