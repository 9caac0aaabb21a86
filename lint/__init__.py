"""samverkan-lint: a compliance linter for Stockholm's local collaboration agreements."""

__version__ = "0.1.0"
