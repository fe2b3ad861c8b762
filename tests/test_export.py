"""Writing digests: the overwrite rule, atomicity, clear errors, default names, `-o`."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from peacebrief.cli import main
from peacebrief.core import export, load_brief
from peacebrief.core.bundled import default_brief
from peacebrief.core.digest import render_digest
from peacebrief.core.export import (
    ExportError,
    ExportExistsError,
    default_export_name,
    default_export_path,
    export_digest,
    write_atomic,
)
from peacebrief.core.model import Brief

OLD = "the old digest\n"


@pytest.fixture(scope="module")
def bundled() -> Brief:
    return load_brief(default_brief())


def names(folder: Path) -> list[str]:
    """Everything in the folder, hidden files included: a left-over temporary shows here."""
    return sorted(os.listdir(folder))


# -- the happy path -------------------------------------------------------------------------


def test_writes_utf8_bytes_exactly(tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    assert write_atomic(target, "“quoted” ¶4\nline two\n") == target
    assert target.read_bytes() == "“quoted” ¶4\nline two\n".encode()
    assert names(tmp_path) == ["digest.txt"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "digest.txt", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "digest.txt").stat().st_mode) == 0o644  # not mkstemp's 0600


def test_relative_path_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic("digest.md", "# x\n")
    assert (tmp_path / "digest.md").read_text() == "# x\n"
    assert names(tmp_path) == ["digest.md"]


# -- the overwrite rule ---------------------------------------------------------------------


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    target.write_text(OLD)
    with pytest.raises(ExportExistsError) as caught:
        write_atomic(target, "new")
    assert isinstance(caught.value, ExportError)
    assert str(caught.value) == f"{target} already exists; pass --force to overwrite it"
    assert target.read_text() == OLD and names(tmp_path) == ["digest.txt"]


def test_force_overwrites_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    target.write_text(OLD)
    target.chmod(0o640)
    write_atomic(target, "new\n", force=True)
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(tmp_path) == ["digest.txt"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        write_atomic(tmp_path, "x", force=True)


# -- clear errors -------------------------------------------------------------------------


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "digest.txt"
    with pytest.raises(ExportError, match=r"the folder .*no/such does not exist"):
        write_atomic(target, "x")
    assert names(tmp_path) == []


def test_parent_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    with pytest.raises(ExportError, match="is not a folder"):
        write_atomic(tmp_path / "plain" / "digest.txt", "x")


def test_folder_that_is_not_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests may run as root, who may write anywhere: make creating the file fail as
    # it does for anyone else in a read-only folder.
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export.os, "access", lambda *a, **k: True)
    monkeypatch.setattr(export.os, "open", refuse)
    with pytest.raises(ExportError, match=rf"cannot write .*digest.txt: the folder {tmp_path} is not writable"):
        write_atomic(tmp_path / "digest.txt", "x")
    assert names(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions apply to")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="is not writable"):
            write_atomic(folder / "digest.txt", "x")
        assert names(folder) == []
    finally:
        folder.chmod(0o755)


# -- atomicity --------------------------------------------------------------------------------


def test_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "digest.txt"
    target.write_text(OLD)

    def broken_replace(source: str, destination: object) -> None:
        assert Path(source).read_text() == "the whole new digest\n"  # written in full, beside the target
        assert Path(source).parent == tmp_path
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    with pytest.raises(ExportError, match="cannot write .*digest.txt: No space left on device"):
        write_atomic(target, "the whole new digest\n", force=True)
    assert target.read_text() == OLD
    assert names(tmp_path) == ["digest.txt"]


def test_failure_half_way_through_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "digest.txt"
    target.write_text(OLD)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            self.stream.flush()  # type: ignore[attr-defined]
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(export.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(ExportError, match="Input/output error"):
        write_atomic(target, "x" * 10_000, force=True)
    assert target.read_text() == OLD
    assert names(tmp_path) == ["digest.txt"]


def test_a_new_file_is_not_left_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(ExportError):
        write_atomic(tmp_path / "digest.txt", "x" * 10_000)
    assert names(tmp_path) == []


def test_interrupt_removes_the_temporary_and_propagates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(source: str, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "digest.txt", "x")
    assert names(tmp_path) == []


# -- names for the app's export dialog ----------------------------------------------------------


@pytest.mark.parametrize(("fmt", "extension"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_default_export_name(bundled: Brief, fmt: str, extension: str) -> None:
    day = dt.date(2026, 11, 28)
    assert default_export_name(bundled, fmt, day) == f"abu-dhabi-2026-02-digest-2026-11-28.{extension}"  # type: ignore[arg-type]


def test_default_export_path_is_in_the_current_folder(
    bundled: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    day = dt.date(2026, 11, 28)
    assert default_export_path(bundled, "text", day) == tmp_path / "abu-dhabi-2026-02-digest-2026-11-28.txt"
    assert default_export_path(bundled, "json", day, folder=Path("out")) == Path(
        "out/abu-dhabi-2026-02-digest-2026-11-28.json"
    )


def test_export_digest_writes_the_rendered_digest(bundled: Brief, tmp_path: Path) -> None:
    target = tmp_path / default_export_name(bundled, "markdown", dt.date(2026, 11, 28))
    export_digest(bundled, target, fmt="markdown")
    assert target.read_text(encoding="utf-8") == render_digest(bundled, fmt="markdown")
    with pytest.raises(ExportExistsError):
        export_digest(bundled, target, fmt="markdown")


# -- `peacebrief digest -o` -----------------------------------------------------------------------


def test_cli_writes_the_file_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled: Brief) -> None:
    target = tmp_path / "brief.txt"
    assert main(["digest", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == f"peacebrief digest: wrote {target}\n"
    assert target.read_text(encoding="utf-8") == render_digest(bundled)


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.txt"
    target.write_text(OLD)
    assert main(["digest", "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"peacebrief digest: {target} already exists; pass --force to overwrite it\n"
    assert target.read_text() == OLD
    assert main(["digest", "-o", str(target), "--force", "--format", "json"]) == 0
    assert target.read_text(encoding="utf-8").startswith('{\n  "format": "peacebrief-digest",\n  "version": 2,')


def test_cli_missing_folder_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "-o", str(tmp_path / "nowhere" / "brief.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err


def test_cli_dash_is_standard_output(capsys: pytest.CaptureFixture[str], bundled: Brief) -> None:
    assert main(["digest", "-o", "-"]) == 0
    assert capsys.readouterr().out == render_digest(bundled)


def test_the_default_name_carries_the_party_filter(bundled: Brief) -> None:
    day = dt.date(2026, 11, 28)
    assert default_export_name(bundled, "text", day, party="russia") == "abu-dhabi-2026-02-russia-digest-2026-11-28.txt"
