"""The preview rebuilds on changes only, not when the build itself reads files."""

from watchdog.events import FileModifiedEvent, FileOpenedEvent

from kvi.build import ROOT
from kvi.serve import _Rebuild


def test_reading_a_file_does_not_trigger_a_rebuild_but_changing_it_does():
    watcher = _Rebuild("http://127.0.0.1:8000/")
    page = str(ROOT / "content" / "de" / "index.md")
    watcher.on_any_event(FileOpenedEvent(page))
    assert not watcher.changed.is_set()
    watcher.on_any_event(FileModifiedEvent(str(ROOT / ".build" / "docs" / "de" / "index.md")))
    assert not watcher.changed.is_set()
    watcher.on_any_event(FileModifiedEvent(page))
    assert watcher.changed.is_set()
