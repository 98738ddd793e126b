"""Translation helpers: every label and message goes through these."""

from __future__ import annotations

from sphinx.locale import get_translation

from sphinxext_wsclose.values import N_

#: The gettext domain of this extension's message catalog.
MESSAGE_CATALOG = 'sphinxext_wsclose'

#: Translates text that lands in the built documents.
_ = get_translation(MESSAGE_CATALOG)
#: Translates console messages (warnings).
__ = get_translation(MESSAGE_CATALOG, 'console')


#: The labels of the registry's ranges, as in "4001 (private use)".  The
#: registry imports nothing from Sphinx, so they are marked here for the
#: catalog, and translated with ``_`` where they are shown.
RANGE_LABELS = (
    N_('not used'),
    N_('protocol range'),
    N_('registered range'),
    N_('private use'),
    N_('undefined'),
    N_('unassigned'),
)
