"""The index's plain types: what the build's own process needs to describe the index.

Kept apart from index_builder, shards and site_index so that importing the plugin loads
neither numpy nor lunr (with nltk, which lunr imports where installed): about 0.3 s a build.
Only the process that writes the index imports those (plugin.write_index).
"""

from dataclasses import dataclass, field


@dataclass
class Field:
    name: str
    boost: float = 1


@dataclass
class Document:
    ref: str
    fields: dict  # field name -> text
    boost: float = 1


@dataclass
class ShardOptions:
    first_tier: int = 256  # documents in a term's head
    growth: int = 2  # each later tier is this many times the one before
    shard_bytes: int = 12000  # aim for shards about this size before compression


@dataclass
class IndexOptions:
    fields: list[Field]
    types: dict[str, str]  # content type key -> label, in filter order
    shard: ShardOptions = field(default_factory=ShardOptions)
    synonyms: list[list[str]] = field(default_factory=list)
    gzip: bool = True
    record_pack_bytes: int = 4000
    skip_headings: tuple[str, ...] = ()  # sections left out of the index (links to other pages)
