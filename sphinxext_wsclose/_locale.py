"""Translation helpers: every label and message goes through these."""

from __future__ import annotations

from sphinx.locale import get_translation

#: The gettext domain of this extension's message catalog.
MESSAGE_CATALOG = 'sphinxext_wsclose'

#: Translates text that lands in the built documents.
_ = get_translation(MESSAGE_CATALOG)
#: Translates console messages (warnings).
__ = get_translation(MESSAGE_CATALOG, 'console')
