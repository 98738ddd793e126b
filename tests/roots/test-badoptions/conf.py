project = 'Options'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
numfig = True
wsclose_codes = {4002: {'name': 'Room full', 'constant': 'ROOM_FULL'}}
