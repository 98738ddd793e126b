project = 'Only'
extensions = ['sphinxext_wsclose']
show_warning_types = True
latex_documents = [('index', 'only.tex', 'Only', 'The authors', 'howto')]
