import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

__version__: str

PathLike = Union[str, os.PathLike[str]]
Report = Dict[str, Any]

class Error(ValueError):
    """Bad input or a comparison that could not be made, with the CLI's one-line message."""

def compare(
    originals: Union[None, PathLike, Sequence[PathLike]],
    adapted: PathLike,
    *,
    index: Optional[PathLike] = ...,
    days: Optional[int] = ...,
    date: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
    max_sentences: Optional[int] = ...,
    timeout: Optional[float] = ...,
    cache: Optional[PathLike] = ...,
    offline: bool = ...,
) -> Report: ...
def compare_texts(
    originals: Union[str, Sequence[str]],
    adapted: str,
    *,
    html: bool = ...,
    names: Optional[Sequence[str]] = ...,
    max_bytes: Optional[int] = ...,
    max_sentences: Optional[int] = ...,
    timeout: Optional[float] = ...,
) -> Report: ...
def extract(
    html: Union[str, bytes], url: Optional[str] = ..., *, max_bytes: Optional[int] = ...
) -> Dict[str, Any]: ...
def batch(
    pairs: Iterable[Dict[str, Any]],
    jobs: Optional[int] = ...,
    *,
    max_bytes: Optional[int] = ...,
    max_sentences: Optional[int] = ...,
    timeout: Optional[float] = ...,
    cache: Optional[PathLike] = ...,
    offline: bool = ...,
) -> List[Report]: ...
def to_frame(report: Report) -> Any: ...

SUMMARY_COLUMNS: tuple[str, ...]
REPORT_SCHEMA: str

def compare_frame(frame: Any, *, html: bool = ..., jobs: int = ..., **options: Any) -> Any: ...
def index(
    dir: PathLike, sources: Union[PathLike, Sequence[PathLike]], *, max_bytes: Optional[int] = ...
) -> Dict[str, Any]: ...
def find(
    index: PathLike,
    adapted: PathLike,
    *,
    top: int = ...,
    min_coverage: float = ...,
    days: Optional[int] = ...,
    date: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
    timeout: Optional[float] = ...,
    cache: Optional[PathLike] = ...,
    offline: bool = ...,
) -> Dict[str, Any]: ...
