project = 'Titles'
extensions = ['myst_parser', 'sphinxext_wsclose']
show_warning_types = True
