project = 'Every builder'
copyright = '2026, the tests'
version = '1.0'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = {4001: {'name': 'Token expired', 'constant': 'TOKEN_EXPIRED',
                        'description': 'The access token expired.'}}
