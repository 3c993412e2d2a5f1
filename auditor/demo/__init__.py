"""The bundled demo shop: a real HTTP server that behaves like a small online store, for `make audit`,
for trying cxaudit by hand, and as the base of the test suite's fixture shops."""
