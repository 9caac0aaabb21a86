"""Check: run a rule pack's rules over a `Document` and produce findings.

Check functions are registered by check type (`@register("annex_list_numbering")`); a
rule in the pack names its check type and parameters. The engine selects rules, applies
the stage and severity settings, formats messages and attaches locations.
"""

from lint.check.engine import Finding, Settings, Violation, register, run_checks

__all__ = ["Finding", "Settings", "Violation", "register", "run_checks"]
