"""Importing another department's workbook, step by step: the file (chosen or dropped) →
what it holds → which column of the file is which field → what the import would do
(inserts, updates with their cell-level changes, rejected rows and why) → the import
itself, in one transaction → the result.

Every read of the file and every use of the vault runs on the database worker; the pages
only show what the tasks bring back. A page whose Next needs work starts its task and
returns False from validatePage; when the task is done the wizard moves on by itself.

The modules: common (settings, page numbers, the task page, the commit gate), file_pages
(the file, what it holds), mapping (columns → fields), preview (what would happen, the
import, the result), wizard (the pages in order). What needs no Qt lives below the UI:
the header and field guesses in exchange.excel (header, importspec), the reading and
checking in services.importer."""

from desktop.ui.exchange.import_wizard.common import (
                                             IMPORT_FOLDER,
                                             PAGE_DONE,
                                             PAGE_FILE,
                                             PAGE_KIND,
                                             PAGE_MAPPING,
                                             PAGE_PREVIEW,
                                             CommitGate,
)
from desktop.ui.exchange.import_wizard.mapping import ColumnDelegate, MappingModel
from desktop.ui.exchange.import_wizard.wizard import ImportWizard

__all__ = ["IMPORT_FOLDER", "PAGE_DONE", "PAGE_FILE", "PAGE_KIND", "PAGE_MAPPING", "PAGE_PREVIEW",
           "ColumnDelegate", "CommitGate", "ImportWizard", "MappingModel"]
