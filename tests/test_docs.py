"""The generated references cannot drift: every command and option is documented, and
the checked-in files are what ``python docs/generate.py`` gives for the code today."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import typer
import typer.main

from captionkit.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _commands() -> list[tuple[str, Any]]:
    root = typer.main.get_command(app)
    context = typer.Context(root, info_name="captionkit")
    names = root.list_commands(context)  # type: ignore[attr-defined]
    return [(name, root.get_command(context, name)) for name in names]  # type: ignore[attr-defined]


def undocumented(text: str) -> list[str]:
    """Each command or option of the app that ``text`` (docs/cli.md) does not document."""
    missing: list[str] = []
    for name, command in _commands():
        match = re.search(rf"^## captionkit {re.escape(name)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        if match is None:
            missing.append(name)
            continue
        for param in command.params:
            if getattr(param, "param_type_name", "") != "option" or param.hidden:
                continue
            missing += [
                f"{name} {flag}"
                for flag in [*param.opts, *param.secondary_opts]
                if f"`{flag}`" not in match.group(1)
            ]
    return missing


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    assert {"make", "retime", "check", "fix", "convert", "info", "align"} <= {
        name for name, _ in _commands()
    }
    assert undocumented((ROOT / "docs" / "cli.md").read_text("utf-8")) == []


def test_an_undocumented_command_or_option_is_noticed() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    without_shift = "\n".join(line for line in text.split("\n") if "`--shift`" not in line)
    assert undocumented(without_shift) == ["retime --shift"]
    without_fix = re.sub(r"^## captionkit fix\n.*?(?=^## )", "", text, flags=re.M | re.S)
    assert undocumented(without_fix) == ["fix"]


def test_the_checked_in_references_are_current() -> None:
    stale = _generator().stale()
    assert not stale, (
        f"stale: {[str(p.relative_to(ROOT)) for p in stale]}: run python docs/generate.py"
    )


def test_every_public_name_is_in_the_api_reference() -> None:
    import captionkit

    text = (ROOT / "docs" / "api" / "index.md").read_text("utf-8")
    for name in captionkit.__all__:
        if name.startswith("_"):
            continue
        assert re.search(rf"^### `captionkit\.{re.escape(name)}\b", text, re.M), name


def test_the_readme_carries_the_api_examples_as_written() -> None:
    examples = (ROOT / "docs" / "api-examples.md").read_text("utf-8").strip()
    readme = (ROOT / "README.md").read_text("utf-8")
    assert examples in readme
    # after the command table and its guarantees, where a reader of "## Commands" looks next
    assert readme.index("## Commands") < readme.index(examples) < readme.index("## Licence")
