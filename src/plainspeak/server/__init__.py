"""``plainspeak serve``: a private server on the writer's own machine.

``requests`` turns a request's fields into options and a report (pure, no
sockets); ``languagetool`` answers LanguageTool's ``/v2/check`` so its clients
can use plainspeak; ``http`` binds the socket, checks Host and Origin, limits
bodies and routes; ``page`` is the one page it serves.
"""
