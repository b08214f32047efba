"""The preview follows changes only, not the build's own reading and writing."""

from pathlib import Path

from watchdog.events import FileModifiedEvent, FileOpenedEvent

from kvi.build import ROOT
from kvi.serve import _Watcher


def test_reading_a_file_does_not_count_as_a_change_but_changing_it_does():
    watcher = _Watcher(ROOT)
    page = ROOT / "content" / "de" / "index.md"
    watcher.on_any_event(FileOpenedEvent(str(page)))
    assert not watcher.changed.is_set()
    watcher.on_any_event(FileModifiedEvent(str(ROOT / ".build" / "preview-work" / "docs" / "de" / "index.md")))
    assert not watcher.changed.is_set()
    watcher.on_any_event(FileModifiedEvent(str(page)))
    assert watcher.changed.is_set()
    assert watcher.take() == {Path(page)}
    assert not watcher.changed.is_set()
