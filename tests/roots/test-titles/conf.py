project = 'Titles'
extensions = ['sphinxext_wsclose']
show_warning_types = True
