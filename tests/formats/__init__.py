"""Tests of the format registry and its formats."""
