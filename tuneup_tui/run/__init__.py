"""The run being facilitated, without any screen: its schedule on a clock, every change the day
makes to the store (one front door, `LiveRun`), what the store holds for it read once per change
(`DayRecords`), and the day's panels computed away from the console (`panels.py`).

The console shows what this package holds and asks it for every change; the command line opens
runs through it too. Nothing here imports textual (a test proves it).
"""
