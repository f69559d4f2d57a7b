"""What spans screens: exports and the workbook import (``workbook``), leaving without losing work (``leaving``)."""
