import shutil
import subprocess

import pytest
from pypdf import PdfReader

from hrsupply.errors import UserError
from hrsupply.services import catalog, labels
from tests.helpers import box_syringes


@pytest.fixture
def boxed(db, cat):
    box_syringes(db, cat.syr)
    return cat


def test_one_label_per_barcode_and_the_sku_for_an_item_without_one(db, boxed):
    got = [(l.sku, l.what, l.code) for l in labels.labels_for(db)]
    assert got == [
        ("NAL-4MG", "1 each", "NAL-4MG"),
        ("SYR-1ML", "1 each", "0001"),
        ("SYR-1ML", "box of 100", "0002"),
        ("SYR-1ML", "case of 1,000", "0003"),
    ]
    finder = catalog.item_finder(db)
    # What each label encodes is what the scan screens look up: the right item and amount.
    assert [(finder.find(l.code).item.sku, finder.find(l.code).units) for l in labels.labels_for(db)] == [
        ("NAL-4MG", 1),
        ("SYR-1ML", 1),
        ("SYR-1ML", 100),
        ("SYR-1ML", 1000),
    ]


def test_sheet_layout_copies_and_skipped_labels(db, boxed, tmp_path):
    chosen = labels.labels_for(db, [boxed.syr])
    pdf = tmp_path / "labels.pdf"
    assert labels.write_labels(pdf, chosen, copies=10, skip=5) == 2  # 5 + 30 labels: two sheets
    reader = PdfReader(pdf)
    first = reader.pages[0].extract_text()
    assert first.count("Syringe 1 mL 28G 1/2 in") == 25 and "box of 100 · SYR-1ML" in first
    assert reader.pages[1].extract_text().count("Syringe 1 mL 28G 1/2 in") == 5
    assert float(reader.pages[0].mediabox.width) == 612 and float(reader.pages[0].mediabox.height) == 792
    with pytest.raises(UserError, match="0 to 29"):
        labels.write_labels(pdf, chosen, skip=30)
    with pytest.raises(UserError, match="at least one item"):
        labels.write_labels(pdf, [])


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="needs zbarimg and pdftoppm")
def test_a_scanner_reads_each_printed_label_back(db, boxed, tmp_path):
    pdf = tmp_path / "labels.pdf"
    labels.write_labels(pdf, labels.labels_for(db))
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", str(tmp_path / "page-1.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sorted(out.split()) == sorted(["NAL-4MG", "0001", "0002", "0003"])
