"""Demo data builders (``regie demo``, first start, benchmarks, tests)."""
