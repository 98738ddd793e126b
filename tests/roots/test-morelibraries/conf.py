project = 'More libraries'
copyright = '2026, the tests'
extensions = ['sphinxext_wsclose']
version = '1.0'
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
nitpicky = True
wsclose_libraries = ['tungstenite', 'swift', 'ktor']
