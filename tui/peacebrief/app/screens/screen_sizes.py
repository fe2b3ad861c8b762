"""The sizes of the terminal at which the main screen changes its layout."""

WIDE = 120  # from this many columns, the detail panel sits beside the pane
COMPACT = 80  # under this many columns, the top line names only the current pane
SHORT = 20  # under this many lines, the panes and the detail panel give up their minimum heights
