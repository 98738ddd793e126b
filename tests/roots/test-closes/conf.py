import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = 'Chat'
copyright = '2026, the tests'
version = '1.0'
extensions = ['sphinx.ext.autodoc', 'sphinx.ext.napoleon', 'sphinxcontrib.httpdomain',
              'sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = 'chatapi:ChatClose'
myst_enable_extensions = ['fieldlist']  # field lists in MyST directives
