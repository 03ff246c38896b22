"""Optional engines that run a batch beyond one machine's process pool (Dask)."""
