#!/usr/bin/env python3
"""Writes tests/corpus/: malformed and hostile versions of every session file.

Each starts from the valid example in schemas/examples/<kind>/valid/full.json and breaks it in
one way. The huge ones (50 MB, 10,000 deep, 300 KB strings and keys) are made by the tests at run time, not committed.
A file is written per kind, not per place: the tests put each worklog variant both at format 1's
.sessions/worklog.json and in a session's folder, .sessions/worklog/<session-id>/<chunk>.json.
Run from the repository root; the output is committed, so rerun only to change the corpus.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus"

# Per kind: its main collection, and a key inside it that a duplicate can repeat.
KINDS = {
    "ai_sessions": ("sessions", "title"),
    "worklog": ("entries", "text"),
    "current_session": ("metadata", "main_topic"),
    "config": ("rules", "stale_after_hours"),
}


def text(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def variants(kind, doc):
    collection, _ = KINDS[kind]
    valid = text(doc).encode()
    half = len(valid) // 2
    yield "truncated", valid[:half]
    yield "truncated_in_string", valid[: valid.index(b'"schema_version"') + 9]
    yield "bom_and_truncated", b"\xef\xbb\xbf" + valid[:half]
    yield "utf16", text(doc).encode("utf-16")
    wrong = dict(doc)
    wrong[collection] = "not a collection" if collection != "rules" else ["a", "list"]
    yield "wrong_type_collection", text(wrong).encode()
    yield "schema_version_text", text({**doc, "schema_version": "one"}).encode()
    yield "schema_version_unknown", text({**doc, "schema_version": 99}).encode()
    yield "schema_version_negative", text({**doc, "schema_version": -1}).encode()
    yield "schema_version_huge_number", valid.replace(b'"schema_version": 1', b'"schema_version": 1e400', 1)
    yield "schema_version_nan", valid.replace(b'"schema_version": 1', b'"schema_version": NaN', 1)
    yield "schema_version_infinity", valid.replace(b'"schema_version": 1', b'"schema_version": -Infinity', 1)
    lines = valid.split(b"\n")
    middle = len(lines) // 2
    marked = lines[:middle] + [b"<<<<<<< HEAD"] + lines[middle:middle + 2] + [b"======="] + lines[middle:middle + 2] + [b">>>>>>> feature/x"] + lines[middle + 2:]
    yield "conflict_markers", b"\n".join(marked)
    diff3 = lines[:middle] + [b"<<<<<<< ours"] + lines[middle:middle + 1] + [b"||||||| base", b"=======", b">>>>>>> theirs"] + lines[middle + 1:]
    yield "conflict_markers_diff3", b"\n".join(diff3)
    yield "invalid_utf8", valid.replace(b'"schema_version"', b'"schema_version\xff\xfe"', 1)
    yield "overlong_utf8", valid.replace(b'"schema_version"', b'"schema_version\xc0\xaf"', 1)
    yield "lone_surrogate_escape", valid.replace(b'"schema_version"', b'"schema_version\\ud800"', 1)
    yield "nul_byte", valid.replace(b'"schema_version"', b'"schema\x00version"', 1)
    yield "control_character", valid.replace(b'"schema_version"', b'"schema\x01version"', 1)
    yield "duplicate_keys", valid.replace(b'"schema_version": 1', b'"schema_version": 1,\n  "schema_version": 1', 1)
    yield "null_root", b"null\n"
    yield "array_root", b"[]\n"
    yield "string_root", b'"hello"\n'
    yield "number_root", b"42\n"
    yield "empty", b""
    yield "whitespace_only", b"  \n\t\r\n   \n"
    yield "trailing_garbage", valid + b"}\n"
    yield "two_documents", valid + valid
    yield "trailing_comma", valid.rstrip().rstrip(b"}").rstrip() + b",\n}\n"
    yield "comments", b"// session file\n" + valid
    yield "single_quotes", valid.replace(b'"schema_version"', b"'schema_version'", 1)
    yield "nested_1000_deep", text({**doc, "schema_version": 1}).encode().replace(b'"schema_version": 1', b'"schema_version": ' + b"[" * 1000 + b"]" * 1000, 1)
    if kind == "ai_sessions":
        twice = dict(doc)
        twice["sessions"] = doc["sessions"] + [doc["sessions"][0]]
        yield "duplicate_ids", text(twice).encode()
        yield "sessions_null", text({**doc, "sessions": None}).encode()
    if kind == "worklog":
        twice = dict(doc)
        twice["entries"] = doc["entries"] + [doc["entries"][0]]
        yield "duplicate_ids", text(twice).encode()
        yield "entries_null", text({**doc, "entries": None}).encode()
    if kind == "current_session":
        yield "metadata_null", text({**doc, "metadata": None}).encode()
    if kind == "config":
        yield "rules_null", text({**doc, "rules": None}).encode()


for kind in KINDS:
    source = json.loads((ROOT / "schemas" / "examples" / kind / "valid" / "full.json").read_text())
    folder = OUT / kind
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in variants(kind, source):
        (folder / f"{name}.json").write_bytes(data)
