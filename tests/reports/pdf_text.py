"""Reads the text of each page of a PDF printed by Chromium, so tests can check what a client reads on paper
without a PDF library in the project's dependencies.

Chromium (Skia) writes Flate-compressed content streams that show glyph ids with Tj/TJ through Type0 fonts
whose /ToUnicode CMaps map the ids back to text; that is all this reader understands. Whitespace between text
runs is not reliable, so `squeeze` drops it before comparing."""

from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
REF = rb"(\d+) 0 R"


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    out: dict[int, tuple[bytes, bytes | None]] = {}
    for number, body in OBJ.findall(data):
        stream = None
        if b"stream" in body:
            head, _, rest = body.partition(b"stream")
            raw = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
            stream = zlib.decompress(raw) if b"/FlateDecode" in head else raw
            body = head
        out[int(number)] = (body, stream)
    return out


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _page_ids(objs: dict[int, tuple[bytes, bytes | None]]) -> list[int]:
    root = next(n for n, (body, _) in objs.items() if re.search(rb"/Type\s*/Pages\b", body)
               and not re.search(rb"/Parent", body))

    def walk(number: int) -> list[int]:
        body = objs[number][0]
        if re.search(rb"/Type\s*/Page\b", body):
            return [number]
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
        return [p for kid in re.findall(REF, kids.group(1) if kids else b"") for p in walk(int(kid))]

    return walk(root)


def _resolve_dict(objs: dict[int, tuple[bytes, bytes | None]], body: bytes, key: bytes) -> bytes:
    """The inline dictionary under `key`, or the body of the object it refers to."""
    ref = re.search(rb"/" + key + rb"\s*" + REF, body)
    if ref:
        return objs[int(ref.group(1))][0]
    match = re.search(rb"/" + key + rb"\s*<<", body)
    if not match:
        return b""
    depth, i = 1, match.end()
    while depth and i < len(body):
        pair = body[i:i + 2]
        depth += 1 if pair == b"<<" else -1 if pair == b">>" else 0
        i += 2 if pair in (b"<<", b">>") else 1
    return body[match.end():i - 2]


def page_texts(path: Path) -> list[str]:
    objs = _objects(path.read_bytes())
    texts = []
    for page in _page_ids(objs):
        body = objs[page][0]
        fonts = _resolve_dict(objs, _resolve_dict(objs, body, b"Resources"), b"Font")
        cmaps: dict[bytes, dict[int, str]] = {}
        for name, ref in re.findall(rb"/([A-Za-z0-9_.+-]+)\s*" + REF, fonts):
            to_unicode = re.search(rb"/ToUnicode\s*" + REF, objs[int(ref)][0])
            stream = objs[int(to_unicode.group(1))][1] if to_unicode else None
            cmaps[name] = _cmap(stream or b"")
        contents = re.search(rb"/Contents\s*(?:\[(.*?)\]|" + REF + rb")", body, re.S)
        refs = re.findall(REF, contents.group(1)) if contents and contents.group(1) else [contents.group(2)] if contents else []
        parts: list[str] = []
        for ref in refs:
            parts.append(_show_text(objs[int(ref)][1] or b"", cmaps))
        texts.append("".join(parts))
    return texts


def _show_text(content: bytes, cmaps: dict[bytes, dict[int, str]]) -> str:
    out: list[str] = []
    cmap: dict[int, str] = {}
    token = re.compile(rb"/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bBT\b")
    for match in token.finditer(content):
        if match.group(1) is not None:
            cmap = cmaps.get(match.group(1), {})
        elif match.group(0) == b"BT":
            out.append("\n")
        else:
            hexes = re.findall(rb"<([0-9A-Fa-f]*)>", match.group(2)) if match.group(2) is not None else [match.group(3)]
            for h in hexes:
                raw = bytes.fromhex(h.decode())
                out.append("".join(cmap.get(int.from_bytes(raw[i:i + 2], "big"), "") for i in range(0, len(raw) - 1, 2)))
            out.append(" ")
    return "".join(out)


def squeeze(text: str) -> str:
    """Text without whitespace or ligatures (Chromium prints 'fi' as one glyph): PDF text runs are not reliably
    separated by spaces, so both sides of a comparison are squeezed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
