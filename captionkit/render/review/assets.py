"""The site's style sheet, script and Arabic interface strings (no CDN: all of it is here).

The interface is Arabic and right to left (``<html lang="ar" dir="rtl">``); file names,
times, rule ids and diffs are left-to-right islands (``dir="ltr"``), and cue text is
``dir="auto"`` so that a line shows as its own first strong letter says.
"""

from __future__ import annotations

#: Every interface string, in one place (the keys are what the code asks for).
UI: dict[str, str] = {
    "title": "مراجعة الترجمات",
    "catalogue": "الفهرس",
    "files": "ملفات",
    "file": "الملف",
    "cues": "المقاطع",
    "errors": "أخطاء",
    "warnings": "تحذيرات",
    "infos": "ملاحظات",
    "findings": "الملاحظات",
    "total": "المجموع",
    "unreadable": "تعذّرت قراءته",
    "filter_name": "تصفية باسم الملف",
    "filter_rule": "القاعدة",
    "filter_severity": "الشدة",
    "all": "الكل",
    "only_flagged": "المقاطع التي فيها ملاحظات فقط",
    "number": "رقم",
    "time": "الوقت",
    "text": "النص",
    "preview": "معاينة",
    "preview_title": "معاينة المقطع كما يرسمه libass",
    "no_preview": "لم تُرسم معاينة لهذا المقطع (أعد التشغيل مع ‎--previews all‎ أو ‎--serve‎)",
    "no_video": "لا يوجد فيديو لهذا الملف: أعطِ ‎--video‎ أو ضع الفيديو بجانب الملف بالاسم نفسه",
    "track_as_is": "الترجمة كما هي",
    "track_fixed": "الترجمة بعد الإصلاح",
    "diff": "فرق الإصلاح",
    "no_fix": "لا إصلاح آمن لهذا الملف",
    "fixes": "إصلاحات",
    "back": "العودة إلى الفهرس",
    "download_vtt": "تنزيل مسار WebVTT",
    "fix": "الإصلاح",
    "generated": "أنشأه captionkit",
    "sort_hint": "انقر عنوان عمود للترتيب",
    "shown": "المعروض",
    "error": "خطأ",
    "warning": "تحذير",
    "info": "ملاحظة",
}

#: Each check rule's title in the interface's language, shown above the rule's own message
#: (which is the library's English). A test keeps it in step with the rule registry.
RULE_TITLES: dict[str, str] = {
    "rtl-base-direction": "سطر عربي يبدأ بكلمة لاتينية فقد يُعرض باتجاه خاطئ",
    "rtl-edge-punctuation": "علامة ترقيم على طرف سطر عربي بلا علامة اتجاه تثبتها",
    "rtl-visual-punctuation": "علامة ترقيم مكتوبة في الطرف الخطأ (ترتيب بصري)",
    "rtl-presentation-forms": "حروف عربية بأشكال العرض المشكَّلة سلفًا",
    "rtl-reversed-text": "نص عربي مخزَّن بترتيب بصري معكوس",
    "rtl-unbalanced-controls": "محارف تحكم اتجاهية لا تُغلق شيئًا أو تبقى مفتوحة",
    "rtl-latin-punctuation": "فاصلة أو فاصلة منقوطة أو علامة استفهام لاتينية في نص عربي",
    "rtl-mixed-digits": "أرقام غربية وهندية وفارسية مختلطة في ملف واحد",
    "rtl-letter-variants": "ي ك العربيتان في نص فارسي أو أردي، أو ی ک الفارسيتان في نص عربي",
    "ass-encoding-direction": "سطر ASS عربي مقسَّم إلى أجزاء يرتّبها libass من اليسار إلى اليمين",
    "line-too-long": "سطر أطول من الحد المسموح من الأحرف",
    "too-many-lines": "أسطر أكثر مما يسمح به",
    "needless-two-lines": "مقطع من سطرين يتسع له سطر واحد",
    "reading-speed": "نص أطول من أن يُقرأ في مدة ظهوره",
    "duration-short": "مقطع يظهر مدة قصيرة جدًا",
    "duration-long": "مقطع يظهر مدة طويلة جدًا",
    "gap-short": "مقطعان متقاربان جدًا",
    "overlap": "مقطع يبدأ قبل أن ينتهي سابقه",
    "unbalanced-lines": "مقطع من سطرين متفاوتَي الطول كثيرًا",
    "bad-line-break": "فصل السطر في موضع لا يفصل فيه مترجم محترف",
    "doubtful-line-break": "فصل السطر في موضع قد يكون داخل إضافة أو اسم (تلميح)",
    "empty-cue": "مقطع بلا نص ظاهر",
    "unclosed-tag": "وسم تنسيق فُتح ولم يُغلق، أو أُغلق ولم يُفتح",
}

CSS = """
@font-face { font-family: "CaptionkitArabic"; src: url("font.ttf"); }
:root { --bg: #fafafa; --fg: #1d1d1f; --muted: #666; --line: #ddd;
  --error: #b3261e; --warning: #8a5a00; --info: #1f5f99; --active: #fff4c2; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "CaptionkitArabic", "Noto Sans Arabic", system-ui, sans-serif;
  background: var(--bg); color: var(--fg); line-height: 1.5; }
header, main, footer { padding: 0.75rem 1.25rem; }
header { background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.3rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.muted { color: var(--muted); }
.controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0.5rem 0; }
.controls label { display: inline-flex; gap: 0.35rem; align-items: center; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: start;
  vertical-align: top; }
th { background: #f0f0f0; position: sticky; top: 0; }
th[data-sort] { cursor: pointer; }
th[data-sort]::after { content: " ⇅"; color: var(--muted); }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
td.zero { color: #bbb; }
tr.unreadable td { background: #fde7e7; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.badge { display: inline-block; min-width: 2.2em; padding: 0 0.4em; border-radius: 0.6em;
  text-align: center; color: #fff; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.layout { display: grid; grid-template-columns: minmax(320px, 44%) 1fr; gap: 1rem;
  align-items: start; }
.player { position: sticky; top: 0.5rem; }
#preview-pane img { display: block; width: 100%; border: 1px solid #000; }
#preview-pane figcaption { font-size: 0.9rem; color: var(--muted); }
.error-text { display: block; direction: ltr; text-align: left; }
video { width: 100%; background: #000; }
.novideo { border: 1px dashed var(--line); padding: 2rem; text-align: center; }
#cues { list-style: none; margin: 0; padding: 0; background: #fff; }
/* one grid row a cue; rows off screen are neither laid out nor painted until scrolled to,
   so a page of thousands of cues opens as fast as a page of twenty */
.cue { display: grid; grid-template-columns: 2.5rem 6.5rem minmax(0, 1fr) minmax(0, 1.2fr) 4.5rem;
  gap: 0.5rem; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line);
  content-visibility: auto; contain-intrinsic-size: auto 3.5rem; }
.cue.head { background: #f0f0f0; font-weight: bold; content-visibility: visible; }
.cue .n { text-align: end; font-variant-numeric: tabular-nums; }
.cue-text { white-space: pre-wrap; font-size: 1.05rem; }
.cue-time { white-space: nowrap; font-size: 0.85rem; }
.cue.active { background: var(--active); }
.cue.target { outline: 2px solid #e0a800; outline-offset: -2px; }
button.finding { display: block; width: 100%; text-align: start; border: 1px solid var(--line);
  background: #fff; border-radius: 4px; padding: 0.2rem 0.4rem; margin: 0 0 0.25rem;
  cursor: pointer; font: inherit; }
button.finding:hover { background: #f3f3f3; }
.rule { font-family: ui-monospace, monospace; font-size: 0.85rem; }
.fix { display: block; font-size: 0.85rem; color: var(--muted); }
/* the library's English message on a line of its own, laid out in its own direction */
.finding .title { display: block; text-align: start; }
.finding .message { display: block; text-align: start; unicode-bidi: isolate; color: var(--muted); }
button.preview { font: inherit; cursor: pointer; }
button.preview[aria-pressed="true"] { background: var(--active); }
pre.diff { direction: ltr; background: #fff; border: 1px solid var(--line); padding: 0.5rem;
  overflow: auto; max-height: 40rem; }
pre.diff span { display: block; unicode-bidi: plaintext; }
pre.diff .add { background: #e6ffec; }
pre.diff .del { background: #ffebe9; }
pre.diff .hunk { color: var(--info); }
[hidden] { display: none !important; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .player { position: static; } }
"""

JS = r"""
"use strict";
(function () {
  function numeric(cell) {
    const value = cell.getAttribute("data-value");
    return value === null ? NaN : Number(value);
  }
  // Catalogue: sort by a column (click again to reverse), filter by name, rule, severity.
  const catalogue = document.getElementById("catalogue");
  if (catalogue) {
    const body = catalogue.tBodies[0];
    const headers = catalogue.tHead.rows[0].cells;
    for (let column = 0; column < headers.length; column++) {
      const header = headers[column];
      if (!header.hasAttribute("data-sort")) continue;
      header.addEventListener("click", function () {
        const down = header.getAttribute("aria-sort") !== "descending";
        for (const other of headers) other.removeAttribute("aria-sort");
        header.setAttribute("aria-sort", down ? "descending" : "ascending");
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = a.cells[column], y = b.cells[column];
          const nx = numeric(x), ny = numeric(y);
          const order = !isNaN(nx) && !isNaN(ny) ? nx - ny
            : x.textContent.localeCompare(y.textContent);
          return down ? -order : order;
        });
        for (const row of rows) body.appendChild(row);
      });
    }
    const name = document.getElementById("filter-name");
    const rule = document.getElementById("filter-rule");
    const severity = document.getElementById("filter-severity");
    const shown = document.getElementById("shown");
    const apply = function () {
      const text = name.value.trim().toLowerCase();
      let count = 0;
      for (const row of body.rows) {
        const rules = (row.getAttribute("data-rules") || "").split(" ");
        const levels = (row.getAttribute("data-severities") || "").split(" ");
        const visible = (!text || row.getAttribute("data-name").toLowerCase().includes(text))
          && (!rule.value || rules.includes(rule.value))
          && (!severity.value || levels.includes(severity.value));
        row.hidden = !visible;
        if (visible) count++;
      }
      shown.textContent = String(count);
    };
    name.addEventListener("input", apply);
    rule.addEventListener("change", apply);
    severity.addEventListener("change", apply);
  }
  // File page: click a finding (or a cue's time) to seek the video there; filter findings;
  // previews on demand; the cue on screen highlighted while the video plays.
  const cues = document.getElementById("cues");
  if (cues) {
    const video = document.getElementById("video");
    const rows = Array.from(cues.children);
    const starts = rows.map(function (row) { return Number(row.getAttribute("data-start")); });
    let active = null;
    const mark = function (row, name) {
      for (const other of cues.querySelectorAll("li." + name)) other.classList.remove(name);
      if (row) row.classList.add(name);
    };
    cues.addEventListener("click", function (event) {
      const target = event.target.closest("[data-seek]");
      if (target) {
        const row = target.closest("li");
        mark(row, "target");
        if (video) {
          video.pause();
          // a millisecond inside the cue, so that it is the active cue on the frame shown
          video.currentTime = Number(target.getAttribute("data-seek")) / 1000 + 0.001;
        }
        history.replaceState(null, "", "#" + row.id);
        return;
      }
      const button = event.target.closest("button.preview");
      if (button) {
        // the preview is drawn in the pane under the video, loaded only when asked for
        // pre-rendered PNGs beside the site; with --serve, drawn on demand by the server
        const pane = document.getElementById("preview-pane");
        const number = button.closest("li").id.slice(4);
        const file = cues.getAttribute("data-file");
        let source = null;
        if (button.hasAttribute("data-drawn")) {
          source = "../previews/" + file.padStart(4, "0") + "/" + number + ".png";
        } else if (location.protocol.startsWith("http")) {
          source = "/_preview/" + file + "/" + number + ".png";
        }
        if (!source) { button.title = pane.getAttribute("data-missing"); button.disabled = true; return; }
        for (const other of cues.querySelectorAll("button.preview[aria-pressed]")) other.removeAttribute("aria-pressed");
        button.setAttribute("aria-pressed", "true");
        const image = pane.querySelector("img");
        image.src = source;
        pane.querySelector("figcaption").textContent = image.alt + " #" + number;
        pane.hidden = false;
      }
    });
    const rule = document.getElementById("filter-rule");
    const severity = document.getElementById("filter-severity");
    const flagged = document.getElementById("only-flagged");
    const shown = document.getElementById("shown");
    const apply = function () {
      let count = 0;
      for (const row of rows) {
        let any = false;
        for (const finding of row.querySelectorAll("button.finding")) {
          const visible = (!rule.value || finding.getAttribute("data-rule") === rule.value)
            && (!severity.value || finding.getAttribute("data-severity") === severity.value);
          finding.hidden = !visible;
          if (visible) any = true;
        }
        const filtering = rule.value || severity.value || flagged.checked;
        row.hidden = Boolean(filtering) && !any;
        if (!row.hidden) count++;
      }
      shown.textContent = String(count);
    };
    rule.addEventListener("change", apply);
    severity.addEventListener("change", apply);
    flagged.addEventListener("change", apply);
    if (video) {
      video.addEventListener("timeupdate", function () {
        const now = video.currentTime * 1000;
        let low = 0, high = starts.length - 1, found = -1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          if (starts[middle] <= now) { found = middle; low = middle + 1; } else high = middle - 1;
        }
        const row = found >= 0 && now < Number(rows[found].getAttribute("data-end")) ? rows[found] : null;
        if (row !== active) { mark(row, "active"); active = row; }
      });
    }
    if (location.hash) {
      const row = document.getElementById(location.hash.slice(1));
      if (row) { mark(row, "target"); row.scrollIntoView({block: "center"}); }
    }
  }
})();
"""
