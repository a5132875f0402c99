"""nlpkommun: who and what Swedish municipal committee documents are about.

>>> import nlpkommun
>>> record = nlpkommun.extract("protokoll.pdf")   # doctest: +SKIP
>>> [(p.name, p.party) for p in record.persons]   # doctest: +SKIP
"""

import nlpkommun.errors as errors
from nlpkommun.api import Failure, extract, extract_many, load
from nlpkommun.records import SCHEMA_VERSION, DocumentRecord

__version__ = "0.1.0"

__all__ = ["errors", "DocumentRecord", "Failure", "SCHEMA_VERSION", "__version__", "extract", "extract_many", "load"]
