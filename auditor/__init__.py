"""cxaudit's engine: it crawls a site, runs the checks it is given and assembles one result document."""

__version__ = "0.1.0"
