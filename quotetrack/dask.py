"""Run quotetrack on Dask: over a Bag of documents, or over the blocks of JSON Lines files.

Needs the optional extra ``pip install 'quotetrack[dask]'`` (``dask[bag]`` and
``distributed``); importing this module without Dask raises an `ImportError` that says so.
Parquet output also needs ``pyarrow``.

Each partition is parsed by `quotetrack.scale.parse_batch`, the same plain function that a
PySpark ``mapPartitions`` or a process pool can run, so the output records are those of
``quotetrack extract``: ``{"id", "quotes"}`` per document, or ``{"id", "error"}`` for a
document that could not be read or parsed, in its place, without stopping the others. Work runs
on whatever scheduler is active: a ``distributed.Client`` if one was created, otherwise local
processes. See docs/performance.md.
"""

from __future__ import annotations

import json
from typing import Any, Optional, Sequence, Union

try:
    import dask
    import dask.bag
    import fsspec  # type: ignore[import-untyped]
except ImportError as exc:  # tests/test_dask.py hides dask to check this message
    raise ImportError(
        "quotetrack.dask needs Dask, which is not installed: pip install 'quotetrack[dask]' "
        f"(it brings dask[bag] and distributed); the import failed with: {exc}"
    ) from exc

from .errors import ConfigError
from .parser import Parser
from .scale import output_line, parse_batch

__all__ = ["extract_jsonl", "parse_bag", "parse_jsonl"]

FORMATS = ("jsonl", "parquet")
#: the Parquet columns: the id, the JSON text of the record's quotes and claims, the error, and
#: the JSON text of the input's other fields (meta)
PARQUET_COLUMNS = ("id", "quotes", "claims", "error", "meta")
DEFAULT_BLOCKSIZE = "64MiB"

Paths = Union[str, Sequence[str]]


def _shared(parser: Optional[Parser]) -> Any:
    """The parser as one task of the graph, sent once to each worker rather than per partition."""
    return None if parser is None else dask.delayed(parser, pure=True)


def parse_bag(
    bag: dask.bag.Bag, parser: Optional[Parser] = None, *, full: bool = False
) -> dask.bag.Bag:
    """A Bag of output records, one per document of ``bag``, partition by partition, in order.

    ``bag`` holds ``{"id", "text"}`` mappings or JSON Lines lines (see
    `quotetrack.scale.parse_batch`). A document without a usable id is named
    ``partition P:POSITION``. With ``full`` each record is the whole result
    (`quotetrack.serialize.result_to_dict`).
    """
    shared = _shared(parser)
    parts = [
        dask.delayed(parse_batch, pure=True)(part, shared, source=f"partition {i}", full=full)
        for i, part in enumerate(bag.to_delayed())
    ]
    return dask.bag.from_delayed(parts)


def _blocks(paths: Paths, blocksize: Union[int, str, None]) -> list[tuple[Any, str]]:
    """``(delayed bytes, path)`` for each block of each file, cut at line ends, in order."""
    import dask.bytes

    _, blocks, names = dask.bytes.read_bytes(
        paths, delimiter=b"\n", blocksize=blocksize, sample=False, include_path=True
    )
    return [(block, name) for per_file, name in zip(blocks, names) for block in per_file]


def _parse_block(
    block: bytes, parser: Optional[Parser], source: str, full: bool
) -> list[dict[str, Any]]:
    # bytes lines, so that a line that is not UTF-8 fails alone, as in `quotetrack extract`
    return parse_batch(block.split(b"\n"), parser, source=source, full=full)


def parse_jsonl(
    paths: Paths,
    parser: Optional[Parser] = None,
    *,
    blocksize: Union[int, str, None] = DEFAULT_BLOCKSIZE,
    full: bool = False,
) -> dask.bag.Bag:
    """A Bag of the output records of JSON Lines files, one partition per block of a file.

    ``paths`` is a path, a glob or a list of them (any fsspec URL Dask can read); each file is
    cut into blocks of about ``blocksize`` bytes at line ends (``None``: one block per file). A
    line without a usable id is named ``PATH#BLOCK:LINE``, LINE counted from the start of the
    block.
    """
    shared = _shared(parser)
    parts = [
        dask.delayed(_parse_block, pure=True)(block, shared, f"{path}#{i}", full)
        for i, (block, path) in enumerate(_blocks(paths, blocksize))
    ]
    return dask.bag.from_delayed(parts)


def _write_block(
    block: bytes, parser: Optional[Parser], source: str, path: str, fmt: str
) -> dict[str, Any]:
    records = _parse_block(block, parser, source, False)
    if fmt == "parquet":
        _write_parquet(records, path)
    else:
        with fsspec.open(path, "wt", encoding="utf-8", newline="\n") as fh:
            for record in records:
                fh.write(output_line(record) + "\n")
    errors = sum("error" in r for r in records)
    return {"path": path, "documents": len(records), "errors": errors}


def _write_parquet(records: list[dict[str, Any]], path: str) -> None:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    def as_json(record: dict[str, Any], key: str) -> Optional[str]:
        return json.dumps(record[key], ensure_ascii=False) if key in record else None

    table = pa.table(
        {
            "id": [r["id"] for r in records],
            "quotes": [as_json(r, "quotes") for r in records],
            "claims": [as_json(r, "claims") for r in records],
            "error": [r.get("error") for r in records],
            "meta": [as_json(r, "meta") for r in records],
        },
        schema=pa.schema([(name, pa.string()) for name in PARQUET_COLUMNS]),
    )
    with fsspec.open(path, "wb") as fh:
        pq.write_table(table, fh)


def _scheduler(scheduler: Optional[str]) -> Optional[str]:
    """The named scheduler; else a distributed Client's if one is active; else processes."""
    if scheduler is not None:
        return scheduler
    from dask.base import get_scheduler

    return None if get_scheduler() is not None else "processes"


def extract_jsonl(
    paths: Paths,
    out_dir: str,
    parser: Optional[Parser] = None,
    *,
    blocksize: Union[int, str, None] = DEFAULT_BLOCKSIZE,
    format: str = "jsonl",
    overwrite: bool = False,
    scheduler: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Parse JSON Lines files block by block and write one output file per block to ``out_dir``.

    The files are ``part-00000.jsonl``, ``part-00001.jsonl``... in input order, so their
    concatenation is what ``quotetrack extract`` writes for the same input (``format="jsonl"``),
    or ``part-NNNNN.parquet`` with the string columns ``id``, ``quotes``, ``claims`` and
    ``meta`` (JSON text) and ``error`` (``format="parquet"``, needs pyarrow). Existing ``part-*`` files in
    ``out_dir`` raise `ConfigError` unless ``overwrite``, which removes them first. Returns, per
    block, ``{"path", "documents", "errors"}``. ``scheduler`` is passed to `dask.compute`
    (default: the active ``distributed.Client``, or else ``"processes"``).
    """
    if format not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}; got {format!r}")
    if format == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise ImportError(
                "format='parquet' needs pyarrow, which is not installed: pip install pyarrow"
            ) from None
    fs, root = fsspec.core.url_to_fs(out_dir)
    fs.makedirs(root, exist_ok=True)
    old = sorted(fs.glob(root.rstrip("/") + "/part-*"))
    if old and not overwrite:
        raise ConfigError(
            f"{out_dir} already holds {len(old)} part-* file(s), such as {old[0]}; "
            "expected an empty directory (pass overwrite=True to replace them)"
        )
    for name in old:
        fs.rm(name)
    blocks = _blocks(paths, blocksize)
    width = max(5, len(str(len(blocks) - 1)))
    shared = _shared(parser)
    base = out_dir.rstrip("/")
    writes = [
        dask.delayed(_write_block, pure=False)(
            block, shared, f"{path}#{i}", f"{base}/part-{i:0{width}d}.{format}", format
        )
        for i, (block, path) in enumerate(blocks)
    ]
    return list(dask.compute(*writes, scheduler=_scheduler(scheduler)))
