"""Running the rules over a track: cue views built once, findings in file order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from captionkit.check.language import file_language
from captionkit.check.model import Context, CueView, Finding, Rule, Severity
from captionkit.check.registry import RULE_IDS, default_rules
from captionkit.check.visual import LineKind, classify, file_uses_workaround
from captionkit.collector import collector_paused
from captionkit.model import Cue, Format, Track
from captionkit.profiles import Profile, load_profile
from captionkit.text.arabic import is_arabic_script, looks_reversed
from captionkit.text.counting import plain_visible_length, strip_tags
from captionkit.text.rtl import RTL_LETTER, line_direction

_ORDER = {rule_id: position for position, rule_id in enumerate(RULE_IDS)}
# Asked once a cue for its first RTL letter: a file has few distinct ones.
_arabic_letter = lru_cache(maxsize=1024)(is_arabic_script)


def cue_view(
    index: int, cue: Cue, rtl_file: bool = False, text: str | None = None, measure: bool = True
) -> CueView:
    """What the rules read of one cue (``index`` is its 1-based position in the file).

    The cue is right to left when it has a right-to-left letter and either the file is
    right to left (``rtl_file``) or one of its lines starts right to left: a majority of
    letters never decides (``Python، رائع!`` is an Arabic line). ``text`` stands in for the
    cue's text (a repair in progress) without building a new cue. ``measure`` False leaves
    the line lengths out (zeros): only the layout rules read them, and ``fix`` without
    them skips the count.
    """
    if text is None:
        text = cue.text
    lines = tuple(text.split("\n"))
    if "<" in text or "{" in text:
        plain = strip_tags(text)
        plain_lines = tuple(plain.split("\n"))
    else:
        plain, plain_lines = text, lines
    lengths = tuple(map(plain_visible_length, plain_lines)) if measure else (0,) * len(lines)
    letter = None if plain.isascii() else RTL_LETTER.search(plain)
    if letter is None:
        rtl = arabic = False
    else:
        rtl = rtl_file or any(line_direction(line) == "rtl" for line in plain_lines)
        arabic = rtl and _arabic_letter(letter.group())
    source = cue.source
    first_line = None
    if source is not None:
        first_line = source.line + source.raw.count("\n", 0, source.text_span[0])
    return CueView(index, cue, text, lines, plain_lines, plain, lengths, rtl, arabic, first_line)


def cue_views(track: Track, rtl_file: bool = False) -> list[CueView]:
    """Views of every cue of the track."""
    return [cue_view(index, cue, rtl_file) for index, cue in enumerate(track.cues, 1)]


def track_context(
    track: Track,
    profile: Profile | None = None,
    rtl_mode: str = "embed",
    texts: Sequence[str] | None = None,
    language: str | None = None,
    measure: bool = True,
) -> tuple[Context, list[CueView]]:
    """The context of a whole file (its language, whether it uses the visual-order
    workaround) and the views of its cues, built once for checking and fixing.

    ``texts`` stand in for the cues' texts (a repair in progress); ``language``, when
    known, saves finding it again; ``measure`` False skips the line lengths (see
    :func:`cue_view`).
    """
    cues = track.cues
    if texts is None:
        texts = [cue.text for cue in cues]
    if language is None:
        # The language of a large file is that of an even sample of its cues.
        step = max(1, len(texts) // 5000)
        language = file_language(track.source.path, map(strip_tags, texts[::step]))
    rtl_file = language is not None
    views = [
        cue_view(index, cue, rtl_file, text, measure)
        for index, (cue, text) in enumerate(zip(cues, texts, strict=True), 1)
    ]
    memo: dict[tuple[str, str], object] = {}
    if track.format == "ass":  # the style facts ass-encoding-direction reads
        from captionkit.check.ass_encoding import ASS_STYLES, ass_styles

        memo[ASS_STYLES] = ass_styles(track)
    context = file_context(views, profile or load_profile(), track.format, rtl_mode, language, memo)
    return context, views


def file_context(
    views: Sequence[CueView],
    profile: Profile,
    format: Format,
    rtl_mode: str,
    language: str | None,
    memo: dict[tuple[str, str], object] | None = None,
) -> Context:
    """The context of a file whose cue views are built: whether its clear lines use the
    visual-order workaround, decided over all its right-to-left lines. ``memo`` (answers
    about lines, kept between runs over the same file) saves asking them again."""
    memo = {} if memo is None else memo
    kinds: list[LineKind] = []
    for view in views:
        if view.rtl:
            for plain in view.plain_lines:
                key = ("kind", plain)
                known = memo.get(key)
                kind = known if isinstance(known, LineKind) else classify(plain)
                memo[key] = kind
                if kind is LineKind.WORKAROUND or kind is LineKind.LOGICAL:
                    # A line stored backwards has its end first: it votes for neither.
                    reversed_key = ("reversed", plain)
                    backwards = memo.get(reversed_key)
                    if backwards is None:
                        backwards = memo[reversed_key] = looks_reversed(plain)
                    if backwards:
                        continue
                kinds.append(kind)
    return Context(
        profile=profile,
        format=format,
        rtl_mode=rtl_mode,
        language=language,
        rtl_file=language is not None,
        visual_file=file_uses_workaround(kinds),
        memo=memo,
    )


def check_views(
    views: Sequence[CueView],
    context: Context,
    rules: Iterable[Rule] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Finding]:
    """Findings of ``rules`` (all by default) over these cue views, in file order."""
    findings: list[Finding] = []
    overrides = severities or {}
    with collector_paused():
        _run(views, context, rules, overrides, findings)
    findings.sort(
        key=lambda finding: (
            finding.cue,
            finding.line or 0,
            _ORDER[finding.rule],
            finding.start or 0,
        )
    )
    return findings


def _run(
    views: Sequence[CueView],
    context: Context,
    rules: Iterable[Rule] | None,
    overrides: dict[str, Severity],
    findings: list[Finding],
) -> None:
    for rule in default_rules() if rules is None else rules:
        produced = list(rule.check(views, context))
        level = overrides.get(rule.id)
        if level is not None:
            produced = [_with_severity(finding, level) for finding in produced]
        findings.extend(produced)


def _with_severity(finding: Finding, level: Severity) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=level)


def check_track(
    track: Track,
    profile: Profile | None = None,
    rules: Iterable[Rule] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Finding]:
    """Check a track against ``rules`` (all by default) under ``profile`` (the default one).

    >>> from captionkit.model import Cue, Format, Track
    >>> track = Track.from_cues([Cue(0, 2000, ".لقد وصلنا")])
    >>> [finding.rule for finding in check_track(track)]
    ['rtl-visual-punctuation']
    """
    with collector_paused():
        context, views = track_context(track, profile)
        return check_views(views, context, rules, severities)


def summary(findings: Sequence[Finding], cues: int) -> dict[str, object]:
    """Counts by severity and by rule, for reports."""
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "cues": cues,
        "findings": len(findings),
        "error": sum(1 for finding in findings if finding.severity == "error"),
        "warning": sum(1 for finding in findings if finding.severity == "warning"),
        "info": sum(1 for finding in findings if finding.severity == "info"),
        "by_rule": {rule_id: by_rule[rule_id] for rule_id in RULE_IDS if rule_id in by_rule},
    }
