project = 'Escaping'
version = '1.0'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = {
    4001: {
        'name': '<script>alert(1)</script>',
        'description': '" onmouseover="x \\input{/etc/passwd} ` | $ % & # _ ~ ^',
        'constant': 'X_<b>',
    },
}
smartquotes = False  # compare the text exactly as written
