# Settings live in base.py; dev, test and production extend it.
