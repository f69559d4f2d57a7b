"""The one-call constructors of ruamel's events (``yamlfile.events``) must build exactly the events
ruamel's own chain of constructors builds, whatever the arguments, positional or by name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.events import CommentCheck

from planaction.yamlfile import events

VALUES = st.one_of(st.none(), st.text(max_size=5), st.booleans(), st.just(CommentCheck), st.integers())


def state(event: object) -> dict:
    return {
        name: getattr(event, name, "<unset>") for cls in type(event).__mro__ for name in getattr(cls, "__slots__", ())
    }


def test_the_constructors_were_replaced_on_this_ruamel() -> None:
    """The pinned ruamel is one whose classes these constructors copy (else reading is only slower)."""
    assert events.FLATTENED
    assert events.ScalarEvent.__init__ is not events.ORIGINAL_INITS[events.ScalarEvent]


@settings(max_examples=200, deadline=None)
@given(args=st.lists(VALUES, min_size=4, max_size=8), by_name=st.booleans())
def test_a_scalar_event_is_built_as_ruamel_builds_it(args: list, by_name: bool) -> None:
    names = ("anchor", "tag", "implicit", "value", "start_mark", "end_mark", "style", "comment")
    kwargs = dict(zip(names[4:], args[4:], strict=False)) if by_name else {}
    positional = args[:4] if by_name else args
    ours = events.ScalarEvent(*positional, **kwargs)
    theirs = object.__new__(events.ScalarEvent)
    events.ORIGINAL_INITS[events.ScalarEvent](theirs, *positional, **kwargs)
    assert state(ours) == state(theirs)


@settings(max_examples=200, deadline=None)
@given(args=st.lists(VALUES, min_size=3, max_size=8), mapping=st.booleans())
def test_a_collection_start_is_built_as_ruamel_builds_it(args: list, mapping: bool) -> None:
    cls = events.MappingStartEvent if mapping else events.SequenceStartEvent
    ours = cls(*args)
    theirs = object.__new__(cls)
    events.ORIGINAL_INITS[events.CollectionStartEvent](theirs, *args)
    assert state(ours) == state(theirs)
