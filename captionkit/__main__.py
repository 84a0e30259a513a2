"""``python -m captionkit`` runs the command line."""

from captionkit.cli import main

main()
