"""Documents and corpora as pictures: HTML document views, a corpus report, figures.

* :func:`document_html` and :func:`documents_page` show documents as HTML
  (``Document._repr_html_`` in a notebook, ``nkcorpus show FILE --html``);
* :func:`write_report` writes the corpus report (``nkcorpus report``);
* :class:`CorpusStats` gathers the report's figures in one pass, each
  available as a pandas DataFrame.

Nothing here reaches the network, and every string from a document is escaped.
"""

from __future__ import annotations

from nkcorpus.views.document import document_html, documents_page, iter_documents_page
from nkcorpus.views.figures import CorpusStats
from nkcorpus.views.report import report_html, write_report

__all__ = [
    "CorpusStats",
    "document_html",
    "documents_page",
    "iter_documents_page",
    "report_html",
    "write_report",
]
