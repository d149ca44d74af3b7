"""The attendee page that `tuneup serve` gives browsers: its join code, the names it answers
to, and the server. Nothing here imports textual (the app runs in a process per attendee)."""
