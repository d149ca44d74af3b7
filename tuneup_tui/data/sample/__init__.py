"""The deterministic sample pack (see `generate`): one coherent company's exports, for the demo
and for tests. The package imports nothing itself, so its modules load without loading it all."""
