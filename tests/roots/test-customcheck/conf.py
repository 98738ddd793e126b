project = 'Checks'
extensions = ['sphinxext_wsclose']
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
wsclose_codes = {
    4002: 'Room full',
    'x': 'Bad key',
    4003: 42,
    4004: {'name': 'Odd', 'colour': 'red'},
    4005: {'description': 'No name'},
    1008: 'My policy',
    999: 'Too low',
    2500: 'Draft extension',
    4006: 'room full',
}
wsclose_role_format = '{code}: {title}'
wsclose_fallback = 'sometimes'
