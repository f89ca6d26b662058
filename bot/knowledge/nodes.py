"""YAML read into small located nodes from libyaml's events, a top-level list at a time if wanted.

PyYAML's own node tree keeps two Mark objects per node and the whole file at
once: 900 MB for a 100,000-fact knowledge file. Here a node keeps its line and
its value, and ``Events.fields`` hands out one top-level field at a time, with
the list under a chosen key (the facts) read item by item, so each item's nodes
can be freed as soon as it has been read.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL_TAG = "tag:yaml.org,2002:null"
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))  # what YAML reads as "no value" when unquoted


@dataclass(slots=True)
class Scalar:
    line: int
    value: str
    null: bool


@dataclass(slots=True)
class Sequence:
    line: int
    value: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Mapping:
    line: int
    value: list[Node] = field(default_factory=list)
    """Keys and values alternating."""

    def pairs(self) -> Iterator[tuple[Node, Node]]:
        items = iter(self.value)
        return zip(items, items, strict=True)


Node = Scalar | Sequence | Mapping


class Unreadable(Exception):
    """Valid YAML syntax that still makes no tree: an alias to no anchor, a second document."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _line(event: yaml.Event) -> int:
    return event.start_mark.line if event.start_mark else 0


class Events:
    """The events libyaml reads from a file, composed into nodes one at a time.

    A top-level mapping is given field by field, and a list under ``lazy_key``
    item by item (``LazyList``), so an item's nodes can be freed once it is
    read: the node tree of the whole file never exists at once.
    """

    def __init__(self, stream: BinaryIO, *, lazy_key: str | None = None, budget: int | None = None) -> None:
        """``budget`` bounds the values the file stands for, aliases expanded: past it, Unreadable."""
        self._parser = _Loader(stream)
        self._lazy_key = lazy_key
        self._anchors: dict[str, Node] = {}
        self._sizes: dict[str, int] = {}  # by anchor: how many values its node holds
        self._budget = budget
        self._count = 0  # values read so far, each alias counting the values it stands for

    def document(self) -> Node | Top | None:
        """The top level: fields as they come when it is a mapping; None for an empty file."""
        self._parser.get_event()  # the stream starts
        if self._parser.check_event(yaml.StreamEndEvent):
            return None
        self._parser.get_event()  # the document starts
        if self._parser.check_event(yaml.MappingStartEvent):
            return Top(_line(self._parser.get_event()), self)
        root = self.node()
        self.end()
        return root

    def fields(self) -> Iterator[tuple[Node, Node | LazyList]]:
        """Each key of the top-level mapping with its value; a list under ``lazy_key`` is read lazily."""
        while not self._parser.check_event(yaml.MappingEndEvent):
            key = self.node()
            lazy = isinstance(key, Scalar) and key.value == self._lazy_key
            if lazy and self._parser.check_event(yaml.SequenceStartEvent):
                items = LazyList(_line(self._parser.get_event()), self)
                yield key, items
                items.read_all()  # whatever the reader left unread
            else:
                yield key, self.node()
        self._parser.get_event()
        self.end()

    def item(self) -> Node | None:
        """The next item of the list being read, None at its end."""
        if self._parser.check_event(yaml.SequenceEndEvent):
            self._parser.get_event()
            return None
        return self.node()

    def end(self) -> None:
        self._parser.get_event()  # the document ends
        if not self._parser.check_event(yaml.StreamEndEvent):
            raise Unreadable(_line(self._parser.get_event()), "a second document (after ---): keep everything in one")

    def node(self) -> Node:
        """The next whole node: a scalar, or a list or mapping with everything in it."""
        open_nodes: list[Sequence | Mapping] = []
        starts: list[tuple[str | None, int]] = []  # each open node's anchor and the count where it began
        while True:
            event = self._parser.get_event()
            kind = type(event)
            node: Node
            self._count += self._sizes.get(event.anchor, 1) if kind is yaml.AliasEvent else 1
            if self._budget is not None and self._count > self._budget:
                raise Unreadable(
                    _line(event),
                    "the file's aliases (*name) repeat more than it holds; write each fact out on its own",
                )
            if kind is yaml.ScalarEvent:
                tag = event.tag
                null = tag == _NULL_TAG or (tag in (None, "!") and event.implicit[0] and event.value in _NULL_WORDS)
                node = Scalar(_line(event), event.value, null)
            elif kind is yaml.SequenceStartEvent:
                node = Sequence(_line(event))
            elif kind is yaml.MappingStartEvent:
                node = Mapping(_line(event))
            elif kind is yaml.AliasEvent:
                if event.anchor not in self._anchors:
                    raise Unreadable(_line(event), f"*{event.anchor} refers to no &{event.anchor} above it")
                node = self._anchors[event.anchor]
            else:  # the end of a list or mapping: nothing else can come inside a node
                done = open_nodes.pop()
                anchor, start = starts.pop()
                if anchor is not None:
                    self._sizes[anchor] = self._count - start
                if not open_nodes:
                    return done
                continue
            if event.anchor is not None and kind is not yaml.AliasEvent:
                self._anchors[event.anchor] = node
            if open_nodes:
                open_nodes[-1].value.append(node)
            elif kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                return node
            if kind is not yaml.AliasEvent and isinstance(node, (Sequence, Mapping)):
                open_nodes.append(node)
                starts.append((event.anchor, self._count - 1))


@dataclass(slots=True)
class Top:
    """The top-level mapping, read field by field."""

    line: int
    events: Events

    def fields(self) -> Iterator[tuple[Node, Node | LazyList]]:
        return self.events.fields()


class LazyList:
    """A list read one item at a time (``items``) or kept whole (``read_all``)."""

    def __init__(self, line: int, events: Events) -> None:
        self.line = line
        self._events: Events | None = events
        self._kept: deque[Node] = deque()

    def read_all(self) -> None:
        """Keep every item not read yet, before the parser moves on to the next field."""
        while self._events is not None and (item := self._events.item()) is not None:
            self._kept.append(item)
        self._events = None

    def items(self) -> Iterator[Node]:
        """Each item's node, once."""
        while self._kept:
            yield self._kept.popleft()
        while self._events is not None and (item := self._events.item()) is not None:
            yield item
        self._events = None
