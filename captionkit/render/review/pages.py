"""The review site's pages: a catalogue of files x rules, and one page per file.

Pages are built as strings (every value through :func:`html.escape`) and returned with
their paths inside the site, so the caller writes them all at once through the output
layer. Nothing refers outside the site but each file page's video (a relative link to
the video beside the subtitles): no CDN, no server needed.

>>> from captionkit.render.review.data import FileReview
>>> pages = dict(build_site([FileReview(0, "a.srt", "a.srt", error="a.srt:1: no cue")]))
>>> sorted(pages)
['assets/review.css', 'assets/review.js', 'index.html', 'review.json']
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote

from captionkit.render.review.assets import CSS, JS, RULE_TITLES, UI
from captionkit.render.review.data import SEVERITY_ORDER, CueRow, FileReview
from captionkit.timecode import format_vtt_time

SEVERITIES = ("error", "warning", "info")


def page_name(review: FileReview) -> str:
    """The file page's path in the site: a number and an ASCII form of the file's stem.

    >>> from captionkit.render.review.data import FileReview
    >>> page_name(FileReview(4, "x/حلقة 1.srt", "x/حلقة 1.srt"))
    'files/0005-1.html'
    """
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(review.path).stem).strip("-")[:40]
    return f"files/{review.index + 1:04d}{'-' + stem if stem else ''}.html"


def preview_name(review: FileReview, cue: int) -> str:
    """A cue preview's path in the site."""
    return f"previews/{review.index + 1:04d}/{cue}.png"


def _head(title: str, root: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}assets/review.css">\n'
        f'<script src="{root}assets/review.js" defer></script>\n'
        "</head>\n<body>\n"
    )


def _ltr(text: str) -> str:
    return f'<span class="ltr" dir="ltr">{escape(text)}</span>'


def _count_cell(value: int) -> str:
    return f'<td class="n{" zero" if not value else ""}" data-value="{value}">{value}</td>'


def _options(values: Sequence[str], labels: dict[str, str] | None = None) -> str:
    first = f'<option value="">{UI["all"]}</option>'
    return first + "".join(
        f'<option value="{escape(value)}">{escape((labels or {}).get(value, value))}</option>'
        for value in values
    )


def _severity_labels() -> dict[str, str]:
    return {level: UI[level] for level in SEVERITIES}


def _footer() -> str:
    """The closing lines every page ends with (one place for the generated-by note)."""
    return f'<footer class="muted">{UI["generated"]}</footer>\n</body>\n</html>\n'


def catalogue_page(reviews: Sequence[FileReview]) -> str:
    """Files x rules: counts, worst first; sortable columns; filters by name, rule, severity."""
    totals: Counter[str] = Counter()
    for review in reviews:
        totals.update(review.counts())
    rules = [rule for rule, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]
    ordered = sorted(reviews, key=lambda r: (tuple(-v for v in r.badness()), r.name))
    parts = [_head(f"{UI['title']}: {UI['catalogue']}", "")]
    parts.append(_catalogue_header(reviews, sum(totals.values()), rules))
    parts.append(
        '<table id="catalogue">\n<thead><tr>'
        + _catalogue_columns(rules)
        + "</tr></thead>\n<tbody>\n"
    )
    parts.extend(_catalogue_row(review, rules) for review in ordered)
    parts.append("</tbody>\n</table>\n</main>\n")
    parts.append(_footer())
    return "".join(parts)


def _catalogue_header(reviews: Sequence[FileReview], findings: int, rules: Sequence[str]) -> str:
    """The catalogue's title, its totals and the filter controls that review.js drives."""
    unreadable = sum(1 for review in reviews if review.error is not None)
    return (
        f"<header>\n<h1>{UI['title']}: {UI['catalogue']}</h1>\n"
        f'<p class="muted">{len(reviews)} {UI["files"]} · '
        f"{findings} {UI['findings']} · {unreadable} {UI['unreadable']} · "
        f"{UI['sort_hint']}</p>\n"
        '<div class="controls">\n'
        f'<label>{UI["filter_name"]} <input id="filter-name" type="search" dir="ltr"></label>\n'
        f'<label>{UI["filter_rule"]} <select id="filter-rule" dir="ltr">'
        f"{_options(rules)}</select></label>\n"
        f'<label>{UI["filter_severity"]} <select id="filter-severity">'
        f"{_options(SEVERITIES, _severity_labels())}</select></label>\n"
        f'<span>{UI["shown"]}: <output id="shown">{len(reviews)}</output></span>\n'
        "</div>\n</header>\n<main>\n"
    )


def _catalogue_columns(rules: Sequence[str]) -> str:
    """The table's header cells: the fixed columns, then one sortable column per rule."""
    head = [
        f'<th data-sort="text">{UI["file"]}</th>',
        f'<th class="n" data-sort="n">{UI["cues"]}</th>',
        f'<th class="n" data-sort="n">{UI["errors"]}</th>',
        f'<th class="n" data-sort="n">{UI["warnings"]}</th>',
        f'<th class="n" data-sort="n">{UI["infos"]}</th>',
        f'<th class="n" data-sort="n">{UI["total"]}</th>',
        *(
            f'<th class="n rule" data-sort="n" dir="ltr" '
            f'title="{escape(RULE_TITLES.get(rule, rule))}">{escape(rule)}</th>'
            for rule in rules
        ),
    ]
    return "".join(head)


def _catalogue_row(review: FileReview, rules: Sequence[str]) -> str:
    """One file's row; an unreadable file keeps its row (with zero counts and the error)
    so that the catalogue still lists every file it was given."""
    if review.error is not None:
        return (
            f'<tr class="unreadable" data-name="{escape(review.name)}" data-rules="" '
            f'data-severities="error"><td>{_ltr(review.name)}<br>'
            f'<span class="sev-error">{UI["unreadable"]}:</span> '
            f'<span class="sev-error error-text" dir="ltr">{escape(review.error)}</span></td>'
            + "".join(_count_cell(0) for _ in range(5 + len(rules)))
            + "</tr>\n"
        )
    counts = review.counts()
    levels = review.severities()
    link = f'<a href="{quote(page_name(review))}">{_ltr(review.name)}</a>'
    return (
        f'<tr data-name="{escape(review.name)}" '
        f'data-rules="{escape(" ".join(sorted(counts)))}" '
        f'data-severities="{" ".join(sorted(levels))}"><td>{link}</td>'
        + _count_cell(len(review.cues))
        + "".join(_count_cell(levels[level]) for level in SEVERITIES)
        + _count_cell(len(review.findings))
        + "".join(_count_cell(counts[rule]) for rule in rules)
        + "</tr>\n"
    )


def _data_url(text: str) -> str:
    """A ``data:`` URL of a WebVTT track: it loads from a page opened from disk
    (``file://``), where a track fetched from a file is blocked as cross-origin."""
    return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode(
        "ascii"
    )


def _diff_html(diff: str) -> str:
    lines = []
    for line in diff.splitlines():
        kind = ""
        if line.startswith("@@"):
            kind = "hunk"
        elif line.startswith("+") and not line.startswith("+++"):
            kind = "add"
        elif line.startswith("-") and not line.startswith("---"):
            kind = "del"
        attribute = f' class="{kind}"' if kind else ""
        lines.append(f"<span{attribute}>{escape(line) or ' '}</span>")
    return "".join(lines)


def file_page(review: FileReview, page_path: str, has_previews: Sequence[int] = ()) -> str:
    """One file: the video with its captions, the cue list with findings, previews, the diff."""
    assert review.error is None
    root = "../" * page_path.count("/")
    by_cue = _findings_by_cue(review)
    parts = [_head(f"{UI['title']}: {review.name}", root)]
    parts.append(_file_header(review, root))
    parts.append(_player(review, page_path))
    rendered = set(has_previews)
    parts.extend(
        _cue_item(cue, by_cue.get(cue.number, []), cue.number in rendered) for cue in review.cues
    )
    parts.append("</ol>\n</section>\n</div>\n")
    parts.append(f"<section>\n<h2>{UI['diff']}</h2>\n")
    if review.diff:
        parts.append(f'<pre class="diff">{_diff_html(review.diff)}</pre>\n')
    else:
        parts.append(f'<p class="muted">{UI["no_fix"]}</p>\n')
    parts.append("</section>\n</main>\n")
    parts.append(_footer())
    return "".join(parts)


def _findings_by_cue(review: FileReview) -> dict[int, list[str]]:
    """Each cue's findings as buttons (worst first, then by rule), so the cue list shows
    them beside their cue and a click seeks the video to the cue's start."""
    by_cue: dict[int, list[str]] = {}
    for finding in sorted(
        review.findings, key=lambda f: (f.cue, SEVERITY_ORDER.get(f.severity, 3), f.rule)
    ):
        start = review.cues[finding.cue - 1].start if 0 < finding.cue <= len(review.cues) else 0
        fix = (
            f'<span class="fix">{UI["fix"]}: <bdi>{escape(finding.fix)}</bdi></span>'
            if finding.fix
            else ""
        )
        by_cue.setdefault(finding.cue, []).append(
            f'<button type="button" class="finding" data-seek="{start}" '
            f'data-rule="{escape(finding.rule)}" data-severity="{finding.severity}">'
            f'<span class="badge sev-{finding.severity}">{UI[finding.severity]}</span> '
            f'<span class="rule" dir="ltr">{escape(finding.rule)}</span> '
            f"{_rule_title(finding.rule)}"
            f'<span class="message" lang="en" dir="auto">{escape(finding.message)}</span>'
            f"{fix}</button>"
        )
    return by_cue


def _rule_title(rule: str) -> str:
    """The rule's Arabic title, above its English message (nothing for an unknown rule)."""
    title = RULE_TITLES.get(rule)
    return f'<span class="title">{escape(title)}</span>' if title else ""


def _file_header(review: FileReview, root: str) -> str:
    """The file page's title, its counts by severity and the filter controls."""
    levels = review.severities()
    return (
        f'<header>\n<p><a href="{root}index.html">{UI["back"]}</a></p>\n'
        f"<h1>{_ltr(review.name)}</h1>\n"
        f'<p class="muted">{len(review.cues)} {UI["cues"]} · '
        + " · ".join(
            f'<span class="sev-{level}">{levels[level]} {UI[level + "s" if level != "info" else "infos"]}</span>'
            for level in SEVERITIES
        )
        + f" · {review.fixes} {UI['fixes']}</p>\n"
        '<div class="controls">\n'
        f'<label>{UI["filter_rule"]} <select id="filter-rule" dir="ltr">'
        f"{_options(sorted(review.counts()))}</select></label>\n"
        f'<label>{UI["filter_severity"]} <select id="filter-severity">'
        f"{_options(SEVERITIES, _severity_labels())}</select></label>\n"
        f'<label><input id="only-flagged" type="checkbox"> {UI["only_flagged"]}</label>\n'
        f'<span>{UI["shown"]}: <output id="shown">{len(review.cues)}</output></span>\n'
        '</div>\n</header>\n<main>\n<div class="layout">\n<section class="player">\n'
    )


def _player(review: FileReview, page_path: str) -> str:
    """The video with the captions as they are (and as fixed, when fix changed them) as
    ``data:`` tracks, the download link, the preview pane, and the cue list's opening."""
    vtt_name = page_path[: -len(".html")] + ".vtt"
    if review.video is not None:
        tracks = (
            f'<track kind="subtitles" srclang="ar" label="{UI["track_as_is"]}" default '
            f'src="{_data_url(review.vtt)}">'
        )
        if review.fixed_vtt:
            tracks += (
                f'<track kind="subtitles" srclang="ar" label="{UI["track_fixed"]}" '
                f'src="{_data_url(review.fixed_vtt)}">'
            )
        video = (
            f'<video id="video" controls preload="auto" src="{escape(review.video)}">'
            f"{tracks}</video>\n"
        )
    else:
        video = f'<p class="novideo">{UI["no_video"]}</p>\n'
    return video + (
        f'<p><a href="{quote(os.path.basename(vtt_name))}" download>{UI["download_vtt"]}</a></p>\n'
        f'<figure id="preview-pane" hidden data-missing="{UI["no_preview"]}">'
        f'<img src="data:," alt="{UI["preview_title"]}"><figcaption></figcaption></figure>\n'
        "</section>\n<section>\n"
        '<div class="cue head" aria-hidden="true">'
        f'<span class="n">{UI["number"]}</span><span>{UI["time"]}</span>'
        f"<span>{UI['text']}</span><span>{UI['findings']}</span>"
        f"<span>{UI['preview']}</span></div>\n"
        f'<ol id="cues" data-file="{review.index + 1}">\n'
    )


def _cue_item(cue: CueRow, findings: Sequence[str], drawn: bool) -> str:
    """One cue of the list: number, time (a seek link), text, findings, preview button
    (``data-drawn`` when a preview image was rendered for it)."""
    mark = " data-drawn" if drawn else ""
    return (
        f'<li id="cue-{cue.number}" class="cue" data-start="{cue.start}" '
        f'data-end="{cue.end}"><span class="n">{cue.number}</span>'
        f'<a class="cue-time" href="#cue-{cue.number}" data-seek="{cue.start}" dir="ltr">'
        f"{format_vtt_time(cue.start)}</a>"
        f'<span class="cue-text" dir="auto">{escape(cue.text)}</span>'
        f'<span class="findings">{"".join(findings)}</span>'
        f'<span><button type="button" class="preview"{mark}>{UI["preview"]}</button></span>'
        "</li>\n"
    )


def build_site(
    reviews: Sequence[FileReview], font: bytes | None = None, video_base: str | None = None
) -> list[tuple[str, bytes]]:
    """Every file of the site, as ``(path inside the site, bytes)``.

    ``video_base`` is the folder the site is written to: each page's video becomes a
    link relative to its page (the site and the videos move together).
    """
    files: list[tuple[str, bytes]] = [
        ("index.html", catalogue_page(reviews).encode("utf-8")),
        ("assets/review.css", CSS.encode("utf-8")),
        ("assets/review.js", JS.encode("utf-8")),
    ]
    if font is not None:
        files.append(("assets/font.ttf", font))
    manifest = [
        {"index": review.index + 1, "path": os.path.abspath(review.path), "name": review.name}
        for review in reviews
    ]
    files.append(("review.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode()))
    for review in reviews:
        if review.error is not None:
            continue
        name = page_name(review)
        shown = review
        if review.video is not None:
            if video_base is not None:
                folder = Path(video_base, name).parent
                relative = os.path.relpath(review.video, folder)
                shown = _with_video(review, quote(Path(relative).as_posix()))
            else:
                shown = _with_video(review, Path(review.video).resolve().as_uri())
        files.append((name, file_page(shown, name, sorted(review.previews)).encode("utf-8")))
        files.append((name[: -len(".html")] + ".vtt", review.vtt.encode("utf-8")))
        for cue, png in sorted(review.previews.items()):
            files.append((preview_name(review, cue), png))
    return files


def _with_video(review: FileReview, link: str) -> FileReview:
    from dataclasses import replace

    return replace(review, video=link)
