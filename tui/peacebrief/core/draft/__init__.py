"""Drafting a brief from new documents: the engine behind `peacebrief draft`.

Pure Python, no Textual. One concept per module:

- `sentences`: paragraphs, sentences and words with offsets; headline and headings;
- `quotes`: passages inside quotation marks, both styles, with their form;
- `timex`: time expressions, and the tense of the clause each stands in;
- `timex_resolve`: an expression resolved against a base date, one resolver per kind;
- `names`: people (with titles and appositions), countries, institutions, places, from
  its parts: `name_words` (the words that tell), `mentions` (a name in a sentence),
  `name_kinds` (what one run of capitalised words names) and `offices` (offices and
  appositions around a name);
- `parties`: the gazetteer, and matching to an existing brief's parties and people;
- `speakers`: reporting clauses and their speakers, from its parts: `reporting_words`
  (the verbs and the words around them), `discourse` (a speaker, a clause, and the people
  named so far, for pronouns and offices), `subjects` (the subject before or after the
  verb), `noun_phrases` (who a name, a pronoun, an office or a body stands for) and
  `reported` (what was said, and clauses that report with a colon);
- `analyse`: one document read through: its quotes and reported statements
  (`quote_findings`) and its dated sentences (`event_findings`, titled by `headline`,
  whose verbs `verb_forms` puts in the present);
- `build`: records with ids, checked anchors and review marks;
- `writer`: YAML in format 1, standalone or added to an existing brief;
- `evaluate`: comparing a draft with expected results (tests and benchmarks).

    from peacebrief.core.draft import draft_text
    yaml_text = draft_text([DocumentInput(path, data, text)], paths_from=Path("."))
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacebrief.core.draft.build import DocumentInput, Draft, build_draft
from peacebrief.core.draft.parties import CaseParties
from peacebrief.core.draft.writer import MergeError, merge, render


def draft_text(
    inputs: list[DocumentInput],
    *,
    paths_from: Path,
    existing_brief: Any | None = None,
    existing_text: str | None = None,
    brief_id: str | None = None,
    rewrite_anchors: bool = False,
    case: CaseParties | None = None,
) -> tuple[str, Draft]:
    """The YAML of a draft (or of the existing brief with the draft added), and the draft."""
    draft = build_draft(inputs, paths_from=paths_from, existing_brief=existing_brief, brief_id=brief_id, case=case)
    if existing_brief is None:
        return render(draft), draft
    assert existing_text is not None
    folder = Path(existing_brief.path).parent
    return merge(
        existing_text, existing_brief, draft, old_folder=folder, new_folder=paths_from, rewrite_anchors=rewrite_anchors
    ), draft


__all__ = ["CaseParties", "DocumentInput", "Draft", "MergeError", "build_draft", "draft_text", "merge", "render"]
