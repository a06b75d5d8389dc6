"""carevoice's per-user folders (platformdirs where it is installed, XDG's defaults else)."""

from __future__ import annotations

from pathlib import Path


def user_folder(kind: str) -> Path:
    """This user's ``"cache"`` or ``"config"`` folder for carevoice (``~/.cache/carevoice``,
    ``~/.config/carevoice`` on Linux).

    Parameters
    ----------
    kind : {"cache", "config"}

    Returns
    -------
    pathlib.Path
    """
    if kind not in ("cache", "config"):
        raise ValueError(f"kind must be 'cache' or 'config', not {kind!r}")
    try:
        import platformdirs

        where = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_config_dir
        return Path(where("carevoice"))
    except ImportError:  # pragma: no cover - platformdirs is almost always there
        return Path.home() / f".{kind}" / "carevoice"
