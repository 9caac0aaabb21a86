"""`samlint annotate`: where the copies go, what is refused, and the check options."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.annotate.helpers import comments
from tests.conftest import AS_OF, SEEDS, run_cli

BASE = ("--as-of", AS_OF, "--no-cache", "--jobs", "1")


def _copy(tmp_path: Path, *names: str) -> list[Path]:
    copies = []
    for name in names:
        shutil.copy(SEEDS / name, tmp_path / name)
        copies.append(tmp_path / name)
    return copies


def test_default_copies_sit_beside_the_inputs(tmp_path: Path) -> None:
    pdf, docx, txt = _copy(
        tmp_path,
        "skarpnack-local-agreement-2020.pdf",
        "skarpnack-local-agreement-2020.docx",
        "ostermalm-local-agreement-2021.txt",
    )
    code, out, err = run_cli("annotate", str(pdf), str(docx), str(txt), *BASE)
    assert code == 1, err  # findings at or above --fail-on, as for check
    assert out == ""
    assert (tmp_path / "skarpnack-local-agreement-2020.samlint.pdf").is_file()
    assert (tmp_path / "skarpnack-local-agreement-2020.samlint.docx").is_file()
    html = tmp_path / "ostermalm-local-agreement-2021.samlint.html"
    assert "<!DOCTYPE html>" in html.read_text(encoding="utf-8")
    assert "HTML report" in err and str(html) in err


def test_existing_copy_is_kept_without_force(tmp_path: Path) -> None:
    (docx,) = _copy(tmp_path, "skarpnack-local-agreement-2020.docx")
    target = tmp_path / "skarpnack-local-agreement-2020.samlint.docx"
    target.write_bytes(b"mine")
    code, _, err = run_cli("annotate", str(docx), *BASE)
    assert code == 2
    assert "--force" in err
    assert target.read_bytes() == b"mine"
    code, _, err = run_cli("annotate", str(docx), "--force", *BASE)
    assert code == 1, err
    assert len(comments(target.read_bytes())) == 4


def test_output_and_output_dir(tmp_path: Path) -> None:
    docx = SEEDS / "ostermalm-local-agreement-2021.docx"
    out = tmp_path / "granskad.docx"
    code, _, err = run_cli("annotate", str(docx), "--output", str(out), *BASE)
    assert code == 1, err
    assert out.is_file()
    code, _, err = run_cli("annotate", str(docx), str(docx), "-o", str(out), *BASE)
    assert code == 2 and "--output-dir" in err
    folder = tmp_path / "granskade"
    code, _, err = run_cli("annotate", str(SEEDS), "--output-dir", str(folder), *BASE)
    assert code == 1, err
    written = sorted(p.name for p in folder.iterdir())
    assert "skarpnack-local-agreement-2020.samlint.pdf" in written
    assert "ostermalm-local-agreement-2021.samlint.docx" in written
    assert not list(SEEDS.glob("*.samlint.*"))  # nothing beside the corpus


def test_check_options_apply(tmp_path: Path) -> None:
    (docx,) = _copy(tmp_path, "skarpnack-local-agreement-2020.docx")
    code, _, err = run_cli("annotate", str(docx), "--select", "ANX", "--lang", "en", *BASE)
    assert code == 1, err
    notes = comments((tmp_path / "skarpnack-local-agreement-2020.samlint.docx").read_bytes())
    assert [text.split()[0] for _, text in notes] == ["ANX002"]
    assert "Suggestion: bilaga 1" in notes[0][1]


def test_unreadable_file_gets_its_coded_error(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.7\nnothing more")
    code, _, err = run_cli("annotate", str(broken), *BASE)
    assert code == 2
    assert "[corrupt]" in err or "[no_text_layer]" in err
    assert not (tmp_path / "trasig.samlint.pdf").exists()


def test_stdin_is_refused() -> None:
    code, _, err = run_cli("annotate", "-", *BASE)
    assert code == 2 and "standard input" in err
