"""``python -m storyweave``: the same command line as ``storyweave``."""

from .cli import main

main()
