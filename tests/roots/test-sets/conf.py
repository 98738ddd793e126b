project = 'Game'
copyright = '2026, the tests'
version = '1.0'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_sets = ['graphql-transport-ws', 'discord-gateway']
