"""Documents: the register record, encrypted content versions, clearance, search, and
the acts the state-secret law asks to record (export, print, copy, level change,
extension, destruction).

Content: each version is a blob (desktop.security.blobs) under its own random content
key, wrapped by the level key of the document's level with
content_key_context(vault id, document id, version, level). A user below a level holds
no key for it (services/levels.py), so the checks here are backed by cryptography: a
doctored level column does not open anything, it only makes the unwrap fail.

Every read of content (open, stream, export), every print and every refused attempt is
an audit row; audit rows carry ids, numbers, levels, sizes and the reasons users give,
never document text or search words.

The package: records (inputs and outputs), register (adding, listing), content (reading,
streaming, exporting, printing, housekeeping), acts (destruction, level change, extension,
copies), search, keys (content keys and digests), common (what they share). Callers use
the names below.
"""

from desktop.services.documents.acts import (
                                             change_level,
                                             destroy_document,
                                             extend_protection,
                                             record_copy,
)
from desktop.services.documents.common import VIEW_LIMIT, MiB, rules
from desktop.services.documents.content import (
                                             DocumentStream,
                                             export_copy,
                                             open_stream,
                                             read_content,
                                             record_print,
                                             sweep_orphan_blobs,
)
from desktop.services.documents.keys import seal_digest
from desktop.services.documents.records import (
                                             CopyInfo,
                                             DocumentDetail,
                                             DocumentInput,
                                             DocumentRow,
                                             EventInfo,
                                             ExtensionResult,
                                             SearchHit,
                                             VersionInfo,
)
from desktop.services.documents.register import (
                                             Source,
                                             add_document,
                                             add_version,
                                             get_document,
                                             list_documents,
)
from desktop.services.documents.search import search_documents, snippet_of

__all__ = [
    "MiB", "VIEW_LIMIT", "CopyInfo", "DocumentDetail", "DocumentInput", "DocumentRow",
    "DocumentStream", "EventInfo", "ExtensionResult", "SearchHit", "Source", "VersionInfo",
    "add_document", "add_version", "change_level", "destroy_document", "export_copy",
    "extend_protection", "get_document", "list_documents", "open_stream", "read_content",
    "record_copy", "record_print", "rules", "seal_digest", "search_documents", "snippet_of",
    "sweep_orphan_blobs",
]
