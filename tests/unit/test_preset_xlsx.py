"""Excel workbooks read as downloaded: cells placed by reference, dates, sheets, broken files.

Every workbook here is written by hand (zipfile + the XML Excel writes), so each cell's expected
text is known without running the reader.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.unit.preset_fixtures import EXPORTS, pack_dir, rows
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.inspect import inspect_pack, render
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.presets import _xlsx
from tuneup_tui.data.presets._xlsx import take_sheet

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SOCIAL = ("date", "network", "followers", "engagements", "posts", "video_views")
# Style 0 is General; style 1 uses built-in format 14 (m/d/yyyy, a date); style 2 a custom
# "dd-mmm-yyyy" (id 164, a date by its d/m/y); style 3 a custom "0.0%" (not a date).
STYLES = (f'<styleSheet {NS}><numFmts count="2"><numFmt numFmtId="164" '
          'formatCode="dd\\-mmm\\-yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '<xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')


def write_book(path: Path, sheets: list[tuple[str, str]], shared: list[str],
               *, date1904: bool = False) -> Path:
    """A workbook: sheets as (name, <sheetData> inner XML), shared strings as <si> inner XML."""
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    listed = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>'
                     for i, (n, _) in enumerate(sheets, 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" '
             f'Target="sharedStrings.xml"/><Relationship Id="rId{n + 2}" Type="{REL}/styles" '
             'Target="styles.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("_rels/.rels", f'<Relationships xmlns="{REL[:-14]}package/2006/'
                      f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                      'Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f"<workbook {NS} {RNS}>{pr}<sheets>{listed}</sheets>"
                                         "</workbook>")
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.'
                      f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        book.writestr("xl/sharedStrings.xml", f"<sst {NS}>" + "".join(
            f"<si>{s}</si>" for s in shared) + "</sst>")
        book.writestr("xl/styles.xml", STYLES)
        for i, (_, data) in enumerate(sheets, 1):
            book.writestr(f"xl/worksheets/sheet{i}.xml",
                          f"<worksheet {NS}><sheetData>{data}</sheetData></worksheet>")
    return path


def first_sheet(path: Path) -> _xlsx.Taken:
    return take_sheet(path, "social", lambda text: False)


def test_cells_placed_by_reference_with_their_types(tmp_path: Path) -> None:
    shared = ["<t>Date</t>", "<t>Name</t>",
              # Rich text: two runs (a space kept as Excel writes it, "preserve"), a phonetic
              # run that is not part of the text.
              '<r><rPr><b/></rPr><t xml:space="preserve">Hello </t></r><r><t>world</t></r>'
              "<rPh><t>ignored</t></rPh>"]
    sheet = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
             '<c r="C1" t="inlineStr"><is><t>Note</t></is></c></row>'
             # B2 is missing: C2 must still land in the third column.
             '<row r="2"><c r="A2" s="1"><v>46342</v></c><c r="C2" t="s"><v>2</v></c></row>'
             '<row r="4"><c r="A4" s="2"><v>46343.5</v></c><c r="B4" t="b"><v>1</v></c>'
             '<c r="C4" s="3"><v>5.41666E-2</v></c><c r="D4" t="e"><v>#DIV/0!</v></c></row>'
             '<row r="5"><c r="A5" s="0"><v>1500</v></c><c r="B5" t="str"><f>A5</f>'
             '<v>1500</v></c></row>')
    path = write_book(tmp_path / "book.xlsx", [("Data", sheet), ("Other", "")], shared)
    taken = first_sheet(path)
    # 46342: serials count days from 1899-12-30. 2000-01-01 is 36526; 2000..2025 are 26 years
    # with 7 leap days (2000, 04, 08, 12, 16, 20, 24): 26*365 + 7 = 9497, so 2026-01-01 is
    # 46023; Jan..Oct 2026 = 31+28+31+30+31+30+31+31+30+31 = 304 days, +15 = Nov 16:
    # 46023 + 304 + 15 = 46342 -> 2026-11-16. 46343.5 under "dd-mmm-yyyy" is noon the next
    # day (the cell holds the half day even if the format hides it; a date column reads the
    # day). An error cell (#DIV/0!) holds no value: empty, as a missing figure.
    assert taken.sheet.rows == (
        ("Date", "Name", "Note"),
        ("2026-11-16", "", "Hello world"),
        (),                                   # row 3 absent: an empty row keeps line numbers
        ("2026-11-17 12:00:00", "TRUE", "0.0541666"),
        ("1500", "1500"),
    )
    assert taken.names == ("Data", "Other")
    # As text every row is as wide as the widest (as Excel's CSV save writes it).
    assert taken.sheet.text().splitlines()[2] == ",,"


def test_1904_dates_and_a_second_sheet_chosen(tmp_path: Path) -> None:
    # 1904 system: serial 0 is 1904-01-01, so 366 (1904 is a leap year) is 1905-01-01.
    path = write_book(tmp_path / "book.xlsx",
                      [("Cover", '<row r="1"><c r="A1" t="inlineStr"><is><t>About</t></is></c>'
                                 "</row>"),
                       ("Table", '<row r="1"><c r="A1" s="1"><v>366</v></c></row>')],
                      [], date1904=True)
    taken = take_sheet(path, "social", lambda text: "1905" in text)
    assert (taken.sheet.name, taken.sheet.rows) == ("Table", (("1905-01-01",),))


CONTENT_CSV = EXPORTS / "linkedin" / "example-co_content_1763856000000.csv"


def linkedin_content_book(path: Path) -> Path:
    """The content fixture as LinkedIn downloads it: a workbook named .xls, text cells as
    shared strings, numbers as numbers, dates as date-formatted serials."""
    lines = [line.split(",") for line in CONTENT_CSV.read_text(encoding="utf-8").splitlines()]
    description, header, *days = lines
    shared = [f"<t>{description[0]}</t>", *(f"<t>{h}</t>" for h in header)]
    xml = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2">'
    xml += "".join(f'<c r="{chr(65 + i)}2" t="s"><v>{i + 1}</v></c>' for i in range(len(header)))
    xml += "</row>"
    # 11/16/2026 is serial 46342 (worked out above), 11/17/2026 46343.
    serials = {"11/16/2026": 46342, "11/17/2026": 46343}
    for r, day in enumerate(days, 3):
        cells = f'<c r="A{r}" s="1"><v>{serials[day[0]]}</v></c>'
        cells += "".join(f'<c r="{chr(65 + i)}{r}"><v>{v}</v></c>'
                         for i, v in enumerate(day) if i)
        xml += f'<row r="{r}">{cells}</row>'
    return write_book(path, [("Content", xml)], shared)


def test_linkedin_content_workbook_reads_like_its_csv_save(tmp_path: Path) -> None:
    csv_pack = DataPack.open(pack_dir(tmp_path / "csv",
                                      "linkedin/example-co_content_1763856000000.csv"))
    root = pack_dir(tmp_path / "xls")
    linkedin_content_book(root / "example-co_content_1763856000000.xls")
    xls_pack = DataPack.open(root)
    # engagements = clicks + reactions + comments + reposts (totals): 50+25+3+2 = 80 and
    # 25+10+1+0 = 36; no followers in the content file.
    expected = [("2026-11-16", "linkedin", None, 80.0, None, None),
                ("2026-11-17", "linkedin", None, 36.0, None, None)]
    assert rows(csv_pack.frame("social"), *SOCIAL) == expected
    assert rows(xls_pack.frame("social"), *SOCIAL) == expected
    out = render(inspect_pack(root))
    assert ("  taken as: social, preset linkedin-content (LinkedIn page analytics, content, "
            "workbook sheet 'Content')") in out
    assert "  dropped: line 1 'Aggregated content metrics for the selec': description row" in out
    assert "  note: workbook sheet 'Content' read (line numbers are its rows)" in out


def test_followers_workbook_takes_the_sheet_a_preset_knows(tmp_path: Path) -> None:
    root = pack_dir(tmp_path)
    shared = ["<t>Location</t>", "<t>Total followers</t>", "<t>Date</t>",
              "<t>Sponsored followers</t>", "<t>Organic followers</t>"]
    location = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                '<row r="2"><c r="A2" t="inlineStr"><is><t>Paris</t></is></c><c r="B2">'
                "<v>40</v></c></row>")
    new = ('<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>3</v></c>'
           '<c r="C1" t="s"><v>4</v></c><c r="D1" t="s"><v>1</v></c></row>'
           '<row r="2"><c r="A2" s="1"><v>46342</v></c><c r="B2"><v>1</v></c><c r="C2">'
           '<v>6</v></c><c r="D2"><v>7</v></c></row>')
    write_book(root / "example-co_followers.xlsx", [("Location", location),
                                                    ("New followers", new)], shared)
    pack = DataPack.open(root)
    # The second sheet is the followers table: 7 new followers on 2026-11-16 (serial 46342).
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "linkedin", 7.0, 0.0, None, None)]
    assert "other sheets not read: 'Location'" in " ".join(pack.notes("social"))


def test_a_broken_binary_xls_is_a_one_line_error(tmp_path: Path) -> None:
    root = pack_dir(tmp_path)
    # the old binary magic and nothing a workbook holds after it
    (root / "content.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert DataPack.open(root).discovery().unplaced == (
        "content.xls: not a readable .xls workbook (Cannot detect file format); save it again "
        "as .xlsx or CSV (UTF-8)",)
    (root / "datapack.toml").write_text('[sources.social]\nfiles = ["content.xls"]\n')
    with pytest.raises(DataError) as info:
        DataPack.open(root).frame("social")
    assert str(info.value) == (f"social ({root / 'content.xls'}): not a readable .xls workbook "
                               "(Cannot detect file format); save it again as .xlsx or CSV "
                               "(UTF-8)")


def test_corrupt_zip_is_that_sources_error_only(tmp_path: Path) -> None:
    root = pack_dir(tmp_path, "mailchimp/campaigns.csv",
                    toml='[sources.social]\nfiles = ["content.xlsx"]\n')
    (root / "content.xlsx").write_bytes(b"PK\x03\x04" + b"\x01" * 300)
    pack = DataPack.open(root)
    with pytest.raises(DataError) as info:
        pack.frame("social")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"social ({root / 'content.xlsx'}): not a readable .xlsx workbook")
    assert len(pack.frame("emails")) == 2  # nothing else affected


def test_zip_bomb_and_huge_sheet_are_refused(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_xlsx, "MAX_PART_BYTES", 5_000)
    row = '<row r="1">' + '<c r="A1"><v>1</v></c>' * 400 + "</row>"  # ~8 KB unzipped
    with pytest.raises(DataError, match=r"too large: xl/worksheets/sheet1.xml unzips to"):
        first_sheet(write_book(tmp_path / "bomb.xlsx", [("S", row)], []))
    far = '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    with pytest.raises(DataError, match=r"sheet too long \(row 1,048,576; at most 200,000"):
        first_sheet(write_book(tmp_path / "long.xlsx", [("S", far)], []))
    wide = '<row r="1"><c r="XFD1"><v>1</v></c></row>'
    with pytest.raises(DataError, match=r"sheet too wide \(cell XFD1"):
        first_sheet(write_book(tmp_path / "wide.xlsx", [("S", wide)], []))


def write_ods(path: Path, rows_xml: str) -> Path:
    """An OpenDocument spreadsheet: the mimetype first (stored), then content.xml."""
    office = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {office} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Content">{rows_xml}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                      compress_type=zipfile.ZIP_STORED)
        book.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:'
                      'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                      'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                      'opendocument.spreadsheet"/></manifest:manifest>')
    return path


def _ods_cell(value: str, kind: str = "string") -> str:
    if kind == "date":
        return (f'<table:table-cell office:value-type="date" office:date-value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if kind == "float":
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>")


def test_an_ods_save_of_the_followers_file_is_read(tmp_path: Path) -> None:
    header = "".join(_ods_cell(h) for h in ("Date", "Sponsored followers", "Organic followers",
                                            "Auto-invited followers", "Total followers"))
    day = _ods_cell("2026-11-16", "date") + "".join(_ods_cell(n, "float")
                                                    for n in ("1", "6", "0", "7"))
    root = pack_dir(tmp_path)
    write_ods(root / "followers.ods", f"<table:table-row>{header}</table:table-row>"
                                      f"<table:table-row>{day}</table:table-row>")
    pack = DataPack.open(root)
    # 7 new followers on 2026-11-16, as in the CSV save
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "linkedin", 7.0, 0.0, None, None)]
