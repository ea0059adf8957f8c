"""timeline: a chronology of Trump–Zelensky–Putin contacts from Dutch news."""

__version__ = "0.1.0"
