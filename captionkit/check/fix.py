"""Safe repairs: each fixable rule, in a fixed order, on the cues where it finds something.

Only cue texts change; the formats' lossless writer gives back every other byte
of the file as it was read. A fixer runs on a cue only when its rule reports a
problem there, so a clean cue is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from captionkit.check.engine import cue_view
from captionkit.check.model import Context, Rule
from captionkit.check.registry import FIX_ORDER
from captionkit.errors import UsageError
from captionkit.model import Track
from captionkit.profiles import Profile, load_profile

RTL_MODES = ("none", "marks", "embed")
_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: which rule changed which cue, and its text before and after."""

    rule: str
    cue: int
    file_line: int | None
    before: str
    after: str


def _blank_lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if not line.strip())


def fixable(rules: Iterable[Rule], rtl_mode: str = "none", named: bool = False) -> list[Rule]:
    """The rules among ``rules`` that ``fix`` runs, in repair order.

    Fixers that add direction marks run only when a target is named (``--rtl marks``);
    matters of taste (joining two lines) only when the rules were ``named`` by the user.
    """
    if rtl_mode not in RTL_MODES:
        raise UsageError(f"--rtl must be one of {', '.join(RTL_MODES)}, not {rtl_mode!r}")
    chosen = {rule.id: rule for rule in rules if rule.fix is not None}
    return [
        chosen[rule_id]
        for rule_id in FIX_ORDER
        if rule_id in chosen
        and (rtl_mode != "none" or not chosen[rule_id].fix_needs_rtl)
        and (named or not chosen[rule_id].fix_on_request)
    ]


def fix_track(
    track: Track,
    rules: Iterable[Rule],
    profile: Profile | None = None,
    rtl_mode: str = "none",
    named: bool = True,
) -> tuple[Track, list[Change]]:
    """The track with the fixable problems of ``rules`` repaired, and the list of changes.

    ``named`` says the user chose these rules (``--rule``): then every fixer among them
    runs; otherwise those that are a matter of taste are left out.
    """
    chosen = fixable(rules, rtl_mode, named)
    context = Context(
        profile=profile or load_profile(),
        format=track.format,
        rtl_mode=rtl_mode if rtl_mode != "none" else "marks",
    )
    changes: list[Change] = []
    new_cues = []
    for index, cue in enumerate(track.cues, 1):
        text = cue.text
        # One repair can uncover another (a stray PDF removed shows the punctuation behind
        # it), so the rules run again on a changed cue, up to a few rounds.
        for _ in range(_ROUNDS):
            before_round = text
            for rule in chosen:
                view = cue_view(index, cue.with_text(text))
                if not any(True for _ in rule.check([view], context)):
                    continue
                assert rule.fix is not None
                repaired = rule.fix(text, context)
                if _blank_lines(repaired) > _blank_lines(text):
                    continue  # never empty a cue or a line: SubRip would end the cue there
                if repaired != text:
                    changes.append(Change(rule.id, index, cue.line_number, text, repaired))
                    text = repaired
            if text == before_round:
                break
        new_cues.append(cue if text == cue.text else cue.with_text(text))
    if not changes:
        return track, changes
    return track.with_cues(new_cues), changes
