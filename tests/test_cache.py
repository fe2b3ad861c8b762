"""The brief cache: a second open reads plain data back, and any change means a fresh load."""

from __future__ import annotations

import json
import marshal
import os
import sys
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from conftest import HARBOUR_BRIEF
from peacebrief.core import cache, cache_rows
from peacebrief.core.cache import cache_dir, cached_brief, load_brief_cached
from peacebrief.core.dates import BriefDate, DatePoint
from peacebrief.core.links import Links
from peacebrief.core.loader import load_brief
from peacebrief.core.model import (
    Anchor,
    Brief,
    Event,
    Issue,
    KeyPoint,
    Party,
    Person,
    Position,
    Quote,
    Source,
    SourceDocument,
)
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
    return sorted(cache_dir().glob("brief-*.marshal"))


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


def split(entry: Path) -> tuple[bytes, dict[str, Any], list[Any]]:
    """An entry's head as written, that head read, and its chunks as marshal made them."""
    raw = entry.read_bytes()
    assert raw.startswith(cache._MAGIC)
    _mac, body = raw[len(cache._MAGIC) :].split(b"\n", 1)
    head, chunks = body.split(b"\n", 1)
    return head + b"\n", json.loads(head), cache._unpacked(memoryview(chunks))


def sealed(head: bytes, chunks: list[Any], key: bytes) -> bytes:
    """An entry of that head and those chunks, its HMAC under `key`."""
    body = head + b"".join(map(cache._chunk, chunks))
    return cache._MAGIC + cache._mac(key, body) + b"\n" + body


def plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(plain(k) and plain(v) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return all(map(plain, value))
    return type(value) in (str, int, bool, type(None))


def test_the_cache_is_plain_data_not_pickle(harbour: Path) -> None:
    load_brief_cached(harbour)
    _head, head, chunks = split(entries()[0])
    assert head["brief_file"]["sha256"] and head["python"].startswith(str(sys.implementation.cache_tag))
    assert chunks[cache._REST]["id"] == "harbour-talks"
    assert all(map(plain, chunks))  # no object of any class but these: nothing to run or construct


def test_a_stale_entry_is_refused_from_its_first_bytes_without_parsing_it(harbour: Path, monkeypatch) -> None:
    load_brief_cached(harbour)
    harbour.write_text(harbour.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parsed: list[int] = []
    real_loads = marshal.loads
    monkeypatch.setattr(marshal, "loads", lambda data: parsed.append(len(data)) or real_loads(data))

    assert cached_brief(harbour) is None
    assert parsed == []  # the fingerprint at the head of the entry said it was stale


@pytest.mark.parametrize(
    "other",
    [
        lambda head: head.update(python="cpython-399 marshal 9"),  # another Python's marshal
        lambda head: head.update(tables="0" * 16),  # other tables, or other words of the model
        lambda head: head.update(format=cache.CACHE_FORMAT - 1),
    ],
    ids=["python", "tables", "format"],
)
def test_an_entry_another_python_or_peacebrief_wrote_is_stale(harbour: Path, other) -> None:
    """Even sealed with this user's key: its marshal or its columns may mean something else."""
    fresh = load_brief_cached(harbour)
    entry = entries()[0]
    _head, head, chunks = split(entry)
    other(head)
    entry.write_bytes(sealed(json.dumps(head, separators=(",", ":")).encode() + b"\n", chunks, cache._key()))

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).quotes == fresh.quotes
    assert split(entries()[0])[1] == json.loads(cache._body_head(head_of(harbour)))  # written again


def head_of(brief: Path) -> dict[str, Any]:
    resolved = brief.resolve()
    return cache._fingerprint(resolved, *cache._read_brief(resolved))


def test_a_json_entry_of_the_format_before_is_removed_when_the_brief_is_cached_again(harbour: Path) -> None:
    cache_dir().mkdir(parents=True, exist_ok=True)
    former = cache._entry_path(harbour.resolve()).with_suffix(".json")
    former.write_text('{"mac":"0","body":{}}', encoding="utf-8")

    load_brief_cached(harbour)

    assert not former.exists() and len(entries()) == 1


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


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{",
        b"\x80\x81",
        b'{"format": 1, "brief": 7}',
        b"[]",
        b'{"mac":"' + b"0" * 64 + b'","body":{}}',
        b"\0" * 100,
    ],
)
def test_a_corrupt_cache_is_ignored_and_rebuilt(harbour: Path, garbage: bytes) -> None:
    load_brief_cached(harbour)
    entries()[0].write_bytes(garbage)
    assert load_brief_cached(harbour).id == "harbour-talks"
    assert split(entries()[0])[2][cache._REST]["id"] == "harbour-talks"


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
    """The cache writes each record's fields in columns, one table per kind in
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


def test_records_read_back_from_their_columns_equal_the_records_written() -> None:
    """Records are written and read by their table: what comes back must be the very record
    that was written, every field set, as its class would make it."""
    anchor = Anchor("src-a", "words", 3, 8, 2, None, "after", True)
    date = BriefDate(DatePoint(2026, 2, None, approximate=True), DatePoint(2026, 3))
    event = Event(id="ev-1", line=4, date=date, title="Talks", evidence=(anchor,), status="scheduled", parties=("a",))
    encoder = cache_rows.Encoder()
    written = cache_rows.RECORDS["events"].write(encoder, [event])
    decoder = cache_rows.Decoder(Path("brief.yaml"), marshal.loads(marshal.dumps(encoder.date_table())))

    [made] = cache_rows.RECORDS["events"].read(decoder, marshal.loads(marshal.dumps(written)))

    counts, (_count, anchors) = written[1][5]
    assert counts == (1,) and anchors[1] == ("words",)  # the anchor's words, as they are
    assert made == event and repr(made) == repr(event) and hash(made) == hash(event)
    assert type(made.parties) is tuple and type(made.evidence[0]) is Anchor
    with pytest.raises(AttributeError):
        made.title = "changed"  # still frozen


# -- an entry is believed only when it is ours and sound ----------------------------------


def column(chunks: list[Any], kind: str, name: str) -> list[Any]:
    """A column of a kind of record, as a list to edit (`put` puts it back)."""
    return list(chunks[list(cache_rows.RECORDS).index(kind)][1][cache_rows.RECORDS[kind].names.index(name)])


def put(chunks: list[Any], kind: str, name: str, values: Any) -> None:
    at = list(cache_rows.RECORDS).index(kind)
    count, columns = chunks[at]
    columns = list(columns)
    columns[cache_rows.RECORDS[kind].names.index(name)] = values
    chunks[at] = (count, tuple(columns))


def edited(entry: Path, edit, key: bytes | None) -> None:
    """Edit an entry's chunks, keeping its head; sealed again under `key`, or with its old mac when None."""
    head, _head, chunks = split(entry)
    edit(chunks)
    if key is not None:
        entry.write_bytes(sealed(head, chunks, key))
        return
    mac = entry.read_bytes()[len(cache._MAGIC) : len(cache._MAGIC) + cache._MAC_LEN]
    entry.write_bytes(cache._MAGIC + mac + b"\n" + head + b"".join(map(cache._chunk, chunks)))


def test_an_edited_title_is_not_believed(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)
    edited(entries()[0], lambda chunks: chunks[cache._REST].update(title="TAMPERED TITLE NOT IN BRIEF"), None)

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).title == fresh.title


def test_an_edited_quote_with_a_recomputed_mac_under_another_key_is_not_believed(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)

    def edit(chunks: list[Any]) -> None:
        words = column(chunks, "quotes", "text")
        words[0] = "WE WILL BOMB THE DAMS (never said)"
        put(chunks, "quotes", "text", tuple(words))

    edited(entries()[0], edit, b"k" * 32)

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).quotes == fresh.quotes


def _first(kind: str, name: str, value: Any):
    def edit(chunks: list[Any]) -> None:
        values = column(chunks, kind, name)
        values[0] = value
        put(chunks, kind, name, tuple(values))

    return edit


def _miscounted(chunks: list[Any]) -> None:
    at = list(cache_rows.RECORDS).index("events")
    count, columns = chunks[at]
    chunks[at] = (count + 1, columns)


@pytest.mark.parametrize(
    "edit",
    [
        _first("sources", "file", "/dev/zero"),  # a source that never ends
        lambda chunks: chunks.__setitem__(4, "[" * 200_000),  # nonsense where the events should be
        lambda chunks: put(chunks, "events", "evidence", None),
        _miscounted,  # a record more than its columns hold: one would lack its fields
        lambda chunks: chunks.pop(),  # a chunk missing
        lambda chunks: chunks.append(()),  # a chunk too many
    ],
    ids=["dev-zero", "brackets", "null-evidence", "miscounted", "missing", "extra"],
)
def test_an_unsound_entry_means_a_fresh_load_never_a_crash(harbour: Path, edit) -> None:
    """Sealed with the real key: what only a bug of ours could write, or a source changed since."""
    fresh = load_brief_cached(harbour)
    edited(entries()[0], edit, cache._key())

    assert cached_brief(harbour) is None
    assert load_brief_cached(harbour).events == fresh.events


def _unsound(brief: Brief, kind: str, **changes: Any) -> Brief:
    first, *rest = getattr(brief, kind)
    return replace(brief, **{kind: (replace(first, **changes), *rest)})


@pytest.mark.parametrize(
    "unsound",
    [
        lambda b: _unsound(b, "events", evidence=(replace(b.events[0].evidence[0], start=10**9),)),  # past its source
        lambda b: _unsound(b, "events", status="exploded"),  # a status the model does not know
        lambda b: _unsound(
            b, "events", evidence=(replace(b.events[0].evidence[0], exact="not there", normalised=False),)
        ),
        lambda b: _unsound(b, "quotes", quote_kind="whispered"),  # a quote kind it does not know
        lambda b: _unsound(b, "events", parties=("nobody",)),  # a party that is not in the brief
        lambda b: _unsound(b, "positions", status="abandoned"),
        lambda b: _unsound(b, "people", party="nobody"),
    ],
    ids=["offset", "status", "words", "kind", "party", "holding", "delegate"],
)
def test_a_brief_that_is_not_sound_is_never_written(harbour: Path, unsound) -> None:
    """What the reader relies on is checked once, before the entry is sealed: the seal then
    says it still holds (an entry is not checked again each time it is read)."""
    brief = load_brief(harbour)
    resolved = harbour.resolve()
    entry = cache._entry_path(resolved)
    cache._write_entry(entry, head_of(harbour), unsound(brief))
    assert not entry.exists()

    cache._write_entry(entry, head_of(harbour), brief)
    assert entry.exists() and cached_brief(harbour) is not None


def test_a_truncated_or_resealed_garbage_entry_means_a_fresh_load(harbour: Path) -> None:
    fresh = load_brief_cached(harbour)
    whole = entries()[0].read_bytes()
    head, _head, _chunks = split(entries()[0])
    body = head + b"\xff" * 8 + b"[" * 1000  # a chunk longer than the entry
    for wrong in (
        whole[:-1],
        whole[: len(whole) // 2],
        whole[: len(cache._MAGIC) + 10],
        sealed(head, [], cache._key()) + b"\x00" * 8,  # an empty chunk: no marshal at all
        cache._MAGIC + cache._mac(cache._key(), body) + b"\n" + body,
    ):
        entries()[0].write_bytes(wrong)
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
