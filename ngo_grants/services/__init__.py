"""State changes of organisations and offers; views call these, never flip states themselves."""
