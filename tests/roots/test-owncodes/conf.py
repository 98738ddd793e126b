project = 'Chat'
version = '1.0'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = {
    4002: {
        'name': 'Room full',
        'description': 'The room has no free seat.',
        'constant': 'ROOM_FULL',
    },
    4003: 'Kicked',
}
