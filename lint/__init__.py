"""samverkan-lint: a compliance linter for Stockholm's local collaboration agreements."""

__version__ = "0.1.0"

from lint import codecache  # before any module of ours makes a dataclass

codecache.install()
