#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets (fuzz/seeds.txt) from the repository's files.

usage: fuzz/make_corpora.py [OUT_DIR]      (default: build/fuzz-corpora, which git ignores)

Writes OUT_DIR/<target>/<seed> for each target. Targets whose first input byte is a selector
(import_fuzz, form_fuzz, replay_fuzz, risk_files_fuzz, ca_files_fuzz,
investor_files_fuzz) get that byte prepended; attachment_fuzz gets a file name
and a NUL prepended. Only reads the repository; needs nothing but Python 3.
"""
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# import_fuzz's selector byte per file kind (fuzz/import_fuzz.cpp, kNames).
IMPORT_KINDS = ["accounts.csv", "cash.csv", "reserve_checks.csv", "executions.csv", "prices.csv",
                "fx.csv", "positions.csv", "reserves.csv", "bank.csv"]

# risk_files_fuzz's selector byte per file (fuzz/risk_files_fuzz.cpp, kNames), and where its
# seeds come from.
RISK_FILES = [("cns_positions.csv", "tests/golden/margin/cns_positions.csv"),
              ("risk_instruments.csv", "data/risk_instruments.csv"),
              ("money_obligations.csv", "data/money_obligations.csv"),
              ("guarantee_fund.csv", "tests/golden/margin/guarantee_fund.csv"),
              ("payments.csv", "tests/golden/margin/payments.csv"),
              ("intraday_prices.csv", "tests/golden/margin/intraday_prices.csv")]

# Seeds that no file in the repository provides.
NON_TRADE_CSV = (b"transfer_id,reason,channel,clearing_date,from_account,to_account,security_code,"
                 b"quantity,fee_account,transfer_fee_rmb,stamp_duty_rmb,source\n"
                 b"N1,inheritance,sh,2025-06-27,DECEASED,HEIR,00941,1500,HEIR,1.50,97.00,x\n"
                 b"N2,pledge,sz,2025-06-27,P1,P1,00700,200,P1,0.20,0.00,x\n")
# investor_files_fuzz's selector byte per file (fuzz/investor_files_fuzz.cpp, kNames), and a seed
# of each; the golden cases of tests/golden/investors/ add theirs.
INVESTOR_FILES = [
    ("asset_snapshots.csv", b"as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n"
                            b"2026-12-04,INV001,450000.00,49999.99,0.01\n"
                            b"2026-12-04,INV002,0,0,-1200.50\n"),
    ("questionnaires.csv", b"account_id,completed_on,risk_level,low_level_acknowledged\n"
                           b"INV001,2024-12-06,balanced,no\nINV002,2026-01-05,conservative,yes\n"),
    ("knowledge_tests.csv", b"account_id,channel,taken_on,bank_version,questions,correct\n"
                            b"INV001,sh,2026-11-30,SH-2026-1,20,20\n"
                            b"INV001,sz,2026-11-30,SZ-2026-1,100,79\n"),
    ("trading_warnings.csv", b"account_id,exchange,warned_on\nINV001,sse,2026-09-07\n"
                             b"INV002,szse,2026-09-08\n"),
    ("investor_profiles.csv", b"as_of,account_id,channel,a_share_account,"
                              b"serious_integrity_problem,legally_barred\n"
                              b"2026-01-05,INV001,sh,normal,no,no\n"
                              b"2026-01-05,INV001,sz,restricted,yes,no\n"),
    ("permission_documents.csv", b"account_id,channel,document,signed_on,sha256\n"
                                 b"INV001,sh,risk_disclosure_study,2026-11-30," + b"ab" * 32 +
                                 b"\nINV001,sh,agreement,2026-12-01," + b"0f" * 32 + b"\n"),
    ("permissions.csv", b"account_id,channel,granted_on\nINV001,sh,2019-03-04\n"
                        b"INV001,sz,2020-01-06\n"),
]
SMALL_BANK = ('{"kind": "knowledge_bank", "channel": "sh", "version": "SH-1", '
              '"questions_per_attempt": 2, "questions": ['
              '{"id": "q1", "text": {"en": "Q", "zh-Hant": "問", "zh-Hans": "问"}, "choices": ['
              '{"id": "a", "text": {"en": "A", "zh-Hant": "甲", "zh-Hans": "甲"}}, '
              '{"id": "b", "text": {"en": "B", "zh-Hant": "乙", "zh-Hans": "乙"}}], "answer": "a"}, '
              '{"id": "q2", "text": {"en": "R", "zh-Hant": "答", "zh-Hans": "答"}, "choices": ['
              '{"id": "x", "text": {"en": "X", "zh-Hant": "丙", "zh-Hans": "丙"}}, '
              '{"id": "y", "text": {"en": "Y", "zh-Hant": "丁", "zh-Hans": "丁"}}], "answer": "y"}'
              ']}').encode("utf-8")
BANK_CSV = b"balance_date,reserve,balance_rmb\n2024-03-14,client,50000.00\n2024-03-14,own,-12.5\n"
DECIMAL_SEEDS = [
    b"301.20\n0.92", b"-0.05\n3", b"0\n-0.000", b"1.5\n1.50", b"+7\n-7",
    b"99999999999999999999999999999999999999\n0.000000000000000001",
    b"12345678901234567890.123456789012345678\n-1", b"HKD 12.50\nHKD 0.01", b"JPY 100\nCNY 0.1",
    b"2024-03-15\n10:30:15", b"2024-02-29\n23:59", b"half_even\nfloor", b"CNY\nRMB", b"1e5\n.5",
]
HTTP_SEEDS = [
    b"/", b"/api/v1/catalog/bank-accounts", b"/api/v1/firms/B001/requests?status=draft&page=2",
    b"/api/v1/firms/B001/requests?q=%E4%B8%AD%E6%96%87+bank&sort=-updated_at",
    b"/api/v1/documents/a%2Fb?name=letter.pdf&notes=line%0Aline", b"/x?=empty&k&k=v2&%ff=1",
    b"/%00?a=%09", b"/a+b?c+d=e+f", b"/%e4%b8%ad?%", b"?only=query",
]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def files(*patterns):
    out = []
    for pattern in patterns:
        out.extend(sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)))
    return out


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(out_dir, target, content):
    directory = os.path.join(out_dir, target)
    os.makedirs(directory, exist_ok=True)
    name = hashlib.sha1(content).hexdigest()  # libFuzzer's own naming: duplicates collapse
    with open(os.path.join(directory, name), "wb") as f:
        f.write(content)

# segment_fuzz: byte 0 = columns - 1, byte 1 = the columns' types (two bits each: 0 unsigned,
# 1 signed, 2 text, 3 decimal), then a segment in the layout of src/store/column_codec.h.
SEGMENT_SEEDS = [
    # src/store/column_codec_test.cpp's segment: 2 rows of (text "E1"/"E2", unsigned 100/200).
    bytes([1, 0b0010]) + bytes.fromhex("43505331 02 02 07 03 00 02 4531 01 01 32 64 c801"),
    # 1 row of (decimal 301.20, signed -3, text "A0001"): 301.20 = scale 2, zigzag 60240.
    bytes([2, 0b100111]) + bytes.fromhex("43505331 01 03 04 01 07 02d0d603 05 0005 4130303031"),
    # The same two rows in "CPS2", the layout written since 2026-12-06: "E1" new, "E2" sharing
    # "E" with the column's most recent text.
    bytes([1, 0b0010]) + bytes.fromhex("43505332 02 02 09 03 0000024531 00010132 64 c801"),
    # 1 row of (decimal 301.20, signed -3, text "A0001") in "CPS2": 301.20 = first byte a1
    # (zigzag's low six bits 16, the scale flag), then 941 (ad 07), then the scale 2.
    bytes([2, 0b100111]) + bytes.fromhex("43505332 01 03 04 01 08 a1ad0702 05 0000054130303031"),
    # A header claiming more rows than its columns hold.
    bytes([0, 0]) + bytes.fromhex("43505331 ffff03 01 01 05"),
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "fuzz-corpora")
    golden_csv = files("tests/golden/**/*.csv")
    data_csv = files("data/*.csv", "data/calendar/*.csv", "data/identity/*.csv")

    for path in golden_csv + data_csv:
        write(out_dir, "csv_fuzz", read(path))

    for path in files("tests/golden/eod/*/*.csv"):
        kind = os.path.basename(path)
        if kind in IMPORT_KINDS:
            write(out_dir, "import_fuzz", bytes([IMPORT_KINDS.index(kind)]) + read(path))
    write(out_dir, "import_fuzz", bytes([IMPORT_KINDS.index("bank.csv")]) + BANK_CSV)

    for seed in DECIMAL_SEEDS:
        write(out_dir, "decimal_fuzz", seed)

    # Form data: each valid case and each invalid case's data, behind its service's byte.
    for path in files("tests/catalog/*.cases.json"):
        number = int(os.path.basename(path)[:2])
        cases = json.loads(read(path))
        samples = list(cases.get("valid", [])) + [c["data"] for c in cases.get("invalid", [])
                                                  if "data" in c]
        for sample in samples:
            text = json.dumps(sample, ensure_ascii=False).encode("utf-8")
            write(out_dir, "form_fuzz", bytes([number - 1]) + text)
            write(out_dir, "json_body_fuzz", text)
    for path in files("catalog/*.json", "data/demo/*.json"):
        write(out_dir, "json_body_fuzz", read(path))

    for seed in HTTP_SEEDS:
        write(out_dir, "http_target_fuzz", seed)

    for path in files("catalog/*.json", "data/calendar/README*.md", "data/identity/README.md"):
        write(out_dir, "utf8_fuzz", read(path))
    for seed in [b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe4\xb8", b"ok\xff\xfeok"]:
        write(out_dir, "utf8_fuzz", seed)

    for seed in SEGMENT_SEEDS:
        write(out_dir, "segment_fuzz", seed)

    for selector, (_, path) in enumerate(RISK_FILES):
        write(out_dir, "risk_files_fuzz", bytes([selector]) + read(os.path.join(ROOT, path)))

    for path in files("tests/golden/ca/*/ca_events.csv"):
        write(out_dir, "ca_files_fuzz", b"\x00" + read(path))
    for path in files("tests/golden/ca/*/ca_payments.csv"):
        write(out_dir, "ca_files_fuzz", b"\x01" + read(path))
    write(out_dir, "ca_files_fuzz", b"\x02" + NON_TRADE_CSV)

    for selector, (name, seed) in enumerate(INVESTOR_FILES):
        write(out_dir, "investor_files_fuzz", bytes([selector]) + seed)
        for path in files("tests/golden/investors/*/" + name):
            write(out_dir, "investor_files_fuzz", bytes([selector]) + read(path))

    # opening_kit_fuzz: the shipped files (selector 0 disclosure, 1 agreement, 2 bank) and a small
    # bank within the fuzzer's 4 KiB inputs.
    for selector, name in enumerate(["risk_disclosure", "agreement", "knowledge_bank"]):
        for path in files("catalog/opening/*/" + name + ".json"):
            write(out_dir, "opening_kit_fuzz", bytes([selector]) + read(path))
    write(out_dir, "opening_kit_fuzz", b"\x02" + SMALL_BANK)

    for path in files("tests/golden/replay/*.events.csv"):
        write(out_dir, "replay_fuzz", b"\x00" + read(path))  # 2024-03-15, Shanghai

    write(out_dir, "attachment_fuzz", b"letter.pdf\x00" + PDF)
    write(out_dir, "attachment_fuzz", b"scan.png\x00" + PNG)
    write(out_dir, "attachment_fuzz", "簽署.jpg".encode("utf-8") + b"\x00" + JPEG)
    for path in files("tests/golden/eod/basic/*.csv"):
        write(out_dir, "attachment_fuzz", os.path.basename(path).encode() + b"\x00" + read(path))

    for target in sorted(os.listdir(out_dir)):
        print(f"{target}: {len(os.listdir(os.path.join(out_dir, target)))} seeds")


if __name__ == "__main__":
    main()
