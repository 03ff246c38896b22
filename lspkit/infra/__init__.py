"""Infrastructure every stage may use and none owns: the cache, limits, PDF guards, outputs, errors, page specs."""
