project = 'PDF tables'
author = 'The tests'
copyright = '2026, the tests'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
latex_engine = 'pdflatex'
latex_documents = [('index', 'tables.tex', 'PDF tables', 'The tests', 'manual')]
# A project's own code with a constant longer than any registered one, and
# one whose words have nowhere to break.
wsclose_codes = {
    4001: {
        'name': 'Session expired',
        'description': 'The session token expired and cannot be renewed.',
        'constant': 'SESSION_TOKEN_EXPIRED_AND_NOT_RENEWABLE',
    },
    4002: {
        'name': 'Averyveryverylongnamewithnospaceatall0123456789abcdefghijklmnop',
        'description': 'See https://example.org/a/very/long/path/with/no/space/0123456789.',
        'constant': 'X' * 70,
    },
}
