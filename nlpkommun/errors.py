"""Typed errors raised by nlpkommun. Every error the library raises on bad input
derives from :class:`NlpkommunError`, so callers can catch one class."""

from __future__ import annotations


class NlpkommunError(Exception):
    """Base class of every error nlpkommun raises deliberately."""

    #: short machine-readable name used in error manifests and CLI output
    code: str = "error"


class InputError(NlpkommunError):
    """The input could not be read as a document."""

    code = "input"


class InputNotFoundError(InputError):
    """The path does not exist or is not a readable file."""

    code = "not_found"


class UnsupportedFormatError(InputError):
    """The input is neither text nor PDF (e.g. a binary file, an image, a .docx)."""

    code = "unsupported_format"


class EmptyDocumentError(InputError):
    """The input has no text at all (zero bytes, or only whitespace)."""

    code = "empty"


class DecodingError(InputError):
    """Text bytes could not be decoded in any supported encoding."""

    code = "decoding"


class ModelError(NlpkommunError):
    """A model or pipeline could not be loaded."""

    code = "model"


class ModelNotFoundError(ModelError):
    """The requested model (path or package) is not installed."""

    code = "model_not_found"


class BackendNotInstalledError(ModelError):
    """An optional backend (stanza, pypdfium2, ...) is not installed; the message names the
    exact install command."""

    code = "backend_missing"


class PdfError(InputError):
    """A PDF could not be read (base class of the PDF-specific errors)."""

    code = "pdf"


class NotPdfError(PdfError):
    """The bytes are not a PDF (no ``%PDF-`` signature, or zero bytes)."""

    code = "not_pdf"


class PdfEncryptedError(PdfError):
    """The PDF is encrypted with a password (or an unsupported encryption scheme)."""

    code = "pdf_encrypted"


class PdfCorruptError(PdfError):
    """The PDF is truncated or damaged beyond repair (no readable page tree)."""

    code = "pdf_corrupt"


class PdfLimitError(PdfError):
    """The PDF exceeds a configured limit (size, time, decompressed stream size): a
    decompression bomb, an absurdly large file or one too slow to analyse."""

    code = "pdf_limit"


class TooLargeError(InputError):
    """A file or archive member exceeds the batch size limit."""

    code = "too_large"


class ArchiveError(InputError):
    """An archive, or one of its members, is unreadable or unsafe (path traversal,
    absolute path, symlink or device member, encrypted, zip bomb, too many members)."""

    code = "archive"


class BatchError(NlpkommunError):
    """The batch run itself cannot proceed (output exists without --resume, output locked
    by another run, a worker that never starts, a failed cluster shard)."""

    code = "batch"


class WorkerCrashedError(NlpkommunError):
    """The worker process died (segfault, killed, out of memory) while processing the
    document; the document is recorded as failed and the worker replaced."""

    code = "worker_crashed"


class DocumentTimeoutError(NlpkommunError):
    """Processing the document took longer than the per-document timeout."""

    code = "timeout"


class WorkerMemoryError(NlpkommunError):
    """The worker exceeded its memory limit while processing the document."""

    code = "worker_memory"
