"""The agendas shipped with tuneup, and turning a command-line argument into an agenda file.

In an installed wheel the built-ins sit inside the package (`tuneup_tui/agendas/`, put there
by pyproject's hatch force-include); in a source checkout they are the top-level `agendas/`
folder next to the package.
"""

from __future__ import annotations

from pathlib import Path

from tuneup_tui.agenda.load import AgendaError

DEFAULT_AGENDA = "one-day-tuneup"
_PACKAGED_AGENDAS = Path(__file__).resolve().parent.parent / "agendas"
_REPO_AGENDAS = _PACKAGED_AGENDAS.parent.parent / "agendas"


def builtin_agendas() -> dict[str, Path]:
    """Built-in agenda names (file name without .toml) and their files, sorted by name."""
    folder = _agendas_folder()
    if folder is None:
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml")) if p.is_file()}


def resolve_agenda(arg: str | None) -> Path:
    """The agenda file `arg` means: an existing file, else a built-in name.

    None means the one-day built-in. A built-in may be named with or without `.toml`
    ("weekly-tuneup", "weekly-tuneup.toml") as long as no file of that name exists here.
    Raises AgendaError when it is neither.
    """
    if arg is None:
        default = _builtin(DEFAULT_AGENDA)
        if default is not None:
            return default
        raise AgendaError([f"{DEFAULT_AGENDA}: the built-in agenda is missing from this "
                           "installation"])
    path = Path(arg)
    if path.exists():
        return path
    bare = path.name == arg
    name = arg.removesuffix(".toml")
    found = _builtin(name) if bare else None
    if found is not None:
        return found
    # A bare name without .toml was most likely meant as a built-in.
    hint = ""
    if bare and name == arg:
        hint = f" (and no built-in agenda of that name: {', '.join(builtin_agendas())})"
    raise AgendaError([f"{arg}: no such file{hint}"])


def _builtin(name: str) -> Path | None:
    """The built-in agenda called `name` (a file name without .toml), if there is one."""
    folder = _agendas_folder()
    if folder is None or not name:
        return None
    path = folder / f"{name}.toml"
    return path if path.is_file() else None


def _agendas_folder() -> Path | None:
    """The installed package's agendas/ first, then the source checkout's (found beside this
    file: importlib.resources would cost the console's first frame a few milliseconds)."""
    for folder in (_PACKAGED_AGENDAS, _REPO_AGENDAS):
        if folder.is_dir():
            return folder
    return None
