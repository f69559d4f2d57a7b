"""The widgets the tabs and screens lay out: the fast table, the detail pane, the dashboard, the timeline, the tree."""
