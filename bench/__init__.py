"""The benchmarks: `python -m bench` measures each figure against a baseline and its target.

One module per figure group (start, data, responsiveness, store, summary), each with
`run(options) -> list[Figure]`; the `*_child` modules are the processes some of them time.
docs/benchmarks.md says what each figure is and what it was last measured at.
"""
