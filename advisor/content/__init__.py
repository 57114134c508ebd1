"""Seeded content as plain data, read by the data migrations that load it and by the pure engine tests."""
