project = 'Semicolons'
extensions = ['sphinxext_wsclose']
show_warning_types = True
wsclose_codes = {4001: 'Token; expired'}
latex_documents = [('index', 'semicolons.tex', 'Semicolons', 'The authors', 'howto')]
