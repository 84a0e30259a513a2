"""Layout and timing rules: line length and count, shape, breaks, reading speed, durations, gaps.

Lengths count what a viewer sees (:func:`captionkit.text.counting.visible_length`:
no tags, harakat, tatweel or controls), as ``make`` counts them. Re-breaking is the
make breaker's (:func:`captionkit.text.linebreak.break_lines`); every fix here is
unsafe (it changes the layout), so ``fix`` applies it only when asked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache, partial

from captionkit.check.model import Context, CueView, Finding, Rule, Severity
from captionkit.check.registry import found, register
from captionkit.text.counting import TAG, plain_visible_length
from captionkit.text.linebreak import (
    Category,
    bad_break_category,
    bare_word,
    break_lines,
    ila_with_hamza,
    is_number,
    learned_only,
    lexicon,
    stacked_adjective,
)
from captionkit.text.rtl import BIDI_CONTROLS
from captionkit.text.wordclass import (
    is_nisba,
    known_adjective,
    lexicon_classes,
    looks_verb,
    strip_article,
)

_DASHES = ("-", "–", "—")
_EDGE_SKIP = " \u200e\u200f\u202a\u202b\u202c\u061c.,،:;؛!?؟…\"'«»"
_SENTENCE_END = tuple(".!?؟…")
#: The marks that close a line: a sentence end, an ellipsis or a comma.
_LINE_MARKS = tuple(".!?؟…،,")
#: The marks that close a cry or an utterance said before its repetition (`_said_twice`).
_CRY_MARKS = tuple("!،,.؟?")
_SEEN = re.compile(r"[^\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]")


def _is_dialogue(view: CueView) -> bool:
    """Two speakers: a line after the first starts with a dash (the first speaker's may not),
    or, in a file typed with the visual-order workaround, ends with one.

    Their lines are not to be joined or moved.
    """
    return (
        any(
            plain.strip(_EDGE_SKIP).startswith(_DASHES) or plain.strip(_EDGE_SKIP).endswith(_DASHES)
            for plain in view.plain_lines
        )
        and len(view.plain_lines) > 1
    )


def _breaker_knows(view: CueView, context: Context) -> bool:
    """The make breaker's word classes cover the cue: Arabic (not Persian, Urdu or Hebrew,
    whose function words it does not know) or plain ASCII English."""
    if view.text.isascii():
        return True
    return view.arabic and context.language in (None, "ar")


def _same_break(text: str, suggestion: str) -> bool:
    """Whether two texts break their words at the same places (whitespace aside)."""
    return [line.split() for line in text.split("\n")] == [
        line.split() for line in suggestion.split("\n")
    ]


def _ends_sentence(plain: str) -> bool:
    """The line ends a sentence (at either end: the visual-order workaround types it first)."""
    core = plain.strip(" \u200e\u200f\u202a\u202b\u202c\u061c\"'«»")
    return core.endswith(_SENTENCE_END) or core.startswith(_SENTENCE_END)


@lru_cache(maxsize=4096)
def rebreak(text: str, limit: int, max_lines: int, shape: str = "bottom-heavy") -> str:
    r"""The cue's words re-broken by the make breaker, or the text unchanged.

    Memoised: a cue's findings (a long line, a bad break) share one suggestion, and
    subtitle files repeat cues. Left unchanged (to a human): a cue with tags, a dialogue cue, and a cue the breaker
    cannot fit. Bidi controls that every line starts or ends with (the one-RLE-per-line
    convention) are kept on every new line.

    >>> rebreak("one two\nthree", 42, 2)
    'one two three'
    """
    if TAG.search(text):
        return text
    lines = text.split("\n")
    if any(line.strip(_EDGE_SKIP).startswith(_DASHES) for line in lines[1:]):
        return text  # one speaker a line
    prefix, suffix = _common_affixes(lines)
    words = " ".join(line[len(prefix) : len(line) - len(suffix)] for line in lines).split()
    if not words:
        return text
    broken = break_lines(" ".join(words), limit, max_lines, shape).split("\n")
    if [word for line in broken for word in line.split()] != words:
        return text
    if len(broken) > max_lines or any(plain_visible_length(line) > limit for line in broken):
        return text
    return "\n".join(prefix + line + suffix for line in broken)


def _common_affixes(lines: list[str]) -> tuple[str, str]:
    """Bidi controls that every line starts with and ends with (the per-line convention)."""

    def lead(line: str) -> str:
        end = 0
        while end < len(line) and line[end] in BIDI_CONTROLS:
            end += 1
        return line[:end]

    def trail(line: str) -> str:
        start = len(line)
        while start > 0 and line[start - 1] in BIDI_CONTROLS:
            start -= 1
        return line[start:]

    leads = {lead(line) for line in lines}
    trails = {trail(line) for line in lines}
    return (leads.pop() if len(leads) == 1 else ""), (trails.pop() if len(trails) == 1 else "")


def _lengths(view: CueView) -> tuple[int, ...]:
    return view.lengths


def _rebroken(view: CueView, context: Context) -> str:
    profile = context.profile
    return rebreak(view.text, profile.max_chars_per_line, profile.max_lines, profile.shape)


def _fix_rebreak(text: str, context: Context) -> str:
    profile = context.profile
    return rebreak(text, profile.max_chars_per_line, profile.max_lines, profile.shape)


# --- line-too-long, too-many-lines, needless-two-lines --------------------------------------


def _check_line_too_long(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.max_chars_per_line
    for view in views:
        if max(view.lengths) <= limit:
            continue
        for number, length in enumerate(view.lengths, 1):
            if length > limit:
                yield found(
                    "line-too-long",
                    "error",
                    view,
                    number,
                    None,
                    f"{length} characters, over the limit of {limit}",
                    partial(_rebroken, view, context),
                )


register(
    Rule(
        id="line-too-long",
        severity="error",
        summary="a line over the profile's character limit",
        explanation=(
            "A line longer than the profile's limit (42 visible characters in the Arabic "
            "streaming profile) runs off the safe area or is wrapped by the player where it "
            "chooses. Characters are counted as a viewer sees them: tags, bidi controls, harakat "
            "and tatweel do not count. The fix re-breaks the cue with the make line breaker "
            "(a cue with tags, or one whose words cannot fit, is left to a human)."
        ),
        check=_check_line_too_long,
        fix=_fix_rebreak,
        precondition="every line of every cue",
        remedy="re-breaks the cue with the make breaker (unsafe: changes the layout; `fix --rule ID` or `--unsafe-fixes`)",
        threshold="max_chars_per_line",
    )
)


def _check_too_many_lines(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.max_lines
    for view in views:
        count = len(view.lines)
        if count > limit:
            yield found(
                "too-many-lines",
                "error",
                view,
                None,
                None,
                f"{count} lines, over the limit of {limit}",
                partial(_rebroken, view, context),
            )


register(
    Rule(
        id="too-many-lines",
        severity="error",
        summary="more lines than the profile allows",
        explanation=(
            "A cue with more lines than the profile allows (two in the streaming profiles, one "
            "for vertical social video) covers the picture and cannot be read in time. The fix "
            "re-breaks the cue into the allowed number of lines when its text fits; otherwise "
            "the cue must be split by hand."
        ),
        check=_check_too_many_lines,
        fix=_fix_rebreak,
        precondition="every cue",
        remedy="re-breaks the cue with the make breaker (unsafe: changes the layout; `fix --rule ID` or `--unsafe-fixes`)",
        threshold="max_lines",
    )
)


def _check_needless_two_lines(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    profile = context.profile
    if not profile.single_line_first:
        return
    for view in views:
        if len(view.lines) < 2 or _is_dialogue(view) or _ends_sentence(view.plain_lines[0]):
            continue
        lengths = _lengths(view)
        joined = sum(lengths) + len(lengths) - 1
        if all(lengths) and joined <= profile.max_chars_per_line:
            yield found(
                "needless-two-lines",
                "info",
                view,
                None,
                None,
                f"{len(lengths)} lines whose text fits on one line ({joined} characters)",
                partial(_rebroken, view, context),
            )


register(
    Rule(
        id="needless-two-lines",
        severity="info",
        summary="a two-line cue that fits on one line",
        explanation=(
            "The streaming style guides keep a cue on one line unless its text exceeds the "
            "line limit: one line is read in one glance and covers less of the picture. A cue "
            "broken in two whose text fits on one line is reported (dialogue cues, one speaker "
            "a line, are exempt). Profiles with single_line_first = false turn this rule off. "
            "`captionkit fix --rule needless-two-lines` joins the lines (not done by default: "
            "a subtitler may have broken them on purpose)."
        ),
        check=_check_needless_two_lines,
        fix=_fix_rebreak,
        threshold="max_chars_per_line",
        precondition="a cue of two or more lines, not a dialogue cue, whose first line does not end a sentence",
        remedy="re-breaks the cue with the make breaker (unsafe: changes the layout; `fix --rule ID` or `--unsafe-fixes`)",
    )
)


# --- reading-speed, duration-short, duration-long -------------------------------------------


def _check_reading_speed(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.max_cps
    for view in views:
        duration = view.cue.duration
        if duration <= 0:
            continue
        characters = sum(_lengths(view))
        speed = characters * 1000 / duration
        if speed > limit:
            needed = int(characters * 1000 / limit + 0.999)
            yield found(
                "reading-speed",
                "warning",
                view,
                None,
                None,
                f"{speed:.1f} characters per second, over {limit:g} "
                f"({characters} characters in {duration} ms)",
                f"show it for at least {needed} ms, or shorten the text",
            )


register(
    Rule(
        id="reading-speed",
        severity="warning",
        summary="text too long for the time it is on screen",
        explanation=(
            "Reading speed is the characters a viewer sees (spaces and punctuation included; "
            "line breaks, tags, bidi controls, harakat and tatweel not) divided by the cue's "
            "duration in seconds. Over the profile's max_cps (17 for adult Arabic streaming "
            "content) viewers cannot finish reading and watch the picture. No automatic fix: "
            "lengthen the cue (`captionkit retime`) or condense the text."
        ),
        check=_check_reading_speed,
        threshold="max_cps",
        precondition="every cue with a positive duration",
        remedy="none: lengthen the cue (captionkit retime) or condense the text",
    )
)


def _check_duration_short(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.min_duration_ms
    for view in views:
        duration = view.cue.duration
        if duration <= 0:
            yield found(
                "duration-short",
                "error",
                view,
                None,
                None,
                f"the cue ends before it starts or when it starts ({duration} ms)",
                "give it an end time after its start",
            )
        elif duration < limit:
            yield found(
                "duration-short",
                "warning",
                view,
                None,
                None,
                f"on screen {duration} ms, under the minimum of {limit} ms",
                f"show it for at least {limit} ms",
            )


register(
    Rule(
        id="duration-short",
        severity="warning",
        summary="a cue on screen too briefly",
        explanation=(
            "A cue shorter than the profile's minimum duration (5/6 s in the streaming "
            "profiles) flashes by before the eye has found it. A cue whose end is not after its "
            "start is reported as an error whatever this rule's severity."
        ),
        check=_check_duration_short,
        threshold="min_duration_ms",
        precondition="every cue",
        remedy="none: lengthen the cue (captionkit retime --repair)",
    )
)


def _check_duration_long(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.max_duration_ms
    for view in views:
        if view.cue.duration > limit:
            yield found(
                "duration-long",
                "warning",
                view,
                None,
                None,
                f"on screen {view.cue.duration} ms, over the maximum of {limit} ms",
                f"end it within {limit} ms or split it",
            )


register(
    Rule(
        id="duration-long",
        severity="warning",
        summary="a cue on screen too long",
        explanation=(
            "A cue longer than the profile's maximum duration (7 s in the streaming profiles) "
            "gets read twice and usually outlasts the speech it belongs to."
        ),
        check=_check_duration_long,
        threshold="max_duration_ms",
        precondition="every cue",
        remedy="none: shorten or split the cue",
    )
)


# --- gap-short, overlap ---------------------------------------------------------------------


def _in_time_order(views: Sequence[CueView]) -> list[CueView]:
    return sorted(views, key=lambda view: (view.cue.start, view.cue.end, view.number))


def _check_gap_short(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    limit = context.profile.min_gap_ms
    if limit <= 0:
        return
    for current, following in itertools.pairwise(_in_time_order(views)):
        gap = following.cue.start - current.cue.end
        if 0 <= gap < limit:
            yield found(
                "gap-short",
                "warning",
                following,
                None,
                None,
                f"starts {gap} ms after cue {current.number} ends, under the minimum gap of "
                f"{limit} ms ({context.profile.min_gap_frames} frames)",
                f"end cue {current.number} at {following.cue.start - limit} ms or start this one "
                f"at {current.cue.end + limit} ms",
            )


register(
    Rule(
        id="gap-short",
        severity="warning",
        summary="two cues too close together",
        explanation=(
            "Two cues closer than the profile's minimum gap (2 frames in the streaming "
            "profiles) look like one flickering cue: the eye does not see that the text "
            "changed. Cues are compared in time order."
        ),
        check=_check_gap_short,
        threshold="min_gap_frames",
        precondition="two cues next to each other in time order",
        remedy="none: move an edge (captionkit retime --repair)",
    )
)


def _check_overlap(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    latest: CueView | None = None
    for view in _in_time_order(views):
        if latest is not None and view.cue.start < latest.cue.end:
            yield found(
                "overlap",
                "error",
                view,
                None,
                None,
                f"starts {latest.cue.end - view.cue.start} ms before cue {latest.number} ends",
                f"start it at {latest.cue.end} ms or later, or end cue {latest.number} earlier",
            )
        if latest is None or view.cue.end > latest.cue.end:
            latest = view


register(
    Rule(
        id="overlap",
        severity="error",
        summary="a cue that starts before the previous one ends",
        explanation=(
            "Overlapping cues are shown at once, stacked, and many players draw them on top "
            "of each other. Cues are compared in time order; each cue is compared with the "
            "latest-ending cue before it. Deliberate overlaps (two positioned WebVTT cues) can "
            "be allowed with --ignore overlap or a lower severity."
        ),
        check=_check_overlap,
        precondition="every cue against the latest-ending cue before it in time order",
        remedy="none: move an edge (captionkit retime --repair)",
    )
)


# --- unbalanced-lines, bad-line-break -------------------------------------------------------


def _better_break_exists(view: CueView, context: Context) -> bool:
    """Whether another break of the two lines is balanced, fits, and is not a bad break."""
    profile = context.profile
    words = view.plain_lines[0].split() + view.plain_lines[1].split()
    current = len(view.plain_lines[0].split())
    sizes = [plain_visible_length(word) for word in words]
    total = sum(sizes) + len(words) - 1
    top = -1
    for cut in range(1, len(words)):
        top += sizes[cut - 1] + 1
        bottom = total - top - 1
        if cut == current or max(top, bottom) > profile.max_chars_per_line:
            continue
        if min(top, bottom) / max(top, bottom) < 0.5:
            continue
        if profile.shape == "bottom-heavy" and bottom < 0.75 * top:
            continue
        before = words[cut - 2] if cut >= 2 else None
        if bad_break_category(words[cut - 1], words[cut], before) is None:
            return True
    return False


def _check_unbalanced(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    bottom_heavy = context.profile.shape == "bottom-heavy"
    for view in views:
        if len(view.lines) != 2 or _is_dialogue(view) or not _breaker_knows(view, context):
            continue
        top, bottom = _lengths(view)
        if not top or not bottom:
            continue
        ratio = min(top, bottom) / max(top, bottom)
        if ratio < 0.5:
            message = f"lines of {top} and {bottom} characters: one is less than half the other"
        elif bottom_heavy and bottom < 0.75 * top:
            message = (
                f"top line of {top} characters over a bottom line of {bottom}: the profile "
                "wants the longer line at the bottom"
            )
        else:
            continue
        if not _better_break_exists(view, context):
            continue  # balance gave way to a good break: nothing to suggest
        suggestion = _rebroken(view, context)
        if _same_break(view.text, suggestion) or suggestion.count("\n") != 1:
            continue  # the breaker keeps this break (or cannot improve it): nothing to say
        yield found(
            "unbalanced-lines",
            "info",
            view,
            None,
            None,
            message,
            suggestion,
        )


register(
    Rule(
        id="unbalanced-lines",
        severity="info",
        summary="a two-line cue of very different line lengths",
        explanation=(
            "Two lines of very different lengths make the eye jump; the guides ask for "
            "balanced lines or a bottom-heavy pyramid (the profile's shape). Reported when one "
            "line is less than half the other, or, for a bottom-heavy profile, when the top "
            "line is a third longer than the bottom one, and only when a balanced break "
            "exists that fits and is not a bad break (an unbalanced break that avoids a bad "
            "one is right). Dialogue cues are exempt. A suggestion only: the finding shows the "
            "re-broken cue; `fix` does not apply it."
        ),
        check=_check_unbalanced,
        threshold="shape",
        precondition=(
            "a two-line cue in Arabic or plain ASCII (the breaker's languages), not a dialogue "
            "cue, for which the make breaker finds a different break that fits and is not a bad "
            "break"
        ),
        remedy="the finding shows the make breaker's cue; fix applies it only with --rule unbalanced-lines",
    )
)


#: bad-line-break reports only the tears a subtitle team can act on without a second look: a
#: function word of the governing classes left at the end of the upper line (`_sure_tear`).
#: Judged by hand on films' subtitles never used to build the model, those were right 68 times
#: in 70 (a random sample, e1210d6); every other tear the breaker sees (a demonstrative or a
#: pronoun at the line end, a noun and its adjective, a number and what it counts, a construct,
#: a name) was right 69 times in 92 there (noun-adjective 30 in 41, number 5 in 10) and about six
#: times in ten on the sets before: those are doubtful-line-break's, a rule that runs only when
#: it is chosen.


#: Words the lexicon lists as prepositions or relatives that also close a phrase on their own
#: (حتى "even", قبل / بعد "before / after" as adverbs, ذا of ها نحن ذا, a vague or interrogative
#: ما, إذاً "so"): their tear is a note, not a warning.
_UNSURE_BINDING = frozenset(
    {"حتى", "وحتى", "قبل", "بعد", "ذا", "ما", "وما", "فما", "إذا", "اذا", "إذاً", "اذاً"}
)
_GOVERNING = (
    "prepositions",
    "conjunctions",
    "particles",
    "relatives",
    "kana",
    "inna",
    "construct_nouns",
    "binding",
    "modals",
)


def _governing(bare: str) -> bool:
    """A word of a lexicon class that governs the next word (`_GOVERNING`: a preposition, a
    conjunction, a particle, a relative, كان or إنّ and their sisters, كل / بعض / أي, a modal).

    >>> _governing("إلى"), _governing("هناك")
    (True, False)
    """
    lex = lexicon()
    return any(bare in getattr(lex, name) for name in _GOVERNING)


def _sure_tear(category: Category, left: str) -> bool:
    """A tear a subtitle team can act on without a second look: a function word that cannot
    end a phrase (a preposition, a conjunction, a particle, كان or إنّ and their sisters, a
    relative, كل / بعض / أي) left at the end of the upper line.

    On films' subtitles judged by hand and never used to build the model (four sets, 2026-12-05),
    such findings were right 187 times in 214; the other tears bad-line-break reports were right
    about six times in ten (a demonstrative or a pronoun at the line end, 26 of 37: often the
    end of a clause, هذا | أنا سعيدة; other words read as binding, 18 of 34; a noun and its adjective, 68 of 116; a number and what it
    counts, 7 of 13: two utterances on two lines, نار | رجالٌ سقطوا). Those are notes.

    >>> _sure_tear("binding", "إلى"), _sure_tear("binding", "هذا"), _sure_tear("noun-adjective", "الرجل")
    (True, False, False)
    >>> _sure_tear("binding", "الى")
    True
    """
    if category != "binding":
        return False
    word = ila_with_hamza(bare_word(left))
    lex = lexicon()
    if word in _UNSURE_BINDING or word in lex.demonstratives or word in lex.pronouns:
        return False
    return _governing(word)


def _closes_in_visual_order(line: str) -> bool:
    """A line typed in visual order whose sentence mark stands first (".أجل، ولا أنا").

    Editors without bidi support save a right-to-left line's final mark at its logical start:
    the line ends a sentence, so a break after it is a good one. A comma typed first
    («،سوف نصدق بأي شيء يمنحنا الأمل») is the line's last mark too: no line in logical
    order opens with a comma, and a break after a comma is a pause where a subtitler may
    break, as check reads a comma typed last. An ellipsis at a line's start is a
    continuation, not such a mark.

    >>> _closes_in_visual_order(".أجل، ولا أنا"), _closes_in_visual_order("...ثم ذهبنا")
    (True, False)
    >>> _closes_in_visual_order("،لقد فعلتها"), _closes_in_visual_order("لقد، فعلتها")
    (True, False)
    """
    text = line.lstrip()
    first = text[:1] in ".!?؟،," and text[1:2] not in ".!?؟"
    return first and not text.endswith(_LINE_MARKS)


def _line_breaks(views: Sequence[CueView], context: Context, sure: bool) -> Iterator[Finding]:
    """The line breaks the make breaker judges bad: the sure tears (``sure``: a governing
    function word at the line end, bad-line-break) or the others (doubtful-line-break)."""
    rule = "bad-line-break" if sure else "doubtful-line-break"
    severity: Severity = "warning" if sure else "info"
    for view in views:
        if len(view.lines) < 2 or _is_dialogue(view):
            continue
        if not _breaker_knows(view, context):
            continue  # the breaker's word lists are Arabic and English only
        for number, (upper, lower) in enumerate(itertools.pairwise(view.plain_lines), 1):
            left_words, right_words = upper.split(), lower.split()
            if not left_words or not right_words or _closes_in_visual_order(upper):
                continue
            if _opens_a_gloss(view.lines[number - 1], view.lines[number]):
                continue  # a translator's note in its own colour: a text of its own
            before = left_words[-2] if len(left_words) > 1 else None
            left, right = left_words[-1], right_words[0]
            judged = bad_break_category(left, right, before)
            category = _construct_below(_clock_as_number(judged, left), left, right_words)
            if category is None or _sure_tear(category, left) != sure:
                continue
            if not sure and learned_only(judged):
                continue  # a unit only the learned layer sees: make weighs it as a guess
            if category == "noun-adjective" and _stacked(left_words, right):
                continue  # make avoids it; a subtitler may break there
            if _lower_opens_clause(before, left, right_words, category):
                continue  # the second line starts an utterance of its own
            if _two_clauses(left_words, right_words, category):
                continue  # a complete clause on each line, no mark typed between them
            if _closed_at_end(left_words, right_words, category):
                continue  # the first line's last word closes its phrase (`_closed_at_end`)
            if _utterance_apart(left_words, right_words, category):
                continue  # a vocative, an imperative or a tag question ends an utterance
            yield found(
                rule,
                severity,
                view,
                number,
                len(upper.rstrip()),
                f"line break between {left!r} and {right!r}: {category}",
                partial(_rebroken, view, context),
            )


def _stacked(left_words: Sequence[str], right: str) -> bool:
    """The break falls between two adjectives of one noun (`stacked_adjective`), the first
    maybe negated by غير (مركب كيميائي غير مرئي | مصمم لكل شخص): غير before an adjective
    makes an adjective phrase of it, and the next adjective qualifies the same noun.

    >>> _stacked(["مركب", "كيميائي", "غير", "مرئي"], "مصمم"), _stacked(["غير", "رجل"], "عجوز")
    (True, False)
    """
    left = left_words[-1]
    before = left_words[-2] if len(left_words) > 1 else None
    if stacked_adjective(before, left, right):
        return True
    if before is None or bare_word(before) != "غير":
        return False
    stem = strip_article(bare_word(left))[1]
    return known_adjective(stem) or is_nisba(stem)


def _lower_opens_clause(
    before: str | None, left: str, right_words: Sequence[str], category: str
) -> bool:
    """The second line opens a clause of its own, so the break sits between two utterances
    (a cue that holds two with no mark typed between its lines), which the three words the
    model sees cannot show.

    - The second line repeats the word that ends the first (..ما الذي | ما الذي تنوين؛
      الخلفية | والخلفية): a false start said again or a list item, not one phrase.
    - A number finding where no count is torn (`_number_apart`); إنّ with its pronoun
      opening the second line (إنهم، إنه): a sentence of its own.
    - A greeting or an answer (مرحباً، حسناً، نعم) opening the second line after what the
      model read as a noun: an utterance of its own.
    - A verb the lexicon knows as no adjective opening the second line after what the model
      read as a noun (في دوائر | أترى؛ إلى سفينة | أطلب العبور): an adjective follows its
      noun, a first person or an imperative starts a clause.
    - A pronoun or لا at either side of the break (`_pronoun_clause`).
    - An adverb of place the word lists lack (عامين | داخل وحش) after what the model read
      as a noun: no adjective of it.

    >>> _lower_opens_clause("..لماذا", "لم", ["لماذا", "لم", "تخبرني؟"], "binding")
    True
    >>> _lower_opens_clause("في", "دوائر", ["أترى", "ذلك"], "noun-adjective")
    True
    >>> _lower_opens_clause("وصلت", "السيارة", ["الجديدة", "إلى"], "noun-adjective")
    False
    """
    left_bare, right_bare = bare_word(left), bare_word(right_words[0])
    if category == "noun-adjective" and _verb_not_adjective(right_bare):
        return True  # كل شيء | أحبك: a verb, even alone on its line, qualifies no noun
    if len(right_words) < 2:
        return False
    before_bare = bare_word(before) if before else ""
    said = [before_bare.strip(".…"), left_bare]  # a false start typed "..ما الذي"
    said_again = said == [bare_word(word) for word in right_words[:2]]
    if said_again or right_bare in (left_bare, "و" + left_bare):
        return True  # a false start said again, a list item repeated (ما الذي | ما الذي)
    if category == "number" and _number_apart(before_bare, left_bare, right_words):
        return True
    if category != "binding" and _inna_pronoun(right_bare):
        return True  # واحد تسعة | إنهم يختبئون: إن with its pronoun opens a sentence
    if right_bare in _INTERJECTIONS and category != "binding":
        return True  # أمي | مرحباً عزيزتي: a greeting opens an utterance, it qualifies nothing
    if category == "noun-adjective" and right_bare in _PLACE_ADVERBS:
        return True
    negation = right_bare in _NEGATIONS and looks_verb(bare_word(right_words[1]))
    return _pronoun_clause(before, left_bare, right_bare, category, negation)


def _pronoun_clause(
    before: str | None, left_bare: str, right_bare: str, category: str, negation: bool = False
) -> bool:
    """A pronoun or لا that shows the break between two clauses:

    - An independent pronoun opening the second line (تثقي بي | أنا أحب؛ للفوز بثقته | هو
      مجنون) after what the model read as a noun or a number: no adjective or counted noun
      is a subject pronoun; after a binding word, only a content word (an elative: يكون
      أقل | أنا أحبها); after a function word (التي | أنا متأكد) the break stays bad.
    - An independent pronoun closing the first line after its verb, a demonstrative or
      كما (نأتي نحن | ينتهي؛ سيكون ذلك أنا | سنأتي؛ كما أنتم | ترتدون), before a verb:
      the pronoun stresses or completes what precedes it.
    - لا standing alone as an answer (after a comma or another لا: «أجل، لا | هذا»),
      before a pronoun or a demonstrative, which it cannot negate (a negation before its
      verb, «أحبك، لا | تحاول», stays bad).

    >>> _pronoun_clause("تثقي", "بي", "أنا", "noun-adjective")
    True
    >>> _pronoun_clause("سوى", "التي", "أنا", "binding")
    False
    >>> _pronoun_clause("نأتي", "نحن", "ينتهي", "binding")
    True
    >>> _pronoun_clause("أحبك،", "لا", "تحاول", "binding")
    False
    >>> _pronoun_clause("أحبك،", "لا", "هذا", "binding")
    True
    >>> _pronoun_clause("الصلاحية", "أنت", "تخرق", "binding")
    False
    """
    lex = lexicon()
    before_bare = bare_word(before) if before else ""
    if _pronoun_bare(right_bare) and (category != "binding" or left_bare not in lex.stopwords):
        return True
    if left_bare in lex.pronouns and (looks_verb(right_bare) or negation):
        closes = before_bare in lex.demonstratives or before_bare == "كما"
        return closes or looks_verb(before_bare) or _person_of(before_bare, left_bare)
    opener = right_bare in lex.pronouns or right_bare in lex.demonstratives
    if left_bare == "لا" and before is not None and opener:
        return before_bare in ("", "لا") or before.endswith((",", "،"))
    return False


def _two_clauses(left_words: Sequence[str], right_words: Sequence[str], category: str) -> bool:
    """Each line is a clause of its own and no mark was typed between them (أريد الخروج |
    المكان ضيق؛ إذا أرادني أحد | فأنا خارج؛ ها أنت ذا | أنا أعتذر): the break sits between two
    utterances, which the three words around it cannot show.

    The second line must open a clause (`_opens_clause`: ف before a pronoun or a particle, a
    conjunction, a subject with its predicate after it on the same line). The first line
    must end on a word that needs nothing after it (`_line_complete`): a noun after at least
    one other word, or a binding word that is closed here (a demonstrative or أحد before a
    word that cannot be its noun, فيما بعد). A preposition, a relative, كان, أن, or a
    demonstrative before a definite noun still needs the next word, and the finding stays.
    Some first lines are complete whatever follows: a verb after its particle, a vague ما, a
    lone لا before an accusative, two items of one frame, a noun that the next word cannot
    agree with (`_disagrees`, `_possessed_known_noun`).

    >>> _two_clauses(["أريد", "الخروج"], ["المكان", "ضيق", "حقا"], "noun-adjective")
    True
    >>> _two_clauses(["رأيت", "البيت"], ["الكبير", "يحترق"], "noun-adjective")
    False
    >>> _two_clauses(["لا", "أريد", "ذلك"], ["الرجل", "يأتي"], "binding")
    False
    """
    if not right_words or not left_words:
        return False
    if category == "binding" and _answer_no(left_words, right_words[0]):
        return True  # لا | قليلاً للوراء؛ لا، لا | شكراً: "no", then a word it cannot negate
    if len(right_words) < 2:
        return False
    if category == "noun-adjective" and _verb_after_particle(left_words):
        return True  # قبل أن أستيقظ | أدعو: the first line ends on its verb
    vague = len(left_words) > 1 and _vague_noun(bare_word(left_words[-2]))
    if category == "binding" and bare_word(left_words[-1]) == "ما" and vague:
        return True  # بطريقة ما | عرف؛ جدة ما | هناك: ما makes the noun vague, closing it
    if _parallel_items(left_words, right_words):
        return True  # الأول، مسؤول عن … | الثاني، مسؤول عن …: two items of one list
    if category == "noun-adjective" and _disagrees(left_words, right_words):
        return True  # كلمة من 11 حرف | مقابلة؛ هذه الأمة | غير جاهزة
    indefinite = not bare_word(right_words[0]).startswith("ال")
    definite = _possessed_known_noun(bare_word(left_words[-1])) or _bracketed_name(left_words[-1])
    if category == "noun-adjective" and indefinite and definite:
        return True  # كيف حالك | جهاز: a noun with its pronoun is definite
    opener = _opens_clause(right_words)
    if opener is None:
        return False
    return _line_complete(left_words, bare_word(right_words[0]), opener, category)


def _closed_at_end(left_words: Sequence[str], right_words: Sequence[str], category: str) -> bool:
    """The word ending the first line closes its phrase, which the model's three words
    cannot show:

    - ذا after an independent pronoun (ها نحن ذا، ها أنا ذا): the presentative is whole;
    - a demonstrative after a definite noun (مهرجان البدر هذا، بعصر التطوّر هذا): the
      demonstrative put after its noun ends the noun phrase (`_closing_demonstrative`);
    - a demonstrative object after a verb or a noun, before a first- or second-person
      pronoun or إنّ with its pronoun opening a clause (لا تقولي هذا | أنا سعيدة؛ أعطني
      هذه | إنها): a demonstrative governs no such pronoun (`_closing_demonstrative`);
    - a particle of the subjunctive (حتى، كي، لكي، لن) before a verb of the future
      (حتى | ستزداد): those particles never govern سـ or سوف, so the particle ends a
      clause ("even");
    - a number after رقم, a label (`_label_number`: المبنى رقم 404);
    - a particle that governs only a verb (لم، لن، سوف، قد، كي) before an interrogative,
      ما, or و before a negation or a pronoun (...إذا لم | ما خطبه؟؛ ملكاً لكي | وليس لأحد):
      the speaker broke off, or the word is another (لكي typed for لكِ "yours");
    - a word typed with tanween fath (an accusative: جداً، دائماً) after a preposition or
      an adverb of place that governs nothing (هناك | جداً مرتابة): a preposition's
      object is genitive (`_genitive_only`);
    - an item of a list after another (`_list_item`); a noun typed in the accusative
      before an indefinite word typed without its case (`_case_apart`);
    - an interrogative opening the second line after what the model read as a noun (ويحي |
      ما الذي دهاه): a question opens, no adjective (`_interrogative`).

    >>> _closed_at_end(["ها", "نحن", "ذا"], ["الطلقة", "الأولى"], "binding")
    True
    >>> _closed_at_end(["حتى"], ["ستزداد", "المدة"], "binding"), _closed_at_end(["حتى"], ["تعود"], "binding")
    (True, False)
    """
    left, right = bare_word(left_words[-1]), bare_word(right_words[0])
    before = bare_word(left_words[-2]) if len(left_words) > 1 else ""
    if category == "number":
        return _label_number(before, left_words[-1])
    if category == "noun-adjective":
        list_item = _list_item(left_words, right_words)
        return _interrogative(right) or list_item or _case_apart(left_words[-1], right_words)
    if category != "binding":
        return False
    if "\u064b" in right_words[0] and _genitive_only(left):
        return True  # هناك | جداً: no preposition governs an accusative (tanween fath)
    if left == "ذا" and _pronoun_bare(before):
        return True
    if left in _SUBJUNCTIVE and _future_verb(right):
        return True
    if left in _JUSSIVE_FUTURE and (_interrogative(right) or right == "ما" or _wa_clause(right)):
        return True  # ...إذا لم | ما خطبه؟: the particle's verb is never said, a question opens
    return _closing_demonstrative(left_words, right_words)


#: Particles that govern only a verb, which never opens with an interrogative or ما.
_JUSSIVE_FUTURE = frozenset({"لم", "لن", "سوف", "قد", "كي", "لكي"})
#: Particles that govern an imperfect verb in the subjunctive (حتى "until" also governs a noun).
_SUBJUNCTIVE = frozenset({"حتى", "وحتى", "كي", "لكي", "لن"})
#: The interrogatives (a closed class): none qualifies a noun.
_INTERROGATIVES = frozenset(
    {"ماذا", "لماذا", "لم", "كيف", "أين", "اين", "متى", "هل", "مالذي", "ماالذي", "أي"}
)
#: Third-person pronouns, which after a demonstrative may be its copula (هذا | هو الرجل).
_THIRD_PERSON = frozenset({"هو", "هي", "هم", "هما", "هن"})


def _label_number(before: str, left: str) -> bool:
    """A number after رقم "number" (المبنى رقم 404، typed «(404» in parentheses): a label
    counts nothing, so no counted noun follows it. After a noun that may take a label
    (في المبنى 5 | شقق فارغة) the number may count what follows, and the finding stays.

    >>> _label_number("رقم", "(404"), _label_number("المبنى", "5"), _label_number("علي", "4")
    (True, False, False)
    """
    return before in ("رقم", "الرقم") and is_number(bare_word(left))


def _genitive_only(bare: str) -> bool:
    """A preposition that is no relative (في، على، عن) or a stopword of no governing class
    (هناك، هنا): no accusative follows it as its object or its noun. كان, إنّ, لا, the
    relatives (الذي | دائماً يكذب) and the elatives (أكثر | جمالاً) may take one.

    >>> _genitive_only("في"), _genitive_only("هناك"), _genitive_only("كان"), _genitive_only("أكثر")
    (True, True, False, False)
    """
    lex = lexicon()
    if bare in lex.prepositions:
        return bare not in lex.relatives
    return bare in lex.stopwords and not _governing(bare)


def _no_adjective(bare: str) -> bool:
    """A noun the lexicon never reads as an adjective (مقص، الحجر), no nisba."""
    stem = strip_article(bare)[1]
    classes = lexicon_classes(stem)
    return "N" in classes and "A" not in classes and not is_nisba(stem)


def _list_item(left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """The word opening the second line is one more item of a list, not an adjective:

    - the first line is a list of single words with commas (صخرة، ورقة، مقص | مدفع) and the
      next word is a noun that is never an adjective;
    - the second line joins that noun to another with و (الحجر | الورق والمقص): nouns of
      the same definiteness, neither ever an adjective. Adjectives joined with و (الرجل |
      الطويل والقوي) qualify the noun before them, and the finding stays.

    >>> _list_item(["صخرة،", "ورقة،", "مقص"], ["مدفع"]), _list_item(["الحجر"], ["المقص", "والحجر"])
    (True, True)
    >>> _list_item(["الرجل"], ["الطويل", "والقوي"]), _list_item(["رجل،", "امرأة،", "طفل"], ["صغير"])
    (False, False)
    """
    right = bare_word(right_words[0])
    if not _no_adjective(right):
        return False
    commas = [word.endswith(("،", ",")) for word in left_words[-3:-1]]
    if len(commas) == 2 and all(commas):
        return True
    if len(right_words) < 2 or not right_words[1].startswith("و"):
        return False
    other = bare_word(right_words[1])[1:]
    return _no_adjective(other) and other.startswith("ال") == right.startswith("ال")


def _wa_clause(bare: str) -> bool:
    """و before a negation or a pronoun (وليس، ولا، وأنا): a clause or an item joined on,
    never the verb a particle governs.

    >>> _wa_clause("وليس"), _wa_clause("وأنا"), _wa_clause("وصل")
    (True, True, False)
    """
    return bare[:1] == "و" and (bare[1:] in _NEGATIONS or _pronoun_bare(bare[1:]))


#: Endings after which typists drop the tanween of an adjective (ة، ى، ء، nisba ي).
_TANWEEN_DROPPED = ("ة", "ى", "اء", "ء", "ي")


def _case_apart(left: str, right_words: Sequence[str]) -> bool:
    """A noun typed with tanween fath (an accusative: شرعياً) before an indefinite word
    typed with no tanween where one is written (حريق): an adjective agrees in case, and a
    typist who marks the noun marks its adjective (شيئًا | خاطئًا). An adjective in a
    construct (رجلاً | طويل القامة), one whose tanween typists drop (ة، ى) and a diptote,
    which takes none (قطاً | أسود، غضبان), stay.

    >>> _case_apart("شرعياً", ["حريق"]), _case_apart("شيئًا", ["خاطئًا"]), _case_apart("رجلاً", ["طويل", "القامة"])
    (True, False, False)
    """
    right = right_words[0]
    if (
        "\u064b" not in left
        or right.startswith("ال")
        or any(m in right for m in "\u064b\u064c\u064d")
    ):
        return False
    bare = bare_word(right)
    if bare.endswith(_TANWEEN_DROPPED) or _diptote(bare):
        return False
    return len(right_words) == 1 or not bare_word(right_words[1]).startswith("ال")


def _diptote(bare: str) -> bool:
    """An adjective of a pattern that takes no tanween: أفعل (أسود، أكبر), فعلان (غضبان).

    >>> _diptote("أسود"), _diptote("غضبان"), _diptote("حريق")
    (True, True, False)
    """
    return (bare[:1] == "أ" and len(bare) == 4) or (bare.endswith("ان") and len(bare) == 5)


def _interrogative(bare: str) -> bool:
    """An interrogative (ماذا، كيف، ما الذي typed مالذي), maybe after و or ف. لم and أي
    count without a question mark typed on them: they open no adjective either.

    >>> _interrogative("مالذي"), _interrogative("وكيف"), _interrogative("كبير")
    (True, True, False)
    """
    return bare in _INTERROGATIVES or (bare[:1] in "وف" and bare[1:] in _INTERROGATIVES)


def _future_verb(bare: str) -> bool:
    """A verb of the future: سوف, or سـ on an imperfect (ستزداد، سأذهب، سنرى), not a
    noun the lexicon knows (ستائر، سينما) nor a perfect of سأل.

    >>> _future_verb("ستزداد"), _future_verb("سأنام"), _future_verb("سنوات"), _future_verb("سألتك")
    (True, True, False, False)
    """
    if bare == "سوف":
        return True
    if bare[:1] != "س" or bare[1:2] not in "أاتين" or len(bare) < 4:
        return False
    if "N" in lexicon_classes(bare) or bare.startswith("سأل"):
        return False  # ستائر، سينما: nouns; سألتك: the perfect of سأل "ask"
    return looks_verb("ي" + bare[2:])  # the person prefix read as the third person's


def _closing_demonstrative(left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """A demonstrative at the first line's end that needs nothing after it: put after a
    definite noun (البدر هذا: the noun phrase ends with it), or the object of a verb or
    a noun's pointer before a first- or second-person pronoun or إنّ with its pronoun that
    opens a clause (تقولي هذا | أنا سعيدة؛ أعطني هذه | إنها ستسحق). A demonstrative that
    opens its clause (هذا | أنا) or follows a function word (لأن هذا | أنا) may be a
    subject with the pronoun as its predicate, and a third-person pronoun may be its
    copula (هذا | هو الحل): those stay.

    >>> _closing_demonstrative(["لا", "تقولي", "هذا"], ["أنا", "سعيدة"])
    True
    >>> _closing_demonstrative(["كان", "هذا"], ["أنا", "حقا"]), _closing_demonstrative(["تقول", "هذا"], ["هو", "الحل"])
    (False, False)
    >>> _closing_demonstrative(["مهرجان", "البدر", "هذا"], ["الذي", "يجعل"])
    True
    """
    lex = lexicon()
    left = bare_word(left_words[-1])
    if left not in lex.demonstratives or len(left_words) < 2:
        return False
    before, right = bare_word(left_words[-2]), bare_word(right_words[0])
    if left[:1] in "لبكوف" or left_words[-2].endswith(_LINE_MARKS):
        return False  # لهذه | الرياضة: a preposition's object; المنشود، ذلك | الفتى
    pointing = right.startswith("ال") and right not in lex.relatives  # ذلك | الفتى
    if before.startswith("ال") and len(before) > 3 and before not in lex.stopwords:
        return not pointing
    if before in lex.stopwords or before in lex.kana or not before:
        return False
    if _inna_pronoun(right):
        return True
    return _pronoun_bare(right) and right not in _THIRD_PERSON and len(right_words) > 1


def _utterance_apart(left_words: Sequence[str], right_words: Sequence[str], category: str) -> bool:
    """The break falls between two utterances that grammar marks, not a mark typed:

    - the second line is a tag question (`_tag_question`: أليس كذلك؟، حسناً؟، صحيح؟):
      it asks about what the first line said; a preposition or a relative ending the first
      line (ستأتي إلى | صحيح؟) is still left waiting, and stays;
    - a vocative ends the first line (يا صاح، يا أمي) before an indefinite word: the
      adjective of a called noun takes the article (يا رجلُ الكريم), so an indefinite
      word after it is no adjective of it (فهمت يا صاح | معذرةً);
    - a plural imperative ends the first line (استعدوا، اذهبوا) where the model read a
      noun, or an imperfect after كاد or an inchoative (أكاد أنام): no adjective follows
      a verb;
    - the first line ends with a cry said twice (`_said_twice`) before a number: a number
      the model would read as counting the cry. (Before a noun-adjective finding the second
      cry may go on with its adjective, «رأيت حريقاً! رأيت حريقاً | كبيراً», so it stays.)

    >>> _utterance_apart(["يجب", "أن", "تكون"], ["أليست", "كذلك؟"], "binding")
    True
    >>> _utterance_apart(["فهمت", "يا", "صاح"], ["معذرةً"], "noun-adjective")
    True
    >>> _utterance_apart(["يا", "صديقي"], ["العزيز"], "noun-adjective")
    False
    """
    left, right = bare_word(left_words[-1]), bare_word(right_words[0])
    if _tag_question(right_words):
        lex = lexicon()
        return left not in lex.prepositions and left not in lex.relatives
    if category == "number" and _said_twice(left_words):
        return True  # نبال تخدير!، نبال تخدير | ثلاث بوصات: a cry repeated is whole
    if category != "noun-adjective":
        return False
    before = bare_word(left_words[-2]) if len(left_words) > 1 else ""
    if before == "يا" and not right.startswith("ال") and not _possessed_known_noun(right):
        return True
    if _verb_of_approach(before) and _imperfect(left):
        return True  # أكاد أنام | مجرد أن أسمع: the first line ends on a verb
    imperative = left[:1] in "اإ" and left.endswith("وا") and len(left) >= 5
    return imperative and looks_verb("ا" + left[1:])


def _said_twice(left_words: Sequence[str]) -> bool:
    """The first line ends with a phrase of two words or more said twice, the first time
    closed by a mark (حريق!، حريق في المطبخ is no repetition; نبال تخدير!، نبال تخدير is):
    a cry repeated, an utterance of its own.

    >>> _said_twice(["نبال", "تخدير!,", "نبال", "تخدير"]), _said_twice(["شكراً،", "شكراً"])
    (True, False)
    """
    words = [bare_word(word) for word in left_words]
    for size in range(2, len(words) // 2 + 1):
        first, second = words[-2 * size : -size], words[-size:]
        if first == second and left_words[-size - 1].endswith(_CRY_MARKS):
            return True
    return False


#: Verbs of approach (كاد، أوشك: "almost"), whose predicate is an imperfect verb, in the
#: persons a subtitle uses; the inchoatives (بدأ، أخذ) come from the lexicon.
_APPROACH = frozenset(
    {"كاد", "كادت", "كدت", "كادوا", "يكاد", "تكاد", "أكاد", "نكاد", "أوشك", "أوشكت", "يوشك", "توشك"}
)


def _verb_of_approach(bare: str) -> bool:
    """كاد, أوشك or an inchoative (بدأ، أخذ، راح): a verb whose predicate is a verb."""
    return bare in _APPROACH or bare in lexicon().inchoatives


def _imperfect(bare: str) -> bool:
    """A word shaped like an imperfect verb (أنام، يأكل، تعود), not a definite noun.

    >>> _imperfect("أنام"), _imperfect("الكتاب"), _imperfect("صديق")
    (True, False, False)
    """
    return len(bare) > 2 and bare[:1] in "أاتين" and not bare.startswith("ال")


#: The tags that ask about a whole clause (أليس كذلك؟ "isn't it?").
_TAGS = frozenset({"صحيح", "حقا", "اتفقنا"})


def _tag_question(right_words: Sequence[str]) -> bool:
    """The second line is a tag question and nothing else: one word among the answers or
    tags (حسناً؟، صحيح؟، typed حسنٌ with the wrong tanween too) or أليس (أليست…) كذلك,
    with its question mark, maybe with a vocative after it (صحيح يا سيدي؟).

    >>> _tag_question(["أليست", "كذلك؟"]), _tag_question(["حسنٌ؟"]), _tag_question(["حسناً"])
    (True, True, False)
    >>> _tag_question(["لماذا؟"]), _tag_question(["صحيح", "يا", "(فيذرز)؟"])
    (False, True)
    """
    words = [bare_word(word) for word in right_words]
    if len(words) == 3 and words[1] == "يا":
        words = words[:1]  # صحيح يا (فيذرز)؟: the tag with a vocative after it
    if not right_words[-1].rstrip("\"'»)").endswith(("؟", "?")) or len(words) > 2:
        return False
    if len(words) == 2:
        return words[0].startswith("أليس") and words[1] == "كذلك"
    word = words[0]
    return word in _TAGS or word in _INTERJECTIONS or word + "ا" in _INTERJECTIONS


def _pronoun_bare(bare: str) -> bool:
    """An independent pronoun, typed with or without its hamza (انا، انت، أنتي for أنتِ).

    >>> _pronoun_bare("انا"), _pronoun_bare("أنتي"), _pronoun_bare("أنف")
    (True, True, False)
    """
    pronouns = lexicon().pronouns
    if bare in pronouns:
        return True
    if bare[:1] == "ا":
        return "أ" + bare[1:] in pronouns
    return bare[:1] in "أإ" and "ا" + bare[1:] in pronouns


#: Particles that open a clause after ف (فلن، فقد، فما، فإن).
_CLAUSE_PARTICLES = frozenset({"ما", "لا", "لن", "لم", "قد", "إن", "إذا", "لقد", "سوف"})
#: Words after a subject that make its predicate: a negation, a future or a copula pronoun.
_PREDICATE_PARTICLES = frozenset({"لم", "لن", "لا", "ما", "قد", "سوف", "هو", "هي", "هم"})


def _opens_clause(right_words: Sequence[str]) -> str | None:
    """How the second line opens a clause: ``"fa"`` (ف before a pronoun or a clause
    particle: فأنا خارج، فما سببه), ``"conjunction"`` (أو، ثم، لكن), ``"verb"``, ``"subject"`` (a pronoun, a demonstrative or a definite
    noun the lexicon never reads as an adjective, maybe with definite adjectives after it,
    then its predicate: a verb, a negation, a copula pronoun or an indefinite adjective:
    المكان ضيق، هذا لم ينته، المأدبة ستكون، أنا أعتذر), or None.

    >>> _opens_clause(["فأنا", "خارج"]), _opens_clause(["المكان", "ضيق"]), _opens_clause(["الكبير", "يحترق"])
    ('fa', 'subject', None)
    """
    lex = lexicon()
    words = [bare_word(word) for word in right_words]
    first = words[0]
    rest = first[1:]
    demonstrative = rest in lex.demonstratives
    if first[:1] == "ف" and (_pronoun_bare(rest) or rest in _CLAUSE_PARTICLES or demonstrative):
        return "fa"
    if first in lex.conjunctions:
        return "conjunction"  # أو، ثم، لكن، بل: a clause or an item of its own
    if looks_verb(first):
        return "verb"
    if _pronoun_bare(first) or first in lex.demonstratives:
        head = 1
    elif _definite_noun(first):
        head = 1
        while head < len(words) - 1 and head < 3 and words[head].startswith("ال"):
            head += 1  # الطريقة الوحيدة هي: its definite adjectives
    else:
        return None
    predicate = words[head]
    if predicate[:1] == "و":
        return None  # السفينة | الفضائية ونرحل: و joins what follows to the phrase
    if predicate in _PREDICATE_PARTICLES or predicate in lex.kana or looks_verb(predicate):
        return "subject"
    adjective = not predicate.startswith("ال") and "A" in lexicon_classes(predicate)
    return "subject" if adjective and not _pronoun_bare(first) else None


#: Negations that open a clause before a verb (لا تفقده، لن نتراجع).
_NEGATIONS = frozenset({"لا", "لم", "لن", "ليس", "ليست"})


def _definite_noun(bare: str) -> bool:
    """A definite word that is no adjective: not read as one by the lexicon, and no nisba
    (ـي، ـية: الفضائية، الخلفي qualify the noun before them).

    >>> _definite_noun("المكان"), _definite_noun("الفضائية"), _definite_noun("الطويل")
    (True, False, False)
    """
    stem = bare[2:]
    if not bare.startswith("ال") or len(stem) < 2 or stem.endswith(("ي", "ية", "يا")):
        return False
    forms = [stem]
    if stem.endswith(("ة", "ات", "ون", "ين")):
        forms.append(stem[:-1] if stem.endswith("ة") else stem[:-2])  # الكبيرة: كبير
    return not any("A" in lexicon_classes(form) for form in forms)


#: Endings of a feminine word or a feminine plural (ة، ى، اء، ات).
_FEMININE = ("ة", "ات", "ى", "اء")


#: Particles before a verb (the subjunctive, the jussive, the future; هلّا, which urges, before
#: a perfect or an imperfect: هلا أخبرتنا).
_VERB_PARTICLES = frozenset({"أن", "ان", "لن", "لم", "كي", "لكي", "سوف", "لئلا", "هلا"})


def _verb_after_particle(left_words: Sequence[str]) -> bool:
    """The first line ends on a verb after its particle (قبل أن أستيقظ، لن ينتظر، هلا
    أخبرنا): what the model read as a noun is a verb, and no adjective follows a verb.

    >>> _verb_after_particle(["قبل", "أن", "أستيقظ"]), _verb_after_particle(["أن", "المدينة"])
    (True, False)
    """
    if len(left_words) < 2 or bare_word(left_words[-2]) not in _VERB_PARTICLES:
        return False
    return _imperfect(bare_word(left_words[-1]))


#: Possessive pronoun suffixes, longest first.
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك")


def _possessed_known_noun(bare: str) -> bool:
    """A noun with a possessive pronoun (حالك، كتابه، سيارتها): definite, so an indefinite
    word after it is no adjective of it. The stem (ت restored to ة) must be a noun the
    lexicon knows, and the whole word none (بنك، سمك are nouns whole). Stricter than the
    phrase model's `linebreak._suffixed_noun`, which reads any word shaped with a pronoun
    suffix as definite.

    >>> _possessed_known_noun("حالك"), _possessed_known_noun("سيارتها")
    (True, True)
    >>> _possessed_known_noun("بنك"), _possessed_known_noun("جميل")
    (False, False)
    """
    if "N" in lexicon_classes(bare) or bare.startswith("ال"):
        return False
    for suffix in _SUFFIXES:
        stem = bare[: -len(suffix)]
        if bare.endswith(suffix) and len(stem) >= 2:
            stem = stem[:-1] + "ة" if stem.endswith("ت") else stem
            return "N" in lexicon_classes(stem)
    return False


def _bracketed_name(word: str) -> bool:
    """A word in parentheses, the subtitlers' mark of a proper name («(إلتون)»، typed
    «(إلتون» or «إلتون)» when a line breaks inside the brackets or a visual-order editor
    flips them) that the lexicon does not know (a name, not a common noun set in brackets:
    «(مفتاح | صغير)»): a name is definite, so an indefinite word after it is no adjective of
    it (هل (إلتون) | مصاب: a subject and its predicate).

    >>> _bracketed_name("(إلتون"), _bracketed_name("إلتون"), _bracketed_name("(مفتاح")
    (True, False, False)
    """
    bracketed = word.startswith(("(", ")")) or word.endswith((")", "("))
    bare = bare_word(word)
    return bracketed and len(bare) > 1 and not lexicon_classes(bare)


def _answer_no(left_words: Sequence[str], right: str) -> bool:
    """لا standing alone as the answer "no" (a whole first line, or after a comma, an
    exclamation mark, another لا or an exclamation) before a word that no لا can govern
    (`_not_negated`): the break follows a complete utterance. The لا that negates a verb
    or a genus (لا، لا | تذهب؛ لا | شك) still needs the next word.

    >>> _answer_no(["لا"], "قليلاً"), _answer_no(["لا"], "تذهب"), _answer_no(["أنا", "لا"], "أبداً")
    (True, False, False)
    >>> _answer_no(["لا،", "لا،", "لا"], "شكرا."), _answer_no(["آوه", "،", "لا"], "آوه")
    (True, True)
    """
    if bare_word(left_words[-1]) != "لا":
        return False
    if len(left_words) > 1:
        before = left_words[-2]
        said = bare_word(before)
        alone = said in ("", "لا") or said in _INTERJECTIONS or said in _EXCLAMATIONS
        if not (alone or before.endswith((",", "،", "!"))):
            return False
    return "\u064b" in right or _not_negated(bare_word(right))


#: Exclamations (أوه، آه): like a greeting, an utterance of their own.
_EXCLAMATIONS = frozenset({"آوه", "اوه", "أوه", "آه", "اه", "أه"})


def _not_negated(bare: str) -> bool:
    """A word that no لا can govern: a greeting, an answer or an exclamation (شكراً، نعم،
    آوه), إنّ with its pronoun (إنها), a plural imperative (اوقفوا: a prohibition takes
    the jussive, لا توقفوا; no first person ends in وا).

    >>> _not_negated("شكرا"), _not_negated("انها"), _not_negated("اوقفوا")
    (True, True, True)
    >>> _not_negated("تذهبوا"), _not_negated("أعرف"), _not_negated("شك")
    (False, False, False)
    """
    if bare in _INTERJECTIONS or bare in _EXCLAMATIONS or _inna_pronoun(bare):
        return True
    return bare[:1] in "اأ" and bare.endswith("وا") and len(bare) >= 6 and looks_verb(bare)


def _disagrees(left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """The word opening the second line cannot qualify the noun ending the first, whose
    adjective would agree with it:

    - in definiteness: a definite noun's adjective with غير is غير + a definite word (الأمة
      غير الجاهزة); غير before an indefinite word (الأمة | غير جاهزة) is a state of its own;
    - in gender after a count of eleven or more, whose counted noun is singular: a word in
      ة after a singular without it (كلمة من 11 حرف | مقابلة لكلمة) qualifies something else.

    >>> _disagrees(["ترك", "الأمة"], ["غير", "جاهزة"]), _disagrees(["الأمة"], ["غير", "الجاهزة"])
    (True, False)
    >>> _disagrees(["من", "11", "حرف"], ["مقابلة", "لكلمة"]), _disagrees(["من", "11", "حرفا"], ["كبيرا"])
    (True, False)
    """
    left = bare_word(left_words[-1])
    right = bare_word(right_words[0])
    if left.startswith("ال") and right == "غير" and len(right_words) > 1:
        return not bare_word(right_words[1]).startswith("ال")
    count = bare_word(left_words[-2]) if len(left_words) > 1 else ""
    if not count.isdigit() or int(count) < 11:
        return False
    return right.endswith("ة") and not left.endswith(_FEMININE)


#: Endings of a feminine or a plural word (an adjective of a plural in ات ends so too).
_AGREEING = (*_FEMININE, "ون", "ين")


def _plural_apart(left: str, right: str) -> bool:
    """A sound feminine plural in ات and an indefinite word that cannot agree with it in
    number, or the other way round (بدون علامات | طراز غير معروف؛ في كل مكان | ماسحات):
    the adjective of a plural in ات ends in ة or ات (علامات واضحة), and a word in ات
    qualifies no singular masculine noun. Such a pair is a construct (سيارات | سباق،
    صندوق | مجوهرات) or two phrases, never a noun and its adjective. An elative (أفعل)
    agrees with anything and is left alone, and so are words in ات that begin with an
    alif (إثبات, a singular masdar).

    >>> _plural_apart("علامات", "طراز"), _plural_apart("علامات", "واضحة"), _plural_apart("مكان", "ماسحات")
    (True, False, True)
    >>> _plural_apart("إثبات", "قاطع"), _plural_apart("فتيات", "صغيرات"), _plural_apart("سيارات", "أكبر")
    (False, False, False)
    """
    if left.startswith("ال") or right.startswith("ال") or right[:1] in "أاإآ" or left[:1] in "أاإآ":
        return False
    plural = left.endswith("ات") and len(left) >= 5
    if plural:
        return not right.endswith(_AGREEING)
    singular = len(left) >= 3 and not left.endswith(_AGREEING)
    return singular and right.endswith("ات") and len(right) >= 5


def _parallel_items(left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """Two lines of the same frame, only their first words differing (الأول، مسؤول عن غرف
    النوم | الثاني، مسؤول عن الموظفين): two items of one list, each complete.

    >>> _parallel_items(["الأولى", "،", "تذهب", "إلى"], ["الثانية", "،", "تذهب", "إلى"])
    True
    >>> _parallel_items(["ذهبت", "إلى", "البيت", "الكبير"], ["الجديد", "في", "المدينة", "غدا"])
    False
    """
    upper = [bare_word(word) or word for word in left_words]
    lower = [bare_word(word) or word for word in right_words]
    return len(upper) > 3 and len(lower) > 3 and upper[1:3] == lower[1:3]


def _vague_noun(bare: str) -> bool:
    """An indefinite noun, maybe after ب / ل / ك (بطريقة، لسبب، شخص): ما after it makes it
    vague ("some way") and closes the phrase.

    >>> _vague_noun("بطريقة"), _vague_noun("الطريقة"), _vague_noun("عن")
    (True, False, False)
    """
    lex = lexicon()
    if len(bare) < 3 or bare.startswith("ال") or bare in lex.stopwords or looks_verb(bare):
        return False
    stem = bare[1:] if bare[:1] in "بلك" and not lexicon_classes(bare) else bare
    return "N" in lexicon_classes(stem) and not stem.startswith("ال")


def _needs_next(bare: str) -> bool:
    """A word that needs the next one whatever follows: a preposition (حتى aside, also the
    adverb "even": الكلام حتى | أو حتى النظر), a relative, كان and its sisters, أن.

    >>> _needs_next("عن"), _needs_next("التي"), _needs_next("حتى"), _needs_next("سامي")
    (True, True, False, False)
    """
    lex = lexicon()
    if bare in lex.prepositions:
        return bare != "حتى"
    return bare in lex.relatives or bare in lex.kana or bare in ("أن", "ان")


def _line_complete(left_words: Sequence[str], right_bare: str, opener: str, category: str) -> bool:
    """The first line ends on a word that needs nothing after it, given how the second line
    opens (see `_two_clauses`)."""
    lex = lexicon()
    left_bare = bare_word(left_words[-1])
    before = bare_word(left_words[-2]) if len(left_words) > 1 else ""
    if category == "noun-adjective":
        return len(left_words) > 1 and opener != "verb"
    if category != "binding":
        return False
    if opener in ("fa", "conjunction"):
        return not _needs_next(left_bare)  # حتى | أو حتى: "even", no preposition here
    if before == "فيما" and left_bare == "بعد":
        return True  # فيما بعد ("later") closes its clause
    now = right_bare in ("الآن", "الان")  # an adverb with the article, no noun of it
    definite = (right_bare.startswith("ال") and not now) or right_bare in lex.demonstratives
    if left_bare in lex.demonstratives or left_bare in ("ذا", "أحد", "احد"):
        return not definite  # ها أنت ذا | أنا؛ أرادني أحد | فأنا: no noun of it follows
    return False


#: Greetings and answers: they open an utterance and are no adjective, count or genitive.
_INTERJECTIONS = frozenset(
    {"مرحبا", "أهلا", "اهلا", "شكرا", "عفوا", "وداعا", "حسنا", "نعم", "أجل", "اجل", "كلا"}
)


def _gender_apart(left_bare: str, right_bare: str) -> bool:
    """A feminine singular noun in ة and an indefinite word without a feminine ending
    (390 بوصة | نظيف وواضح): no adjective of that noun, which would agree (بوصة نظيفة).
    An elative أفعل (مدينة أكبر) takes no feminine ending and is left alone.

    >>> _gender_apart("بوصة", "نظيف"), _gender_apart("بوصة", "كاملة"), _gender_apart("مدينة", "أكبر")
    (True, False, False)
    """
    if not left_bare.endswith("ة") or left_bare.startswith("ال") or right_bare.startswith("ال"):
        return False
    return not right_bare.endswith(_FEMININE) and right_bare[:1] not in "أا"


#: Adverbs of place shaped like participles (فاعل) that arabic-stopwords does not list.
_PLACE_ADVERBS = frozenset({"داخل", "خارج"})
_LETTER = re.compile(r"[^\W\d_]")


def _numeral(bare: str) -> bool:
    """A number in digits or words (12، خمسة، ملايين)."""
    return is_number(bare) or bare.rstrip("،,.") in lexicon().numerals


def _number_apart(before_bare: str, left_bare: str, right_words: Sequence[str]) -> bool:
    """A number line break that tears no count apart:

    - the second line holds no word, only numbers and dashes (a name card's life dates,
      «لويس دانتيس / 1759 - 1816»);
    - the first line ends with a count already whole (خمسة دقائق | خمسة، خمسة);
    - a verb ends the first line and its object opens with the number (إلا إن كنت تحارب
      | ثلاثة مصاصي دماء): the count is whole on the second line.

    >>> _number_apart("", "دانتيس", ["1759", "-", "1816"])
    True
    >>> _number_apart("علي", "4", ["أضعاف", "ما"]), _number_apart("هناك", "مليون", ["شخص"])
    (False, False)
    """
    if not any(_LETTER.search(word) for word in right_words):
        return True
    if _numeral(before_bare) and not _numeral(left_bare):
        return True
    right = bare_word(right_words[0])
    verb = left_bare[:1] in "أتين" and "V" in lexicon_classes(left_bare)
    return _numeral(right) and (verb or looks_verb(left_bare)) and len(right_words) > 1


def _inna_pronoun(bare: str) -> bool:
    """إنّ / أنّ with its pronoun (إنهم، انه), typed with or without its hamza."""
    inna = lexicon().inna
    return bare in inna or (bare[:1] == "ا" and ("إ" + bare[1:] in inna or "أ" + bare[1:] in inna))


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _clock_as_number(category: Category | None, left: str) -> Category | None:
    """A clock time before the next word (الساعة 6:00 | صباحا): a number and what it
    measures, not a noun and its adjective. (The phrase model's `linebreak._clock_time`
    reads the other side, الساعة before its number.)

    >>> _clock_as_number("noun-adjective", "6:00"), _clock_as_number("noun-adjective", "بيت")
    ('number', 'noun-adjective')
    """
    clock = category == "noun-adjective" and _CLOCK.fullmatch(bare_word(left))
    return "number" if clock else category


def _construct_below(
    category: Category | None, left: str, right_words: Sequence[str]
) -> Category | None:
    """A noun-adjective reading whose right word heads a construct on the second line
    (لبناء | مستقبل أفضل is not one, but تكريم | محاربي (أزغارد)، مبدأ | محادثات السلام،
    عمل | مكتب الشؤون are): an indefinite word before a definite one or a name in
    parentheses is the head of a construct, so a noun, and the pair above the break is a
    construct chain (idafa), not a noun and its adjective.

    A feminine noun in ة before an indefinite word that does not agree with it
    (`_gender_apart`: محاربة | كائن قوي، ابنة | قاضي مقاطعة) is no noun and its adjective
    either: most often a verbal noun or a kin word and its genitive; nor is a plural in ات
    and a word that cannot agree with it in number (`_plural_apart`: سيارات | سباق).

    >>> _construct_below("noun-adjective", "مبدأ", ["محادثات", "السلام"])
    'idafa'
    >>> _construct_below("noun-adjective", "خطة", ["جديدة", "للعمل"])
    'noun-adjective'
    """
    if category != "noun-adjective" or len(right_words) < 2:
        return category
    right, after = bare_word(right_words[0]), right_words[1]
    definite = bare_word(after).startswith("ال") or after.startswith("(")
    if _gender_apart(bare_word(left), right) or _plural_apart(bare_word(left), right):
        return "idafa"  # محاربة | كائن قوي؛ سيارات | سباق: a construct, or two phrases
    return "idafa" if definite and not right.startswith("ال") else category


def _verb_not_adjective(bare: str) -> bool:
    """A verb with a person prefix that the lexicon never reads as an adjective: the word
    itself (أشعر، أخرج), or a
    first person أفعل / an imperative افعل whose stem is such a verb (أطلب: طلب، أترى: ترى).
    An elative (أكبر، أسرع) is an adjective too, so it is no such verb.

    >>> _verb_not_adjective("أطلب"), _verb_not_adjective("أكبر"), _verb_not_adjective("جديدة")
    (True, False, False)
    """
    if bare[:1] not in "أاتين" or len(bare) < 4:
        return False  # no person prefix (خاص، هام: the lexicon knows them as verbs only)
    forms = [bare]
    if bare[:1] in "أا":
        stem = bare[1:]
        forms += [stem, stem[:-1] + "ى"] if stem.endswith("ي") else [stem]
    for form in forms:
        classes = lexicon_classes(form)
        if "A" in classes:
            return False
        if "V" in classes and (form is bare or "N" not in lexicon_classes(bare)):
            return True
    return False


#: The person prefixes and endings of a verb that an independent pronoun agrees with.
_PERSON = {
    "أنا": (("أ", "سأ"), ("ت",)),
    "نحن": (("ن", "سن"), ("نا",)),
    "أنت": (("ت", "ست"), ("ت",)),
    "أنتم": (("ت", "ست"), ("تم",)),
    "هو": (("ي", "سي"), ()),
    "هي": (("ت", "ست"), ()),
    "هم": (("ي", "سي"), ("وا",)),
}


def _person_of(verb: str, pronoun: str) -> bool:
    """``verb`` carries the person of ``pronoun`` (نأتي نحن، قلت أنا، يعرفون هم): the pronoun
    after it stresses the verb's subject and closes the clause. A shape only: the callers
    ask it of the word before a pronoun that ends a line above a verb.

    >>> _person_of("نأتي", "نحن"), _person_of("قلت", "أنا"), _person_of("الصلاحية", "أنت")
    (True, True, False)
    """
    prefixes, endings = _PERSON.get(pronoun, ((), ()))
    if len(verb) < 3 or verb.startswith("ال"):
        return False
    return verb.startswith(prefixes) or (bool(endings) and verb.endswith(endings))


_FONT = re.compile(r"\s*<font\b", re.IGNORECASE)


def _opens_a_gloss(upper: str, lower: str) -> bool:
    """The lower line opens a ``<font>`` span the upper line does not have: translators set
    a gloss or an on-screen note apart in its own colour (Breathe: «فعالية التكلفة /
    <font color=#FFFF00>المردود الربحي…</font>»), and no phrase runs across the two.

    >>> _opens_a_gloss("مسألة فعالية التكلفة", '<font color="#FFFF00">المردود</font>')
    True
    >>> _opens_a_gloss('<font color="red">أين', '<font color="red">أنت؟</font>')
    False
    """
    return bool(_FONT.match(lower)) and "<font" not in upper.lower()


_BREAK_PRECONDITION = (
    "a cue of two or more lines in Arabic (not Persian, Urdu or Hebrew) or plain ASCII, "
    "not a dialogue cue"
)
_BREAK_REMEDY = (
    "re-breaks the cue with the make breaker (unsafe: changes the layout; "
    "`fix --rule ID` or `--unsafe-fixes`)"
)

register(
    Rule(
        id="bad-line-break",
        severity="warning",
        summary="a function word left hanging at the end of a line",
        explanation=(
            "A break right after a word that governs the next one (a preposition, a conjunction, "
            "a particle, a negation, كان or إنّ and their sisters, a relative pronoun, كل / بعض / "
            "أي) makes the reader hold half a phrase. The words are the make line breaker's data, "
            "which covers Arabic and English: the rule reads Arabic cues and cues in plain ASCII, "
            "and leaves other languages alone. On films' subtitles judged by hand and never used "
            "to build the breaker, these findings were right 68 times in 70. The other tears the "
            "breaker sees (a demonstrative or a pronoun at the line end, a noun and its adjective, "
            "a number and what it counts, a construct, a name) were right only six or seven times "
            "in ten: they are doubtful-line-break's, run only when chosen. The fix re-breaks the "
            "cue with that breaker."
        ),
        check=partial(_line_breaks, sure=True),
        fix=_fix_rebreak,
        precondition=_BREAK_PRECONDITION,
        remedy=_BREAK_REMEDY,
    )
)

register(
    Rule(
        id="doubtful-line-break",
        severity="info",
        summary="a line break inside what may be one phrase (opt-in)",
        explanation=(
            "A break between two words the make breaker reads as one phrase, other than a "
            "governing function word at the line end (bad-line-break's): a demonstrative or a "
            "pronoun and what follows, a noun and its adjective, a number and what it counts, a "
            "construct (برنامج | الصواريخ), a name. The reading comes from word shapes and lists, "
            "and on real films' subtitles judged by hand it was right only six or seven times in "
            "ten (two utterances stacked on two lines, a verb and its object read as a construct, "
            "a clause after an indefinite noun): the rule is a hint to look, and runs only when "
            "it is chosen by its id (--select doubtful-line-break). The fix re-breaks the cue "
            "with the make breaker."
        ),
        check=partial(_line_breaks, sure=False),
        fix=_fix_rebreak,
        precondition=_BREAK_PRECONDITION,
        remedy=_BREAK_REMEDY,
        opt_in=True,
    )
)


# --- empty-cue, unclosed-tag ----------------------------------------------------------------


def _check_empty(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if _SEEN.search(view.plain) is None:
            yield found(
                "empty-cue",
                "warning",
                view,
                None,
                None,
                "the cue shows nothing (no text, or only spaces, tags and controls)",
                "delete the cue or give it text",
            )


register(
    Rule(
        id="empty-cue",
        severity="warning",
        summary="a cue with nothing to show",
        explanation=(
            "A cue with no visible text (empty, or only spaces, tags and invisible controls) "
            "shows an empty box in some players and is usually left over from editing. It is "
            "reported, not deleted: deleting would renumber the file."
        ),
        check=_check_empty,
        precondition="every cue",
        remedy="none: delete the cue or give it text",
    )
)

_TAG = re.compile(r"<(/?)([A-Za-z]+)[^<>\n]*>")
_NEEDS_CLOSING = frozenset({"i", "b", "u", "s", "font", "c", "lang", "ruby", "rt"})


def _tag_problems(text: str) -> tuple[list[tuple[int, int, str]], str]:
    """Problems ``(line, offset, message)`` in a cue's tags, and the text repaired."""
    problems: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int, int]] = []
    # Edits to the text: (start, end, replacement), in order.
    edits: list[tuple[int, int, str]] = []
    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def where(offset: int) -> tuple[int, int]:
        line = sum(1 for start in line_starts if start <= offset)
        return line, offset - line_starts[line - 1]

    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name not in _NEEDS_CLOSING:
            continue
        if not match.group(1):
            stack.append((name, *where(match.start())))
            continue
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), None)
        if depth is None:
            problems.append((*where(match.start()), f"</{name}> closes nothing"))
            edits.append((match.start(), match.end(), ""))
            continue
        inner = stack[depth + 1 :]
        for inner_name, line, offset in inner:
            problems.append((line, offset, f"<{inner_name}> is still open when </{name}> closes"))
        if inner:
            closers = "".join(f"</{inner_name}>" for inner_name, _, _ in reversed(inner))
            edits.append((match.start(), match.start(), closers))
        del stack[depth:]
    for name, line, offset in stack:
        problems.append((line, offset, f"<{name}> is never closed"))
    repaired = text
    for start, end, replacement in reversed(edits):
        repaired = repaired[:start] + replacement + repaired[end:]
    repaired += "".join(f"</{name}>" for name, _, _ in reversed(stack))
    return problems, repaired


def _check_unclosed_tag(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if "<" not in view.text:
            continue
        problems, repaired = _tag_problems(view.text)
        for line, offset, message in problems:
            yield found("unclosed-tag", "error", view, line, offset, message, repaired)


def _fix_unclosed_tag(text: str, context: Context) -> str:
    if "<" not in text:
        return text
    problems, repaired = _tag_problems(text)
    return repaired if problems else text


register(
    Rule(
        id="unclosed-tag",
        severity="error",
        summary="a formatting tag left open, or closed without being opened",
        explanation=(
            "<i>, <b>, <u>, <font>, <c> and the other WebVTT spans must be closed within the "
            "cue. An unclosed <i> turns the rest of the cue (in some players the rest of the "
            "file) italic; a stray </i> is shown as text by strict players. <v Name> needs no "
            "closing tag and is not checked. The fix closes open tags at the cue's end, closes "
            "inner tags before an outer closer, and removes closers with nothing to close."
        ),
        check=_check_unclosed_tag,
        fix=_fix_unclosed_tag,
        precondition="a cue with tags",
        remedy="closes open tags at the cue's end and removes closers with nothing to close",
        safe=True,
    )
)
