"""The brief cache: a second open reads JSON, and any change means a fresh load."""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

import pytest

from conftest import HARBOUR_BRIEF
from peacebrief.core import cache, cache_rows
from peacebrief.core.cache import cache_dir, cached_brief, load_brief_cached
from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.links import Links
from peacebrief.core.loader import load_brief
from peacebrief.core.model import Anchor, Event, Issue, KeyPoint, Party, Person, Position, Quote, Source, SourceDocument
from peacebrief.core.problems import BriefError, Problem


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """A private copy of the harbour brief and its seeds, free to change."""
    for folder in ("briefs", "seeds"):
        (tmp_path / folder).mkdir()
        for file in (HARBOUR_BRIEF.parent.parent / folder).iterdir():
            (tmp_path / folder / file.name).write_bytes(file.read_bytes())
    return tmp_path / "briefs" / HARBOUR_BRIEF.name


def entries() -> list[Path]:
    return sorted(cache_dir().glob("brief-*.json"))


def test_the_second_open_comes_from_the_cache_and_equals_a_fresh_load(harbour: Path, monkeypatch) -> None:
    first = load_brief_cached(harbour)
    assert len(entries()) == 1
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("the loader ran on a fresh cache"))
    second = load_brief_cached(harbour)
    fresh = load_brief(harbour)
    for field in ("sources", "parties", "people", "issues", "events", "positions", "quotes", "key_points", "warnings"):
        assert getattr(second, field) == getattr(fresh, field) == getattr(first, field), field
    assert second.links.matrix == fresh.links.matrix
    assert second.links.by_paragraph == fresh.links.by_paragraph
    assert second.links.incoming == fresh.links.incoming


def test_cached_brief_reads_only_the_cache_and_never_parses(harbour: Path, monkeypatch) -> None:
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("cached_brief parsed the brief"))
    assert cached_brief(harbour) is None  # nothing cached yet
    assert cached_brief(harbour.parent / "nowhere.yaml") is None
    monkeypatch.undo()
    fresh = load_brief_cached(harbour)
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("cached_brief parsed the brief"))
    again = cached_brief(harbour)
    assert again is not None and again.quotes == fresh.quotes and again.sources == fresh.sources
    assert cached_brief(harbour, max_entry_bytes=100) is None  # too big to read before the first paint
    harbour.write_text(harbour.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_brief(harbour) is None  # stale: the caller loads it afresh


def test_the_cache_is_json_data_not_pickle(harbour: Path) -> None:
    load_brief_cached(harbour)
    payload = json.loads(entries()[0].read_text(encoding="utf-8"))
    assert payload["body"]["brief"]["id"] == "harbour-talks"
    assert payload["body"]["brief_file"]["sha256"]


def test_a_stale_entry_is_refused_from_its_first_bytes_without_parsing_it(harbour: Path, monkeypatch) -> None:
    load_brief_cached(harbour)
    harbour.write_text(harbour.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parsed: list[int] = []
    real_loads = json.loads
    monkeypatch.setattr(
        json, "loads", lambda data, *args, **kwargs: parsed.append(len(data)) or real_loads(data, *args, **kwargs)
    )

    assert cached_brief(harbour) is None
    assert parsed == []  # the fingerprint at the head of the entry said it was stale


def test_a_changed_brief_is_loaded_again(harbour: Path) -> None:
    load_brief_cached(harbour)
    text = harbour.read_text(encoding="utf-8")
    harbour.write_text(text.replace("title: ", "title: Revised ", 1), encoding="utf-8")
    assert load_brief_cached(harbour).title.startswith("Revised ")


def test_a_brief_changed_without_a_new_size_or_time_is_still_seen(harbour: Path) -> None:
    load_brief_cached(harbour)
    stat = harbour.stat()
    text = harbour.read_text(encoding="utf-8")
    changed = text.replace("harbour-talks", "harbour-tolks", 1)
    assert len(changed) == len(text)
    harbour.write_text(changed, encoding="utf-8")
    os.utime(harbour, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_brief_cached(harbour).id == "harbour-tolks"


def test_a_source_with_a_byte_order_mark_comes_back_from_the_cache(harbour: Path, monkeypatch) -> None:
    """The entry holds the sha256 of the text; the cache hashes the file's bytes less the
    mark, which must be the same thing."""
    for source in harbour.parent.parent.joinpath("seeds").iterdir():
        source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    text = harbour.read_text(encoding="utf-8")
    harbour.write_text("\n".join(line for line in text.splitlines() if "sha256:" not in line) + "\n", encoding="utf-8")
    fresh = load_brief_cached(harbour)
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("the loader ran on a fresh cache"))
    again = cached_brief(harbour)
    assert again is not None and again.sources == fresh.sources and again.quotes == fresh.quotes
    assert not again.sources[0].document.text.startswith("\ufeff")


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_source_linked_out_of_the_project_after_it_was_cached_is_not_believed(
    harbour: Path, tmp_path: Path, linked: str
) -> None:
    """The same bytes, but outside the brief's project once links are followed: a source
    swapped for a link, or its whole folder."""
    load_brief_cached(harbour)
    seeds = harbour.parent.parent / "seeds"
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    for source in seeds.iterdir():
        (elsewhere / source.name).write_bytes(source.read_bytes())
    if linked == "file":
        source = seeds / "harbour-wire.txt"
        source.unlink()
        source.symlink_to(elsewhere / source.name)
    else:
        seeds.rename(seeds.with_name("seeds-moved"))
        seeds.symlink_to(elsewhere, target_is_directory=True)

    assert cached_brief(harbour) is None
    with pytest.raises(BriefError, match="outside"):
        load_brief_cached(harbour)


def test_a_changed_source_is_checked_again(harbour: Path) -> None:
    brief = load_brief_cached(harbour)
    source = brief.sources[0].file
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief_cached(harbour)  # its sha256 no longer matches the brief's
    assert any("sha256" in p.message for p in caught.value.problems)


@pytest.mark.parametrize("garbage", [b"", b"{", b"\x80\x81", b'{"format": 1, "brief": 7}', b"[]"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(harbour: Path, garbage: bytes) -> None:
    load_brief_cached(harbour)
    entries()[0].write_bytes(garbage)
    assert load_brief_cached(harbour).id == "harbour-talks"
    assert json.loads(entries()[0].read_bytes())["body"]["brief"]["id"] == "harbour-talks"


def test_an_unwritable_cache_folder_does_not_stop_the_reader(harbour: Path, monkeypatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_brief_cached(harbour).id == "harbour-talks"


def test_errors_are_reported_as_the_loader_reports_them(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(BriefError) as caught:
        load_brief_cached(missing)
    assert "no such brief file" in caught.value.problems[0].message


def test_the_cache_rows_hold_every_field_of_the_model() -> None:
    """The cache writes each record as a row of its fields, one table per kind in
    cache_rows.py. A field added to the model and not to its table would be lost on every
    cached open (or come back as its default): this fails until the table says where the
    field goes."""
    written = {
        Source: [
            "id",
            "review",
            "line",
            "title",
            "path",
            "published",
            "document",
            "file",
            "publisher",
            "url",
            "sha256",
        ],
        SourceDocument: ["text", "dateline", "body_start", "paragraphs"],
        Party: ["id", "review", "line", "name", "role", "short", "summary"],
        Person: ["id", "review", "line", "name", "party", "title", "aliases", "delegate"],
        Issue: ["id", "review", "line", "title", "summary"],
        Event: [
            "id",
            "review",
            "line",
            "date",
            "title",
            "evidence",
            "date_text",
            "summary",
            "place",
            "status",
            "parties",
            "people",
            "issues",
        ],
        Position: ["id", "review", "line", "party", "issue", "stance", "evidence", "quotes", "detail", "status"],
        Quote: [
            "id",
            "review",
            "line",
            "speaker",
            "text",
            "quote_kind",
            "source",
            "text_start",
            "text_end",
            "said",
            "date_text",
            "event",
            "issues",
        ],
        Anchor: ["source", "exact", "start", "end", "paragraph", "prefix", "suffix", "normalised"],
        KeyPoint: ["text", "refs", "line"],
        Problem: ["path", "message", "line", "column", "record", "severity"],
        Links: ["records", "_incoming", "by_paragraph", "matrix"],
        BriefDate: ["start", "end"],
        DatePoint: ["year", "month", "day", "approximate", "uncertain"],
    }
    # Fields made with init=False are derived from the others on use, never written.
    assert {cls: [f.name for f in fields(cls) if f.init] for cls in written} == written
    assert {table.cls.__name__: table.unmatched_fields() for table in cache_rows.TABLES} == {
        table.cls.__name__: set() for table in cache_rows.TABLES
    }
    assert {table.cls for table in cache_rows.TABLES} == set(written) - {SourceDocument, Links}


def test_records_read_back_from_their_rows_equal_the_records_written() -> None:
    """Each row is written and read by its table: what comes back must be the very record
    that was written, every field set, as its class would make it."""
    anchor = Anchor("src-a", "words", 3, 8, 2, None, "after", True)
    date = BriefDate(DatePoint(2026, 2, None, approximate=True), DatePoint(2026, 3))
    event = Event(id="ev-1", line=4, date=date, title="Talks", evidence=(anchor,), status="scheduled", parties=("a",))
    encoder = cache_rows.Encoder([])
    row = cache_rows.RECORDS["events"].write(encoder, event)
    decoder = cache_rows.Decoder(Path("brief.yaml"), encoder.date_table())

    [made] = cache_rows.RECORDS["events"].read(decoder, [row])

    assert row[5][0][1] == "words"  # no source text to slice it from: written out
    assert made == event and repr(made) == repr(event) and hash(made) == hash(event)
    assert type(made.parties) is tuple and type(made.evidence[0]) is Anchor
    with pytest.raises(AttributeError):
        made.title = "changed"  # still frozen


# -- an entry is believed only when it is ours and sound ----------------------------------


def tamper(entry: Path, edit) -> None:
    """Edit an entry's body as an attacker would, keeping its fingerprint (and its old mac)."""
    payload = json.loads(entry.read_bytes())
    edit(payload["body"])
    body = json.dumps(payload["body"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    entry.write_bytes(b'{"mac":"' + payload["mac"].encode("ascii") + b'","body":' + body + b"}")


def test_an_edited_title_is_not_believed(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)
    tamper(entries()[0], lambda body: body["brief"].update(title="TAMPERED TITLE NOT IN BRIEF"))

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).title == fresh.title


def test_an_edited_quote_with_a_recomputed_mac_under_another_key_is_not_believed(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)
    entry = entries()[0]
    payload = json.loads(entry.read_bytes())
    payload["body"]["brief"]["quotes"][0][4] = "WE WILL BOMB THE DAMS (never said)"
    body = json.dumps(payload["body"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    entry.write_bytes(b'{"mac":"' + cache._mac(b"k" * 32, body) + b'","body":' + body + b"}")

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).quotes == fresh.quotes


def resealed(entry: Path, edit) -> None:
    """Edit an entry and seal it again with the real key: what only a bug of ours could write."""
    payload = json.loads(entry.read_bytes())
    edit(payload["body"])
    body = json.dumps(payload["body"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    entry.write_bytes(b'{"mac":"' + cache._mac(cache._key(), body) + b'","body":' + body + b"}")


@pytest.mark.parametrize(
    "edit",
    [
        lambda b: b["brief"]["events"][0][5][0].__setitem__(2, 10**9),  # an anchor's start past its source
        lambda b: b["brief"]["events"][0].__setitem__(9, "exploded"),  # a status the model does not know
        lambda b: b["brief"]["quotes"][0].__setitem__(5, "whispered"),  # a quote kind it does not know
        lambda b: b["brief"]["events"][0].__setitem__(10, ["nobody"]),  # a party that is not in the brief
        lambda b: b["brief"]["sources"][0].__setitem__(9, "/dev/zero"),  # a source that never ends
        lambda b: b["brief"].__setitem__("events", "[" * 200_000),  # nonsense where rows should be
        lambda b: b["brief"]["events"][0].__setitem__(5, None),
        lambda b: b["brief"]["events"][0][5][1].__setitem__(1, "words not there"),  # not its source's, not normalised
    ],
    ids=["offset", "status", "kind", "party", "dev-zero", "brackets", "null-evidence", "words"],
)
def test_an_unsound_entry_means_a_fresh_load_never_a_crash(harbour: Path, edit) -> None:
    fresh = load_brief_cached(harbour)
    resealed(entries()[0], edit)

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).events == fresh.events


def test_deeply_nested_json_in_an_entry_means_a_fresh_load(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)
    body = b"[" * 200_000 + b"]" * 200_000
    entries()[0].write_bytes(b'{"mac":"' + cache._mac(cache._key(), body) + b'","body":' + body + b"}")

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).id == fresh.id


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_source_swapped_for_a_pipe_means_a_fresh_load_that_reports_it(harbour: Path) -> None:
    load_brief_cached(harbour)
    source = harbour.parent.parent / "seeds" / "harbour-wire.txt"
    source.unlink()
    os.mkfifo(source)

    assert cached_brief(harbour) is None
    with pytest.raises(BriefError, match="is not a regular file"):
        load_brief_cached(harbour)


def test_the_brief_is_hashed_and_parsed_from_the_same_bytes(harbour: Path, monkeypatch) -> None:
    """A file replaced between the hash and the parse must not store one's hash with the other's words."""
    original = harbour.read_text(encoding="utf-8")
    revised = original.replace("title: ", "title: Revised ", 1)
    real_read = cache._read_brief

    def read_then_replace(path: Path):
        got = real_read(path)
        harbour.write_text(revised, encoding="utf-8")  # the file changes right after it was read
        return got

    monkeypatch.setattr(cache, "_read_brief", read_then_replace)
    first = load_brief_cached(harbour)
    monkeypatch.undo()

    assert not first.title.startswith("Revised ")  # what was hashed is what was parsed
    assert load_brief_cached(harbour).title.startswith("Revised ")


def test_a_cache_key_others_can_read_turns_the_cache_off(harbour: Path) -> None:
    load_brief_cached(harbour)
    (cache_dir() / "key").chmod(0o644)

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).id == "harbour-talks"


def test_what_a_writer_killed_mid_write_left_is_removed_by_the_next(harbour: Path) -> None:
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    cache_dir().mkdir(parents=True, exist_ok=True)
    left = cache_dir() / f".peacebrief-{int(gone.stdout)}-0123abcd.tmp"
    mine = cache_dir() / f".peacebrief-{os.getpid()}-0123abcd.tmp"  # this process: a write under way
    left.write_bytes(b"x" * 1000)
    mine.write_bytes(b"x")

    load_brief_cached(harbour)

    assert not left.exists() and mine.exists()
    assert sorted(p.name for p in cache_dir().iterdir() if p.name.endswith(".tmp")) == [mine.name]


def test_a_withdrawn_position_comes_back_from_the_cache_withdrawn(tmp_path: Path, monkeypatch) -> None:
    round_3 = Path(__file__).resolve().parents[1] / "cases" / "tarren-valley" / "round-3.yaml"
    assert load_brief_cached(round_3)["tvm-withdrawal"].status == "withdrawn"
    monkeypatch.setattr(cache, "_load_afresh", lambda path: pytest.fail("the loader ran on a fresh cache"))
    again = load_brief_cached(round_3)
    assert [p.id for p in again.positions if p.withdrawn] == ["tvm-withdrawal"]
    assert again.positions == load_brief(round_3).positions
