"""Benchmarks and the data sets they load."""
