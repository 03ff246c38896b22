"""`python -m lspkit`: the same command as `lspkit`."""
from .cli import main

if __name__ == "__main__":
    main()
