"""How a fix's changes are shown: one line a change, or a diff of the changed cues.

``fix`` lists every repair (a large file can have hundreds of thousands), and its
dry run prints a diff; both must cost no more than the repairs, so the diff is one
hunk a changed cue, built from the changes themselves rather than by comparing the
two files line by line.

>>> change = Change("rtl-latin-punctuation", 3, 9, "بخير?", "بخير؟")
>>> change_line("a.srt", change)
'a.srt:9: cue 3: rtl-latin-punctuation: بخير? → بخير؟'
>>> print(changes_diff("a.srt", [change]), end="")
--- a.srt
+++ a.srt (fixed)
@@ -9,1 +9,1 @@ cue 3
-بخير?
+بخير؟
"""

from __future__ import annotations

from collections.abc import Sequence

from captionkit.check.fix import Change
from captionkit.check.textutil import show_controls

__all__ = ["change_line", "changed_cues", "changes_diff"]


def change_line(name: str, change: Change) -> str:
    """``file:line: cue N: rule: before → after``, invisible characters named, ⏎ for a line end."""
    where = f"{name}:{change.file_line}" if change.file_line is not None else name
    before = show_controls(change.before).replace("\n", " ⏎ ")
    after = show_controls(change.after).replace("\n", " ⏎ ")
    return f"{where}: cue {change.cue}: {change.rule}: {before} → {after}"


def changed_cues(changes: Sequence[Change]) -> list[Change]:
    """One change a cue, from its text before the first repair to after the last.

    >>> first = Change("a", 1, 1, "x", "y")
    >>> [(c.before, c.after) for c in changed_cues([first, Change("b", 1, 1, "y", "z")])]
    [('x', 'z')]
    """
    final: dict[int, Change] = {}
    for change in changes:
        first = final.get(change.cue)
        before = first.before if first is not None else change.before
        final[change.cue] = Change(change.rule, change.cue, change.file_line, before, change.after)
    return list(final.values())


def changes_diff(name: str, changes: Sequence[Change]) -> str:
    """A unified diff of the changed cues only (one hunk a cue, at its first file line);
    empty when nothing changed."""
    out = [f"--- {name}\n+++ {name} (fixed)\n"]
    for change in changed_cues(changes):
        old, new = change.before.split("\n"), change.after.split("\n")
        start = change.file_line or 0
        out.append(f"@@ -{start},{len(old)} +{start},{len(new)} @@ cue {change.cue}\n")
        out.extend(f"-{line}\n" for line in old)
        out.extend(f"+{line}\n" for line in new)
    return "".join(out) if len(out) > 1 else ""
