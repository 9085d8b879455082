"""Demo data of the roundtables side.

``history`` is the UNECE Regional Review 2024 of the source summary report, fixed in the
past; ``example`` is a worked example of the next round in Asia and the Pacific (ESCAP)
whose dates follow the day the demo is loaded, so that every journey can be tried.
"""
