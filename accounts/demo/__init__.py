"""Demo accounts: the administrator, each centre's staff and a few residents."""
