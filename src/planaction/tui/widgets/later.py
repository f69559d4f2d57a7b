"""A tab's widgets, built when the tab is first shown or once the app has nothing else to do.

Textual's ``Lazy`` mounts its widget right after the first refresh: the nine hidden
tabs of a plan were built before the app answered its first key, and the first
paint waited for them (a tenth of a second at 1,000 actions). ``Later`` holds its
widget until ``reveal`` is awaited: by the key that shows its tab (which awaits it,
so that keys typed after the digit find the tab's own keys), or by the screen when
it is idle after the first paint, one tab at a time.
"""

from __future__ import annotations

from textual.widget import Widget


class Later(Widget):
    """Holds ``widget`` out of the screen until ``reveal``."""

    DEFAULT_CSS = """
    Later {
        display: none;
    }
    """

    def __init__(self, widget: Widget) -> None:
        self._held: Widget | None = widget
        super().__init__()

    def compose_add_child(self, widget: Widget) -> None:
        if self._held is not None:
            self._held.compose_add_child(widget)

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        """Nothing now: ``reveal`` mounts it."""

    @property
    def revealed(self) -> bool:
        return self._held is None

    async def reveal(self) -> None:
        """Mount the held widget in this place (once; a second call does nothing)."""
        parent = self.parent
        if self._held is None or not isinstance(parent, Widget) or not parent.is_attached:
            return  # built already, or its screen is closing: nothing to build
        held, self._held = self._held, None
        await parent.mount(held, after=self)
        await self.remove()
