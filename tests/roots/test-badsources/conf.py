import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = 'Bad sources'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = 'badcodes_enum:Placed'
