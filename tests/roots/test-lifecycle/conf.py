import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = 'Chat'
extensions = ['sphinxext_wsclose', 'sphinx.ext.autodoc']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = 'chatenum:ChatClose'
