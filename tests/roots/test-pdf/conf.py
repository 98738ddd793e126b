project = 'PDF'
author = 'The tests'
copyright = '2026, the tests'
extensions = ['sphinxext_wsclose']
version = '1.0'
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
latex_engine = 'pdflatex'
# A project's own code whose name and description hold every LaTeX special,
# and a command that would read a file if it were not escaped.
wsclose_codes = {
    4001: {
        'name': r'Token \input{/etc/passwd} $5 & 100% off',
        'description': r'\input{/etc/passwd} $ % & _ # { } ~ ^',
        'constant': 'TOKEN_EXPIRED',
    },
}
