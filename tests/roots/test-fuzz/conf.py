project = 'Fuzz'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
