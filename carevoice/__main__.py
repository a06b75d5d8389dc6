"""``python -m carevoice``: the ``carevoice`` command, for environments without its script."""

from .cli import main

if __name__ == "__main__":
    main()
